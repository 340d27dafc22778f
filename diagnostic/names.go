package diagnostic

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// MaxNameLength is the most characters (not bytes: 200 × "é" is a valid
// name) of an organisation's or a respondent's name.
const MaxNameLength = 200

// CheckName refuses a name longer than max characters, or holding a
// control character (ESC, BEL, a line break: a terminal would obey them
// when the name is printed) or a bidirectional override or isolate
// (U+202A–U+202E, U+2066–U+2069: they reorder the text around them).
// Every name a user or a file gives goes through it. The error wraps
// ErrInvalid and names the character by its code point, never raw.
func CheckName(s string, max int) error {
	if n := utf8.RuneCountInString(s); n > max {
		return fmt.Errorf("longer than %d characters (%d): %w", max, n, ErrInvalid)
	}
	for _, r := range s {
		if bad, what := unsafeRune(r); bad {
			return fmt.Errorf("contains %s U+%04X: %w", what, r, ErrInvalid)
		}
	}
	return nil
}

// unsafeRune reports the characters CheckName refuses and what they are.
func unsafeRune(r rune) (bool, string) {
	switch {
	case r == utf8.RuneError:
		return true, "an invalid character"
	case unicode.IsControl(r):
		return true, "the control character"
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true, "the bidirectional control"
	}
	return false, ""
}

// Printable returns s with the characters CheckName refuses replaced by
// their escaped code point (\u001b), for printing names stored before
// they were checked: a terminal never receives a raw escape sequence.
func Printable(s string) string {
	clean := true
	for _, r := range s {
		if bad, _ := unsafeRune(r); bad {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if bad, _ := unsafeRune(r); bad {
			out = append(out, []rune(fmt.Sprintf("\\u%04x", r))...)
			continue
		}
		out = append(out, r)
	}
	return string(out)
}
