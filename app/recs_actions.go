package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic/recommend"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// showDetail fills the detail pane with the selected recommendation: its
// text, evidence, team, horizon, status, actions and note.
func (s *recsScreen) showDetail() {
	if s.sel < 0 || s.sel >= len(s.order) {
		return
	}
	r := s.order[s.sel]
	st := s.states[r.ID]
	note := widget.NewMultiLineEntry()
	note.Wrapping = fyne.TextWrapWord
	note.SetPlaceHolder(tr("recs.note.placeholder"))
	note.SetText(st.Note)
	note.SetMinRowsVisible(3)
	saveNote := widget.NewButtonWithIcon(tr("recs.note.save"), theme.DocumentSaveIcon(), func() { s.onNote(note.Text) })

	accept := widget.NewButtonWithIcon(tr("recs.accept"), theme.ConfirmIcon(), s.onAccept)
	dismiss := widget.NewButtonWithIcon(tr("recs.dismiss"), theme.CancelIcon(), s.onDismiss)
	done := widget.NewButtonWithIcon(tr("recs.done"), theme.MediaRecordIcon(), s.onDone)
	reopen := widget.NewButtonWithIcon(tr("recs.reopen"), theme.ContentUndoIcon(), s.onReopen)
	up := widget.NewButtonWithIcon(tr("recs.up"), theme.MoveUpIcon(), s.onUp)
	down := widget.NewButtonWithIcon(tr("recs.down"), theme.MoveDownIcon(), s.onDown)
	switch s.status(r.ID) {
	case store.RecAccepted:
		accept.Importance = widget.HighImportance
	case store.RecDismissed:
		dismiss.Importance = widget.HighImportance
	case store.RecDone:
		done.Importance = widget.HighImportance
	}
	if s.sel == 0 {
		up.Disable()
	}
	if s.sel == len(s.order)-1 {
		down.Disable()
	}

	var ev []string
	for _, line := range strings.Split(s.a.EvidenceText(r), "\n") {
		if strings.TrimSpace(line) != "" {
			ev = append(ev, "• "+strings.TrimSpace(line))
		}
	}
	parts := []fyne.CanvasObject{
		bold(r.Text),
		wrapped(tr("recs.meta", map[string]any{"Team": s.teamName(r.Team), "Horizon": s.phaseName(r), "Status": tr("recs.status." + string(s.status(r.ID)))})),
		wrapped(tr("recs.owner", map[string]any{"Owner": s.ownerLine(r)})),
	}
	if len(ev) > 0 {
		parts = append(parts, subheading(tr("recs.evidence")), wrapped(strings.Join(ev, "\n")))
	}
	parts = append(parts,
		container.NewGridWrap(fyne.NewSize(150, 38), accept, dismiss, done, reopen, up, down),
		subheading(tr("recs.note")), note, container.NewHBox(saveNote))
	s.detail.Objects = []fyne.CanvasObject{container.NewVBox(parts...)}
	s.detail.Refresh()
}

func (s *recsScreen) onAccept()  { s.setStatus(store.RecAccepted) }
func (s *recsScreen) onDismiss() { s.setStatus(store.RecDismissed) }
func (s *recsScreen) onDone()    { s.setStatus(store.RecDone) }
func (s *recsScreen) onReopen()  { s.setStatus(store.RecOpen) }

// setStatus stores the selected recommendation's new status.
func (s *recsScreen) setStatus(st store.RecStatus) {
	s.update(func(rs *store.RecState) { rs.Status = st })
}

// onNote stores the selected recommendation's note.
func (s *recsScreen) onNote(text string) {
	s.update(func(rs *store.RecState) { rs.Note = strings.TrimSpace(text) })
}

// update changes the selected recommendation's state, shows it and
// queues the write. The recommendations above it without a state are
// stored first (as open), so the stored order keeps the order shown.
func (s *recsScreen) update(change func(*store.RecState)) {
	if s.sel < 0 {
		return
	}
	s.materialise(s.sel + 1)
	r := s.order[s.sel]
	st := s.states[r.ID]
	change(&st)
	s.states[r.ID] = st
	db, org := s.u.db, s.u.sess.org.ID
	s.u.save("saving the recommendation", func(ctx context.Context) error { return db.SetRecState(ctx, org, st) })
	s.list.Refresh()
	s.showDetail()
}

