package assets

import (
	"bytes"
	"image/png"
	"testing"
)

func TestIconIs512(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(Icon()))
	if err != nil {
		t.Fatalf("icon: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 512 || b.Dy() != 512 {
		t.Errorf("icon is %dx%d, want 512x512", b.Dx(), b.Dy())
	}
}

func TestFontsAndLicence(t *testing.T) {
	for _, f := range []string{"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"} {
		b, err := Font(f)
		if err != nil || len(b) < 100_000 {
			t.Errorf("font %s: %d bytes, %v", f, len(b), err)
		}
	}
	if _, err := FS.ReadFile("fonts/LICENSE-DejaVu.txt"); err != nil {
		t.Errorf("font licence missing: %v", err)
	}
	if _, err := Font("nope.ttf"); err == nil {
		t.Error("missing font gave no error")
	}
}
