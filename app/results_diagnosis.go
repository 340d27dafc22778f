package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/revopsdx/revopsdx/diagnostic/diagnosis"
)

// synthesis is the diagnosis in brief, above the scores' detail: where
// the company stands, what holds revenue back most, whether the data
// confirm the named problem, the answers they contradict, what data would
// complete a preliminary picture and the 30-day plan. Its texts come from
// the diagnosis content, like the diagnose command's.
func (s *resultsScreen) synthesis() fyne.CanvasObject {
	d, err := diagnosis.Diagnose(s.a)
	if err != nil {
		s.u.showError(fmt.Errorf("writing the diagnosis: %w", err))
		return container.NewVBox()
	}
	c, err := diagnosis.LoadContent()
	if err != nil {
		s.u.showError(fmt.Errorf("writing the diagnosis: %w", err))
		return container.NewVBox()
	}
	l := s.a.Lang
	h := func(id string) string { return c.Text(id, l, nil) }
	box := container.NewVBox(subheading(h("h_situation")), wrapped(d.Situation))
	if d.Preliminary {
		box.Add(bold(h("h_preliminary")))
		for _, m := range d.Missing {
			box.Add(wrapped("• " + m))
		}
	}
	if bc := d.BindingConstraint; bc != nil {
		box.Add(subheading(h("h_constraint")))
		box.Add(wrapped(bc.Text))
	}
	box.Add(subheading(h("h_symptom")))
	box.Add(wrapped(d.SymptomCheck.Text))
	if len(d.Skipped) > 0 {
		box.Add(bold(h("h_skipped")))
		for _, sk := range d.Skipped {
			box.Add(wrapped("• " + sk))
		}
	}
	if len(d.AnswerChecks) > 0 {
		box.Add(subheading(h("h_answers")))
		for _, a := range d.AnswerChecks {
			box.Add(wrapped("• " + a.Text))
		}
	}
	box.Add(subheading(h("h_actions")))
	for i, it := range d.Actions30 {
		line := fmt.Sprintf("%d. %s (%s", i+1, it.Text, it.Owner)
		if it.Impact != nil {
			line += " · " + c.Text("impact_year", l, map[string]string{"impact": l.Money(*it.Impact, it.Currency, 0)})
		}
		box.Add(wrapped(line + ")"))
	}
	if len(d.Actions30) == 0 {
		box.Add(wrapped(h("none")))
	}
	return box
}
