package diagnostic

import (
	"encoding/json"
	"fmt"
	"sync"

	"github.com/revopsdx/revopsdx/assets"
)

// GlossaryFile is the embedded content file holding the one name per
// language of every pillar and practice area (assets/content/glossary.json).
// Objective and KPI names live in kpis.json, the glossary for them.
const GlossaryFile = "glossary.json"

// Glossary gives each pillar and practice area one name per language, and
// lists spellings the content must not use (Avoid, by language).
type Glossary struct {
	Version string              `json:"version"`
	Note    string              `json:"note"`
	Pillars map[string]Text     `json:"pillars"`
	Areas   map[string]Text     `json:"areas"`
	Avoid   map[string][]string `json:"avoid"`
}

// RequiredAreas are the practice areas the questionnaire must cover: the
// RevOps processes beyond KPI practice (see docs/QUESTIONNAIRE.md).
var RequiredAreas = []string{"forecasting", "pipeline_stages", "lead_handoff", "icp", "compensation", "pricing", "enablement"}

var loadGlossary = sync.OnceValues(func() (*Glossary, error) {
	b, err := assets.Content(GlossaryFile)
	if err != nil {
		return nil, err
	}
	return ParseGlossary(b)
})

// LoadGlossary returns the embedded glossary, parsed and validated once.
// Treat it as read-only.
func LoadGlossary() (*Glossary, error) { return loadGlossary() }

// ParseGlossary decodes glossary content and checks it: every pillar of the
// method named, every name in both languages.
func ParseGlossary(b []byte) (*Glossary, error) {
	var g Glossary
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("%s: %w: %v", GlossaryFile, ErrInvalid, err)
	}
	var c contentErrors
	for _, p := range allPillarIDs {
		if _, ok := g.Pillars[p]; !ok {
			c.addf("pillars: %q missing", p)
		}
	}
	for id, t := range g.Pillars {
		c.text("pillars."+id, t)
	}
	for id, t := range g.Areas {
		if !idPattern.MatchString(id) {
			c.addf("areas: id %q must be lower_snake_case", id)
		}
		c.text("areas."+id, t)
	}
	for _, a := range RequiredAreas {
		if _, ok := g.Areas[a]; !ok {
			c.addf("areas: required area %q missing", a)
		}
	}
	if err := c.err(); err != nil {
		return nil, fmt.Errorf("%s: %w", GlossaryFile, err)
	}
	return &g, nil
}

// AreaName returns an area's name, or its id when the glossary lacks it.
func (g *Glossary) AreaName(id string) Text {
	if t, ok := g.Areas[id]; ok {
		return t
	}
	return Text{ES: id, EN: id}
}
