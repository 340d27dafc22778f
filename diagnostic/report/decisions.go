package report

import (
	"cmp"
	"slices"
	"time"
)

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
// the plan, the "done since the last assessment" list, the appendix's "set
// aside by the consultant" list, the "what to keep" list (celebrations) or
// the appendix's "later" list (findings preliminary data leave out). Call
// orderPlan once every recommendation is placed.
func (d *Data) place(r Recommendation, dec Decision) {
	r.Status, r.Assignee, r.Due, r.Note = dec.Status, dec.Owner, dec.Due, dec.Note
	switch {
	case dec.Status == DecisionDismissed:
		d.SetAside = append(d.SetAside, r)
	case dec.Status == DecisionDone:
		d.Done = append(d.Done, r)
	case r.Kind == KindCelebration:
		d.Keep = append(d.Keep, r)
	case r.Later:
		d.Later = append(d.Later, r)
	default:
		d.Recommendations = append(d.Recommendations, r)
	}
}

// orderPlan sorts the plan by time frame (30, 60, 90 days), keeping the
// engine's order — money at stake first — within each, and numbers it
// 1…n in that order, so the summary's top actions are the first month's.
func (d *Data) orderPlan() {
	slices.SortStableFunc(d.Recommendations, func(a, b Recommendation) int { return cmp.Compare(bucket(a.Horizon), bucket(b.Horizon)) })
	for i := range d.Recommendations {
		d.Recommendations[i].Priority = i + 1
	}
}
