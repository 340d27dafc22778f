package report

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// bom is the UTF-8 byte order mark that makes Excel read the file as UTF-8
// (accents intact).
const bom = "\ufeff"

// csvCell is one CSV value: text, escaped against formula injection and
// always quoted, or a number written as is.
type csvCell struct {
	s   string
	num bool
}

// cText is a text cell.
func cText(s string) csvCell { return csvCell{s: s} }

// cNum is a number cell, written with a dot and as many digits as needed.
func cNum(v float64) csvCell { return csvCell{s: strconv.FormatFloat(v, 'f', -1, 64), num: true} }

// cOpt is a number cell, empty when v is nil.
func cOpt(v *float64) csvCell {
	if v == nil {
		return csvCell{num: true}
	}
	return cNum(*v)
}

// cInt is a whole-number cell.
func cInt(n int) csvCell { return csvCell{s: strconv.Itoa(n), num: true} }

// cBool is a "true"/"false" cell.
func cBool(b bool) csvCell { return csvCell{s: strconv.FormatBool(b), num: true} }

// EscapeCSV neutralises a text cell a spreadsheet could run as a formula,
// following the OWASP CSV-injection guidance: a value starting with =, +, -,
// @, a tab or a carriage return (also after leading spaces) gets a leading
// single quote, so spreadsheets show it as text.
func EscapeCSV(s string) string {
	if s == "" {
		return s
	}
	if s[0] == '\t' || s[0] == '\r' {
		return "'" + s
	}
	if t := strings.TrimLeft(s, " "); t != "" && strings.ContainsRune("=+-@", rune(t[0])) {
		return "'" + s
	}
	return s
}

// quote writes a text cell in double quotes, doubling inner quotes
// (RFC 4180). Quoting every text cell also keeps a value containing a
// semicolon in one cell when a spreadsheet splits on semicolons.
func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// csvTable is one table of the export: its file name, column names and rows.
type csvTable struct {
	name   string
	header []string
	rows   [][]csvCell
}

// writeCSV writes one table: BOM, header, rows, CRLF line ends. Text cells
// are escaped and quoted; number cells come only from numeric fields and
// are written bare (a negative number starts with "-" but is a number, not
// a formula).
func writeCSV(w io.Writer, t csvTable) error {
	b := bufio.NewWriter(w)
	b.WriteString(bom)
	for i, h := range t.header {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(quote(EscapeCSV(h)))
	}
	b.WriteString("\r\n")
	for _, r := range t.rows {
		for i, c := range r {
			if i > 0 {
				b.WriteByte(',')
			}
			if c.num {
				b.WriteString(c.s)
			} else {
				b.WriteString(quote(EscapeCSV(c.s)))
			}
		}
		b.WriteString("\r\n")
	}
	return b.Flush()
}

// csvTables lays out the export as its five tables.
func csvTables(e Export) []csvTable {
	answers := csvTable{name: "answers.csv", header: []string{"respondent", "department", "question", "pillar", "value", "note"}}
	for _, a := range e.Answers {
		answers.rows = append(answers.rows, []csvCell{cText(a.Respondent), cText(string(a.Department)), cText(a.Question), cText(a.Pillar), cInt(a.Value), cText(a.Note)})
	}
	scores := csvTable{name: "scores.csv", header: []string{"pillar", "score", "basis", "level"}}
	for _, s := range e.Scores {
		scores.rows = append(scores.rows, []csvCell{cText(s.Pillar), cOpt(s.Score), cNum(s.Basis), cInt(s.Level)})
	}
	values := csvTable{name: "kpi_values.csv", header: []string{"kpi", "period", "value", "unit", "currency", "source"}}
	for _, v := range e.KPIValues {
		values.rows = append(values.rows, []csvCell{cText(v.KPI), cText(v.Period.String()), cNum(v.Value), cText(string(v.Unit)), cText(v.Currency), cText(v.Source)})
	}
	plan := csvTable{name: "plan.csv", header: []string{"kpi", "owner", "cadence", "target", "target_by", "retired"}}
	for _, p := range e.Plan {
		by := ""
		if p.TargetBy != nil {
			by = p.TargetBy.String()
		}
		plan.rows = append(plan.rows, []csvCell{cText(p.KPI), cText(p.Owner), cText(string(p.Cadence)), cOpt(p.Target), cText(by), cBool(p.Retired)})
	}
	recs := csvTable{name: "recommendations.csv", header: []string{"rank", "id", "text", "team", "horizon_days", "priority", "evidence", "status", "note", "owner", "due"}}
	for _, r := range e.Recommendations {
		recs.rows = append(recs.rows, []csvCell{cInt(r.Rank), cText(r.ID), cText(r.Text), cText(r.Team), cInt(r.HorizonDays), cNum(r.Priority), cText(r.Evidence), cText(r.Status), cText(r.Note), cText(r.Owner), cText(r.Due)})
	}
	return []csvTable{answers, scores, values, plan, recs}
}

// allCSVFiles lists the files WriteCSVDir writes, in order.
var allCSVFiles = []string{"answers.csv", "scores.csv", "kpi_values.csv", "plan.csv", "recommendations.csv"}

// CSVFiles returns a copy of the list above: callers may change it without
// changing it for everyone else.
func CSVFiles() []string { return append([]string(nil), allCSVFiles...) }

// WriteCSVDir writes the export as one CSV file per table into dir
// (created when missing): answers.csv, scores.csv, kpi_values.csv,
// plan.csv and recommendations.csv. Each file is UTF-8 with a BOM, has a
// header row, and replaces an existing file atomically.
func WriteCSVDir(dir string, e Export) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("creating the export folder %s: %w", dir, err)
	}
	for _, t := range csvTables(e) {
		path := filepath.Join(dir, t.name)
		if err := writeAtomic(path, func(w io.Writer) error { return writeCSV(w, t) }); err != nil {
			return err
		}
	}
	return nil
}
