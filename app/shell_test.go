package app

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

func TestShellNavigationAndLanguage(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefLanguage, "es")
	u, err := newUI(a, Options{DBPath: "/tmp/x.db", Version: "1.2.3"})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(u.screens); got != 7 {
		t.Fatalf("%d screens, want 7", got)
	}
	if got := u.screens[0].title(); got != "Inicio" {
		t.Errorf("first screen in Spanish is %q, want Inicio", got)
	}

	u.nav.Select(6) // Settings
	if u.selected != 6 {
		t.Errorf("selected %d after choosing Settings", u.selected)
	}

	u.setLanguage(locale.EN)
	if got := u.screens[0].title(); got != "Start" {
		t.Errorf("after switching, first screen is %q, want Start", got)
	}
	if u.selected != 6 {
		t.Errorf("language switch lost the selected screen (%d)", u.selected)
	}
	if got := a.Preferences().String(prefLanguage); got != "en" {
		t.Errorf("language preference = %q, want en", got)
	}
	if u.win.Title() != "RevOps Diagnostic" {
		t.Errorf("window title %q", u.win.Title())
	}
}

func TestThemeModes(t *testing.T) {
	a := test.NewTempApp(t)
	u, err := newUI(a, Options{})
	if err != nil {
		t.Fatal(err)
	}
	u.setTheme(themeDark)
	if u.prefs.Theme() != themeDark {
		t.Errorf("theme preference not remembered")
	}
	a.Preferences().SetString(prefTheme, "bogus")
	if u.prefs.Theme() != themeSystem {
		t.Errorf("unknown theme value does not fall back to system")
	}
	light := &appTheme{mode: themeLight}
	dark := &appTheme{mode: themeDark}
	bgL := light.Color("background", 1)
	bgD := dark.Color("background", 0)
	if bgL == bgD {
		t.Errorf("forced light and dark backgrounds are equal: %v", bgL)
	}
}

func TestSystemLanguageFallback(t *testing.T) {
	t.Setenv("LANG", "C")
	t.Setenv("LC_ALL", "")
	t.Setenv("LANGUAGE", "")
	if got := systemLang(); got != locale.EN {
		t.Errorf("LANG=C gives %q, want en", got)
	}
	t.Setenv("LANG", "es_ES.UTF-8")
	if got := systemLang(); got != locale.ES {
		t.Errorf("LANG=es_ES.UTF-8 gives %q, want es", got)
	}
}
