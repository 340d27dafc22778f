package forms

import (
	"fmt"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// title is the form's heading.
func title(s Spec) string {
	t := s.Lang.Pick("Diagnóstico RevOps: cuestionario", "RevOps Diagnostic: questionnaire")
	if s.Org != "" {
		t += " — " + s.Org
	}
	return t
}

// forWhom names the invited person and department, or "".
func forWhom(s Spec) string {
	l := s.Lang
	switch {
	case s.Respondent != "" && s.Department != "":
		return fmt.Sprintf(l.Pick("Para: %s (%s)", "For: %s (%s)"), s.Respondent, s.Q.DepartmentName(s.Department, l))
	case s.Respondent != "":
		return fmt.Sprintf(l.Pick("Para: %s", "For: %s"), s.Respondent)
	case s.Department != "":
		return fmt.Sprintf(l.Pick("Departamento: %s", "Department: %s"), s.Q.DepartmentName(s.Department, l))
	}
	return ""
}

// instructionSteps tells the person how to fill the form; sheet is where
// the questions are ("" for the HTML form, which has no sheets).
func instructionSteps(l locale.Lang, sheet string) []string {
	first := l.Pick("1. Escribe tu nombre y elige tu departamento.", "1. Write your name and pick your department.")
	if sheet != "" {
		first = fmt.Sprintf(l.Pick("1. Ve a la hoja «%s», escribe tu nombre y elige tu departamento.", "1. Go to the sheet “%s”, write your name and pick your department."), sheet)
	}
	return []string{
		first,
		l.Pick("2. En cada pregunta, elige la opción que mejor describe lo que hace tu equipo hoy, no lo que le gustaría hacer.",
			"2. For each question, pick the option that best describes what your team does today, not what it would like to do."),
		l.Pick("3. Si la pregunta no aplica a tu empresa, elige «No aplica»; si no lo sabes, «No lo sé». Puedes dejar en blanco la que prefieras no contestar.",
			"3. If a question does not apply to your company, pick “Not applicable”; if you do not know, “Don't know”. You may leave blank any question you prefer not to answer."),
		l.Pick("4. Guarda el archivo y devuélveselo a quien te lo envió.", "4. Save the file and send it back to the person who sent it to you."),
		l.Pick("Solo se pueden editar las celdas amarillas; el resto está protegido para que el cuestionario no cambie.",
			"Only the yellow cells can be edited; the rest is protected so the questionnaire does not change."),
	}
}

// stampLine shows the form id and questionnaire version, for support.
func stampLine(s Spec) string {
	return fmt.Sprintf(s.Lang.Pick("Formulario %s · cuestionario versión %s", "Form %s · questionnaire version %s"), s.FormID, s.Q.Version)
}

// gateHint tells a paper or spreadsheet respondent when a gated question is
// theirs to answer, as the HTML form and the app hide it otherwise: "Answer
// only if you picked option 2 or higher in question 3." It is "" for a
// question without a gate.
func gateHint(s Spec, q *diagnostic.Question) string {
	g := q.ShowIf
	if g == nil {
		return ""
	}
	l := s.Lang
	var cond string
	switch {
	case g.Min > 0 && g.Max > 0:
		cond = fmt.Sprintf(l.Pick("una opción de la %d a la %d", "option %d to %d"), g.Min, g.Max)
	case g.Min > 0:
		cond = fmt.Sprintf(l.Pick("la opción %d o una mayor", "option %d or higher"), g.Min)
	default:
		cond = fmt.Sprintf(l.Pick("la opción %d o una menor", "option %d or lower"), g.Max)
	}
	return fmt.Sprintf(l.Pick("Contesta solo si en la pregunta %[1]d elegiste %[2]s.", "Answer only if you picked %[2]s in question %[1]d."),
		questionNumber(s.Q, g.Question), cond)
}
