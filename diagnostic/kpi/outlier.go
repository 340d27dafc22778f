package kpi

import "math"

// Outlier detection parameters, documented in docs/KPIS.md.
const (
	// OutlierMinValues is how many values a series needs before any of
	// them can be judged an outlier.
	OutlierMinValues = 6
	// OutlierWindow is how many changes on each side of a value make up
	// the sample its changes are judged against.
	OutlierWindow = 12
	// OutlierMinShare: a spike smaller than this share of the local level
	// (the median |value| of the window) is not an outlier, however still
	// the series around it.
	OutlierMinShare = 0.05
)

// spike is the outlier reading of one value of a series.
type spike struct {
	scored  bool    // false: too few values, or the series' first value
	z       float64 // the spike score (robust z of the detrended changes)
	outlier bool
}

// spikes reads every value of a series (one entry per consecutive period;
// bad entries have no value) for outliers. A value is an outlier when it
// departs from the series' local trend and comes back: the change into it
// and the change out of it, each detrended, are both beyond OutlierZ robust
// z-scores with opposite signs (a jump up then down, or down then up). A
// steady trend, straight or gently curved, has changes close to their local
// median and produces none; a step to a new level has one large change and
// is not an outlier either. The latest value has no later neighbour: it is
// judged on the change into it alone.
//
// Changes are taken between consecutive values (skipping periods without a
// value), detrended by the median change per period of the window, so a
// missing month within a steady trend is not a jump. The score z is the
// weaker of the two changes' robust z-scores (signed: positive for a value
// above its neighbours), 0 when they point the same way. A spike must also
// be material: both detrended changes at least OutlierMinShare of the local
// level and at least floor (the unit's smallest meaningful move), so a
// flat series does not flag a wobble of a fraction of a percent.
func spikes(series []res, floor float64) []spike {
	out := make([]spike, len(series))
	var at []int // indices of the values
	for i, r := range series {
		if !r.bad() {
			at = append(at, i)
		}
	}
	if len(at) < OutlierMinValues {
		return out
	}
	// d[j] is the change into value j (from value j-1), gap[j] the number
	// of periods it spans; d[0] is unused.
	d := make([]float64, len(at))
	gap := make([]float64, len(at))
	for j := 1; j < len(at); j++ {
		d[j] = series[at[j]].v - series[at[j-1]].v
		gap[j] = float64(at[j] - at[j-1])
	}
	rates := make([]float64, 0, 2*OutlierWindow+2)
	resid := make([]float64, 0, 2*OutlierWindow+2)
	levels := make([]float64, 0, 2*OutlierWindow+3)
	for j := 1; j < len(at); j++ {
		lo, hi := max(1, j-OutlierWindow), min(len(at)-1, j+OutlierWindow+1)
		rates = rates[:0]
		for k := lo; k <= hi; k++ {
			rates = append(rates, d[k]/gap[k])
		}
		trend := median(rates)
		resid = resid[:0]
		for k := lo; k <= hi; k++ {
			resid = append(resid, d[k]-trend*gap[k])
		}
		levels = levels[:0]
		for k := lo - 1; k <= hi; k++ {
			levels = append(levels, math.Abs(series[at[k]].v))
		}
		minMove := math.Max(floor, OutlierMinShare*median(levels))
		in := d[j] - trend*gap[j]
		zin := RobustZ(in, resid)
		z, move := zin, math.Abs(in)
		if j < len(at)-1 {
			back := d[j+1] - trend*gap[j+1]
			zout := -RobustZ(back, resid)
			move = math.Min(move, math.Abs(back))
			switch {
			case (zin > 0) != (zout > 0) || zin == 0 || zout == 0:
				z = 0
			case math.Abs(zout) < math.Abs(zin):
				z = zout
			}
		}
		out[at[j]] = spike{scored: true, z: z, outlier: math.Abs(z) > OutlierZ && move >= minMove}
	}
	return out
}
