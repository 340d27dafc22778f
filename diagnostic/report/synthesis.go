package report

import (
	"fmt"
	"strings"

	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/core"

	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/diagnosis"
)

// Synthesis is the diagnosis the report opens with (from `diagnose`):
// where the company stands, what holds revenue back most, whether the data
// confirm the symptom the client named, the level in words and the change
// since last time, with the client's profile.
type Synthesis struct {
	Situation   string   // one sentence
	Constraint  string   // the binding constraint with the money at stake; "" when none
	Symptom     string   // the symptom check's sentence; "" when no symptom was named
	Level       string   // the maturity level in words
	Change      string   // the change since the previous assessment; "" for a first one
	Preliminary bool     // less data than the method requires
	Missing     []string // the data that would complete the picture
	Skipped     []string // the questions not asked, and why
	Profile     []Fact   // sector, segment, stated symptom, objective
}

// Fact is one labelled line of the client's profile.
type Fact struct{ Label, Value string }

// fillSynthesis runs the diagnosis on the analysis and keeps what the
// report prints. Without an assessment there is nothing to synthesise.
func fillSynthesis(d *Data, a *analysis.Analysis) error {
	if a.Assessment == nil || a.Result == nil {
		return nil
	}
	dg, err := diagnosis.Diagnose(a)
	if err != nil {
		return fmt.Errorf("diagnosing %q: %w", d.Organisation, err)
	}
	s := &Synthesis{Situation: dg.Situation, Level: dg.Level, Change: dg.Change, Preliminary: dg.Preliminary, Missing: dg.Missing,
		Skipped: dg.Skipped}
	if c := dg.BindingConstraint; c != nil {
		s.Constraint = c.Text
	}
	if dg.SymptomCheck.Symptom != "" {
		s.Symptom = dg.SymptomCheck.Text
	}
	s.Profile = profileFacts(a)
	d.Synthesis = s
	return nil
}

// profileFacts labels the client's sector and segment and the symptom and
// objective stated in the questionnaire, in the analysis's language.
func profileFacts(a *analysis.Analysis) []Fact {
	q, l := a.Questionnaire, a.Lang
	if q == nil {
		return nil
	}
	var out []Fact
	p := a.Snapshot.Profile
	for _, f := range q.Profile {
		var v string
		switch f.ID {
		case "industry":
			v = string(p.Industry)
		case "segment":
			v = string(p.Segment)
		default:
			continue
		}
		for _, o := range f.Options {
			if o.ID == v && v != "" {
				out = append(out, Fact{f.Label.In(l), o.Label.In(l)})
			}
		}
	}
	ctx := a.Assessment.Context
	for _, c := range []struct {
		id, v string
	}{{"symptom", ctx.Symptom}, {"objective", string(ctx.Objective)}} {
		cq, ok := q.ContextQuestion(c.id)
		if !ok || c.v == "" {
			continue
		}
		for _, o := range cq.Options {
			if o.ID == c.v {
				out = append(out, Fact{contextLabel(c.id, l.Pick), o.Label.In(l)})
			}
		}
	}
	return out
}

// contextLabel names a context answer in the profile box.
func contextLabel(id string, pick func(es, en string) string) string {
	if id == "symptom" {
		return pick("Síntoma declarado", "Stated symptom")
	}
	return pick("Objetivo a 12 meses", "12-month objective")
}

// synthesis draws the diagnosis at the top of the executive summary: a
// "preliminary" banner when it is, the situation, constraint, symptom
// check, level and change, and the client's profile in one line.
func (d *doc) synthesis() {
	s := d.d.Synthesis
	if s == nil {
		return
	}
	t := d.t
	if s.Preliminary {
		msg := t.T("synthesis.preliminary")
		if len(s.Missing) > 0 {
			msg += " " + t.T("synthesis.missing", "list", strings.Join(s.Missing, "; "))
		}
		d.add(row.New().Add(col.New(gridSize).Add(stCellB.with(colWarn).t(msg)).WithStyle(panel(colPanel))), spacer(2))
	}
	items := []core.Component{stH2.t(t.T("synthesis.title"))}
	for _, line := range append([]string{s.Situation, s.Constraint, s.Symptom, s.Level, s.Change}, s.Skipped...) {
		if strings.TrimSpace(line) != "" {
			items = append(items, stBody.t(line))
		}
	}
	if len(s.Profile) > 0 {
		var parts []string
		for _, f := range s.Profile {
			parts = append(parts, f.Label+": "+f.Value)
		}
		items = append(items, stSmall.t(strings.Join(parts, " · ")))
	}
	d.add(row.New().Add(col.New(gridSize).Add(&stack{items: items})), spacer(2))
}
