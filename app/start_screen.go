package app

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// startScreen is the first screen: the call to action, the organisations
// (searchable, most recent first), a new organisation, the demo and the
// import of an engagement file.
type startScreen struct {
	u     *ui
	all   []store.OrgSummary // most recently active first
	shown []store.OrgSummary // all, filtered by the search
	// progress is each organisation's answered and total answers in its
	// latest assessment (none: no assessment yet).
	progress map[int64][2]int
	search   *widget.Entry
	list     *widget.List
	body     *fyne.Container // the list, or the first-run invitation
	head     *fyne.Container // "Your organisations" and the search
}

// startView builds the start screen and loads the organisations.
func (u *ui) startView() fyne.CanvasObject {
	s := &startScreen{u: u}
	cta := heading(tr("start.cta"))
	sub := wrapped(tr("start.subtitle"))

	top := container.NewVBox(cta, sub, s.actions())
	if u.db == nil {
		return borderInOrder(top, nil, nil, nil, u.noDatabase())
	}
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(tr("start.search"))
	s.search.OnChanged = s.filter
	s.list = &widget.List{Length: s.length, CreateItem: s.createItem, UpdateItem: s.updateItem, OnSelected: s.selected}
	s.list.ExtendBaseWidget(s.list)
	s.body = container.NewStack(widget.NewProgressBarInfinite())
	orgsTitle := subheading(tr("start.orgs"))
	orgsTitle.Wrapping = fyne.TextWrapOff
	s.head = container.NewBorder(nil, nil, orgsTitle, nil, s.search)
	s.load()
	return borderInOrder(container.NewVBox(top, widget.NewSeparator(), s.head), nil, nil, nil, s.body)
}

// actions is the row of buttons under the call to action.
func (s *startScreen) actions() fyne.CanvasObject {
	u := s.u
	newOrg := widget.NewButtonWithIcon(tr("start.new"), theme.ContentAddIcon(), s.newOrg)
	newOrg.Importance = widget.HighImportance
	demo := widget.NewButtonWithIcon(tr("start.demo"), theme.MediaPlayIcon(), s.openDemo)
	imp := widget.NewButtonWithIcon(tr("start.import"), theme.FolderOpenIcon(), s.importFile)
	if u.db == nil {
		newOrg.Disable()
		imp.Disable()
	}
	row := container.NewHBox(newOrg, demo, imp)
	if u.db == nil { // opening, or it failed: the body says which
		demo.Disable()
		return row
	}
	if u.demo == nil {
		demo.Disable()
		note := widget.NewLabelWithStyle(tr("start.demo.unavailable"), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		note.Wrapping = fyne.TextWrapWord
		return container.NewVBox(row, note)
	}
	return row
}

// load reads the organisation list in the background.
func (s *startScreen) load() {
	db, q := s.u.db, s.u.q
	type listed struct {
		orgs     []store.OrgSummary
		progress map[int64][2]int
	}
	background(s.u, "listing organisations", func(ctx context.Context) (listed, error) {
		orgs, err := db.Orgs(ctx)
		if err != nil {
			return listed{}, err
		}
		progress := map[int64][2]int{}
		for _, o := range orgs {
			a, err := db.LatestAssessment(ctx, o.ID)
			if errors.Is(err, diagnostic.ErrNotFound) {
				continue
			}
			if err != nil {
				return listed{}, fmt.Errorf("reading %q's latest assessment: %w", o.Name, err)
			}
			var done, total int
			for _, r := range a.Respondents {
				done += answeredCount(q, &r)
				total += shownCount(q, &r) // questions a gate answer hides are not due
			}
			progress[o.ID] = [2]int{done, total}
		}
		return listed{orgs, progress}, nil
	}, func(l listed) {
		s.progress = l.progress
		s.apply(l.orgs)
	})
}

// apply shows the organisations, most recently active first, or the
// first-run invitation when there is none.
func (s *startScreen) apply(orgs []store.OrgSummary) {
	sort.SliceStable(orgs, func(i, j int) bool { return orgs[i].Updated.After(orgs[j].Updated) })
	s.all = orgs
	if len(orgs) == 0 {
		s.head.Hide()
		s.body.Objects = []fyne.CanvasObject{s.firstRun()}
		s.body.Refresh()
		return
	}
	s.body.Objects = []fyne.CanvasObject{s.list}
	s.body.Refresh()
	s.filter(s.search.Text)
}

// firstRun invites a new user to open the demo or describe their company
// with the buttons above (not repeated here).
func (s *startScreen) firstRun() fyne.CanvasObject {
	return container.NewVBox(widget.NewCard(tr("start.empty.title"), "", wrapped(tr("start.empty.text"))))
}

// filter shows the organisations whose name contains the search text,
// ignoring case.
func (s *startScreen) filter(text string) {
	text = strings.ToLower(strings.TrimSpace(text))
	s.shown = s.shown[:0]
	for _, o := range s.all {
		if text == "" || strings.Contains(strings.ToLower(o.Name), text) {
			s.shown = append(s.shown, o)
		}
	}
	s.list.UnselectAll()
	s.list.Refresh()
}

func (s *startScreen) length() int { return len(s.shown) }

func (s *startScreen) createItem() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("Organisation name", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("Score")
	detail.Truncation = fyne.TextTruncateEllipsis
	return container.New(layout.NewCustomPaddedVBoxLayout(0), name, detail)
}

func (s *startScreen) updateItem(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.shown) {
		return
	}
	org := s.shown[id]
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(org.Name)
	box.Objects[1].(*widget.Label).SetText(s.detail(org))
}

