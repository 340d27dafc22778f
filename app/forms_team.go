package app

import (
	"context"
	"fmt"
	"log"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic/store"
	"github.com/revopsdx/revopsdx/usecase"
)

// formsStore is what the team's forms need from the database: recording
// invitations and adding imported respondents (*store.Store).
type formsStore interface {
	usecase.FormsStore
	usecase.AnswersStore
	FormResponses(ctx context.Context, orgID int64) ([]store.FormResponse, error)
}

// formFormats are the formats offered in the forms dialog, in order.
var formFormats = []string{usecase.FormXLSX, usecase.FormHTML, usecase.FormPDF}

// teamButton is the diagnostic toolbar's "Team forms" button: its menu
// creates the forms for the team ("Create forms…") and imports the filled
// ones ("Import answers…"). One button with a menu keeps the toolbar inside
// the window's default width in both languages. Filled forms dropped on the
// window are imported too.
func (d *diagScreen) teamButton() *widget.Button {
	u := d.u
	u.win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) {
		var paths []string
		for _, x := range uris {
			if ext := strings.ToLower(filepath.Ext(x.Path())); ext == ".xlsx" || ext == ".json" {
				paths = append(paths, x.Path())
			}
		}
		if len(paths) > 0 && u.db != nil && u.sess.org.ID != 0 {
			u.importAnswerFiles(paths)
		}
	})
	menu := fyne.NewMenu("",
		fyne.NewMenuItem(tr("forms.button"), u.showFormsDialog),
		fyne.NewMenuItem(tr("answers.import.button"), func() {
			u.chooseFileToOpen([]string{".xlsx", ".json"}, func(path string) { u.importAnswerFiles([]string{path}) })
		}))
	var b *widget.Button
	b = widget.NewButtonWithIcon(tr("forms.team"), theme.MailSendIcon(), func() {
		c := u.win.Canvas()
		widget.ShowPopUpMenuAtPosition(menu, c, fyne.CurrentApp().Driver().AbsolutePositionForObject(b).AddXY(0, b.Size().Height))
	})
	return b
}

// formLabel is a format's name in the dialog.
func formLabel(format string) string { return tr("forms.format." + format) }

// showFormsDialog asks for the format and the people (one per line, "Name,
// department"), then for a folder, and writes one form per person there.
func (u *ui) showFormsDialog() {
	labels := make([]string, len(formFormats))
	for i, f := range formFormats {
		labels[i] = formLabel(f)
	}
	format := widget.NewSelect(labels, nil)
	format.SetSelectedIndex(0)
	people := widget.NewMultiLineEntry()
	people.SetPlaceHolder(tr("forms.people.placeholder"))
	people.SetMinRowsVisible(5)
	items := []*widget.FormItem{
		widget.NewFormItem(tr("forms.format"), format),
		widget.NewFormItem(tr("forms.people"), people),
	}
	items[1].HintText = tr("forms.people.hint")
	// Response tracking so far, filled in when read.
	tracking := widget.NewLabel("")
	items = append([]*widget.FormItem{widget.NewFormItem(tr("forms.tracking"), tracking)}, items...)
	if db, ok := u.db.(formsStore); ok {
		org := u.sess.org.ID
		background(u, "reading the response tracking", func(ctx context.Context) ([]store.FormResponse, error) {
			return db.FormResponses(ctx, org)
		}, func(list []store.FormResponse) {
			answered := 0
			for _, f := range list {
				if !f.Answered.IsZero() {
					answered++
				}
			}
			tracking.SetText(tr("forms.tracking.count", map[string]any{"Answered": answered, "Total": len(list)}))
		})
	}
	d := dialog.NewForm(tr("forms.title"), tr("forms.choose"), tr("action.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		list, err := usecase.ParseInvitees(u.q, people.Text)
		if err != nil {
			u.showError(fmt.Errorf("the list of people: %w", err))
			return
		}
		f := formFormats[max(0, format.SelectedIndex())]
		u.chooseFolder(func(dir string) { u.writeForms(f, list, dir) })
	}, u.win)
	d.Resize(fyne.NewSize(560, 360))
	d.Show()
}

// writeForms writes the forms in the background and says where they are.
func (u *ui) writeForms(format string, people []usecase.Invitee, dir string) {
	db, ok := u.db.(formsStore)
	if !ok {
		u.showError(fmt.Errorf("writing forms: the database does not keep invitations"))
		return
	}
	org, l := u.sess.org, u.lang()
	background(u, "writing the forms", func(ctx context.Context) ([]string, error) {
		return usecase.MakeForms(ctx, db, org, format, l, people, dir)
	}, func(files []string) {
		log.Printf("wrote %d %s forms to %s", len(files), format, dir)
		dialog.ShowInformation(tr("forms.title"), tr("forms.done", map[string]any{"Count": len(files), "Folder": dir}), u.win)
	})
}

// chooseFolder asks for a folder and calls then with its path.
func (u *ui) chooseFolder(then func(dir string)) {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if l == nil {
			log.Printf("folder dialog: cancelled")
			return
		}
		log.Printf("folder dialog: chose %s", l.Path())
		then(l.Path())
	}, u.win)
	u.fileDialogs++
	u.closeOnEsc(d, d.Dismiss)
	showFileDialog(d, u.win, u.app.Preferences())
}

// importAnswerFiles adds the respondents of filled forms and answers files
// to the assessment on show (a new one when there is none, or it is
// complete), all or nothing, then reopens the organisation.
func (u *ui) importAnswerFiles(paths []string) {
	db, ok := u.db.(formsStore)
	if !ok {
		u.showError(fmt.Errorf("importing answers: the database cannot add respondents in one go"))
		return
	}
	org := u.sess.org
	req := usecase.ImportAnswersRequest{Files: paths, New: true}
	if a := u.sess.assessment; a != nil && a.Status != "complete" {
		req.Assessment, req.New = a.ID, false
	}
	sv := u.saver
	background(u, "importing answers", func(ctx context.Context) (usecase.ImportAnswersResult, error) {
		sv.wait() // the answers typed so far first
		return usecase.ImportAnswers(ctx, db, org, req)
	}, func(res usecase.ImportAnswersResult) {
		log.Printf("imported %d respondents from %d files into assessment %d", res.Respondents, len(paths), res.Assessment)
		done := "answers.import.done"
		if res.Respondents == 1 {
			done += ".one"
		}
		dialog.ShowInformation(tr("answers.import.title"), tr(done, map[string]any{"Count": res.Respondents, "Total": res.Total}), u.win)
		u.openOrg(org.ID)
	})
}
