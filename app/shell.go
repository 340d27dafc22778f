package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// Screen indexes, in navigation order.
const (
	screenStart = iota
	screenDiagnostic
	screenResults
)

// ui is the main window and the state shared by its screens.
type ui struct {
	app      fyne.App
	win      fyne.Window
	opts     Options
	prefs    settings
	q        *diagnostic.Questionnaire
	screens  []*screen
	nav      *widget.List
	content  *fyne.Container
	selected int
	help     dialog.Dialog // the keyboard help while it is open
	// fileDialogs counts the file dialogs shown (the tap-everything test
	// tells "opens a file dialog" from other dialogs by it).
	fileDialogs int
	// escapes close the dialogs open now, last opened last (see closeOnEsc).
	escapes []func()

	db    backend                                      // nil until the database is open (or when it failed)
	dbErr error                                        // why the database could not be opened
	demo  func(ctx context.Context) (store.Org, error) // nil: no demo yet
	sess  session
	saver *saver
	busy  tasks
	// post applies a background result on the UI goroutine: fyne.Do, or
	// queued.add in tests (see settle).
	post   func(func())
	queued posted

	// Keyboard handlers of the screen on show, when nothing has focus.
	onRune func(rune)
	onKey  func(*fyne.KeyEvent)

	screens2 // the KPI, recommendations, report and settings screens' state
}

// defaultWindowSize is the window's size at start: small enough for a
// 1024×640 screen with a title bar (and a 1366×768 one with a task bar), as
// Fyne cannot ask the screen's size first. No screen may need a wider
// window (TestScreensFitTheDefaultWindow).
var defaultWindowSize = fyne.NewSize(1000, 600)

// newUI builds the main window in the remembered language and theme. The
// database comes later, through attach.
func newUI(a fyne.App, opts Options) (*ui, error) {
	q, err := diagnostic.LoadQuestionnaire()
	if err != nil {
		return nil, fmt.Errorf("loading the questionnaire: %w", err)
	}
	u := &ui{app: a, opts: opts, prefs: settings{a.Preferences()}, q: q, saver: newSaver(), post: fyne.Do}
	u.sess.respondent = -1
	if err := setLanguage(u.prefs.Language()); err != nil {
		return nil, err
	}
	a.Settings().SetTheme(&appTheme{mode: u.prefs.Theme()})
	u.win = a.NewWindow(tr("app.title"))
	u.win.Resize(defaultWindowSize)
	u.win.SetMaster()
	u.win.Canvas().SetOnTypedRune(func(r rune) {
		if u.onRune != nil {
			u.onRune(r)
		}
	})
	u.win.Canvas().SetOnTypedKey(func(e *fyne.KeyEvent) {
		switch {
		case e.Name == fyne.KeyF1:
			u.showHelp()
			return
		case e.Name == fyne.KeyEscape && u.help != nil:
			u.help.Hide()
			return
		case e.Name == fyne.KeyEscape && len(u.escapes) > 0:
			esc := u.escapes[len(u.escapes)-1]
			u.escapes = u.escapes[:len(u.escapes)-1]
			esc()
			return
		}
		if u.onKey != nil {
			u.onKey(e)
		}
	})
	u.rebuild()
	u.addShortcuts()
	u.addHelpShortcut()
	u.addActionShortcuts()
	return u, nil
}

// attach gives the screens the opened database, or the reason it could not
// be opened (shown at once and on every screen that needs data).
func (u *ui) attach(db backend, err error) {
	u.db, u.dbErr = db, err
	if err != nil {
		u.showError(err)
	}
	u.show(u.selected)
}

// lang is the interface language, for content texts and number formats.
func (u *ui) lang() locale.Lang { return u.prefs.Language() }

// rebuild creates every screen and the window content anew, after start-up
// and after a language change, keeping the selected screen.
func (u *ui) rebuild() {
	u.win.SetTitle(tr("app.title"))
	u.screens = u.makeScreens()
	u.content = container.NewStack()
	u.nav = &widget.List{
		Length: func() int { return len(u.screens) },
		CreateItem: func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(nil), widget.NewLabel("Recommendations"))
		},
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(u.screens[id].icon)
			row.Objects[1].(*widget.Label).SetText(u.screens[id].title())
		},
		OnSelected: u.show,
	}
	u.nav.ExtendBaseWidget(u.nav)
	header := u.header()
	body := borderInOrder(nil, nil, container.NewPadded(u.nav), nil, u.content)
	u.win.SetContent(borderInOrder(header, nil, nil, nil, body))
	u.win.SetMainMenu(u.mainMenu())
	u.nav.Select(u.selected)
	u.show(u.selected)
}

// show replaces the content area with screen i.
func (u *ui) show(i widget.ListItemID) {
	if i < 0 || i >= len(u.screens) {
		return
	}
	u.selected = i
	u.onRune, u.onKey = nil, nil
	// A widget of the old screen may hold the focus (the list tapped on
	// the start screen): release it so the new screen's keys work.
	u.win.Canvas().Unfocus()
	u.content.Objects = []fyne.CanvasObject{u.screens[i].view()}
	u.content.Refresh()
}

// goTo selects screen i in the navigation (which shows it).
func (u *ui) goTo(i int) {
	if u.selected == i {
		u.show(i)
		return
	}
	u.nav.Select(i)
}

// addShortcuts binds Ctrl+1…Ctrl+7 (Cmd on macOS) to the screens.
func (u *ui) addShortcuts() {
	for i := range u.screens {
		if i >= len(screenKeys) {
			break
		}
		u.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: screenKeys[i], Modifier: fyne.KeyModifierShortcutDefault},
			func(fyne.Shortcut) { u.nav.Select(i) })
	}
}
