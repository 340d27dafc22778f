package app

import (
	"bytes"
	"context"
	"github.com/revopsdx/revopsdx/usecase"
	"image/png"
	"testing"
	"time"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// demoOrg creates the demo organisation (two assessments 183 days apart,
// three departments in the latest) in db.
func demoOrg(t *testing.T, db *store.Store) int64 {
	t.Helper()
	res, err := usecase.EnsureDemo(context.Background(), db, true, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return res.Org.ID
}

// resultImages returns the chart images on the results screen that hold
// a rendered chart.
func resultImages(u *ui) []*canvas.Image {
	var out []*canvas.Image
	for _, o := range test.LaidOutObjects(u.content) {
		if img, ok := o.(*canvas.Image); ok && img.Resource != nil && len(img.Resource.Content()) > 1000 {
			out = append(out, img)
		}
	}
	return out
}

// TestResultsChangeOnDemo opens the demo's results: the overall score
// and its change since the earlier assessment (with its date), the change
// of a pillar, and three charts; in the dark theme the charts are redrawn
// dark.
func TestResultsChangeOnDemo(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	u := newTestUI(t, db)
	id := demoOrg(t, db)
	u.openOrg(id)
	u.settle()
	u.goTo(screenResults)
	u.settle()

	infos, err := db.Assessments(context.Background(), id)
	if err != nil || len(infos) != 2 {
		t.Fatalf("demo assessments: %d, %v", len(infos), err)
	}
	l := u.lang()
	// docs/ANALYSIS.md, by hand from demo.json: overall 28.1 in May, 43.7
	// now, so +15.6; alignment 26.8 → 43.9 = +17.1.
	for _, want := range []string{
		"43.7", "Level 3 · Defined",
		"Since the assessment of " + l.LongDate(infos[0].Date) + ": +15.6 points (it was 28.1).",
		"Change since " + l.Date(infos[0].Date), "+17.1",
	} {
		if !shows(u, want) {
			t.Errorf("%q not shown: %q", want, texts(u))
		}
	}
	imgs := resultImages(u)
	if len(imgs) != 3 {
		t.Fatalf("%d charts drawn, want 3 (radar, pillar bars, alignment)", len(imgs))
	}
	light := cornerLuma(t, imgs[0].Resource.Content())

	u.setTheme(themeDark)
	u.goTo(screenResults)
	u.settle()
	imgs = resultImages(u)
	if len(imgs) != 3 {
		t.Fatalf("dark: %d charts drawn, want 3", len(imgs))
	}
	if dark := cornerLuma(t, imgs[0].Resource.Content()); light < 200 || dark > 80 {
		t.Errorf("radar background luma light %d, dark %d: want a light then a dark chart", light, dark)
	}
}

// cornerLuma is the brightness (0–255) of a PNG's top-left pixel.
func cornerLuma(t *testing.T, b []byte) int {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	r, g, bl, _ := img.At(1, 1).RGBA()
	return int((299*r + 587*g + 114*bl) / 1000 >> 8)
}
