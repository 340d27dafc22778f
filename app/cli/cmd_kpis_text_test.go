package cli

import (
	"strings"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// frozenDemoDB is demoDB with the clock at 27 November 2026, so the demo's
// 24 months (to October 2026), its targets and hence its statuses are fixed.
func frozenDemoDB(t *testing.T) string {
	t.Helper()
	old := now
	now = func() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { now = old })
	return demoDB(t)
}

// TestKPIsTableInWords: the text table words status, trend and missing
// inputs in the language (the GUI's words for status and trend, the
// catalogue's names for inputs); JSON and CSV keep the ids.
func TestKPIsTableInWords(t *testing.T) {
	db := frozenDemoDB(t)
	cases := []struct {
		lang      string
		want, not []string
	}{
		{"es",
			[]string{"ESTADO", "desviado", "en buen camino", "mejora", "empeora", "sin tendencia clara", "sin datos suficientes",
				"Registros de ventas", "Oportunidades ganadas = 0", "MRR al inicio (12 meses)", "Gasto de ventas y marketing"},
			[]string{"off_track", "on_track", "at_risk", "improving", "worsening", "insufficient_data",
				"transactions", "won deals", "mrr_start", "sales_marketing_spend", "12 months"}},
		{"en",
			[]string{"STATUS", "off track", "on track", "improving", "worsening", "no clear trend", "not enough data",
				"Transaction records", "Won deals = 0", "MRR at start (12 months)", "Sales and marketing spend"},
			[]string{"off_track", "on_track", "at_risk", "insufficient_data", "transactions", "won deals=0",
				"mrr_start", "sales_marketing_spend"}},
	}
	for _, c := range cases {
		code, out, errOut := runDB(t, db, "", "kpis", "--org", "Demo", "--lang", c.lang)
		if code != ExitOK {
			t.Fatalf("kpis --lang %s: %d %q", c.lang, code, errOut)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("kpis --lang %s lacks %q", c.lang, w)
			}
		}
		for _, w := range c.not {
			if strings.Contains(out, w) {
				t.Errorf("kpis --lang %s still shows %q", c.lang, w)
			}
		}
	}
	_, csv, _ := runDB(t, db, "", "kpis", "--org", "Demo", "--lang", "es", "--csv")
	for _, w := range []string{",off_track,", ",on_track,", ",insufficient_data,", ",transactions", "won deals=0", "mrr_start (12 months)"} {
		if !strings.Contains(csv, w) {
			t.Errorf("kpis --csv lacks the id %q", w)
		}
	}
	_, js, _ := runDB(t, db, "", "kpis", "--org", "Demo", "--lang", "es", "--json")
	for _, w := range []string{`"status": "off_track"`, `"direction": "insufficient_data"`, `"won deals=0"`} {
		if !strings.Contains(js, w) {
			t.Errorf("kpis --json lacks the id %q", w)
		}
	}
}

// TestUIWordsComplete: every status, trend and cadence has its word in both
// languages in assets/i18n (insufficient_data had none); a missing key is an
// error, not a raw id on screen.
func TestUIWordsComplete(t *testing.T) {
	for _, l := range []locale.Lang{locale.ES, locale.EN} {
		for _, s := range []kpi.Status{kpi.OnTrack, kpi.AtRisk, kpi.OffTrack} {
			if w, err := statusText(l, s); err != nil || w == string(s) {
				t.Errorf("%s status %s: %q %v", l, s, w, err)
			}
		}
		for _, d := range []string{kpi.Improving, kpi.Stable, kpi.Worsening, kpi.InsufficientData} {
			if w, err := trendText(l, &kpi.Trend{Direction: d}); err != nil || w == "" {
				t.Errorf("%s trend %s: %q %v", l, d, w, err)
			}
		}
		for _, c := range []diagnostic.Cadence{diagnostic.CadenceWeekly, diagnostic.CadenceMonthly, diagnostic.CadenceQuarterly} {
			if w, err := cadenceText(l, c); err != nil || w == string(c) {
				t.Errorf("%s cadence %s: %q %v", l, c, w, err)
			}
		}
		if w, err := statusText(l, kpi.NoStatus); err != nil || w != "–" {
			t.Errorf("%s no status: %q %v", l, w, err)
		}
		if _, err := uiText(l, "kpis.status.lost_in_space"); err == nil {
			t.Errorf("%s: an unknown key gave no error", l)
		}
	}
	if _, err := uiText("fr", "kpis.status.on_track"); err == nil {
		t.Error("French gave no error")
	}
}
