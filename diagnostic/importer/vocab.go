package importer

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/revopsdx/revopsdx/assets"
	"github.com/revopsdx/revopsdx/diagnostic"
)

// vocabulary is assets/content/columns.json, normalised for lookups.
type vocabulary struct {
	Empty    []string `json:"empty_markers"`
	Booleans struct {
		True  []string `json:"true"`
		False []string `json:"false"`
	} `json:"booleans"`
	Footers struct {
		Totals []string `json:"total_prefixes"`
		Notes  []string `json:"note_prefixes"`
	} `json:"footers"`
	Shapes        map[string]map[string][]string `json:"shapes"`
	Metrics       map[string][]string            `json:"metrics"`
	DefaultRules  map[string]json.RawMessage     `json:"default_rules"`
	Presets       []Preset                       `json:"presets"`
	DealStatus    map[string][]string            `json:"deal_status"`
	LeadStages    map[string][]string            `json:"lead_stages"`
	LeadStageByID map[string]string              `json:"lead_stage_from_id"`
	CustStatus    map[string][]string            `json:"customer_status"`

	empty    map[string]bool
	boolVal  map[string]bool
	synonyms map[string]map[string][]string // kind → normalised header → fields, ranked by header
	rank     map[string]map[string]int      // kind → field+"\x00"+header → rank (0 best)
	metric   map[string]string              // normalised name or id → metric id
	rules    map[string]Rule
	dealStat map[string]diagnostic.DealStatus
	leadStg  map[string]diagnostic.LeadStage
	churned  map[string]bool
	emptyMax int // longest empty marker, in bytes
	// footStart holds the first letters of footer words, to skip most rows
	// without normalising them.
	footStart map[rune]bool
}

// Preset is the standard export of a CRM, recognised by its headers and
// mapped without asking.
type Preset struct {
	ID         string            `json:"id"`
	Name       string            `json:"name"`
	Kind       Kind              `json:"kind"`
	Signature  []string          `json:"signature"`
	Alternates [][]string        `json:"alternate_signatures"`
	Columns    map[string]string `json:"columns"`
	Stages     map[string]string `json:"stages"`
}

var (
	vocabOnce sync.Once
	vocab     *vocabulary
	vocabErr  error
)

// loadVocabulary reads and validates columns.json once.
func loadVocabulary() (*vocabulary, error) {
	vocabOnce.Do(func() {
		b, err := assets.Content("columns.json")
		if err != nil {
			vocabErr = err
			return
		}
		vocab, vocabErr = parseVocabulary(b)
	})
	return vocab, vocabErr
}

