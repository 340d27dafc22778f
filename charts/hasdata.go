package charts

// HasData reports whether the radar has a value to draw; without one, Radar
// draws the "no data" image (the command line then warns).
func (d RadarData) HasData() bool {
	if len(d.Axes) < 3 {
		return radarAsBars(d, "").HasData()
	}
	for _, s := range d.Series {
		for i := range d.Axes {
			if _, ok := valueAt(s.Values, i); ok {
				return true
			}
		}
	}
	return false
}

// HasData reports whether any pillar has a current or earlier score.
func (d PillarData) HasData() bool {
	for _, p := range d.Pillars {
		_, ok := finite(p.Score)
		_, ok2 := finite(p.Earlier)
		if ok || ok2 {
			return true
		}
	}
	return false
}

// HasData reports whether any department has a score for a pillar.
func (d AlignmentData) HasData() bool {
	for _, dep := range d.Departments {
		for i := range d.Pillars {
			if _, ok := valueAt(dep.Scores, i); ok {
				return true
			}
		}
	}
	return false
}

// HasData reports whether any month has a value.
func (d TrendData) HasData() bool {
	for _, p := range d.Points {
		if _, ok := finite(p.Value); ok {
			return true
		}
	}
	return false
}

// HasData reports whether any stage has a count.
func (d FunnelData) HasData() bool {
	for _, s := range d.Stages {
		if _, ok := finite(s.Value); ok {
			return true
		}
	}
	return false
}

// HasData reports whether the tile has a latest value.
func (d TileData) HasData() bool {
	_, ok := finite(d.Value)
	return ok
}
