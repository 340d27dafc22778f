package importer

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// header is one column's heading.
type header struct {
	idx  int
	raw  string
	norm string
}

// assignment is a column matched to a field.
type assignment struct {
	col  int
	from string // "user", "preset" or "synonym"
}

// match is how a table's columns fit one shape.
type match struct {
	kind      Kind
	layout    string // kpis: "wide" or "long"
	fields    map[string]assignment
	ambiguous []FieldIssue
	missing   []FieldIssue
	ignored   map[int]bool // columns the user told to ignore
	score     int
}

// ignoreField is what --map "COLUMN=-" maps a column to.
const ignoreField = "-"

// userMap resolves --map keys to column indexes. A key matches a header
// exactly, else ignoring case, else after normalisation.
func userMap(heads []header, m map[string]string, file string) (map[int]string, error) {
	out := map[int]string{}
	for key, field := range m {
		col := -1
		for _, try := range []func(h header) bool{
			func(h header) bool { return h.raw == key },
			func(h header) bool { return strings.EqualFold(h.raw, key) },
			func(h header) bool { return h.norm == normalize(key) },
		} {
			for _, h := range heads {
				if try(h) {
					col = h.idx
					break
				}
			}
			if col >= 0 {
				break
			}
		}
		if col < 0 {
			names := make([]string, len(heads))
			for i, h := range heads {
				names[i] = h.raw
			}
			return nil, fmt.Errorf("%s: --map names column %q, which the file does not have (columns: %s): %w", file, key, strings.Join(names, ", "), errInvalid)
		}
		field = strings.TrimSpace(field)
		if field == "" || strings.EqualFold(field, "ignore") {
			field = ignoreField
		}
		out[col] = field
	}
	return out, nil
}

// fieldNames lists a shape's field names.
func fieldNames(k Kind) []string {
	var out []string
	for _, f := range fieldsOf(k) {
		out = append(out, f.Name)
	}
	return out
}

// checkUserFields fails on --map fields the shape does not have.
func (v *vocabulary) checkUserFields(k Kind, user map[int]string, heads []header, file string) error {
	for col, f := range user {
		if f == ignoreField {
			continue
		}
		if _, ok := fieldType(k, f); ok {
			continue
		}
		if k == KPIs {
			if _, ok := v.Metrics[f]; ok {
				continue
			}
		}
		return fmt.Errorf("%s: --map %q=%q: %s has no field %q (fields: %s%s): %w", file, heads[col].raw, f, k, f,
			strings.Join(fieldNames(k), ", "), map[bool]string{true: ", or a KPI or input id", false: ""}[k == KPIs], errInvalid)
	}
	return nil
}

// matchKind fits the columns to shape k: the user's mapping first, then the
// preset's, then the synonyms (the best-ranked synonym wins; two columns at
// the same rank are ambiguous).
func (v *vocabulary) matchKind(k Kind, heads []header, user map[int]string, preset *Preset, auto bool) *match {
	m := &match{kind: k, fields: map[string]assignment{}, ignored: map[int]bool{}}
	used := map[int]bool{}
	for col, f := range user {
		if f == ignoreField {
			m.ignored[col], used[col] = true, true
			continue
		}
		if _, ok := fieldType(k, f); ok || k == KPIs {
			m.fields[f] = assignment{col, "user"}
			used[col] = true
		}
	}
	if preset != nil && preset.Kind == k {
		for _, h := range heads {
			if f, ok := preset.Columns[h.norm]; ok && !used[h.idx] {
				if _, taken := m.fields[f]; !taken {
					m.fields[f] = assignment{h.idx, "preset"}
					used[h.idx] = true
				}
			}
		}
	}
	for _, f := range fieldsOf(k) {
		if _, taken := m.fields[f.Name]; taken {
			continue
		}
		best, cands := -1, []int(nil)
		for _, h := range heads {
			if used[h.idx] {
				continue
			}
			r, ok := v.rank[string(k)][f.Name+"\x00"+h.norm]
			if !ok {
				continue
			}
			switch {
			case best < 0 || r < best:
				best, cands = r, []int{h.idx}
			case r == best:
				cands = append(cands, h.idx)
			}
		}
		if len(cands) == 0 {
			continue
		}
		m.fields[f.Name] = assignment{cands[0], "synonym"}
		used[cands[0]] = true
		if len(cands) > 1 {
			var names []string
			for _, c := range cands {
				names = append(names, heads[c].raw)
			}
			m.ambiguous = append(m.ambiguous, FieldIssue{Field: f.Name, Candidates: names})
		}
	}
	if k == KPIs {
		v.matchMetrics(m, heads, used)
	} else {
		req := requirements[k]
		all := req.always
		if auto {
			all = append(slices.Clone(all), req.auto...)
		}
		for _, r := range all {
			if !slices.ContainsFunc(r, func(f string) bool { _, ok := m.fields[f]; return ok }) {
				m.missing = append(m.missing, FieldIssue{Field: strings.Join(r, " or "), Candidates: v.examples(k, r[0])})
			}
		}
		m.score = len(m.fields)
	}
	return m
}

