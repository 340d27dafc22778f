package numparse

import (
	"math"
	"testing"
)

func TestParse(t *testing.T) {
	cases := []struct {
		in   string
		f    Format
		want float64
		pct  bool
		cur  string
	}{
		{"1054", PointComma, 1054, false, ""},
		{"1.234,56", CommaDot, 1234.56, false, ""},
		{"1,234.56", PointComma, 1234.56, false, ""},
		{"14.654.495", CommaDot, 14654495, false, ""}, // INE 72956: thousands dots
		{"939.647.000", CommaDot, 939647000, false, ""},
		{"119,942", CommaDot, 119.942, false, ""}, // INE 50902: decimal comma
		{"-0,3", CommaDot, -0.3, false, ""},
		{"2,0", CommaDot, 2, false, ""},
		{"1 234,5", CommaSpace, 1234.5, false, ""},
		{"1\u00a0234,5", CommaSpace, 1234.5, false, ""},
		{"1'234.5", PointApos, 1234.5, false, ""},
		{"€1,234.50", PointComma, 1234.5, false, "EUR"},
		{"1.234,50 €", CommaDot, 1234.5, false, "EUR"},
		{"USD 1,000", PointComma, 1000, false, "USD"},
		{"1.000 EUR", CommaDot, 1000, false, "EUR"},
		{"$ 12", PointComma, 12, false, "$"},
		{"(1,234.56)", PointComma, -1234.56, false, ""},
		{"-$5", PointComma, -5, false, "$"},
		{"21,5 %", CommaDot, 0.215, true, ""},
		{"21.5%", PointComma, 0.215, true, ""},
		{"-197.76000000000005", PointComma, -197.76000000000005, false, ""},
		{"1.5E-3", PointComma, 0.0015, false, ""},
		{"  42 ", CommaDot, 42, false, ""},
		{".5", PointComma, 0.5, false, ""},
		{"−7", PointComma, -7, false, ""},
	}
	for _, c := range cases {
		n, err := Parse(c.in, c.f)
		if err != nil {
			t.Errorf("Parse(%q, %v): %v", c.in, c.f, err)
			continue
		}
		if math.Abs(n.Value-c.want) > 1e-9 || n.Percent != c.pct || n.Currency != c.cur {
			t.Errorf("Parse(%q, %v) = %+v, want %v pct=%v cur=%q", c.in, c.f, n, c.want, c.pct, c.cur)
		}
	}
}

func TestParseRejects(t *testing.T) {
	cases := []struct {
		in string
		f  Format
	}{
		{"12,3x", PointComma},
		{"1.234,56", PointComma}, // wrong format for the column
		{"1,23,4", PointComma},   // groups of 3 only
		{"1.2345", CommaDot},     // a group of 4
		{"abc", PointComma},
		{"", PointComma},
		{"--5", PointComma},
		{"1,2", PointComma},
		{"=SUM(A1:A3)", PointComma},
		{"@cmd", PointComma},
		{".", PointComma},
	}
	for _, c := range cases {
		if n, err := Parse(c.in, c.f); err == nil {
			t.Errorf("Parse(%q, %v) = %v, want an error", c.in, c.f, n)
		}
	}
	if _, err := Parse("=1+2", PointComma); err != ErrFormula {
		t.Errorf("=1+2: err %v, want ErrFormula", err)
	}
}

func TestDetector(t *testing.T) {
	cases := []struct {
		name    string
		values  []string
		hint    byte
		want    Format
		decided bool
	}{
		// INE 50902 "Total": "119,942" alone is ambiguous, "-0,3" settles it.
		{"ine decimal comma", []string{"119,942", "119,532", "-0,3", "2,5"}, '.', CommaDot, true},
		// INE 72956 "Total": several dots can only be groups.
		{"ine thousands dots", []string{"14.654.495", "939.647.000", "2.137"}, '.', CommaDot, true},
		{"point decimals", []string{"29.85", "1889.5", "108.15"}, ',', PointComma, true},
		{"integers", []string{"1054", "4514", "50"}, ',', CommaDot, true},
		{"ambiguous", []string{"1,234", "5,678"}, '.', PointComma, false},
		{"ambiguous hint", []string{"1,234", "5,678"}, ',', CommaDot, false},
		{"us money", []string{"$1,234.00", "$12.50"}, ',', PointComma, true},
	}
	for _, c := range cases {
		var d Detector
		for _, v := range c.values {
			d.Add(v)
		}
		f, decided := d.Format(c.hint)
		if f.Decimal != c.want.Decimal || decided != c.decided {
			t.Errorf("%s: Format = %v decided=%v, want %v decided=%v", c.name, f, decided, c.want, c.decided)
		}
	}
	var d Detector
	for _, v := range []string{"1.234,56", "1,234.56"} {
		d.Add(v)
	}
	if d.Clean() {
		t.Error("a column with 1.234,56 and 1,234.56 should not be clean")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"1.234,56", "(1,234.56)", "€12", "21,5 %", "1E5", "USD 1", "-", "1 234", "−3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var d Detector
		d.Add(s)
		fm, _ := d.Format('.')
		n, err := Parse(s, fm)
		if err == nil && (math.IsNaN(n.Value)) {
			t.Fatalf("Parse(%q) = NaN", s)
		}
		mask, vals := Accepts(s)
		for i, f := range allFormats {
			if mask&(1<<i) == 0 {
				continue
			}
			n, err := Parse(s, f)
			if err != nil {
				t.Fatalf("Accepts(%q) claims %v but Parse fails: %v", s, f, err)
			}
			want := vals[i]
			if n.Percent {
				want /= 100
			}
			if n.Value != want && !(math.IsInf(n.Value, 0)) {
				t.Fatalf("Parse(%q, %v) = %v, Accepts says %v", s, f, n.Value, want)
			}
		}
	})
}
