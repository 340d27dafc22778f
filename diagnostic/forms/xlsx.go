package forms

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// The XLSX form's layout. The questionnaire sheet holds the respondent's
// name (C2), department (C3) and progress (C4), a header row (6) and one row
// per question from row 7: id (A, hidden), pillar (B), question (C), help
// (D) and the answer (E, a drop-down). The choices live on a hidden sheet,
// one row per question; the form's stamp on a very hidden one.
const (
	nameCell     = "C2"
	deptCell     = "C3"
	progressCell = "C4"
	headerRow    = 6
	firstRow     = 7
	answerCol    = "E"
	// metaSheet is the very hidden sheet holding the form's stamp: key in
	// column A, value in column B.
	metaSheet = "revopsdx"
	// formKind marks a workbook as a RevOps Diagnostic form (meta "format").
	formKind = "revopsdx-form-1"
)

// The meta keys of the stamp.
const (
	metaFormat  = "format"
	metaFormID  = "form_id"
	metaVersion = "questionnaire_version"
	metaLang    = "language"
	metaSheetN  = "sheet"
)

// QuestionSheet is the name of the questionnaire sheet in language l.
func QuestionSheet(l locale.Lang) string { return l.Pick("Cuestionario", "Questionnaire") }

func instructionSheet(l locale.Lang) string { return l.Pick("Instrucciones", "Instructions") }
func choiceSheet(l locale.Lang) string      { return l.Pick("Opciones", "Options") }

// xlsxForm is a workbook being written, with the first error kept so the
// many small calls read as a list.
type xlsxForm struct {
	f   *excelize.File
	err error
}

func (x *xlsxForm) set(sheet, cell string, v any) {
	if x.err == nil {
		x.err = x.f.SetCellValue(sheet, cell, v)
	}
}

func (x *xlsxForm) do(err error) {
	if x.err == nil {
		x.err = err
	}
}

func (x *xlsxForm) style(s *excelize.Style) int {
	id, err := x.f.NewStyle(s)
	x.do(err)
	return id
}

// WriteXLSX writes the form as a spreadsheet in language s.Lang: an
// instructions sheet, then the questionnaire sheet where only the name,
// department and answer cells can be edited (the sheet is protected without
// a password, so the consultant can still unprotect it), every answer a
// drop-down of the question's choices, and a progress cell counting the
// answers given.
func WriteXLSX(w io.Writer, s Spec) error {
	if err := s.Check(); err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	x := &xlsxForm{f: f}
	l := s.Lang
	main, instr, choices := QuestionSheet(l), instructionSheet(l), choiceSheet(l)
	x.do(f.SetSheetName("Sheet1", instr))
	for _, n := range []string{main, choices, metaSheet} {
		_, err := f.NewSheet(n)
		x.do(err)
	}
	x.writeInstructions(s, instr)
	x.writeChoices(s, choices)
	x.writeQuestions(s, main, choices)
	for i, kv := range [][2]string{{metaFormat, formKind}, {metaFormID, s.FormID}, {metaVersion, s.Q.Version}, {metaLang, string(l)}, {metaSheetN, main}} {
		x.set(metaSheet, fmt.Sprintf("A%d", i+1), kv[0])
		x.set(metaSheet, fmt.Sprintf("B%d", i+1), kv[1])
	}
	x.do(f.SetSheetVisible(choices, false))
	x.do(f.SetSheetVisible(metaSheet, false, true))
	for _, n := range []string{instr, main, choices, metaSheet} {
		x.do(f.ProtectSheet(n, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true}))
	}
	if x.err != nil {
		return fmt.Errorf("form spreadsheet: %w", x.err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("form spreadsheet: %w", err)
	}
	return nil
}

// writeInstructions fills the first sheet: title, who it is for, how to
// answer, and the form's stamp.
func (x *xlsxForm) writeInstructions(s Spec, sheet string) {
	l := s.Lang
	lines := []string{title(s)}
	if who := forWhom(s); who != "" {
		lines = append(lines, who)
	}
	lines = append(lines, "")
	lines = append(lines, instructionSteps(l, QuestionSheet(l))...)
	lines = append(lines, "", stampLine(s))
	for i, t := range lines {
		x.set(sheet, fmt.Sprintf("A%d", i+1), t)
	}
	x.do(x.f.SetColWidth(sheet, "A", "A", 110))
	bold := x.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14, Color: "163A6B"}})
	x.do(x.f.SetCellStyle(sheet, "A1", "A1", bold))
	wrap := x.style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	x.do(x.f.SetCellStyle(sheet, "A2", fmt.Sprintf("A%d", len(lines)), wrap))
}

// writeChoices fills the hidden sheet of drop-down lists: row i holds the
// choices of question i; the row after the questions the departments.
func (x *xlsxForm) writeChoices(s Spec, sheet string) {
	for i := range s.Q.Questions {
		q := &s.Q.Questions[i]
		x.set(sheet, fmt.Sprintf("A%d", i+1), q.ID)
		for c, label := range Choices(q, s.Lang) {
			cell, err := excelize.CoordinatesToCellName(c+2, i+1)
			x.do(err)
			x.set(sheet, cell, label)
		}
	}
	row := len(s.Q.Questions) + 1
	x.set(sheet, fmt.Sprintf("A%d", row), "departments")
	for c, d := range diagnostic.Departments() {
		cell, err := excelize.CoordinatesToCellName(c+2, row)
		x.do(err)
		x.set(sheet, cell, s.Q.DepartmentName(d, s.Lang))
	}
}

