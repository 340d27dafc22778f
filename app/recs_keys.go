package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// recKeys are the Alt+key shortcuts of the recommendations screen.
var recKeys = []fyne.KeyName{fyne.KeyA, fyne.KeyD, fyne.KeyX, fyne.KeyO, fyne.KeyUp, fyne.KeyDown}

// addKeys binds Alt+A (accept), Alt+D (dismiss), Alt+X (done), Alt+O
// (reopen) and Alt+↑/↓ (move) to the selected recommendation. Window
// shortcuts work whatever has the focus (the list, usually); they act only
// while this screen is on show.
func (s *recsScreen) addKeys() {
	for _, k := range recKeys {
		s.u.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierAlt}, func(fyne.Shortcut) { s.onAltKey(k) })
	}
}

// onAltKey runs the action of Alt+k on the selected recommendation.
func (s *recsScreen) onAltKey(k fyne.KeyName) {
	if s.u.recs != s || s.u.selected != screenRecommendations || s.sel < 0 {
		return
	}
	switch k {
	case fyne.KeyA:
		s.onAccept()
	case fyne.KeyD:
		s.onDismiss()
	case fyne.KeyX:
		s.onDone()
	case fyne.KeyO:
		s.onReopen()
	case fyne.KeyUp:
		s.onUp()
	case fyne.KeyDown:
		s.onDown()
	}
}

// recsHelpRows are the recommendations screen's keys for the keyboard help.
func recsHelpRows() []helpRow {
	return []helpRow{
		{"Alt+A", tr("recs.accept")},
		{"Alt+D", tr("recs.dismiss")},
		{"Alt+X", tr("recs.done")},
		{"Alt+O", tr("recs.reopen")},
		{tr("help.key.altupdown"), tr("help.recs.move")},
	}
}
