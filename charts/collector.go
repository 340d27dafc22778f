package charts

import "image"

// rgbaCollector receives the bitmap from go-chart's raster renderer
// (chart.RGBACollector) so that we choose the PNG encoder settings.
type rgbaCollector struct {
	img *image.RGBA
}

func (c *rgbaCollector) Write(p []byte) (int, error) { return len(p), nil }

// SetRGBA implements chart.RGBACollector.
func (c *rgbaCollector) SetRGBA(i *image.RGBA) { c.img = i }
