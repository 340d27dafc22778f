package kpi

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

func TestBenchmarksLoadAndCite(t *testing.T) {
	all, err := Benchmarks()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 60 {
		t.Errorf("only %d benchmark rows; BENCHMARKS.md has more figures", len(all))
	}
	kpis := map[string]bool{}
	for _, b := range all {
		kpis[b.KPI] = true
	}
	for _, id := range []string{"nrr", "grr", "logo_churn", "win_rate", "sales_cycle_days", "nps", "csat", "gross_margin", "net_margin", "cac_payback_months", "ltv_to_cac", "pipeline_coverage", "romi", "mql_to_sql"} {
		if !kpis[id] {
			t.Errorf("no benchmark for %s", id)
		}
	}
	m, ok := LookupBenchmark("win_rate", diagnostic.Profile{Industry: diagnostic.IndustryServices})
	if !ok || *m.Median != 0.29 || m.Cite("en") != "HubSpot sales survey 2023, as reported by a secondary source" {
		t.Errorf("win rate for services = %+v / %q", m, m.Cite("en"))
	}
	cat, _ := LoadCatalogue()
	bad := []string{
		`{"benchmarks":[{"kpi":"win_rate","metric":"w","segment_es":"x","segment_en":"x","median":0.2,"unit":"percent","year":"2023"}]}`,          // no source
		`{"benchmarks":[{"kpi":"nope","metric":"w","segment_es":"x","segment_en":"x","median":0.2,"unit":"percent","year":"2023","source":"S"}]}`, // unknown KPI
		`{"benchmarks":[{"kpi":"win_rate","metric":"w","segment_es":"x","segment_en":"x","median":21,"unit":"days","year":"2023","source":"S"}]}`, // unit differs
		`{"benchmarks":[{"kpi":"","metric":"w","segment_es":"x","segment_en":"x","unit":"ratio","year":"2023","source":"S"}]}`,                    // no figure
		`{"benchmarks":[{"kpi":"","metric":"w","segment_es":"x","segment_en":"x","median":1,"unit":"ratio","year":"2023","source":"S","mark":"?"}]}`,
	}
	for i, b := range bad {
		if _, err := ParseBenchmarks([]byte(b), cat); !errors.Is(err, diagnostic.ErrInvalid) {
			t.Errorf("bad table %d accepted: %v", i, err)
		}
	}
}

func TestLookupBenchmarkByProfile(t *testing.T) {
	cases := []struct {
		kpi     string
		p       diagnostic.Profile
		median  float64
		closest bool
	}{
		{"nrr", diagnostic.Profile{Industry: "saas", Segment: "smb"}, 0.97, false},        // Benchmarkit SMB †
		{"nrr", diagnostic.Profile{Industry: "saas", Segment: "enterprise"}, 1.18, false}, // Benchmarkit enterprise †
		{"nrr", diagnostic.Profile{Industry: "saas"}, 1.01, false},                        // no segment: all private B2B SaaS
		{"win_rate", diagnostic.Profile{Industry: "saas"}, 0.29, false},                   // HubSpot close rate (Bridge Group is undated)
		{"logo_churn", diagnostic.Profile{Industry: "ecommerce_retail"}, 0.0677, false},   // Recurly B2C
		{"logo_churn", diagnostic.Profile{Industry: "services"}, 0.0491, false},           // Recurly B2B
		{"csat", diagnostic.Profile{Industry: "services"}, 0.94, false},                   // professional services
		{"net_margin", diagnostic.Profile{Industry: "ecommerce_retail", Segment: "smb"}, 0.04, false},
		{"net_margin", diagnostic.Profile{Industry: "manufacturing_distribution", Segment: "smb"}, 0.084, false},
		{"marketing_spend_share", diagnostic.Profile{Segment: "enterprise"}, 0.077, false},
	}
	for _, c := range cases {
		m, ok := LookupBenchmark(c.kpi, c.p)
		if !ok || m.Median == nil || *m.Median != c.median || m.Closest != c.closest {
			t.Errorf("%s for %+v: got %+v (ok %v), want median %g closest %v", c.kpi, c.p, m.Benchmark, ok, c.median, c.closest)
		}
	}
	// Only SaaS figures for NRR: a services company gets none.
	if m, ok := LookupBenchmark("nrr", diagnostic.Profile{Industry: "services", Segment: "smb"}); ok {
		t.Errorf("SaaS NRR used for a services company: %+v", m)
	}
	if m, _ := ChooseBenchmark("nrr", diagnostic.Profile{Industry: "services"}, Size{}, 2026); m.Reason != ReasonIndustry || m.Median != nil {
		t.Errorf("services NRR: %+v, want reason %s", m, ReasonIndustry)
	}
	// Gartner's large-company budget share is never used for small businesses.
	if m, ok := LookupBenchmark("marketing_spend_share", diagnostic.Profile{Segment: "smb"}); ok {
		t.Errorf("Gartner figure used for an SMB: %+v", m)
	}
	if _, ok := LookupBenchmark("deals_won", diagnostic.Profile{}); ok {
		t.Error("a benchmark for deals_won, which BENCHMARKS.md does not have")
	}
}

