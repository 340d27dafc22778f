package kpi

import (
	"encoding/json"
	"math"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// Status is a KPI's standing against its target.
type Status string

// The statuses; NoStatus (JSON null) when there is no target or no value.
const (
	NoStatus Status = ""
	OnTrack  Status = "on_track"
	AtRisk   Status = "at_risk"
	OffTrack Status = "off_track"
)

// MarshalJSON writes NoStatus as null.
func (s Status) MarshalJSON() ([]byte, error) {
	if s == NoStatus {
		return []byte("null"), nil
	}
	return json.Marshal(string(s))
}

// meets reports whether v is at least as good as x for the direction.
func meets(v, x float64, dir diagnostic.Direction) bool {
	if dir == diagnostic.LowerIsBetter {
		return v <= x
	}
	return v >= x
}

// TargetFor returns the target in force for period p: of the plan's targets,
// the last (in the plan's dated order) set on or before the end of p; a
// target without a date set applies from the start. ok is false when none.
func TargetFor(item diagnostic.PlanItem, p Period) (diagnostic.Target, bool) {
	var t diagnostic.Target
	ok := false
	end := p.Last().End()
	for _, x := range item.Targets {
		if x.SetOn.IsZero() || x.SetOn.Before(end) {
			t, ok = x, true
		}
	}
	return t, ok
}

// StatusInput is what the status rule looks at.
type StatusInput struct {
	Value     float64
	Target    float64 // already scaled to the period's length
	Direction diagnostic.Direction
	Period    Period           // the period judged
	By        diagnostic.Month // target date
	// Baseline is the value when the target was set and BaselinePeriod its
	// period; HasBaseline is false when unknown.
	Baseline       float64
	BaselinePeriod Period
	HasBaseline    bool
	// SlopeKnown says a trend slope could be fitted; Reach is the period the
	// target is reached at that slope, HasReach false when the slope does not
	// head towards the target.
	SlopeKnown bool
	Reach      Period
	HasReach   bool
}

// AtRiskBand is the shortfall against the expected path, as a share of the
// distance from baseline to target (or of the target itself when there is
// no baseline), still called at risk when no slope is known.
const AtRiskBand = 0.10

// StatusOf applies the status rule (docs/KPIS.md):
//  1. the value meets the target (direction-aware): on track;
//  2. the target date has passed (the period ends on or after it): off track;
//  3. the value meets the straight path from the baseline to the target
//     at this point of the time allowed: on track;
//  4. behind that path: at risk when the current slope reaches the target by
//     its date, off track when it does not; with no slope known, at risk
//     when the shortfall is within AtRiskBand, else off track.
func StatusOf(in StatusInput) Status {
	dir := in.Direction
	if meets(in.Value, in.Target, dir) {
		return OnTrack
	}
	if !in.Period.Last().Before(in.By) {
		return OffTrack
	}
	expected, scale := in.Target, math.Abs(in.Target)
	if in.HasBaseline {
		total := float64(in.By.Index() - in.BaselinePeriod.Last().Index())
		done := float64(in.Period.Last().Index() - in.BaselinePeriod.Last().Index())
		frac := 1.0
		if total > 0 {
			frac = math.Min(math.Max(done/total, 0), 1)
		}
		expected = in.Baseline + (in.Target-in.Baseline)*frac
		scale = math.Abs(in.Target - in.Baseline)
	}
	if meets(in.Value, expected, dir) {
		return OnTrack
	}
	if in.SlopeKnown {
		if in.HasReach && !in.By.Before(in.Reach.Last()) {
			return AtRisk
		}
		return OffTrack
	}
	if math.Abs(expected-in.Value) <= AtRiskBand*scale {
		return AtRisk
	}
	return OffTrack
}
