package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/dialog"

	"github.com/revopsdx/revopsdx/charts"
)

// chartDrawer draws one chart with the given options (size, format,
// language, theme).
type chartDrawer func(o charts.Options) ([]byte, error)

// saveChart asks where to save a chart; a name ending in .svg gets SVG,
// anything else PNG (".png" is added when there is no extension). The
// chart is drawn at print size in the light theme, in a goroutine.
func (u *ui) saveChart(name string, draw chartDrawer) {
	u.chooseFileToSave(name+".png", []string{".png", ".svg"}, func(path string) { u.writeChart(path, draw) })
}

// writeChart renders a chart to path in the background and says where it
// went.
func (u *ui) writeChart(path string, draw chartDrawer) {
	format := charts.PNG
	switch strings.ToLower(filepath.Ext(path)) {
	case ".svg":
		format = charts.SVG
	case ".png":
	default:
		_ = os.Remove(path) // the empty file the dialog created
		path += ".png"
	}
	o := charts.Options{Width: 1640, Height: 880, DPI: 192, Format: format}
	background(u, "saving a chart", func(context.Context) (string, error) {
		b, err := draw(o)
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(path, b, 0o600); err != nil {
			return "", fmt.Errorf("writing %s: %w", path, err)
		}
		if err := os.Chmod(path, 0o600); err != nil { // the dialog may have created it 0644
			return "", fmt.Errorf("restricting %s to its owner: %w", path, err)
		}
		return path, nil
	}, func(p string) {
		dialog.ShowInformation(tr("chart.saved.title"), tr("chart.saved", map[string]any{"File": p}), u.win)
	})
}
