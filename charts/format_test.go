package charts

import (
	"math"
	"slices"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

const nb = "\u00a0"

func TestFormatterLabel(t *testing.T) {
	es := func(u diagnostic.Unit) formatter { return formatter{lang: locale.ES, unit: u, currency: "EUR"} }
	en := func(u diagnostic.Unit) formatter { return formatter{lang: locale.EN, unit: u, currency: "EUR"} }
	tests := []struct {
		f    formatter
		v    float64
		want string
	}{
		{es(diagnostic.UnitMoney), 1234.5, "1.234" + nb + "€"}, // 0 decimals from 1.000 on; 1234.5 rounds half to even
		{en(diagnostic.UnitMoney), 1234.5, "€1,234"},
		{es(diagnostic.UnitMoney), 12.5, "12,50" + nb + "€"},
		{en(diagnostic.UnitMoney), 1234567, "€1.23M"}, // 1.234567 M with two decimals
		{es(diagnostic.UnitMoney), 1234567, "1,23" + nb + "M" + nb + "€"},
		{en(diagnostic.UnitMoney), -2.5e6, "\u2212€2.5M"},
		{es(diagnostic.UnitPercent), 0.215, "21,5" + nb + "%"},
		{en(diagnostic.UnitPercent), 0.215, "21.5%"},
		// The same as the tables (diagnostic.FormatValue): 2.5×, 77 days, 2.15 %.
		{en(diagnostic.UnitRatio), 2.45, "2.5×"},
		{en(diagnostic.UnitDays), 77.3, "77" + nb + "days"},
		{es(diagnostic.UnitDays), 45.5, "46" + nb + "días"},
		{en(diagnostic.UnitPercent), 0.0215, "2.15%"},
		{en(diagnostic.UnitCount), 4200, "4,200"},
		{es(diagnostic.UnitCount), 2.5e9, "2,5" + nb + "mil" + nb + "M"},
		{en(""), 3.14159, "3.1"}, // a score: one decimal at most, as in the tables
	}
	for _, tt := range tests {
		if got := tt.f.label(tt.v); got != tt.want {
			t.Errorf("%s %s label(%g) = %q, want %q", tt.f.lang, tt.f.unit, tt.v, got, tt.want)
		}
	}
}

func TestFormatterTick(t *testing.T) {
	tests := []struct {
		f            formatter
		v, step, top float64
		want         string
	}{
		// Axis 0–1,25 M in steps of 250 k: every tick in M with two decimals.
		{formatter{lang: locale.ES, unit: diagnostic.UnitMoney, currency: "EUR"}, 1.25e6, 250e3, 1.25e6, "1,25" + nb + "M" + nb + "€"},
		{formatter{lang: locale.EN, unit: diagnostic.UnitMoney, currency: "EUR"}, 1e6, 250e3, 1.25e6, "€1.00M"},
		{formatter{lang: locale.EN, unit: diagnostic.UnitMoney, currency: "USD"}, -20e3, 20e3, 60e3, "\u2212$20K"},
		{formatter{lang: locale.EN, unit: diagnostic.UnitMoney, currency: "USD"}, 0, 20e3, 60e3, "$0"},
		// Percent axis in steps of 2 points: no decimals; of 0.5 points: one.
		{formatter{lang: locale.ES, unit: diagnostic.UnitPercent}, 0.24, 0.02, 0.26, "24" + nb + "%"},
		{formatter{lang: locale.EN, unit: diagnostic.UnitPercent}, 0.245, 0.005, 0.26, "24.5%"},
		{formatter{lang: locale.EN}, 1800, 200, 2400, "1,800"},
		{formatter{lang: locale.ES}, 0.75, 0.25, 1, "0,75"},
	}
	for _, tt := range tests {
		if got := tt.f.tick(tt.v, tt.step, tt.top); got != tt.want {
			t.Errorf("%s tick(%g, step %g) = %q, want %q", tt.f.lang, tt.v, tt.step, got, tt.want)
		}
	}
}

func TestNiceTicks(t *testing.T) {
	tests := []struct {
		lo, hi float64
		n      int
		want   []float64
	}{
		// Range 82 k–150 k in about 5 ticks: raw step 17 k → 20 k.
		{82000, 150000, 5, []float64{80000, 100000, 120000, 140000, 160000}},
		// Negative to positive: raw step 69.7k/4 ≈ 17.4 k → 20 k.
		{-42000, 27700, 5, []float64{-60000, -40000, -20000, 0, 20000, 40000}},
		// A single value 0.18 widens by 10 %: 0.162–0.198, step 0.009 → 0.01.
		{0.18, 0.18, 5, []float64{0.16, 0.17, 0.18, 0.19, 0.2}},
		// All zero: −1…1 in steps of 0.5.
		{0, 0, 5, []float64{-1, -0.5, 0, 0.5, 1}},
	}
	for _, tt := range tests {
		got, _ := niceTicks(tt.lo, tt.hi, tt.n)
		if len(got) != len(tt.want) {
			t.Errorf("niceTicks(%g, %g) = %v, want %v", tt.lo, tt.hi, got, tt.want)
			continue
		}
		for i := range got {
			if d := got[i] - tt.want[i]; d > 1e-9 || d < -1e-9 {
				t.Errorf("niceTicks(%g, %g) = %v, want %v", tt.lo, tt.hi, got, tt.want)
				break
			}
		}
	}
	// Extreme range stays bounded.
	got, _ := niceTicks(1e3, 3e12, 6)
	if len(got) > 12 || got[0] > 1e3 || got[len(got)-1] < 3e12 || !slices.IsSorted(got) {
		t.Errorf("niceTicks(1e3, 3e12) = %v", got)
	}
}

func TestDecimalsFor(t *testing.T) {
	for step, want := range map[float64]int{20: 0, 1: 0, 0.5: 1, 0.25: 2, 0.1: 1, 0.01: 2, 0.005: 3} {
		if got := decimalsFor(step); got != want {
			t.Errorf("decimalsFor(%g) = %d, want %d", step, got, want)
		}
	}
}

func TestChange(t *testing.T) {
	pct := formatter{lang: locale.ES, unit: diagnostic.UnitPercent}
	money := formatter{lang: locale.EN, unit: diagnostic.UnitMoney, currency: "EUR"}
	tests := []struct {
		f    formatter
		v, p float64
		want string
	}{
		{pct, 0.215, 0.19, "+2,5" + nb + "pp"}, // 21,5 − 19,0 points
		{money, 1234.5, 1100, "+12.2%"},        // 134.5 / 1100 = 12.23 %
		{money, 900, 1000, "\u221210.0%"},
		{money, 50, 0, "+€50"}, // from zero: the absolute change
	}
	for _, tt := range tests {
		if got := tt.f.change(tt.v, tt.p); got != tt.want {
			t.Errorf("change(%g, %g) = %q, want %q", tt.v, tt.p, got, tt.want)
		}
	}
}

func TestRateText(t *testing.T) {
	tests := []struct {
		l    locale.Lang
		r    float64
		want string
	}{
		{locale.ES, 0.321, "32,1" + nb + "%"},
		{locale.EN, 1 / 2.5e9, "<" + nb + "0.1%"}, // would round to 0.0 %
		{locale.EN, 0, "0.0%"},                    // none converted is a real zero
		{locale.EN, 0.0005, "0.1%"},               // rounds up to 0.1 %: no "<"
	}
	for _, tt := range tests {
		if got := rateText(tt.l, tt.r); got != tt.want {
			t.Errorf("rateText(%g) = %q, want %q", tt.r, got, tt.want)
		}
	}
}

// TestLabelsAgreeWithTables checks a chart's value label is the table's
// (diagnostic.FormatValue) for every unit and language, money from a
// million up and counts from 100,000 up (shortened to fit) excepted.
func TestLabelsAgreeWithTables(t *testing.T) {
	units := []diagnostic.Unit{diagnostic.UnitPercent, diagnostic.UnitRatio, diagnostic.UnitDays, diagnostic.UnitMonths, diagnostic.UnitMoney, diagnostic.UnitCount, ""}
	values := []float64{0.0215, 0.185, 1.05, 2.45, 77.3, 17.5, 512.5, 6840.7, 184250, -0.035}
	for _, l := range []locale.Lang{locale.ES, locale.EN} {
		for _, u := range units {
			f := formatter{lang: l, unit: u, currency: "EUR"}
			for _, v := range values {
				if (u == diagnostic.UnitCount || u == "") && math.Abs(v) >= 1e5 {
					continue // shortened to fit a label (184.25K)
				}
				if got, want := f.label(v), diagnostic.FormatValue(l, u, v, "EUR"); got != want {
					t.Errorf("%s %s %g: chart %q, table %q", l, u, v, got, want)
				}
			}
		}
	}
}
