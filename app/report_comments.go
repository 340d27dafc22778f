package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic/report"
)

// commentStore is what the report screen's comment editor stores: the
// consultant's comment on each report section (store table
// section_comments, the same the comment command writes).
type commentStore interface {
	Comments(ctx context.Context, orgID int64) (map[string]string, error)
	SetComment(ctx context.Context, orgID int64, section, text string) error
}

// commentEditor is the report screen's part where the consultant writes
// the comment printed under a section's title.
type commentEditor struct {
	s        *reportScreen
	comments map[string]string // by section id, as stored
	section  *widget.Select
	text     *widget.Entry
	save     *widget.Button
	status   *widget.Label
}

// commentsBox builds the editor; it is filled when the comments arrive
// (apply).
func (s *reportScreen) commentsBox() fyne.CanvasObject {
	c := &commentEditor{s: s, comments: map[string]string{}}
	s.comments = c
	names := make([]string, len(report.Sections()))
	for i, id := range report.Sections() {
		names[i] = tr("report.section." + id)
	}
	c.section = widget.NewSelect(names, c.onSection)
	c.section.PlaceHolder = tr("report.comments.choose")
	c.text = widget.NewMultiLineEntry()
	c.text.Wrapping = fyne.TextWrapWord
	c.text.SetPlaceHolder(tr("report.comments.placeholder"))
	c.text.SetMinRowsVisible(3)
	c.save = widget.NewButtonWithIcon(tr("report.comments.save"), theme.DocumentSaveIcon(), c.onSave)
	c.save.Disable() // until a section is chosen
	c.status = statusLabel()
	return container.NewVBox(
		subheading(tr("report.comments")), wrapped(tr("report.comments.help")),
		widget.NewForm(widget.NewFormItem(tr("report.comments.section"), c.section)),
		c.text, container.NewHBox(c.save), c.status,
	)
}

// set shows the stored comments once loaded.
func (c *commentEditor) set(comments map[string]string) {
	if comments != nil {
		c.comments = comments
	}
	if id := c.chosen(); id != "" {
		c.text.SetText(c.comments[id])
	}
}

// chosen is the id of the section selected, "" when none.
func (c *commentEditor) chosen() string {
	if i := c.section.SelectedIndex(); i >= 0 {
		return report.Sections()[i]
	}
	return ""
}

func (c *commentEditor) onSection(string) {
	c.text.SetText(c.comments[c.chosen()])
	c.save.Enable()
	setStatus(c.status, "")
}

// onSave stores the comment of the chosen section (an empty text removes
// it) and says so.
func (c *commentEditor) onSave() {
	id := c.chosen()
	if id == "" {
		return
	}
	text := strings.TrimSpace(c.text.Text)
	c.comments[id] = text
	db, org := c.s.u.db, c.s.org.ID
	c.s.u.save("saving the comment", func(ctx context.Context) error { return db.SetComment(ctx, org, id, text) })
	setStatus(c.status, tr("report.comments.saved", map[string]any{"Section": c.section.Selected}))
}