// detail is an organisation's second line: latest score and level, the
// answers given in its latest assessment and the date of the last change,
// in the interface's language.
func (s *startScreen) detail(o store.OrgSummary) string {
	l := s.u.lang()
	date := l.Date(o.Updated.Local())
	progress := tr("start.org.noanswers")
	if p, ok := s.progress[o.ID]; ok && p[1] > 0 {
		progress = tr("start.org.progress", map[string]any{"Done": l.Number(float64(p[0]), 0), "Total": l.Number(float64(p[1]), 0)})
	}
	if o.LastScore == nil {
		return tr("start.org.unscored", map[string]any{"Date": date, "Progress": progress})
	}
	lvl := s.u.q.LevelFor(*o.LastScore)
	return tr("start.org.scored", map[string]any{
		"Score": l.Number(*o.LastScore, 1), "Level": lvl.Level, "LevelName": lvl.Name.In(l), "Date": date, "Progress": progress,
	})
}

// selected opens the organisation tapped in the list.
func (s *startScreen) selected(id widget.ListItemID) {
	if id < len(s.shown) {
		s.u.openOrg(s.shown[id].ID)
	}
}

// newOrg opens the company profile form for a new organisation.
func (s *startScreen) newOrg() { s.u.showNewOrgForm() }

// showNewOrgForm opens the form for a new organisation with the language
// chosen in Settings for new organisations (read in the background).
func (u *ui) showNewOrgForm() {
	db := u.db
	background(u, "reading the settings", func(ctx context.Context) (store.Settings, error) {
		return db.Settings(ctx)
	}, func(st store.Settings) {
		f := newOrgForm(u, nil)
		if c, ok := f.choices["language"]; ok && st.DefaultLanguage.Valid() {
			c.set(string(st.DefaultLanguage))
		}
		f.show()
	})
}

// openDemo creates the demo organisation through the hook and opens it on
// its results (it is complete: the results are what it demonstrates).
func (s *startScreen) openDemo() {
	if s.u.demo == nil {
		return
	}
	demo := s.u.demo
	background(s.u, "opening the demo", func(ctx context.Context) (store.Org, error) {
		return demo(ctx)
	}, func(o store.Org) { s.u.openOrgOn(o.ID, screenResults) })
}
