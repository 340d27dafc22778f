package importer

import (
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic/importer/dateparse"
	"github.com/revopsdx/revopsdx/diagnostic/importer/numparse"
)

// suggest adds to each missing number or date field the unmapped columns
// whose sample values are mostly numbers or dates.
func (d *Detection) suggest(v *vocabulary, me *MappingError, m *match, rows [][]string) {
	kinds := map[int]FieldType{} // column → what most of its values are
	for i := range d.heads {
		nums, dates, filled := 0, 0, 0
		for r := 0; r < len(rows) && r < 200; r++ {
			if i >= len(rows[r]) || v.isEmpty(rows[r][i]) {
				continue
			}
			filled++
			if l, _ := dateparse.Classify(rows[r][i], false); l != 0 {
				dates++
			} else if mask, _ := numparse.Accepts(rows[r][i]); mask != 0 {
				nums++
			}
		}
		switch {
		case filled == 0:
		case dates*5 >= filled*4:
			kinds[i] = TypeDate
		case nums*5 >= filled*4:
			kinds[i] = TypeNumber
		}
	}
	fill := func(k Kind, m *match, issues []FieldIssue) {
		for j := range issues {
			name, _, _ := strings.Cut(issues[j].Field, " or ")
			ft, ok := fieldType(k, name)
			if !ok && k == KPIs {
				ft = TypeNumber
			}
			if ft != TypeNumber && ft != TypeDate {
				continue
			}
			used := map[int]bool{}
			if m != nil {
				for _, a := range m.fields {
					used[a.col] = true
				}
			}
			for i := range d.heads {
				if !used[i] && kinds[i] == ft && len(issues[j].Columns) < 5 {
					issues[j].Columns = append(issues[j].Columns, d.heads[i].raw)
				}
			}
		}
	}
	fill(me.Kind, m, me.Missing)
	for i := range me.Tried {
		k := me.Tried[i].Kind
		if me.Tried[i].match != nil {
			k = me.Tried[i].match.kind
		}
		fill(k, me.Tried[i].match, me.Tried[i].Missing)
	}
}
