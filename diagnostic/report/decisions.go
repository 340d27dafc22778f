package report

import "time"

// Decision is what the consultant decided about one recommendation (the
// store's recommendation state, without the store): its status (open,
// accepted, dismissed, done), the person who owns it, the due date and a
// note.
type Decision struct {
	Status string    // "open", "accepted", "dismissed" or "done"; "" = open
	Owner  string    // person responsible; optional
	Due    time.Time // due date; zero = none
	Note   string    // consultant's note; optional
}

// The statuses that change where a recommendation prints.
const (
	DecisionAccepted  = "accepted"
	DecisionDismissed = "dismissed"
	DecisionDone      = "done"
)

// place puts a recommendation with the consultant's decision applied in
// the plan, the "done since the last assessment" list or the appendix's
// "set aside by the consultant" list.
func (d *Data) place(r Recommendation, dec Decision) {
	r.Status, r.Assignee, r.Due, r.Note = dec.Status, dec.Owner, dec.Due, dec.Note
	switch dec.Status {
	case DecisionDismissed:
		d.SetAside = append(d.SetAside, r)
	case DecisionDone:
		d.Done = append(d.Done, r)
	default:
		r.Priority = len(d.Recommendations) + 1
		d.Recommendations = append(d.Recommendations, r)
	}
}
