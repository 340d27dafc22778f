package report

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/golang/freetype/truetype"

	"github.com/revopsdx/revopsdx/assets"
)

// placeholder stands for a character the report's fonts cannot draw (an
// emoji, a CJK ideograph, a character above U+FFFF): the Unicode
// replacement character, which DejaVu Sans has, so the reader sees that
// something was there.
const placeholder = '\uFFFD'

// maxRune is the last code point the PDF library can place in a font's
// character map; anything above it made the report panic.
const maxRune = 0xFFFF

// coverage knows which characters both embedded fonts (regular and bold)
// have a glyph for.
type coverage struct {
	regular, bold *truetype.Font
	err           error
}

var (
	coverOnce sync.Once
	cover     coverage
)

// fontCoverage parses the embedded fonts once.
func fontCoverage() *coverage {
	coverOnce.Do(func() {
		for _, f := range []struct {
			name string
			dst  **truetype.Font
		}{{"DejaVuSans.ttf", &cover.regular}, {"DejaVuSans-Bold.ttf", &cover.bold}} {
			b, err := assets.Font(f.name)
			if err == nil {
				*f.dst, err = truetype.Parse(b)
			}
			if err != nil {
				cover.err = err
				return
			}
		}
	})
	return &cover
}

// has reports whether both fonts draw r. When the fonts could not be
// parsed (never with the embedded ones) only ASCII counts as drawable.
func (c *coverage) has(r rune) bool {
	if r > maxRune {
		return false
	}
	if c.err != nil {
		return r < utf8.RuneSelf
	}
	return c.regular.Index(r) != 0 && c.bold.Index(r) != 0
}

// invisible reports whether r only shapes its neighbours (joiners,
// variation selectors, emoji modifiers and tags, bidirectional controls)
// and is dropped rather than replaced.
func invisible(r rune) bool {
	switch {
	case r == '\u200d', r == '\u200c', r == '\u200b', r == '\u2060', r == '\ufeff':
		return true
	case r >= '\ufe00' && r <= '\ufe0f', r >= 0xe0100 && r <= 0xe01ef: // variation selectors
		return true
	case r >= 0x1f3fb && r <= 0x1f3ff: // skin-tone modifiers
		return true
	case r >= 0xe0000 && r <= 0xe007f: // tags
		return true
	case r >= '\u200e' && r <= '\u200f', r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069': // bidi controls
		return true
	}
	return false
}

// regional reports whether r is a regional indicator (two make a flag).
func regional(r rune) bool { return r >= 0x1f1e6 && r <= 0x1f1ff }

// drawable returns s with every character the report's fonts cannot draw
// replaced by the placeholder (one per character as the reader sees it:
// an emoji sequence joined by U+200D, a flag or a character with its
// combining marks shows as one mark), invisible shaping
// characters and control characters dropped, and invalid UTF-8 replaced.
// Line breaks and tabs are kept for clean to collapse.
func drawable(s string) string {
	c := fontCoverage()
	ok := true
	for _, r := range s {
		if r == utf8.RuneError || !c.has(r) || invisible(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	// lastMissing: the last character written was a placeholder; joined:
	// a joiner (or a second regional indicator) ties the next character
	// to it, so a ZWJ emoji sequence or a flag shows as one mark.
	lastMissing, joined := false, false
	var prev rune
	for _, r := range s {
		switch {
		case r == '\u200d':
			joined = true
			continue
		case invisible(r):
			continue
		case r == '\n' || r == '\t' || r == '\r':
			b.WriteRune(r)
		case unicode.IsControl(r):
			continue
		case r != utf8.RuneError && c.has(r):
			b.WriteRune(r)
		case lastMissing && (joined || unicode.Is(unicode.Mn, r) || (regional(r) && regional(prev))):
			continue // part of the character already replaced
		default:
			b.WriteRune(placeholder)
			lastMissing, joined, prev = true, false, r
			continue
		}
		lastMissing, joined, prev = false, false, r
	}
	return b.String()
}

// maxName is how many characters of a name (organisation, respondent,
// consultant) the report prints; a longer one ends with an ellipsis.
const maxName = 120

// maxWord is the longest run of characters without a space the report
// prints unbroken: the PDF library wraps lines only at spaces, so a longer
// "word" (a pasted code, a name without spaces) gets a space every maxWord
// characters rather than running out of its column.
const maxWord = 28

// shorten cuts s to at most n characters, ending it with "…" when cut.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, count := 0, 0
	for j := range s {
		if count == n-1 {
			i = j
			break
		}
		count++
	}
	return strings.TrimRightFunc(s[:i], unicode.IsSpace) + "…"
}

// breakLongWords inserts a space into every run of more than maxWord
// characters without one.
func breakLongWords(s string) string {
	run, long := 0, false
	for _, r := range s {
		if r == ' ' {
			run = 0
			continue
		}
		if run++; run > maxWord {
			long = true
			break
		}
	}
	if !long {
		return s
	}
	var b strings.Builder
	run = 0
	for _, r := range s {
		if r == ' ' {
			run = 0
		} else if run == maxWord {
			b.WriteByte(' ')
			run = 0
		}
		if r != ' ' {
			run++
		}
		b.WriteRune(r)
	}
	return b.String()
}

// shortenNames cuts the names the report prints in headers and narrow
// columns to maxName characters. The respondents are copied, so the
// caller's data is left as it was.
func (d *Data) shortenNames() {
	d.Organisation = shorten(d.Organisation, maxName)
	d.Consultant.Name = shorten(d.Consultant.Name, maxName)
	d.Consultant.Company = shorten(d.Consultant.Company, maxName)
	rs := make([]Respondent, len(d.Appendix.Respondents))
	for i, r := range d.Appendix.Respondents {
		r.Name = shorten(r.Name, maxName)
		rs[i] = r
	}
	d.Appendix.Respondents = rs
}
