package charts

import (
	"sync"

	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
)

// Text widths are measured from the fonts' advance widths (with kerning,
// unhinted like go-chart's raster back end) and cached across charts: the
// layout measures the same labels many times, and go-chart's SVG back end
// would build a new font face for every measurement.
var measures = struct {
	sync.Mutex
	faces  map[faceKey]font.Face
	widths map[widthKey]float64
}{faces: map[faceKey]font.Face{}, widths: map[widthKey]float64{}}

type faceKey struct {
	bold      bool
	size, dpi float64
}

type widthKey struct {
	faceKey
	body string
}

// maxCachedWidths bounds the width cache; it is emptied when full.
const maxCachedWidths = 20000

// textWidth returns the advance width in pixels of body in font f.
func textWidth(f *truetype.Font, k faceKey, body string) float64 {
	measures.Lock()
	defer measures.Unlock()
	wk := widthKey{k, body}
	if w, ok := measures.widths[wk]; ok {
		return w
	}
	face, ok := measures.faces[k]
	if !ok {
		face = truetype.NewFace(f, &truetype.Options{Size: k.size, DPI: k.dpi, Hinting: font.HintingNone})
		measures.faces[k] = face
	}
	w := float64(font.MeasureString(face, body)) / 64
	if len(measures.widths) >= maxCachedWidths {
		clear(measures.widths)
	}
	measures.widths[wk] = w
	return w
}
