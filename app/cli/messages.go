package cli

import (
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// sysLang is the language of a message about no organisation in
// particular (backups, the list of organisations): the system's
// ($LC_ALL, $LC_MESSAGES, $LANG), else English.
func sysLang() locale.Lang {
	l, _ := contentLang("")
	return l
}

// msgLang is the language of a message about an organisation: its own,
// else the system's.
func msgLang(o store.Org) locale.Lang {
	if o.Language.Valid() {
		return o.Language
	}
	return sysLang()
}
