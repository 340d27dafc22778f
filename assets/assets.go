// Package assets embeds the product's content and resources: the
// questionnaire, KPI catalogue, benchmarks, recommendation rules and demo
// data (content/), the user-interface translations (i18n/), the fonts used by
// charts and reports (fonts/, with their licence) and the application icon.
//
// Content lives in data files, not Go literals, so a consultant-facing change
// is a data change; the packages that read a file validate it and a content
// error fails their tests. This package has no logic beyond access.
package assets

import (
	"embed"
	"fmt"
)

// FS holds every embedded file, by its path below this folder
// ("content/questions.json", "i18n/es.json", "fonts/DejaVuSans.ttf").
//
//go:embed icon.png i18n content fonts
var FS embed.FS

// Icon is the application icon, a 512×512 PNG.
func Icon() []byte { return mustRead("icon.png") }

// Font returns an embedded TrueType font: "DejaVuSans.ttf" or
// "DejaVuSans-Bold.ttf". Both cover Latin-1 (á é í ó ú ñ ü ¿ ¡) and €.
func Font(name string) ([]byte, error) {
	b, err := FS.ReadFile("fonts/" + name)
	if err != nil {
		return nil, fmt.Errorf("embedded font %q: %w", name, err)
	}
	return b, nil
}

// Content reads a content file by name, such as "questions.json".
func Content(name string) ([]byte, error) {
	b, err := FS.ReadFile("content/" + name)
	if err != nil {
		return nil, fmt.Errorf("embedded content %q: %w", name, err)
	}
	return b, nil
}

func mustRead(name string) []byte {
	b, err := FS.ReadFile(name)
	if err != nil {
		panic("assets: missing embedded file " + name) // a build defect, caught by tests
	}
	return b
}
