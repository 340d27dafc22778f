package diagnosis

import (
	"fmt"
	"io"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// WriteText writes d for a terminal: one headed block per part, the
// 30-day plan numbered with owner and money at stake. It returns the first
// write error.
func WriteText(w io.Writer, d *Diagnosis, lang locale.Lang) error {
	c, err := LoadContent()
	if err != nil {
		return err
	}
	h := func(id string) string { return c.text(id, lang, nil) }
	var werr error
	p := func(format string, args ...any) {
		if werr == nil {
			_, werr = fmt.Fprintf(w, format, args...)
		}
	}
	block := func(head, body string) {
		if body != "" {
			p("%s\n  %s\n\n", head, body)
		}
	}
	block(h("h_situation"), d.Situation)
	block(h("h_level"), d.Level)
	block(h("h_change"), d.Change)
	if d.Preliminary {
		p("%s:\n", h("h_preliminary"))
		for _, m := range d.Missing {
			p("  - %s\n", m)
		}
		p("\n")
	}
	if bc := d.BindingConstraint; bc != nil {
		block(h("h_constraint"), bc.Text)
		if bc.Evidence != "" {
			p("  %s: %s\n\n", h("h_evidence"), bc.Evidence)
		}
	}
	block(h("h_symptom"), d.SymptomCheck.Text)
	if len(d.Skipped) > 0 {
		p("%s\n", h("h_skipped"))
		for _, sk := range d.Skipped {
			p("  - %s\n", sk)
		}
		p("\n")
	}
	if len(d.AnswerChecks) > 0 {
		p("%s\n", h("h_answers"))
		for _, a := range d.AnswerChecks {
			p("  - %s\n", a.Text)
		}
		p("\n")
	}
	p("%s\n", h("h_actions"))
	for i, it := range d.Actions30 {
		p("  %d. %s\n     %s", i+1, it.Text, it.Owner)
		if it.Impact != nil {
			p(" · %s", c.text("impact_year", lang, map[string]string{"impact": lang.Money(*it.Impact, it.Currency, 0)}))
		}
		p("\n")
	}
	if len(d.Actions30) == 0 {
		p("  %s\n", h("none"))
	}
	if len(d.Strengths) > 0 {
		p("\n%s\n", h("h_strengths"))
		for _, s := range d.Strengths {
			p("  - %s\n", s)
		}
	}
	return werr
}
