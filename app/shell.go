package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// ui is the main window and the state shared by its screens.
type ui struct {
	app      fyne.App
	win      fyne.Window
	opts     Options
	prefs    settings
	screens  []*screen
	nav      *widget.List
	content  *fyne.Container
	selected int
}

// newUI builds the main window in the remembered language and theme.
func newUI(a fyne.App, opts Options) (*ui, error) {
	u := &ui{app: a, opts: opts, prefs: settings{a.Preferences()}}
	if err := setLanguage(u.prefs.Language()); err != nil {
		return nil, err
	}
	a.Settings().SetTheme(&appTheme{mode: u.prefs.Theme()})
	u.win = a.NewWindow(tr("app.title"))
	u.win.Resize(fyne.NewSize(1280, 800))
	u.win.SetMaster()
	u.rebuild()
	u.addShortcuts()
	return u, nil
}

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
	body := container.NewBorder(nil, nil, container.NewPadded(u.nav), nil, u.content)
	u.win.SetContent(container.NewBorder(header, nil, nil, nil, body))
	u.nav.Select(u.selected)
	u.show(u.selected)
}

// show replaces the content area with screen i.
func (u *ui) show(i widget.ListItemID) {
	if i < 0 || i >= len(u.screens) {
		return
	}
	u.selected = i
	u.content.Objects = []fyne.CanvasObject{u.screens[i].view()}
	u.content.Refresh()
}

// addShortcuts binds Ctrl+1…Ctrl+7 (Cmd on macOS) to the screens.
func (u *ui) addShortcuts() {
	keys := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9}
	for i := range u.screens {
		if i >= len(keys) {
			break
		}
		i := i
		u.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: keys[i], Modifier: fyne.KeyModifierShortcutDefault},
			func(fyne.Shortcut) { u.nav.Select(i) })
	}
}
