package report

import (
	"math"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

func fmtFor(t *testing.T, l locale.Lang) formatter {
	t.Helper()
	c, err := content()
	if err != nil {
		t.Fatal(err)
	}
	return formatter{lang: l, t: c[l], currency: "EUR"}
}

func TestValueFormatting(t *testing.T) {
	es, en := fmtFor(t, locale.ES), fmtFor(t, locale.EN)
	nbsp := "\u00a0"
	tests := []struct {
		f        formatter
		v        float64
		unit     diagnostic.Unit
		currency string
		want     string
	}{
		{es, 184250, diagnostic.UnitMoney, "", "184.250" + nbsp + "€"},  // ≥ 1,000: no decimals
		{en, 184250, diagnostic.UnitMoney, "", "€184,250"},              // English: symbol first
		{es, 512.5, diagnostic.UnitMoney, "USD", "512,50" + nbsp + "$"}, // < 1,000: cents; KPI's own currency
		{en, 0.185, diagnostic.UnitPercent, "", "18.5%"},                // 18.5 needs one decimal
		{es, 1.05, diagnostic.UnitPercent, "", "105" + nbsp + "%"},      // whole: no decimal
		{es, 0.0215, diagnostic.UnitPercent, "", "2,15" + nbsp + "%"},   // below 10 %: up to two decimals
		{en, 0.21234, diagnostic.UnitPercent, "", "21.2%"},              // from 10 % up: at most one
		{es, 2.6, diagnostic.UnitRatio, "", "2,6×"},                     // ratio
		{en, 63.4, diagnostic.UnitDays, "", "63" + nbsp + "days"},       // days: whole
		{es, 17.5, diagnostic.UnitMonths, "", "17,5" + nbsp + "meses"},  // months: one decimal
		{es, 1245, diagnostic.UnitCount, "", "1.245"},                   // Spanish groups four digits
		{en, 31, diagnostic.UnitScore, "", "31"},                        // score
		{es, math.NaN(), diagnostic.UnitScore, "", "–"},                 // not a number
	}
	for _, tt := range tests {
		if got := tt.f.value(tt.v, tt.unit, tt.currency); got != tt.want {
			t.Errorf("%s value(%v, %s) = %q, want %q", tt.f.lang, tt.v, tt.unit, got, tt.want)
		}
	}
}

func TestScoreChangeLevelTrend(t *testing.T) {
	es, en := fmtFor(t, locale.ES), fmtFor(t, locale.EN)
	checks := []struct{ got, want string }{
		{es.change(f64(54), f64(50)), "+4"},
		{es.change(f64(41), f64(45)), "\u22124"},
		{es.change(f64(37.4), f64(36.6)), "0"}, // 37 − 37 after rounding
		{es.change(f64(37), nil), "–"},
		{es.level(3), "Nivel 3: Definido"},
		{en.level(5), "Level 5: Optimised"},
		{en.level(0), "–"},
		// Level names come from questions.json: level 1 is "Inicial" in Spanish.
		{es.levelName(1), "Inicial"},
		{en.levelName(1), "Ad hoc"},
		{es.levelName(6), "–"},
		{es.trend(TrendWorsening), "↓ Empeora"},
		{en.trend(TrendUnknown), "–"},
		{es.status(""), "Sin datos"},
		{es.team("customer_success"), "Éxito del cliente"},
		{es.team("revops"), "RevOps"},
		{es.team("legal"), "legal"},
		{es.pct(0.926), "93\u00a0%"}, // 92.6 rounds up
		{es.benchmark(&Benchmark{P25: f64(0.15), Median: f64(0.21)}, diagnostic.UnitPercent, ""), "P25 15\u00a0% · mediana 21\u00a0%"},
		{en.benchmark(nil, diagnostic.UnitPercent, ""), "–"},
		{en.source(&Benchmark{Source: "HubSpot", Year: 2023}), "HubSpot 2023"},
	}
	for i, c := range checks {
		if c.got != c.want {
			t.Errorf("check %d: got %q, want %q", i, c.got, c.want)
		}
	}
}