// materialise stores an open state for each of the first n
// recommendations shown that has none, in display order.
func (s *recsScreen) materialise(n int) {
	db, org := s.u.db, s.u.sess.org.ID
	for _, r := range s.order[:n] {
		if _, ok := s.states[r.ID]; ok {
			continue
		}
		st := store.RecState{RuleID: r.ID, Status: store.RecOpen}
		s.states[r.ID] = st
		s.u.save("saving the recommendation", func(ctx context.Context) error { return db.SetRecState(ctx, org, st) })
	}
}

func (s *recsScreen) onUp()   { s.move(-1) }
func (s *recsScreen) onDown() { s.move(1) }

// move swaps the selected recommendation with its neighbour and stores
// the whole order.
func (s *recsScreen) move(d int) {
	j := s.sel + d
	if s.sel < 0 || j < 0 || j >= len(s.order) {
		return
	}
	s.materialise(len(s.order))
	s.order[s.sel], s.order[j] = s.order[j], s.order[s.sel]
	s.sel = j
	ids := make([]string, len(s.order))
	for i, r := range s.order {
		ids[i] = r.ID
	}
	db, org := s.u.db, s.u.sess.org.ID
	s.u.save("reordering the recommendations", func(ctx context.Context) error { return db.ReorderRecs(ctx, org, ids) })
	s.filter()
	s.list.Refresh()
	for i, idx := range s.shown {
		if idx == j {
			s.list.Select(i)
		}
	}
	s.showDetail()
}

// planView is the 30/60/90-day plan as the report prints it: one column
// per time frame (recommend.Phase: at most recommend.PerWindow items start
// in the first 30 days, money at stake first), then what to keep
// (celebrations, never counted as work) when there is any; dismissed
// recommendations are left out, the team filter applies. Each item names
// its owner in the client's company and the money at stake.
func (s *recsScreen) planView() fyne.CanvasObject {
	phases := []int{30, 60, 90, recommend.PhaseKeep}
	cols := container.NewGridWithColumns(len(phases))
	for _, h := range phases {
		var items []recommend.Recommendation
		for _, i := range s.shown {
			if r := s.order[i]; recommend.Phase(r) == h && s.status(r.ID) != store.RecDismissed {
				items = append(items, r)
			}
		}
		list := &widget.List{
			Length: func() int { return len(items) },
			CreateItem: func() fyne.CanvasObject {
				_, l := clampedLabel(3, fyne.TextStyle{}) // a quarter of the width: three lines, then "…"
				meta := widget.NewLabel("")
				meta.Truncation = fyne.TextTruncateEllipsis
				meta.TextStyle = fyne.TextStyle{Italic: true}
				return container.NewBorder(nil, nil, widget.NewIcon(nil), nil, container.NewVBox(l, meta))
			},
			UpdateItem: func(i widget.ListItemID, o fyne.CanvasObject) {
				c := o.(*fyne.Container)
				box := c.Objects[0].(*fyne.Container)
				box.Objects[0].(*fyne.Container).Objects[0].(*widget.Label).SetText(items[i].Text)
				box.Objects[1].(*widget.Label).SetText(s.ownerLine(items[i]))
				c.Objects[1].(*widget.Icon).SetResource(s.statusIcon(items[i].ID))
			},
		}
		list.ExtendBaseWidget(list)
		title := subheading(tr("recs.plan.column", map[string]any{"Days": h, "N": len(items)}))
		if h == recommend.PhaseKeep {
			title = subheading(tr("recs.plan.keep", map[string]any{"N": len(items)}))
		}
		cols.Add(container.NewBorder(title, nil, nil, nil, list))
	}
	help := wrapped(tr("recs.plan.help", map[string]any{"Max": recommend.PerWindow, "PerTeam": recommend.PerTeam}))
	return container.NewBorder(help, nil, nil, nil, cols)
}

// ownerLine is who carries a recommendation in the client's company and,
// when estimated, the yearly money at stake.
func (s *recsScreen) ownerLine(r recommend.Recommendation) string {
	line := s.a.OwnerName(r.Owner)
	if r.Impact != nil {
		line += " · " + tr("recs.impact", map[string]any{"Amount": s.a.Lang.Money(*r.Impact, r.Currency, 0)})
	}
	return line
}