func TestPositionOf(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	hi, lo := diagnostic.HigherIsBetter, diagnostic.LowerIsBetter
	quart := Benchmark{P25: f(10), Median: f(20), P75: f(30), Unit: diagnostic.UnitRatio}
	med := Benchmark{Median: f(0.21), Unit: diagnostic.UnitPercent}
	band := Benchmark{P25: f(6), P75: f(18), Unit: diagnostic.UnitMonths}           // CAC payback, lower better
	cover := Benchmark{P25: f(3), P75: f(4), Unit: diagnostic.UnitRatio}            // coverage 3–4×
	rng := Benchmark{Low: f(0.30), High: f(0.50), Unit: diagnostic.UnitPercent}     // MQL→SQL 30–50 %
	usd := Benchmark{Median: f(28000), Unit: diagnostic.UnitMoney, Currency: "USD"} // ACV
	cases := []struct {
		name string
		v    float64
		b    Benchmark
		dir  diagnostic.Direction
		want Position
	}{
		{"below p25", 5, quart, hi, BelowP25},
		{"p25–median", 15, quart, hi, P25ToMedian},
		{"median–p75", 25, quart, hi, MedianToP75},
		{"above p75", 35, quart, hi, AboveP75},
		{"lower better: 35 is bottom", 35, quart, lo, BelowP25},
		{"lower better: 5 is top", 5, quart, lo, AboveP75},
		{"lower better: 25 below median", 25, quart, lo, P25ToMedian},
		{"only median, below", 0.14, med, hi, BelowMedian},
		{"only median, at", 0.21, med, hi, AboveMedian},
		{"median and p75, below the median", 0.241, Benchmark{Median: f(0.26), P75: f(0.50), Unit: diagnostic.UnitPercent}, hi, BelowMedian},
		{"median and p75, between", 0.30, Benchmark{Median: f(0.26), P75: f(0.50), Unit: diagnostic.UnitPercent}, hi, MedianToP75},
		{"p25 and median, above the median", 0.30, Benchmark{P25: f(0.10), Median: f(0.26), Unit: diagnostic.UnitPercent}, hi, AboveMedian},
		{"p25 and median, between", 0.20, Benchmark{P25: f(0.10), Median: f(0.26), Unit: diagnostic.UnitPercent}, hi, P25ToMedian},
		{"payback 24 months: worse than 18", 24, band, lo, BelowP25},
		{"payback 4 months: better than 6", 4, band, lo, AboveP75},
		{"payback 10 months: inside the band", 10, band, lo, MedianToP75},
		{"coverage 2×", 2, cover, hi, BelowP25},
		{"coverage 3.5×", 3.5, cover, hi, MedianToP75},
		{"coverage 5×", 5, cover, hi, AboveP75},
		{"range below", 0.2, rng, hi, BelowRange},
		{"range in", 0.4, rng, hi, InRange},
		{"range above", 0.6, rng, hi, AboveRange},
	}
	for _, c := range cases {
		if got := PositionOf(c.v, c.b, c.dir, "EUR"); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	if PositionOf(30000, usd, hi, "EUR") != NotComparable || PositionOf(30000, usd, hi, "USD") != AboveMedian {
		t.Error("currency check wrong")
	}
}

// TestCiteInSpanish: a Spanish report never quotes a source described in
// English ("practitioner rule", "2024 data"); every such row has its Spanish
// wording in benchmarks.json.
func TestCiteInSpanish(t *testing.T) {
	bs, err := Benchmarks()
	if err != nil {
		t.Fatal(err)
	}
	english := []string{"rule", "target", "quoted", "data", "Jan "}
	for _, b := range bs {
		es := b.Cite(locale.ES)
		for _, w := range english {
			if strings.Contains(es, w) {
				t.Errorf("%s/%s: Spanish citation %q still has %q", b.KPI, b.Source, es, w)
			}
		}
	}
	for _, b := range bs {
		if b.Source == "practitioner rule" {
			if got := b.Cite(locale.ES); got != "regla habitual entre profesionales, regla práctica" {
				t.Errorf("Cite(es) = %q", got)
			}
			if got := b.Cite(locale.EN); got != "practitioner rule, rule of thumb" {
				t.Errorf("Cite(en) = %q", got)
			}
			return
		}
	}
	t.Error("no practitioner-rule benchmark found")
}

// TestFormulasInSpanish: the report's appendix quotes each formula in the
// report's language; the Spanish ones carry none of the English words.
func TestFormulasInSpanish(t *testing.T) {
	cat, err := LoadCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range cat.KPIs {
		es := d.FormulaIn(locale.ES)
		if es == "" || es == d.FormulaIn(locale.EN) && strings.ContainsAny(es, "abcdefghijklmnopqrstuvwxyz") && d.ID != "arr" && d.ID != "leads" {
			t.Errorf("%s: no Spanish formula (%q)", d.ID, es)
		}
		for _, w := range []string{"revenue", "customers", "won ", "deals", "spend", "months", "period end"} {
			if strings.Contains(es, w) {
				t.Errorf("%s: Spanish formula %q has %q", d.ID, es, w)
			}
		}
	}
}

// TestCiteYearOnce: a source whose name carries the year is not followed by
// the same year again, in both languages, on the real catalogue rows; a
// source without the year still gets it. Before the fix the first row read
// "Benchmarkit 2025 2025 (2024 data)".
func TestCiteYearOnce(t *testing.T) {
	bs, err := Benchmarks()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ metric, source, en, es string }{
		{"arr_growth", "Benchmarkit 2025", "Benchmarkit 2025 (2024 data)", "Benchmarkit 2025 (datos de 2024)"},
		{"reps_at_quota", "Ebsta 2024", "Ebsta 2024, as reported by a secondary source", "Ebsta 2024, según una fuente secundaria"},
		{"cac_ratio_blended", "KBCM 2019 SaaS survey", "KBCM 2019 SaaS survey", "KBCM 2019 SaaS survey"},
		{"nrr", "SaaS Capital 2023 retention report", "SaaS Capital 2023 retention report (FY22 data)", "SaaS Capital 2023 retention report (datos del ejercicio 2022)"},
		{"gross_renewal", "Lightspeed 2023 sales benchmark", "Lightspeed 2023 sales benchmark", "Lightspeed 2023 sales benchmark"},
		// No year in the name: the year is kept.
		{"cac_ratio_new", "Benchmarkit", "Benchmarkit 2025 (2024 data)", "Benchmarkit 2025 (datos de 2024)"},
		{"nrr", "Benchmarkit", "Benchmarkit 2024 data, as reported by a secondary source", "Benchmarkit (datos de 2024), según una fuente secundaria"},
	}
	for _, c := range cases {
		found := false
		for _, b := range bs {
			if b.Metric != c.metric || b.Source != c.source {
				continue
			}
			found = true
			if got := b.Cite(locale.EN); got != c.en {
				t.Errorf("%s/%s: Cite(en) = %q, want %q", c.metric, c.source, got, c.en)
			}
			if got := b.Cite(locale.ES); got != c.es {
				t.Errorf("%s/%s: Cite(es) = %q, want %q", c.metric, c.source, got, c.es)
			}
		}
		if !found {
			t.Errorf("no benchmark %s from %q in benchmarks.json", c.metric, c.source)
		}
	}
	// No citation of the table names a year twice.
	year := regexp.MustCompile(`\b(19|20)\d\d\b`)
	for _, b := range bs {
		for _, l := range []locale.Lang{locale.ES, locale.EN} {
			seen := map[string]bool{}
			for _, y := range year.FindAllString(b.Cite(l), -1) {
				if seen[y] {
					t.Errorf("%s/%s: %q names %s twice", b.Metric, b.Source, b.Cite(l), y)
				}
				seen[y] = true
			}
		}
	}
}
