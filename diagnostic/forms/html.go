package forms

import (
	"embed"
	"fmt"
	"html/template"
	"io"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// htmlFiles holds the HTML form's template, style sheet and script, all
// written inline into the one file: the form needs no network.
//
//go:embed htmlform/form.html.tmpl htmlform/form.css htmlform/form.js
var htmlFiles embed.FS

// htmlTemplate is parsed once, on first use.
var htmlTemplate = template.Must(template.ParseFS(htmlFiles, "htmlform/form.html.tmpl"))

// bi is a text in both languages: the HTML form shows one and switches.
type bi = diagnostic.Text

// pick builds a bi from a function of the language.
func pick(f func(l locale.Lang) string) bi { return bi{ES: f(locale.ES), EN: f(locale.EN)} }

type htmlChoice struct {
	Value string // "1"–"5", "na", "dk"
	Label bi
	Extra bool // not applicable, don't know
}

type htmlQuestion struct {
	ID, N              string
	Pillar, Text, Help bi
	Choices            []htmlChoice
	// Gate, Min and Max are the question's show_if ("" without one): the
	// page hides the question while the gate's answer rules it out, as
	// diagnostic.Questionnaire.Shown does.
	Gate, Min, Max string
}

type htmlDept struct {
	ID       string
	Label    bi
	Text     string // in the form's language
	Selected bool
}

type htmlData struct {
	Lang                                                            locale.Lang
	FormID, Version, Respondent                                     string
	Title, ForWhom, NameLabel, DeptLabel, ClearLabel, AnsweredLabel bi
	NeedDept, Saved, DownloadLabel, Stamp                           bi
	Steps                                                           []bi
	Departments                                                     []htmlDept
	Questions                                                       []htmlQuestion
	CSS                                                             template.CSS
	JS                                                              template.JS
}

// WriteHTML writes the form as one self-contained web page: no network,
// no external script, font or image (a Content-Security-Policy forbids
// them too). It shows both languages (s.Lang first, a switch for the
// other), works on a phone, saves progress in the browser's localStorage
// under the form id, and at the end downloads the answers file
// (docs/QUESTIONNAIRE.md) with the form's stamp, for import-answers.
func WriteHTML(w io.Writer, s Spec) error {
	if err := s.Check(); err != nil {
		return err
	}
	css, err := htmlFiles.ReadFile("htmlform/form.css")
	if err != nil {
		return fmt.Errorf("html form: %w", err)
	}
	js, err := htmlFiles.ReadFile("htmlform/form.js")
	if err != nil {
		return fmt.Errorf("html form: %w", err)
	}
	d := htmlData{
		Lang: s.Lang, FormID: s.FormID, Version: s.Q.Version, Respondent: s.Respondent,
		Title:         pick(func(l locale.Lang) string { t := s; t.Lang = l; return title(t) }),
		ForWhom:       pick(func(l locale.Lang) string { t := s; t.Lang = l; return forWhom(t) }),
		NameLabel:     pick(func(l locale.Lang) string { return l.Pick("Tu nombre", "Your name") }),
		DeptLabel:     pick(func(l locale.Lang) string { return l.Pick("Tu departamento", "Your department") }),
		ClearLabel:    pick(func(l locale.Lang) string { return l.Pick("Borrar respuesta", "Clear answer") }),
		AnsweredLabel: pick(func(l locale.Lang) string { return l.Pick("respondidas", "answered") }),
		NeedDept: pick(func(l locale.Lang) string {
			return l.Pick("Elige tu departamento antes de descargar.", "Pick your department before downloading.")
		}),
		Saved: pick(func(l locale.Lang) string {
			return l.Pick("Archivo de respuestas descargado: envíaselo a quien te mandó este formulario.", "Answers file downloaded: send it to the person who sent you this form.")
		}),
		DownloadLabel: pick(func(l locale.Lang) string { return l.Pick("Descargar mis respuestas", "Download my answers") }),
		Stamp:         pick(func(l locale.Lang) string { t := s; t.Lang = l; return stampLine(t) }),
		CSS:           template.CSS(css),
		JS:            template.JS(js),
	}
	es, en := htmlSteps(locale.ES), htmlSteps(locale.EN)
	for i := range es {
		d.Steps = append(d.Steps, bi{ES: es[i], EN: en[i]})
	}
	for _, dep := range diagnostic.Departments() {
		d.Departments = append(d.Departments, htmlDept{ID: string(dep), Label: bi{ES: s.Q.DepartmentName(dep, locale.ES), EN: s.Q.DepartmentName(dep, locale.EN)},
			Text: s.Q.DepartmentName(dep, s.Lang), Selected: dep == s.Department})
	}
	for i := range s.Q.Questions {
		q := &s.Q.Questions[i]
		hq := htmlQuestion{ID: q.ID, N: fmt.Sprint(i + 1), Text: q.Text, Help: q.Help, Pillar: bi{ES: q.Pillar, EN: q.Pillar}}
		if p, ok := s.Q.Pillar(q.Pillar); ok {
			hq.Pillar = p.Name
		}
		for n := range q.Options {
			hq.Choices = append(hq.Choices, htmlChoice{Value: fmt.Sprint(n + 1), Label: pick(func(l locale.Lang) string { return OptionLabel(q, n+1, l) })})
		}
		if q.AllowsNA {
			hq.Choices = append(hq.Choices, htmlChoice{Value: "na", Label: pick(notApplicable), Extra: true})
		}
		hq.Choices = append(hq.Choices, htmlChoice{Value: "dk", Label: pick(dontKnow), Extra: true})
		if g := q.ShowIf; g != nil {
			hq.Gate, hq.Min, hq.Max = g.Question, fmt.Sprint(g.Min), fmt.Sprint(g.Max)
		}
		d.Questions = append(d.Questions, hq)
	}
	if err := htmlTemplate.Execute(w, d); err != nil {
		return fmt.Errorf("html form: %w", err)
	}
	return nil
}

// htmlSteps are the instructions of the HTML form.
func htmlSteps(l locale.Lang) []string {
	steps := instructionSteps(l, "")
	steps[3] = l.Pick("4. Al terminar, pulsa «Descargar mis respuestas» y envía el archivo descargado a quien te mandó este formulario. Tus respuestas se guardan en este navegador mientras tanto; no se envía nada por internet.",
		"4. When you finish, press “Download my answers” and send the downloaded file to the person who sent you this form. Meanwhile your answers are kept in this browser; nothing is sent over the internet.")
	return steps[:4]
}
