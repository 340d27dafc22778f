package dateparse

import (
	"strconv"
	"strings"
	"time"
)

// tok is one token of a date: a run of digits or of letters, with the
// separator that preceded it (0 at the start or when none).
type tok struct {
	s   string
	num bool
	sep byte
}

// splitTime separates a trailing clock time ("3:00", "10:15:00 PM",
// "T10:15:00Z") from the date and returns it as a duration.
func splitTime(s string) (date string, clock time.Duration, ok bool) {
	colon := strings.IndexByte(s, ':')
	if colon < 0 {
		return s, 0, true
	}
	h := colon
	for h > 0 && s[h-1] >= '0' && s[h-1] <= '9' {
		h--
	}
	if colon-h < 1 || colon-h > 2 || h < 2 || (s[h-1] != ' ' && s[h-1] != 'T') {
		return "", 0, false
	}
	date = strings.TrimRight(s[:h-1], " ,")
	rest := strings.ToLower(strings.TrimSpace(s[h:]))
	// hh:mm[:ss[.fff]]
	end := 0
	for end < len(rest) && (rest[end] >= '0' && rest[end] <= '9' || rest[end] == ':' || rest[end] == '.') {
		end++
	}
	parts := strings.Split(rest[:end], ":")
	if len(parts) < 2 || len(parts) > 3 {
		return "", 0, false
	}
	hh, ok1 := atoi(parts[0])
	mm, ok2 := atoi(parts[1])
	ss := 0.0
	if len(parts) == 3 {
		v, err := strconv.ParseFloat(parts[2], 64)
		if err != nil || v < 0 || v >= 61 {
			return "", 0, false
		}
		ss = v
	}
	if !ok1 || !ok2 || len(parts[1]) != 2 || hh > 23 || mm > 59 {
		return "", 0, false
	}
	suffix := strings.TrimSpace(rest[end:])
	switch strings.ReplaceAll(strings.ReplaceAll(suffix, ".", ""), " ", "") {
	case "", "z", "utc", "gmt":
	case "am":
		if hh == 12 {
			hh = 0
		}
	case "pm":
		if hh < 12 {
			hh += 12
		}
	default:
		if !isOffset(suffix) {
			return "", 0, false
		}
	}
	clock = time.Duration(hh)*time.Hour + time.Duration(mm)*time.Minute + time.Duration(ss*float64(time.Second))
	return date, clock, true
}

// isOffset reports whether s is a UTC offset (+01:00, -0500, +01). Offsets
// are accepted and ignored: the wall clock as written is kept.
func isOffset(s string) bool {
	if len(s) < 3 || s[0] != '+' && s[0] != '-' {
		return false
	}
	for _, c := range s[1:] {
		if c != ':' && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// tokenize splits a date into digit runs and letter runs. Letters are
// lowered and stripped of accents; any other character fails.
func tokenize(s string) ([]tok, bool) {
	var out []tok
	var sep byte
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			out = append(out, tok{s[i:j], true, sep})
			sep, i = 0, j
		case c == '-' || c == '/' || c == '.' || c == ',' || c == ' ' || c == '\'':
			if sep == 0 || sep == ' ' {
				sep = c
			}
			i++
		default:
			j := i
			for j < len(s) && !(s[j] >= '0' && s[j] <= '9') && !strings.ContainsRune("-/., '", rune(s[j])) {
				j++
			}
			w, ok := fold(s[i:j])
			if !ok {
				return nil, false
			}
			if !ignorable[w] {
				out = append(out, tok{w, false, sep})
			}
			sep, i = 0, j
		}
		if len(out) > 6 {
			return nil, false
		}
	}
	return out, len(out) > 0
}

// fold lowers a word and removes Spanish accents; it fails on non-letters.
func fold(w string) (string, bool) {
	var b strings.Builder
	for _, r := range strings.ToLower(w) {
		switch r {
		case 'á':
			r = 'a'
		case 'é':
			r = 'e'
		case 'í':
			r = 'i'
		case 'ó':
			r = 'o'
		case 'ú', 'ü':
			r = 'u'
		case 'ñ':
			r = 'n'
		case 'º', 'ª':
			continue
		}
		if r < 'a' || r > 'z' {
			return "", false
		}
		b.WriteRune(r)
	}
	return b.String(), true
}

