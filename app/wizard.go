package app

import (
	"context"
	"fmt"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// questionPage shows the question on the current page: pillar, question,
// help line, the five anchored options, N/A and "don't know" as large
// choices, a note, and the progress through the pillars with the time
// left. Questions a gate answer hides are passed over by next and back.
func (d *diagScreen) questionPage() fyne.CanvasObject {
	u, l := d.u, d.u.lang()
	qu := &u.q.Questions[u.sess.page]
	ans, answered := u.current().Answers[qu.ID]

	question := heading(qu.Text.In(l))
	help := widget.NewLabelWithStyle(qu.Help.In(l), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	help.Wrapping = fyne.TextWrapWord

	choices := container.New(layout.NewCustomPaddedVBoxLayout(2))
	d.opts = d.opts[:0]
	for i, o := range qu.Options {
		v := i + 1
		b := widget.NewButton(fmt.Sprintf("%d   %s", v, o.In(l)), func() { d.choose(v) })
		b.Alignment = widget.ButtonAlignLeading
		if answered && ans.Value == v {
			b.Importance = widget.HighImportance
			b.Icon = theme.ConfirmIcon()
		}
		d.opts = append(d.opts, b)
		choices.Add(b)
	}
	d.na = nil
	if qu.AllowsNA {
		d.na = widget.NewButton("0   "+u.q.NotApplicable.In(l), func() { d.choose(diagnostic.NA) })
		d.na.Alignment = widget.ButtonAlignLeading
		if answered && ans.Value == diagnostic.NA {
			d.na.Importance = widget.HighImportance
			d.na.Icon = theme.ConfirmIcon()
		}
		choices.Add(d.na)
	}
	d.dk = widget.NewButton("?   "+u.q.DontKnow.In(l), func() { d.choose(diagnostic.DontKnow) })
	d.dk.Alignment = widget.ButtonAlignLeading
	if answered && ans.Value == diagnostic.DontKnow {
		d.dk.Importance = widget.HighImportance
		d.dk.Icon = theme.ConfirmIcon()
	}
	choices.Add(d.dk)

	d.note = newNoteEntry(d.leaveNote)
	d.note.help = u.showHelp
	d.note.SetMinRowsVisible(2)
	d.note.SetPlaceHolder(tr("wizard.note"))
	d.note.SetText(ans.Note)

	back := widget.NewButtonWithIcon(tr("wizard.back"), theme.NavigateBackIcon(), d.back)
	if u.sess.page == 0 {
		back.Disable()
	}
	review := widget.NewButtonWithIcon(tr("wizard.review"), theme.ListIcon(), d.review)
	next := widget.NewButtonWithIcon(tr("wizard.next"), theme.NavigateNextIcon(), d.next)
	next.IconPlacement = widget.ButtonIconTrailingText
	if answered {
		next.Importance = widget.HighImportance
	}
	keys := widget.NewLabel(tr("wizard.keys"))
	keys.Wrapping = fyne.TextWrapWord
	keys.SizeName = theme.SizeNameCaptionText
	nav := container.NewBorder(nil, nil, back, container.NewHBox(review, next), keys)

	page := container.NewVBox(question, help, choices, d.note)
	return container.NewBorder(d.progress(), nav, nil, nil, container.NewVScroll(page))
}

// progress is the strip above the question: the pillar names (the current
// one highlighted, finished ones ticked), a bar of answered questions and
// the position with the time left.
func (d *diagScreen) progress() fyne.CanvasObject {
	u, l := d.u, d.u.lang()
	r := u.current()
	current := ""
	if u.sess.page < len(u.q.Questions) {
		current = u.q.Questions[u.sess.page].Pillar
	}
	strip := container.NewGridWithColumns(len(u.q.Pillars))
	for _, p := range u.q.Pillars {
		name := p.Name.In(l)
		if pillarDone(u.q, r, p.ID) {
			name = "✓ " + name
		}
		lbl := widget.NewLabel(name)
		lbl.Wrapping = fyne.TextWrapWord
		lbl.SizeName = theme.SizeNameCaptionText
		if p.ID == current {
			lbl.Importance = widget.HighImportance
			lbl.TextStyle.Bold = true
		}
		strip.Add(lbl)
	}
	done, total := answeredCount(u.q, r), shownCount(u.q, r)
	bar := widget.NewProgressBar()
	bar.Max = float64(total)
	bar.SetValue(float64(done))
	// One line for the position, the answers and the time left, inside the
	// bar, so that the options and the note fit a 640-px-high screen.
	text := tr("wizard.position", map[string]any{"N": shownBefore(u.q, r, u.sess.page) + 1, "Total": total}) + " · " +
		tr("wizard.answered", map[string]any{"Done": done, "Total": total}) + " · " + d.timeLeft()
	bar.TextFormatter = func() string { return text }
	return container.NewVBox(strip, bar)
}

// timeLeft says about how many minutes the unanswered questions take,
// from the content's timing model.
func (d *diagScreen) timeLeft() string {
	u := d.u
	r := u.current()
	secs := 0.0
	for i := range u.q.Questions {
		qu := &u.q.Questions[i]
		if _, ok := r.Answers[qu.ID]; !ok && u.q.Shown(qu, r.Answers) {
			secs += u.q.QuestionSeconds(qu, u.lang())
		}
	}
	switch m := int(math.Ceil(secs / 60)); {
	case secs == 0:
		return tr("wizard.left.none")
	case m <= 1:
		return tr("wizard.left.one")
	default:
		return tr("wizard.left", map[string]any{"Minutes": m})
	}
}

// pillarDone reports whether r answered every question of a pillar that
// r's answers show.
func pillarDone(q *diagnostic.Questionnaire, r *diagnostic.Respondent, pillar string) bool {
	for _, qu := range q.QuestionsOf(pillar) {
		if _, ok := r.Answers[qu.ID]; !ok && q.Shown(qu, r.Answers) {
			return false
		}
	}
	return true
}

// answeredCount is how many of the questions shown to r r answered (N/A and
// don't know included).
func answeredCount(q *diagnostic.Questionnaire, r *diagnostic.Respondent) int {
	n := 0
	for i := range q.Questions {
		qu := &q.Questions[i]
		if _, ok := r.Answers[qu.ID]; ok && q.Shown(qu, r.Answers) {
			n++
		}
	}
	return n
}

// shownCount is how many questions r's answers show (a gate answer may
// hide follow-ups).
func shownCount(q *diagnostic.Questionnaire, r *diagnostic.Respondent) int {
	return shownBefore(q, r, len(q.Questions))
}

// shownBefore is how many of the questions before page i r's answers show.
func shownBefore(q *diagnostic.Questionnaire, r *diagnostic.Respondent, i int) int {
	n := 0
	for j := 0; j < i && j < len(q.Questions); j++ {
		if q.Shown(&q.Questions[j], r.Answers) {
			n++
		}
	}
	return n
}

// step returns the page after (dir 1) or before (dir −1) page from, passing
// over the questions r's answers hide; len(Questions) is the review page,
// and going back from the first shown question stays on page.
func step(q *diagnostic.Questionnaire, r *diagnostic.Respondent, from, dir int) int {
	for i := from + dir; i >= 0 && i < len(q.Questions); i += dir {
		if r == nil || q.Shown(&q.Questions[i], r.Answers) {
			return i
		}
	}
	if dir > 0 {
		return len(q.Questions)
	}
	return from
}

// choose answers the question on show with v (1–5, NA or DontKnow) and
// stores it at once, with the note as typed.
func (d *diagScreen) choose(v int) {
	u := d.u
	r := u.current()
	if r == nil || u.sess.page >= len(u.q.Questions) {
		return
	}
	qu := &u.q.Questions[u.sess.page]
	if v == diagnostic.NA && !qu.AllowsNA {
		return
	}
	a := diagnostic.Answer{Value: v, Note: d.note.Text, At: time.Now()}
	d.store(r, qu.ID, a)
	d.render()
}

// store keeps an answer in memory and queues it for the database.
func (d *diagScreen) store(r *diagnostic.Respondent, question string, a diagnostic.Answer) {
	if r.Answers == nil {
		r.Answers = map[string]diagnostic.Answer{}
	}
	r.Answers[question] = a
	db, id := d.u.db, r.ID
	d.u.save("saving the answer to "+question, func(ctx context.Context) error {
		return db.SetAnswer(ctx, id, question, a)
	})
}

// keepNote stores an edited note with the answer it belongs to.
func (d *diagScreen) keepNote() {
	u := d.u
	r := u.current()
	if r == nil || d.note == nil || u.sess.page >= len(u.q.Questions) {
		return
	}
	id := u.q.Questions[u.sess.page].ID
	if a, ok := r.Answers[id]; ok && a.Note != d.note.Text {
		a.Note = d.note.Text
		d.store(r, id, a)
	}
}

// leaveNote stores the note with its answer and releases the focus.
func (d *diagScreen) leaveNote() {
	d.keepNote()
	d.u.win.Canvas().Unfocus()
}

// next goes to the following question the answers show (the review page
// after the last).
func (d *diagScreen) next() {
	d.keepNote()
	if d.u.sess.page < len(d.u.q.Questions) {
		d.u.sess.page = step(d.u.q, d.u.current(), d.u.sess.page, 1)
	}
	d.render()
}

// back goes to the previous question the answers show.
func (d *diagScreen) back() {
	d.keepNote()
	if d.u.sess.page > 0 {
		d.u.sess.page = step(d.u.q, d.u.current(), d.u.sess.page, -1)
	}
	d.render()
}

// review goes to the review page.
func (d *diagScreen) review() {
	d.keepNote()
	d.u.sess.page = len(d.u.q.Questions)
	d.render()
}

// typedRune chooses with 1–5, N/A with 0 or N and "don't know" with ? when
// nothing has focus.
func (d *diagScreen) typedRune(r rune) {
	if d.u.current() == nil || d.u.sess.page >= len(d.u.q.Questions) {
		return
	}
	switch {
	case r >= '1' && r <= '5':
		d.choose(int(r - '0'))
	case r == '0' || r == 'n' || r == 'N':
		d.choose(diagnostic.NA)
	case r == '?':
		d.choose(diagnostic.DontKnow)
	}
}

// typedKey moves with Enter or → (next) and ← (back).
func (d *diagScreen) typedKey(e *fyne.KeyEvent) {
	if d.u.current() == nil {
		return
	}
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyRight:
		d.next()
	case fyne.KeyLeft:
		d.back()
	}
}
