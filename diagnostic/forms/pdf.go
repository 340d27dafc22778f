package forms

import (
	"fmt"
	"io"

	"github.com/johnfercher/maroto/v2"
	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/line"
	"github.com/johnfercher/maroto/v2/pkg/components/page"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/config"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/consts/pagesize"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"
	"github.com/johnfercher/maroto/v2/pkg/repository"

	"github.com/revopsdx/revopsdx/assets"
	"github.com/revopsdx/revopsdx/diagnostic"
)

// pdfFont is the family the PDF form registers the embedded DejaVu fonts
// under (they have the ☐ box and every Spanish letter).
const pdfFont = "dejavu"

// box is what a person ticks on paper.
const box = "☐"

var (
	pdfNavy  = &props.Color{Red: 0x16, Green: 0x3a, Blue: 0x6b}
	pdfMuted = &props.Color{Red: 0x55, Green: 0x5f, Blue: 0x6d}
)

// WritePDF writes the form for printing (a workshop on paper): a first page
// with the instructions and lines for the name and department (each
// department with a box), then one page per pillar with its questions, each
// with a box per choice. The option numbers are the keys that type the
// answers back in the app's Diagnostic screen (1–5; 0 or N for "not
// applicable", ? for "don't know").
func WritePDF(w io.Writer, s Spec) error {
	if err := s.Check(); err != nil {
		return err
	}
	regular, err := assets.Font("DejaVuSans.ttf")
	if err != nil {
		return fmt.Errorf("pdf form: %w", err)
	}
	bold, err := assets.Font("DejaVuSans-Bold.ttf")
	if err != nil {
		return fmt.Errorf("pdf form: %w", err)
	}
	fonts, err := repository.New().
		AddUTF8FontFromBytes(pdfFont, fontstyle.Normal, regular).
		AddUTF8FontFromBytes(pdfFont, fontstyle.Bold, bold).
		Load()
	if err != nil {
		return fmt.Errorf("pdf form fonts: %w", err)
	}
	l := s.Lang
	cfg := config.NewBuilder().
		WithPageSize(pagesize.A4).
		WithLeftMargin(18).WithRightMargin(18).WithTopMargin(15).WithBottomMargin(12).
		WithCustomFonts(fonts).
		WithDefaultFont(&props.Font{Family: pdfFont, Style: fontstyle.Normal, Size: 9}).
		WithPageNumber(props.PageNumber{Pattern: l.Pick("Página {current} de {total}", "Page {current} of {total}"), Place: props.RightBottom, Family: pdfFont, Size: 7, Color: pdfMuted}).
		WithTitle(title(s), true).
		WithCreator("RevOps Diagnostic", true).
		Build()
	m := maroto.New(cfg)
	m.AddRows(cover(s)...)
	printed := map[string]bool{}
	section := func(name, description string, qs []*diagnostic.Question) {
		if len(qs) == 0 {
			return
		}
		m.AddPages(page.New())
		m.AddRows(text.NewAutoRow(name, props.Text{Family: pdfFont, Style: fontstyle.Bold, Size: 13, Color: pdfNavy, Bottom: 1}))
		if description != "" {
			m.AddRows(text.NewAutoRow(description, props.Text{Family: pdfFont, Size: 8, Color: pdfMuted, Bottom: 3}))
		}
		for _, q := range qs {
			m.AddRows(questionRows(s, q)...)
			printed[q.ID] = true
		}
	}
	for _, p := range s.Q.Pillars {
		section(p.Name.In(l), p.Description.In(l), s.Q.QuestionsOf(p.ID))
	}
	var rest []*diagnostic.Question // a question of no known pillar is still asked
	for i := range s.Q.Questions {
		if !printed[s.Q.Questions[i].ID] {
			rest = append(rest, &s.Q.Questions[i])
		}
	}
	section(l.Pick("Otras preguntas", "Other questions"), "", rest)
	m.AddRows(text.NewAutoRow(stampLine(s), props.Text{Family: pdfFont, Size: 7, Color: pdfMuted, Top: 4}))
	doc, err := m.Generate()
	if err != nil {
		return fmt.Errorf("pdf form: %w", err)
	}
	if _, err := w.Write(doc.GetBytes()); err != nil {
		return fmt.Errorf("pdf form: %w", err)
	}
	return nil
}

// questionNumber is a question's number in the whole form (1-based).
func questionNumber(q *diagnostic.Questionnaire, id string) int {
	for i := range q.Questions {
		if q.Questions[i].ID == id {
			return i + 1
		}
	}
	return 0
}

// questionRows is one question: number and text, help, and a box per
// choice.
func questionRows(s Spec, q *diagnostic.Question) []core.Row {
	l := s.Lang
	rows := []core.Row{
		text.NewAutoRow(fmt.Sprintf("%d. %s", questionNumber(s.Q, q.ID), q.Text.In(l)), props.Text{Family: pdfFont, Style: fontstyle.Bold, Size: 9.5, Top: 3}),
		text.NewAutoRow(q.Help.In(l), props.Text{Family: pdfFont, Size: 7.5, Color: pdfMuted, Bottom: 1}),
	}
	if h := gateHint(s, q); h != "" {
		rows = append(rows, text.NewAutoRow(h, props.Text{Family: pdfFont, Size: 7.5, Color: pdfNavy, Bottom: 1}))
	}
	for n := range q.Options {
		rows = append(rows, text.NewAutoRow(box+"  "+OptionLabel(q, n+1, l), props.Text{Family: pdfFont, Size: 8.5, Left: 4, VerticalPadding: 0.6}))
	}
	var extra string
	if q.AllowsNA {
		extra = box + "  " + notApplicable(l) + "      "
	}
	extra += box + "  " + dontKnow(l)
	rows = append(rows, text.NewAutoRow(extra, props.Text{Family: pdfFont, Size: 8.5, Left: 4, Color: pdfMuted, Bottom: 1}))
	return rows
}

// cover is the first page: title, who it is for, instructions, and lines
// to write the name and tick the department.
func cover(s Spec) []core.Row {
	l := s.Lang
	rows := []core.Row{text.NewAutoRow(title(s), props.Text{Family: pdfFont, Style: fontstyle.Bold, Size: 16, Color: pdfNavy, Bottom: 4})}
	steps := instructionSteps(l, "")
	steps[3] = l.Pick("4. Marca una casilla por pregunta y devuelve el formulario a quien te lo dio.", "4. Tick one box per question and hand the form back to the person who gave it to you.")
	for _, st := range steps[:4] {
		rows = append(rows, text.NewAutoRow(st, props.Text{Family: pdfFont, Size: 10, Bottom: 1.5}))
	}
	name := s.Respondent
	rows = append(rows,
		text.NewAutoRow(l.Pick("Tu nombre", "Your name"), props.Text{Family: pdfFont, Style: fontstyle.Bold, Size: 10, Top: 8}),
		row.New(9).Add(col.New(12).Add(text.New(name, props.Text{Family: pdfFont, Size: 11, Top: 2}), line.New(props.Line{OffsetPercent: 100, Thickness: 0.3}))),
		text.NewAutoRow(l.Pick("Tu departamento (marca uno)", "Your department (tick one)"), props.Text{Family: pdfFont, Style: fontstyle.Bold, Size: 10, Top: 6, Bottom: 1}),
	)
	for _, d := range diagnostic.Departments() {
		mark := box
		if d == s.Department {
			mark = "☒"
		}
		rows = append(rows, text.NewAutoRow(mark+"  "+s.Q.DepartmentName(d, l), props.Text{Family: pdfFont, Size: 10, Left: 4, VerticalPadding: 1}))
	}
	return rows
}