// listRef is an absolute reference to cells B..(B+n-1) of a row of the
// choices sheet, for a drop-down list.
func listRef(sheet string, row, n int) string {
	last, _ := excelize.ColumnNumberToName(n + 1)
	return fmt.Sprintf("'%s'!$B$%d:$%s$%d", sheet, row, last, row)
}

// dropDown adds a drop-down list to one cell; a value outside the list is
// refused with a message in language l.
func (x *xlsxForm) dropDown(sheet, cell, ref string, l locale.Lang) {
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(cell)
	dv.SetSqrefDropList(ref)
	dv.SetError(excelize.DataValidationErrorStyleStop, l.Pick("Respuesta no válida", "Invalid answer"),
		l.Pick("Elige una de las opciones de la lista.", "Pick one of the options in the list."))
	x.do(x.f.AddDataValidation(sheet, dv))
}

// writeQuestions fills the questionnaire sheet.
func (x *xlsxForm) writeQuestions(s Spec, sheet, choices string) {
	l, q := s.Lang, s.Q
	x.set(sheet, "A1", title(s))
	x.set(sheet, "B2", l.Pick("Tu nombre", "Your name"))
	x.set(sheet, nameCell, s.Respondent)
	x.set(sheet, "B3", l.Pick("Tu departamento", "Your department"))
	if s.Department != "" {
		x.set(sheet, deptCell, q.DepartmentName(s.Department, l))
	}
	x.dropDown(sheet, deptCell, listRef(choices, len(q.Questions)+1, len(diagnostic.Departments())), l)
	x.set(sheet, "B4", l.Pick("Progreso (preguntas respondidas)", "Progress (questions answered)"))
	last := firstRow + len(q.Questions) - 1
	answers := fmt.Sprintf("%s%d:%s%d", answerCol, firstRow, answerCol, last)
	x.do(x.f.SetCellFormula(sheet, progressCell, fmt.Sprintf("COUNTA(%s)/ROWS(%s)", answers, answers)))
	for c, h := range []string{"id", l.Pick("Área", "Area"), l.Pick("Pregunta", "Question"), l.Pick("Ayuda", "Help"), l.Pick("Tu respuesta", "Your answer")} {
		cell, err := excelize.CoordinatesToCellName(c+1, headerRow)
		x.do(err)
		x.set(sheet, cell, h)
	}
	for i := range q.Questions {
		qu := &q.Questions[i]
		row := firstRow + i
		pillar := qu.Pillar
		if p, ok := q.Pillar(qu.Pillar); ok {
			pillar = p.Name.In(l)
		}
		x.set(sheet, fmt.Sprintf("A%d", row), qu.ID)
		x.set(sheet, fmt.Sprintf("B%d", row), pillar)
		x.set(sheet, fmt.Sprintf("C%d", row), fmt.Sprintf("%d. %s", i+1, qu.Text.In(l)))
		help := qu.Help.In(l)
		if h := gateHint(s, qu); h != "" {
			help = h + " " + help
		}
		x.set(sheet, fmt.Sprintf("D%d", row), help)
		x.dropDown(sheet, fmt.Sprintf("%s%d", answerCol, row), listRef(choices, i+1, len(Choices(qu, l))), l)
	}
	x.styleQuestions(sheet, last)
}

// styleQuestions sets widths, wrapping, the header's colours, the unlocked
// answer cells and the frozen header.
func (x *xlsxForm) styleQuestions(sheet string, last int) {
	f := x.f
	titleStyle := x.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14, Color: "163A6B"}})
	head := x.style(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"163A6B"}}})
	label := x.style(&excelize.Style{Font: &excelize.Font{Bold: true}})
	wrap := x.style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	open := &excelize.Style{Protection: &excelize.Protection{Locked: false},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF7D6"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "C9A227", Style: 1}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}
	answer := x.style(open)
	progress := x.style(&excelize.Style{NumFmt: 9, Font: &excelize.Font{Bold: true}}) // 0%
	for _, st := range []struct {
		from, to string
		style    int
	}{
		{"A1", "A1", titleStyle}, {"B2", "B4", label}, {nameCell, deptCell, answer}, {progressCell, progressCell, progress},
		{fmt.Sprintf("A%d", headerRow), fmt.Sprintf("E%d", headerRow), head},
		{fmt.Sprintf("A%d", firstRow), fmt.Sprintf("D%d", last), wrap},
		{fmt.Sprintf("%s%d", answerCol, firstRow), fmt.Sprintf("%s%d", answerCol, last), answer},
	} {
		x.do(f.SetCellStyle(sheet, st.from, st.to, st.style))
	}
	for col, w := range map[string]float64{"A": 16, "B": 22, "C": 55, "D": 45, "E": 50} {
		x.do(f.SetColWidth(sheet, col, col, w))
	}
	x.do(f.SetColVisible(sheet, "A", false))
	x.do(f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: fmt.Sprintf("A%d", firstRow), ActivePane: "bottomLeft"}))
}