// matchMetrics fits a KPI table: long (period, metric, value) when it has
// a metric column, else wide (period and one column per KPI or input).
func (v *vocabulary) matchMetrics(m *match, heads []header, used map[int]bool) {
	seen := map[string]int{}
	for f, a := range m.fields {
		if _, ok := v.Metrics[f]; ok {
			seen[f] = a.col
		}
	}
	for _, h := range heads {
		if used[h.idx] {
			continue
		}
		id, ok := v.metric[h.norm]
		if !ok {
			continue
		}
		if prev, dup := seen[id]; dup {
			m.ambiguous = append(m.ambiguous, FieldIssue{Field: id, Candidates: []string{heads[prev].raw, h.raw}})
			continue
		}
		seen[id] = h.idx
		m.fields[id] = assignment{h.idx, "synonym"}
		used[h.idx] = true
	}
	_, hasMetric := m.fields["metric"]
	_, hasValue := m.fields["value"]
	switch {
	case hasMetric:
		m.layout = "long"
		for id := range seen {
			delete(m.fields, id)
		}
		if !hasValue {
			m.missing = append(m.missing, FieldIssue{Field: "value", Candidates: v.examples(KPIs, "value")})
		}
	case len(seen) > 0:
		m.layout = "wide"
		if a, ok := m.fields["value"]; ok && a.from != "user" {
			delete(m.fields, "value")
		}
	case hasValue:
		m.layout = "long"
		m.missing = append(m.missing, FieldIssue{Field: "metric", Candidates: v.examples(KPIs, "metric")})
	default:
		m.layout = "wide"
		m.missing = append(m.missing, FieldIssue{Field: "a KPI or input column", Candidates: []string{"Revenue", "Ingresos", "Leads", "Nuevos clientes"}})
	}
	if _, ok := m.fields["period"]; !ok {
		m.missing = append([]FieldIssue{{Field: "period", Candidates: v.examples(KPIs, "period")}}, m.missing...)
	}
	m.score = len(m.fields)
}

// examples returns up to three synonyms of a field, as written in
// columns.json, for messages.
func (v *vocabulary) examples(k Kind, field string) []string {
	syn := v.Shapes[string(k)][field]
	if len(syn) > 4 {
		syn = syn[:4]
	}
	return slices.Clone(syn)
}

// findPreset returns the CRM preset whose signature headers are all present.
func (v *vocabulary) findPreset(heads []header) *Preset {
	have := map[string]bool{}
	for _, h := range heads {
		have[h.norm] = true
	}
	for i := range v.Presets {
		p := &v.Presets[i]
		sigs := append([][]string{p.Signature}, p.Alternates...)
		for _, sig := range sigs {
			ok := true
			for _, s := range sig {
				if !have[normalize(s)] {
					ok = false
					break
				}
			}
			if ok {
				return p
			}
		}
	}
	return nil
}

// chooseKind fits every shape (or the one asked for) and returns the best
// complete fit, or a MappingError that says what each partial fit lacks.
func (v *vocabulary) chooseKind(want Kind, heads []header, user map[int]string, file string) (*match, *Preset, error) {
	preset := v.findPreset(heads)
	if want != "" {
		if preset != nil && preset.Kind != want {
			preset = nil
		}
		if err := v.checkUserFields(want, user, heads, file); err != nil {
			return nil, nil, err
		}
		m := v.matchKind(want, heads, user, preset, false)
		if len(m.missing) > 0 || len(m.ambiguous) > 0 {
			return m, preset, &MappingError{File: file, Kind: want, Missing: m.missing, Ambiguous: m.ambiguous}
		}
		return m, preset, nil
	}
	var complete, partial []*match
	for _, k := range allKinds {
		if preset != nil && preset.Kind != k {
			continue
		}
		if v.checkUserFields(k, user, heads, file) != nil {
			continue
		}
		m := v.matchKind(k, heads, user, preset, true)
		if len(m.missing) == 0 {
			complete = append(complete, m)
		} else if len(m.fields) > 0 {
			partial = append(partial, m)
		}
	}
	order := func(ms []*match) {
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].score > ms[j].score })
	}
	order(complete)
	order(partial)
	if len(complete) > 0 {
		m := complete[0]
		if len(m.ambiguous) > 0 {
			return m, preset, &MappingError{File: file, Kind: m.kind, Ambiguous: m.ambiguous}
		}
		return m, preset, nil
	}
	if len(user) > 0 {
		for col, f := range user {
			if f != ignoreField {
				if err := v.checkUserFields(Deals, map[int]string{col: f}, heads, file); err != nil && len(partial) == 0 {
					return nil, nil, err
				}
			}
		}
	}
	me := &MappingError{File: file}
	for i, m := range partial {
		if i == 3 || i > 0 && m.score < partial[0].score {
			break
		}
		at := KindAttempt{Kind: m.kind, Missing: m.missing, match: m}
		if m.kind == KPIs {
			at.Kind = Kind("kpis_" + m.layout) // "a wide/long KPI table" in messages
		}
		type fc struct {
			col   int
			field string
		}
		var found []fc
		for f, a := range m.fields {
			if a.col >= 0 {
				found = append(found, fc{a.col, f})
			}
		}
		sort.Slice(found, func(i, j int) bool { return found[i].col < found[j].col })
		for _, x := range found {
			at.Found = append(at.Found, fmt.Sprintf("%q (%s)", heads[x.col].raw, x.field))
		}
		me.Tried = append(me.Tried, at)
	}
	return nil, nil, me
}