// parseVocabulary decodes and checks a columns.json document.
func parseVocabulary(b []byte) (*vocabulary, error) {
	v := &vocabulary{}
	if err := json.Unmarshal(b, v); err != nil {
		return nil, fmt.Errorf("columns.json: %w", err)
	}
	v.empty = map[string]bool{}
	for _, s := range v.Empty {
		v.emptyMax = max(v.emptyMax, len(s))
		v.empty[strings.ToLower(strings.TrimSpace(s))] = true
	}
	v.boolVal = map[string]bool{}
	for _, s := range v.Booleans.True {
		v.boolVal[normalize(s)] = true
	}
	for _, s := range v.Booleans.False {
		v.boolVal[normalize(s)] = false
	}
	v.synonyms = map[string]map[string][]string{}
	v.rank = map[string]map[string]int{}
	for kind, fields := range v.Shapes {
		k := Kind(kind)
		if !slices.Contains(allKinds, k) {
			return nil, fmt.Errorf("columns.json: unknown shape %q", kind)
		}
		v.synonyms[kind] = map[string][]string{}
		v.rank[kind] = map[string]int{}
		for field, syns := range fields {
			if _, ok := fieldType(k, field); !ok {
				return nil, fmt.Errorf("columns.json: shape %s has no field %q", kind, field)
			}
			tiered := slices.Contains(syns, "|")
			rank := 0
			for i, s := range syns {
				if s == "|" {
					rank = i + 1
					tiered = false
					continue
				}
				if !tiered {
					rank = i
				}
				n := normalize(s)
				if n == "" {
					return nil, fmt.Errorf("columns.json: empty synonym for %s.%s", kind, field)
				}
				v.synonyms[kind][n] = append(v.synonyms[kind][n], field)
				v.rank[kind][field+"\x00"+n] = rank
			}
		}
		for _, f := range fieldsOf(k) {
			if len(fields[f.Name]) == 0 && f.Name != "" {
				return nil, fmt.Errorf("columns.json: shape %s field %s has no synonyms", kind, f.Name)
			}
		}
	}
	v.metric = map[string]string{}
	for id := range v.Metrics {
		v.metric[normalize(id)] = id
	}
	for id, syns := range v.Metrics {
		for _, s := range syns {
			n := normalize(s)
			if other, dup := v.metric[n]; dup && other != id {
				return nil, fmt.Errorf("columns.json: metric synonym %q names both %s and %s", s, other, id)
			}
			v.metric[n] = id
		}
	}
	v.rules = map[string]Rule{}
	for rule, raw := range v.DefaultRules {
		if strings.HasPrefix(rule, "_") {
			continue
		}
		var ids []string
		if err := json.Unmarshal(raw, &ids); err != nil {
			return nil, fmt.Errorf("columns.json: default_rules.%s: %w", rule, err)
		}
		r := Rule(rule)
		if !r.valid() {
			return nil, fmt.Errorf("columns.json: unknown rule %q", rule)
		}
		for _, id := range ids {
			if _, ok := v.Metrics[id]; !ok {
				return nil, fmt.Errorf("columns.json: rule %s names unknown metric %q", rule, id)
			}
			v.rules[id] = r
		}
	}
	for i, p := range v.Presets {
		if p.ID == "" || p.Kind != Deals || len(p.Signature) == 0 {
			return nil, fmt.Errorf("columns.json: preset %d is incomplete", i)
		}
		norm := map[string]string{}
		for h, f := range p.Columns {
			if _, ok := fieldType(p.Kind, f); !ok {
				return nil, fmt.Errorf("columns.json: preset %s maps to unknown field %q", p.ID, f)
			}
			norm[normalize(h)] = f
		}
		v.Presets[i].Columns = norm
	}
	v.dealStat = map[string]diagnostic.DealStatus{}
	for st, names := range v.DealStatus {
		s := diagnostic.DealStatus(st)
		if s != diagnostic.DealWon && s != diagnostic.DealLost && s != diagnostic.DealOpen {
			return nil, fmt.Errorf("columns.json: unknown deal status %q", st)
		}
		for _, n := range names {
			v.dealStat[normalize(n)] = s
		}
	}
	v.leadStg = map[string]diagnostic.LeadStage{}
	for st, names := range v.LeadStages {
		s := diagnostic.LeadStage(st)
		switch s {
		case diagnostic.StageLead, diagnostic.StageMQL, diagnostic.StageSQL, diagnostic.StageCustomer:
		default:
			return nil, fmt.Errorf("columns.json: unknown lead stage %q", st)
		}
		for _, n := range names {
			v.leadStg[normalize(n)] = s
		}
	}
	v.footStart = map[rune]bool{}
	for _, p := range append(slices.Clone(v.Footers.Totals), v.Footers.Notes...) {
		v.footStart[firstRune(p)] = true
		if n := normalize(p); n != "" {
			v.footStart[firstRune(n)] = true
		}
	}
	v.churned = map[string]bool{}
	for _, n := range v.CustStatus["churned"] {
		v.churned[normalize(n)] = true
	}
	for _, n := range v.CustStatus["active"] {
		v.churned[normalize(n)] = false
	}
	return v, nil
}

// isEmpty reports whether a cell counts as no value ("", "n/a", "-"…).
func (v *vocabulary) isEmpty(s string) bool {
	if s == "" {
		return true
	}
	t := strings.TrimSpace(s) // a substring: no copy
	if len(t) > v.emptyMax {
		return t == ""
	}
	// Lower-case ASCII letters in a buffer on the stack: the markers are
	// ASCII words and dashes, and strings.ToLower allocated for every short
	// cell with a capital ("EUR", "Web"), a measurable share of a large
	// import's parsing.
	var buf [16]byte
	if len(t) > len(buf) {
		return v.empty[strings.ToLower(t)]
	}
	for i := 0; i < len(t); i++ {
		c := t[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return v.empty[string(buf[:len(t)])]
}

// boolean reads Yes/No, Sí/No, True/False, 1/0.
func (v *vocabulary) boolean(s string) (val, ok bool) {
	val, ok = v.boolVal[normalize(s)]
	return val, ok
}

// accentStrippers hold the transformers that remove accents. A
// transform.Chain keeps state between calls, so one shared by the
// goroutines that normalize (the import reads and builds rows on several)
// was a data race: each call takes its own from the pool.
var accentStrippers = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

// normalize makes a header or vocabulary word comparable: camelCase split,
// lower case, accents removed, every run of other characters one space.
// "Fecha de creación" → "fecha de creacion", "customerID" → "customer id",
// "close_value" → "close value", "Id. del pedido" → "id del pedido".
func normalize(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	prev := rune(0)
	space := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if unicode.IsUpper(r) && unicode.IsLower(prev) && b.Len() > 0 {
				b.WriteByte(' ')
			} else if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case r == '%' || r == '/':
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space = true
		default:
			space = true
		}
		prev = r
	}
	t := accentStrippers.Get().(transform.Transformer)
	out, _, err := transform.String(t, b.String())
	accentStrippers.Put(t)
	if err != nil {
		return b.String()
	}
	return out
}
