package charts

import (
	"fmt"
	"sync"

	"github.com/golang/freetype/truetype"
	"github.com/revopsdx/revopsdx/assets"
)

var (
	fontOnce            sync.Once
	regularFont, boldFt *truetype.Font
	fontErr             error
)

// fonts parses the embedded DejaVu Sans regular and bold once.
func fonts() (regular, bold *truetype.Font, err error) {
	fontOnce.Do(func() {
		regularFont, fontErr = parseFont("DejaVuSans.ttf")
		if fontErr == nil {
			boldFt, fontErr = parseFont("DejaVuSans-Bold.ttf")
		}
	})
	return regularFont, boldFt, fontErr
}

func parseFont(name string) (*truetype.Font, error) {
	b, err := assets.Font(name)
	if err != nil {
		return nil, fmt.Errorf("charts: %w", err)
	}
	f, err := truetype.Parse(b)
	if err != nil {
		return nil, fmt.Errorf("charts: parsing font %s: %w", name, err)
	}
	return f, nil
}
