package app

import (
	"context"
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/recommend"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// recsData is what the recommendations screen loads in the background:
// the analysis (recommendations by priority, evidence) and the stored
// decisions.
type recsData struct {
	a      *analysis.Analysis
	states []store.RecState
}

// recsScreen is the prioritised list of recommendations with the
// consultant's decisions: accept, dismiss, done, reorder and a note.
type recsScreen struct {
	u      *ui
	body   *fyne.Container
	a      *analysis.Analysis
	states map[string]store.RecState
	order  []recommend.Recommendation // display order (stored order first, then priority)
	shown  []int                      // indexes into order that pass the filters
	sel    int                        // index into order; -1 none

	list    *widget.List
	team    *widget.Select
	horizon *widget.Select
	detail  *fyne.Container
	plan    bool // the 30/60/90-day view instead of the list
}

// recsView builds the recommendations screen and analyses the current
// organisation in the background.
func (u *ui) recsView() fyne.CanvasObject {
	if u.db == nil {
		return u.noDatabase()
	}
	if u.sess.org.ID == 0 {
		return container.NewVBox(heading(tr("nav.recommendations")), u.noOrg())
	}
	s := &recsScreen{u: u, body: container.NewStack(widget.NewProgressBarInfinite()), sel: -1}
	u.recs = s
	db, id, l := u.db, u.sess.org.ID, u.lang()
	u.busy.Add(1)
	go func() {
		defer u.busy.Done()
		u.saver.wait()
		d, err := fetchRecs(context.Background(), db, id, l)
		u.post(func() { s.apply(d, err) })
	}()
	return container.NewBorder(heading(tr("recs.title", map[string]any{"Org": u.sess.org.Name})), nil, nil, nil, s.body)
}

// fetchRecs analyses the organisation and reads its stored decisions.
func fetchRecs(ctx context.Context, db backend, orgID int64, l locale.Lang) (recsData, error) {
	a, err := analyseOrg(ctx, db, orgID, l, time.Now())
	if err != nil {
		return recsData{}, err
	}
	st, err := db.RecStates(ctx, orgID)
	return recsData{a: a, states: st}, err
}

// apply shows the loaded recommendations.
func (s *recsScreen) apply(d recsData, err error) {
	if err != nil {
		s.set(wrapped(userMessage(err)))
		s.u.showError(err)
		return
	}
	s.a = d.a
	s.states = map[string]store.RecState{}
	for _, st := range d.states {
		s.states[st.RuleID] = st
	}
	s.order = recOrder(d.a.Recommendations, d.states)
	if len(s.order) == 0 {
		s.set(wrapped(tr("recs.none")))
		return
	}
	s.build()
}

// recOrder puts the recommendations the consultant has ordered (those with
// a stored state) first, by their stored position, then the rest by
// priority as generated.
func recOrder(recs []recommend.Recommendation, states []store.RecState) []recommend.Recommendation {
	pos := map[string]int{}
	for _, st := range states {
		pos[st.RuleID] = st.Order
	}
	out := slices.Clone(recs)
	slices.SortStableFunc(out, func(x, y recommend.Recommendation) int {
		px, okx := pos[x.ID]
		py, oky := pos[y.ID]
		switch {
		case okx && oky:
			return px - py
		case okx:
			return -1
		case oky:
			return 1
		}
		return 0
	})
	return out
}

func (s *recsScreen) set(o fyne.CanvasObject) {
	s.body.Objects = []fyne.CanvasObject{o}
	s.body.Refresh()
}

// build lays out the filters, the list and the detail pane.
func (s *recsScreen) build() {
	all := tr("recs.filter.all")
	teams := []string{all}
	for _, r := range s.order {
		if n := s.teamName(r.Team); !slices.Contains(teams, n) {
			teams = append(teams, n)
		}
	}
	s.team = widget.NewSelect(teams, nil)
	s.team.SetSelected(all)
	s.team.OnChanged = s.onFilter
	horizons := []string{all}
	for _, h := range []int{30, 60, 90} {
		horizons = append(horizons, s.horizonName(h))
	}
	horizons = append(horizons, tr("recs.keep"))
	s.horizon = widget.NewSelect(horizons, nil)
	s.horizon.SetSelected(all)
	s.horizon.OnChanged = s.onFilter
	view := widget.NewRadioGroup([]string{tr("recs.view.list"), tr("recs.view.plan")}, nil)
	view.Horizontal = true
	view.SetSelected(tr("recs.view.list"))
	view.OnChanged = s.onView

	s.list = &widget.List{Length: func() int { return len(s.shown) }, CreateItem: s.createItem, UpdateItem: s.updateItem, OnSelected: s.onSelect}
	s.list.ExtendBaseWidget(s.list)
	s.detail = container.NewStack(wrapped(tr("recs.choose")))
	s.filter()
	bar := container.NewHBox(widget.NewLabel(tr("recs.filter.team")), s.team, widget.NewLabel(tr("recs.filter.horizon")), s.horizon, view)
	s.set(container.NewBorder(container.NewVBox(wrapped(tr("recs.intro")+" "+tr("recs.keys")), bar), nil, nil, nil, s.content()))
	s.addKeys()
}

// content is the list with its detail, or the 30/60/90-day plan.
func (s *recsScreen) content() fyne.CanvasObject {
	if s.plan {
		return s.planView()
	}
	split := container.NewHSplit(s.list, container.NewVScroll(container.NewPadded(s.detail)))
	split.Offset = 0.45
	return split
}

func (s *recsScreen) onView(v string) {
	s.plan = v == tr("recs.view.plan")
	border := s.body.Objects[0].(*fyne.Container)
	border.Objects[0] = s.content()
	border.Refresh()
}

func (s *recsScreen) onFilter(string) {
	s.filter()
	s.list.UnselectAll()
	s.list.Refresh()
	if s.plan {
		s.onView(tr("recs.view.plan"))
	}
}

// filter recomputes the indexes shown under the team and horizon filters.
func (s *recsScreen) filter() {
	s.shown = s.shown[:0]
	for i, r := range s.order {
		if s.passes(r) {
			s.shown = append(s.shown, i)
		}
	}
}

func (s *recsScreen) passes(r recommend.Recommendation) bool {
	all := tr("recs.filter.all")
	if t := s.team.Selected; t != "" && t != all && t != s.teamName(r.Team) {
		return false
	}
	if h := s.horizon.Selected; h != "" && h != all && h != s.phaseName(r) {
		return false
	}
	return true
}

func (s *recsScreen) teamName(team string) string { return tr("recs.team." + team) }

func (s *recsScreen) horizonName(days int) string {
	return tr("recs.horizon", map[string]any{"Days": days})
}

// phaseName is where a recommendation sits in the plan: "30 days"… or
// "To keep" for a celebration, "When there are more data" for a finding
// preliminary data leave out (recommend.Phase).
func (s *recsScreen) phaseName(r recommend.Recommendation) string {
	switch p := recommend.Phase(r); p {
	case recommend.PhaseKeep:
		return tr("recs.keep")
	case recommend.PhaseLater:
		return tr("recs.later")
	default:
		return s.horizonName(p)
	}
}

func (s *recsScreen) status(id string) store.RecStatus {
	if st, ok := s.states[id]; ok {
		return st.Status
	}
	return store.RecOpen
}

func (s *recsScreen) statusIcon(id string) fyne.Resource {
	switch s.status(id) {
	case store.RecAccepted:
		return theme.ConfirmIcon()
	case store.RecDismissed:
		return theme.CancelIcon()
	case store.RecDone:
		return theme.MediaRecordIcon()
	}
	return theme.MoreHorizontalIcon()
}

// createItem is one row of the list: status icon, rank and text wrapped
// onto two lines (then "…"), team and horizon on the third.
func (s *recsScreen) createItem() fyne.CanvasObject {
	_, text := clampedLabel(2, fyne.TextStyle{})
	meta := widget.NewLabel("")
	meta.Truncation = fyne.TextTruncateEllipsis
	meta.TextStyle = fyne.TextStyle{Italic: true}
	return container.NewBorder(nil, nil, widget.NewIcon(nil), nil, container.New(layout.NewCustomPaddedVBoxLayout(0), text, meta))
}

func (s *recsScreen) updateItem(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(s.shown) {
		return
	}
	idx := s.shown[i]
	r := s.order[idx]
	c := o.(*fyne.Container)
	box := c.Objects[0].(*fyne.Container)
	box.Objects[0].(*fyne.Container).Objects[0].(*widget.Label).SetText(strconv.Itoa(idx+1) + ". " + r.Text)
	box.Objects[1].(*widget.Label).SetText(s.a.OwnerName(r.Owner) + " · " + s.phaseName(r) + " · " + tr("recs.status."+string(s.status(r.ID))))
	c.Objects[1].(*widget.Icon).SetResource(s.statusIcon(r.ID))
}

func (s *recsScreen) onSelect(i widget.ListItemID) {
	if i >= len(s.shown) {
		return
	}
	s.sel = s.shown[i]
	s.showDetail()
}
