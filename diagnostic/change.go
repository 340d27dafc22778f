package diagnostic

// ScoreChange is a score now and in an earlier assessment. Delta is nil
// when either score is nil (insufficient data).
type ScoreChange struct {
	Current       *float64 `json:"current"`
	Previous      *float64 `json:"previous"`
	Delta         *float64 `json:"delta"`
	CurrentLevel  *int     `json:"current_level"`
	PreviousLevel *int     `json:"previous_level"`
}

// PillarChange is the change of one pillar's score.
type PillarChange struct {
	Pillar string `json:"pillar"`
	ScoreChange
}

// Change compares an assessment with an earlier one, overall and per pillar
// (in the current result's pillar order).
type Change struct {
	Overall ScoreChange    `json:"overall"`
	Pillars []PillarChange `json:"pillars"`
}

// Compare returns the change from previous to current. A pillar missing
// from previous (a newer questionnaire) has a nil Previous.
func Compare(current, previous *Result) Change {
	c := Change{Overall: newChange(current.Overall.Score, previous.Overall.Score, current.Overall.Level, previous.Overall.Level)}
	for _, p := range current.Pillars {
		pc := PillarChange{Pillar: p.ID}
		if old := previous.Pillar(p.ID); old != nil {
			pc.ScoreChange = newChange(p.Score, old.Score, p.Level, old.Level)
		} else {
			pc.ScoreChange = newChange(p.Score, nil, p.Level, nil)
		}
		c.Pillars = append(c.Pillars, pc)
	}
	return c
}

func newChange(cur, prev *float64, curLvl, prevLvl *int) ScoreChange {
	sc := ScoreChange{Current: cur, Previous: prev, CurrentLevel: curLvl, PreviousLevel: prevLvl}
	if cur != nil && prev != nil {
		sc.Delta = ptr(round(*cur-*prev, 1))
	}
	return sc
}
