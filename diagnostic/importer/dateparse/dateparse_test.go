package dateparse

import (
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	d := func(y, m, dd, h, mi int) time.Time { return time.Date(y, time.Month(m), dd, h, mi, 0, 0, time.UTC) }
	cases := []struct {
		in   string
		l    Layout
		want time.Time
		p    Precision
	}{
		{"2016-10-20", YMD, d(2016, 10, 20, 0, 0), Day},
		{"2024-03-05T10:15:00Z", YMD, d(2024, 3, 5, 10, 15), Day},
		{"2024-03-05 10:15:00+01:00", YMD, d(2024, 3, 5, 10, 15), Day},
		{"2018.04.24 3:00", YMD, d(2018, 4, 24, 3, 0), Day}, // olist won_date
		{"2018.02.26 19:58", YMD, d(2018, 2, 26, 19, 58), Day},
		{"2017.06.14", YMD, d(2017, 6, 14, 0, 0), Day},
		{"20240305", YMD, d(2024, 3, 5, 0, 0), Day},
		{"3/1/2017", MDY, d(2017, 3, 1, 0, 0), Day}, // Maven resaved by US Excel
		{"3/1/2017", DMY, d(2017, 1, 3, 0, 0), Day},
		{"3/1/2017 9:15 PM", MDY, d(2017, 3, 1, 21, 15), Day},
		{"05-03-24", DMY, d(2024, 3, 5, 0, 0), Day},
		{"01-03-16", MDY, d(2016, 1, 3, 0, 0), Day}, // Excel mm-dd-yy
		{"2024-03", YM, d(2024, 3, 1, 0, 0), Month},
		{"2025M12", YM, d(2025, 12, 1, 0, 0), Month}, // INE periods
		{"202403", YM, d(2024, 3, 1, 0, 0), Month},
		{"03/2024", MY, d(2024, 3, 1, 0, 0), Month},
		{"ene-24", Text, d(2024, 1, 1, 0, 0), Month},
		{"Mar 2024", Text, d(2024, 3, 1, 0, 0), Month},
		{"marzo de 2024", Text, d(2024, 3, 1, 0, 0), Month},
		{"Sept. 2023", Text, d(2023, 9, 1, 0, 0), Month},
		{"domingo, 2 de octubre de 2022", Text, d(2022, 10, 2, 0, 0), Day},
		{"15-mar-2024", Text, d(2024, 3, 15, 0, 0), Day},
		{"March 15, 2024", Text, d(2024, 3, 15, 0, 0), Day},
		{"Q1 2024", Qtr, d(2024, 1, 1, 0, 0), Quarter},
		{"2024-Q3", Qtr, d(2024, 7, 1, 0, 0), Quarter},
		{"1T 2024", Qtr, d(2024, 1, 1, 0, 0), Quarter},
		{"T4 2023", Qtr, d(2023, 10, 1, 0, 0), Quarter},
		{"2022 (P)", Yr, d(2022, 1, 1, 0, 0), Year}, // INE provisional year
		{"2016", Yr, d(2016, 1, 1, 0, 0), Year},
		{"2024-W01", Wk, d(2024, 1, 1, 0, 0), Week}, // 2024-01-01 is a Monday
		{"45352", Serial, d(2024, 3, 1, 0, 0), Day},
		{"45352.5", Serial, d(2024, 3, 1, 12, 0), Day},
	}
	for _, c := range cases {
		got, err := Parse(c.in, c.l)
		if err != nil {
			t.Errorf("Parse(%q, %v): %v", c.in, c.l, err)
			continue
		}
		if !got.Time.Equal(c.want) || got.Precision != c.p {
			t.Errorf("Parse(%q, %v) = %v %v, want %v %v", c.in, c.l, got.Time, got.Precision, c.want, c.p)
		}
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		in   string
		l    Layout
		want error
	}{
		{"31/02/2024", DMY, ErrImpossible},
		{"2024-02-30", YMD, ErrImpossible},
		{"2023-13-01", YMD, ErrImpossible},
		{"10/20/2016", DMY, ErrLayout}, // a month-first date in a day-first column
		{"hello", YMD, ErrNotDate},
		{"05.jan", YMD | Text, ErrNotDate}, // olist average_stock: a range Excel mangled
		{"45352", YMD, ErrNotDate},         // serials only where allowed
		{"", YMD, ErrNotDate},
		{"2024-03-05 25:00", YMD, ErrNotDate},
	}
	for _, c := range cases {
		if _, err := Parse(c.in, c.l); err != c.want {
			t.Errorf("Parse(%q, %v) error = %v, want %v", c.in, c.l, err, c.want)
		}
	}
}

func TestDetector(t *testing.T) {
	cases := []struct {
		name    string
		values  []string
		want    Layout
		decided bool
		desc    string
	}{
		// 10/20/2016 can only be month-first, so 3/1/2017 is March 1st.
		{"us", []string{"3/1/2017", "10/20/2016", "3/7/2017"}, MDY, true, "M/D/YYYY"},
		{"es", []string{"3/1/2017", "20/10/2016"}, DMY, true, "D/M/YYYY"},
		{"undecided", []string{"3/1/2017", "4/5/2017"}, DMY, false, "D/M/YYYY"},
		{"iso", []string{"2016-10-20", "2017-03-01"}, YMD, true, "YYYY-MM-DD"},
		{"olist", []string{"2018.04.24 3:00", "2018.02.26 19:58"}, YMD, true, "YYYY.MM.DD h:mm"},
		{"ine", []string{"2025M12", "2002M01"}, YM, true, "YYYY-MM (2025M12)"},
	}
	for _, c := range cases {
		var d Detector
		for _, v := range c.values {
			d.Add(v)
		}
		l, decided := d.Layout(DMY)
		if l != c.want || decided != c.decided {
			t.Errorf("%s: Layout = %v %v, want %v %v", c.name, l, decided, c.want, c.decided)
		}
		if got := d.Describe(l); got != c.desc {
			t.Errorf("%s: Describe = %q, want %q", c.name, got, c.desc)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2024-03-05", "3/1/2017 9:15 PM", "marzo de 2024", "Q1 2024", "2022 (P)", "45352.5", "2018.04.24 3:00", "2024-W53", "1er trimestre 2024"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, _ := Classify(s, true)
		for _, one := range []Layout{YMD, DMY, MDY, YM, MY, Text, Wk, Qtr, Yr, Serial} {
			d, err := Parse(s, one)
			if l&one != 0 && err != nil {
				t.Fatalf("Classify(%q) allows %v but Parse fails: %v", s, one, err)
			}
			if err == nil && d.Time.IsZero() {
				t.Fatalf("Parse(%q, %v) gave a zero time", s, one)
			}
		}
	})
}
