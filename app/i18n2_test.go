package app

import (
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/recommend"
	"github.com/revopsdx/revopsdx/diagnostic/report"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// TestComposedKeysTranslated checks the keys the second-half screens
// build from data (teams of the rules, statuses, import fields, units,
// positions, report sections) in both languages.
func TestComposedKeysTranslated(t *testing.T) {
	es, en := loadKeys(t, "es"), loadKeys(t, "en")
	var keys []string
	rs, err := recommend.LoadRules()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs.Rules {
		keys = append(keys, "recs.team."+r.Team)
	}
	for _, team := range recommend.Teams {
		keys = append(keys, "recs.team."+team)
	}
	for _, s := range []store.RecStatus{store.RecOpen, store.RecAccepted, store.RecDismissed, store.RecDone} {
		keys = append(keys, "recs.status."+string(s))
	}
	for _, k := range importKinds {
		keys = append(keys, "import.kind."+kindKey(k))
		if k == "" {
			continue
		}
		fs, err := importFields(k)
		if err != nil || len(fs) == 0 {
			t.Fatalf("fields of %s: %v %v", k, fs, err)
		}
		for _, f := range fs {
			keys = append(keys, "import.field."+f)
		}
	}
	for _, u := range customUnits {
		keys = append(keys, "kpis.unit."+string(u))
	}
	for _, s := range []kpi.Status{kpi.OnTrack, kpi.AtRisk, kpi.OffTrack} {
		keys = append(keys, "kpis.status."+string(s))
	}
	for _, d := range []string{kpi.Improving, kpi.Stable, kpi.Worsening} {
		keys = append(keys, "kpis.trend."+d)
	}
	for _, p := range []kpi.Position{kpi.BelowP25, kpi.P25ToMedian, kpi.MedianToP75, kpi.AboveP75, kpi.BelowMedian, kpi.AboveMedian, kpi.BelowRange, kpi.InRange, kpi.AboveRange, kpi.AboutMedian} {
		keys = append(keys, "kpis.position."+string(p))
	}
	for _, s := range report.Sections {
		keys = append(keys, "report.section."+s)
	}
	for _, k := range keys {
		if en[k] == "" || es[k] == "" {
			t.Errorf("%s: en %q, es %q", k, en[k], es[k])
		}
	}
}