// match reads a token list into the readings it allows.
func match(t []tok, allowSerial bool, cs *[4]cand) (n int, impossible bool) {
	add := func(l Layout, tm time.Time, p Precision) {
		if n < len(cs) {
			cs[n] = cand{l, Date{tm, p}}
			n++
		}
	}
	day := func(l Layout, y, m, d int) {
		if tm, ok := mkDate(y, m, d); ok {
			add(l, tm, Day)
		} else {
			impossible = true
		}
	}
	month := func(l Layout, y, m int) {
		if tm, ok := mkDate(y, m, 1); ok {
			add(l, tm, Month)
		} else {
			impossible = true
		}
	}
	num := func(i int) (int, bool) {
		if i >= len(t) || !t[i].num {
			return 0, false
		}
		return atoi(t[i].s)
	}
	word := func(i int) string {
		if i >= len(t) || t[i].num {
			return ""
		}
		return t[i].s
	}
	isYear := func(i int) (int, bool) {
		v, ok := num(i)
		if !ok || len(t[i].s) != 4 && len(t[i].s) != 2 {
			return 0, false
		}
		return year2(t[i].s, v), true
	}
	pattern := make([]byte, len(t))
	for i, k := range t {
		if k.num {
			pattern[i] = 'n'
		} else if _, ok := months[k.s]; ok {
			pattern[i] = 'M'
		} else {
			pattern[i] = 'w'
		}
	}
	switch string(pattern) {
	case "n":
		s := t[0].s
		v, _ := atoi(s)
		switch {
		case len(s) == 8 && s[0] >= '1' && s[0] <= '2':
			y, _ := atoi(s[:4])
			m, _ := atoi(s[4:6])
			d, _ := atoi(s[6:])
			day(YMD, y, m, d)
		case len(s) == 6 && (s[:2] == "19" || s[:2] == "20"):
			y, _ := atoi(s[:4])
			m, _ := atoi(s[4:])
			if m >= 1 && m <= 12 {
				month(YM, y, m)
			}
		case len(s) == 4 && v >= 1900 && v <= 2100:
			add(Yr, time.Date(v, 1, 1, 0, 0, 0, 0, time.UTC), Year)
		}
		if allowSerial && len(s) <= 7 && v >= 1 && v <= 2958465 && !(len(s) == 4 && v >= 1900 && v <= 2100) {
			add(Serial, serial(float64(v)), Day)
		}
	case "nn":
		a, b := t[0].s, t[1].s
		if allowSerial && t[1].sep == '.' && len(a) <= 7 {
			if v, err := strconv.ParseFloat(a+"."+b, 64); err == nil && v >= 1 && v <= 2958466 {
				add(Serial, serial(v), Day)
			}
		}
		if t[1].sep == '-' || t[1].sep == '/' || t[1].sep == '.' {
			av, _ := atoi(a)
			bv, _ := atoi(b)
			switch {
			case len(a) == 4 && len(b) <= 2:
				month(YM, av, bv)
			case len(a) <= 2 && len(b) == 4:
				month(MY, bv, av)
			}
		}
	case "nnn":
		a, _ := num(0)
		b, _ := num(1)
		c, _ := num(2)
		if t[1].sep == 0 || t[2].sep == 0 || t[1].sep == ',' || t[2].sep == ',' {
			break
		}
		if len(t[0].s) == 4 && len(t[1].s) <= 2 && len(t[2].s) <= 2 {
			day(YMD, a, b, c)
		} else if len(t[0].s) <= 2 && len(t[1].s) <= 2 && (len(t[2].s) == 4 || len(t[2].s) == 2) {
			y := year2(t[2].s, c)
			if _, ok := mkDate(y, b, a); ok {
				day(DMY, y, b, a)
			}
			if _, ok := mkDate(y, a, b); ok {
				day(MDY, y, a, b)
			}
			if n == 0 {
				impossible = true
			}
		}
	case "Mn": // Mar 2024, ene-24, marzo de 2024
		if y, ok := isYear(1); ok {
			month(Text, y, months[t[0].s])
		}
	case "nM": // 2024 mar
		if y, ok := num(0); ok && len(t[0].s) == 4 {
			month(Text, y, months[t[1].s])
		}
	case "nMn": // 5 mar 2024, 2 de octubre de 2022, 2024-mar-05
		if y, ok := isYear(2); ok && len(t[0].s) <= 2 {
			d, _ := num(0)
			day(Text, y, months[t[1].s], d)
		} else if len(t[0].s) == 4 && len(t[2].s) <= 2 {
			y, _ := num(0)
			d, _ := num(2)
			day(Text, y, months[t[1].s], d)
		}
	case "Mnn": // March 5, 2024
		if y, ok := isYear(2); ok && len(t[1].s) <= 2 {
			d, _ := num(1)
			day(Text, y, months[t[0].s], d)
		}
	case "nwn":
		y, _ := num(0)
		v, _ := num(2)
		w := word(1)
		if len(t[0].s) != 4 {
			// 1T 2024, 1Q24
			if (w == "t" || w == "q") && v > 0 && len(t[2].s) >= 2 {
				q, _ := num(0)
				quarter(add, year2(t[2].s, v), q)
			}
			break
		}
		switch w {
		case "m":
			month(YM, y, v)
		case "q", "t":
			quarter(add, y, v)
		case "w":
			if v >= 1 && v <= 53 {
				add(Wk, isoWeek(y, v), Week)
			}
		}
	case "wnn": // Q1 2024, T1 2024
		switch word(0) {
		case "q", "t", "qtr", "quarter", "trimestre", "trim":
			q, _ := num(1)
			if y, ok := isYear(2); ok {
				quarter(add, y, q)
			}
		}
	case "nwwn": // 1er trimestre 2024
		if word(1) == "er" && word(2) == "trimestre" {
			q, _ := num(0)
			if y, ok := num(3); ok {
				quarter(add, y, q)
			}
		}
	}
	return n, impossible
}

func quarter(add func(Layout, time.Time, Precision), y, q int) {
	if q >= 1 && q <= 4 && y >= 1000 && y <= 9999 {
		add(Qtr, time.Date(y, time.Month(3*q-2), 1, 0, 0, 0, 0, time.UTC), Quarter)
	}
}

// serial converts an Excel serial day number (1900 date system) to a time.
func serial(v float64) time.Time {
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	days := int(v)
	frac := v - float64(days)
	return base.AddDate(0, 0, days).Add(time.Duration(frac*86400+0.5) * time.Second)
}

// isoWeek returns the Monday of ISO week w of year y.
func isoWeek(y, w int) time.Time {
	jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
	wd := (int(jan4.Weekday()) + 6) % 7 // Monday = 0
	return jan4.AddDate(0, 0, -wd+7*(w-1))
}
