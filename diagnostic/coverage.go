package diagnostic

import "strings"

// CoverageLevel scores the KPI coverage checklist from 0 to 1. Each
// checklist KPI earns 0.5 when measured, plus 0.25 for a named owner and
// 0.25 for a cadence (owner and cadence count only when measured); each
// family's level is the mean of its KPIs, and the checklist's level the mean
// of its families. KPIs not on the checklist are ignored. Score maps the
// level to the 1–5 answer scale as 1 + 4×level.
func CoverageLevel(cl *Checklist, coverage map[string]KPICoverage) float64 {
	var sum float64
	fams := 0
	for _, f := range cl.Families {
		if len(f.KPIs) == 0 {
			continue
		}
		var fs float64
		for _, k := range f.KPIs {
			fs += kpiCredit(coverage[k.ID])
		}
		sum += fs / float64(len(f.KPIs))
		fams++
	}
	if fams == 0 {
		return 0
	}
	return sum / float64(fams)
}

func kpiCredit(c KPICoverage) float64 {
	if !c.Measured {
		return 0
	}
	credit := 0.5
	if strings.TrimSpace(c.Owner) != "" {
		credit += 0.25
	}
	if c.Cadence != "" {
		credit += 0.25
	}
	return credit
}
