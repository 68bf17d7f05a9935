package upload

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefing/data"
)

// number reads a value or target cell (already trimmed). It returns the value, its text
// normalised to digits and a dot, whether a decimal comma was used, and the problem ("" if
// none). An empty cell is "not given": ok false and no problem.
func number(s string, decimalComma bool) (v float64, text string, ok, comma bool, problem Problem) {
	if s == "" {
		return 0, "", false, false, Problem{}
	}
	q := Cell(s)
	bad := func(tmpl string, args ...any) (float64, string, bool, bool, Problem) {
		return 0, "", false, false, Problem{Tmpl: tmpl, Args: append([]any{q}, args...)}
	}
	if strings.HasSuffix(s, "%") {
		return bad(MsgPercent)
	}
	for _, minus := range []string{"-", "\u2212"} {
		if rest, neg := strings.CutPrefix(s, minus); neg {
			rest = strings.TrimSpace(rest)
			if strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "\u2212") {
				break // "--5": not a number (and no recursion on a long run of signs)
			}
			if _, _, ok, _, p := number(rest, decimalComma); ok && p.Tmpl == "" {
				return bad(MsgNegative)
			}
			return bad(MsgNotNumber)
		}
	}
	s, grouped := ungroup(s)
	if !grouped {
		return bad(MsgNotNumber)
	}
	dots, commas := strings.Count(s, "."), strings.Count(s, ",")
	switch {
	case dots > 0 && commas > 0:
		return bad(MsgGrouped)
	case commas > 0 && !decimalComma:
		if thousandsLike(s, ',') {
			return bad(MsgGroupedAs, strings.ReplaceAll(s, ",", ""))
		}
		return bad(MsgDecimalComma)
	case commas > 1 || dots > 1:
		if thousandsLike(s, ',') || thousandsLike(s, '.') {
			return bad(MsgGrouped)
		}
		return bad(MsgNotNumber)
	case dots == 1 && decimalComma && thousandsLike(s, '.'):
		plain := strings.ReplaceAll(s, ".", "")
		return bad(MsgAmbiguous, plain, strings.ReplaceAll(s, ".", ","))
	case commas == 1:
		s, comma = strings.Replace(s, ",", ".", 1), true
	}
	whole, frac, _ := strings.Cut(s, ".")
	if !allDigits(whole) || !allDigits(frac) || whole+frac == "" {
		return bad(MsgNotNumber)
	}
	whole = strings.TrimLeft(whole, "0")
	if whole == "" {
		whole = "0"
	}
	text = whole
	if frac != "" {
		text += "." + frac
	}
	if len(text) > MaxDigits {
		return bad(MsgTooManyDigits, Count(MaxDigits))
	}
	v, err := strconv.ParseFloat(text, 64)
	if err != nil || v >= MaxValue {
		return bad(MsgTooLarge)
	}
	return v, text, true, comma, Problem{}
}

// ungroup removes spaces between groups of three digits ("12 345,6" -> "12345,6"); ok is
// false when a space is anywhere else.
func ungroup(s string) (string, bool) {
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s, true
	}
	groups := strings.FieldsFunc(s, unicode.IsSpace)
	if len(groups[0]) > 3 || !allDigits(groups[0]) {
		return s, false
	}
	for i, g := range groups[1:] {
		last := i == len(groups)-2
		if len(g) < 3 || !allDigits(g[:3]) || (!last && len(g) != 3) || (last && len(g) > 3 && g[3] != '.' && g[3] != ',') {
			return s, false
		}
	}
	// one space between groups only: FieldsFunc hides doubled spaces
	n := 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			n++
		}
	}
	if n != len(groups)-1 {
		return s, false
	}
	return strings.Join(groups, ""), true
}

// thousandsLike reports whether s is grouped by sep in threes: 1,234 or 12.345.678.
func thousandsLike(s string, sep byte) bool {
	parts := strings.Split(s, string(sep))
	if len(parts) < 2 || len(parts[0]) > 3 || !allDigits(parts[0]) || parts[0] == "" {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 || !allDigits(p) {
			return false
		}
	}
	return true
}

// allDigits reports whether s is ASCII digits only ("" too).
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// period normalises a Series label to the keys the page formats: "2017" or "2018-Q4". It
// also accepts "2018 Q4", "2018Q4", "Q4 2018", "q4-2018" and the French "T4 2018" (trimestre).
func period(s string) (string, bool) {
	u := strings.ToUpper(s)
	key := ""
	switch {
	case len(u) == 4:
		key = u
	case len(u) >= 6 && allDigits(u[:4]):
		key = u[:4] + "-" + quarter(strings.TrimLeft(u[4:], " -/_"))
	case len(u) >= 6:
		if year := strings.TrimLeft(u[2:], " -/_"); len(year) == 4 && allDigits(year) {
			key = year + "-" + quarter(u[:2])
		}
	}
	if _, _, err := data.ParsePeriod(key); err != nil {
		return "", false
	}
	return key, true
}

// quarter turns "Q4" or "T4" into "Q4" ("" for anything else).
func quarter(s string) string {
	if len(s) == 2 && (s[0] == 'Q' || s[0] == 'T') {
		return "Q" + s[1:]
	}
	return ""
}

// date checks an as_of cell: YYYY, YYYY-MM or YYYY-MM-DD, a real month and day.
func date(s string) bool {
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 || !allDigits(parts[0]) {
		return false
	}
	year, _ := strconv.Atoi(parts[0])
	n := []int{0, 0, 0}
	for i, p := range parts[1:] {
		if len(p) != 2 || !allDigits(p) {
			return false
		}
		n[i+1], _ = strconv.Atoi(p)
	}
	if len(parts) >= 2 && (n[1] < 1 || n[1] > 12) {
		return false
	}
	if len(parts) == 3 {
		days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[n[1]-1]
		if n[1] == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			days = 29
		}
		if n[2] < 1 || n[2] > days {
			return false
		}
	}
	return true
}

// partial reads a partial cell; ok is false for anything but a yes/no word or empty.
func partial(s string) (v, ok bool) {
	switch strings.ToLower(s) {
	case "true", "yes", "y", "1", "x", "vrai", "oui":
		return true, true
	case "false", "no", "n", "0", "", "faux", "non":
		return false, true
	}
	return false, false
}

// cleanText makes a cell one line of plain text: line breaks, tabs and other control
// characters become spaces, runs of spaces one space. Bidirectional formatting characters
// (embeddings, overrides, isolates and marks) are removed: a right-to-left override in a
// label would otherwise reverse the text around it wherever the label is shown, and letters
// of right-to-left scripts still read correctly without them. A leading apostrophe that a spreadsheet
// export put before a formula-like text ("'=x", see web/export) is dropped. Markup is kept
// as it is: it is text.
func cleanText(s string) string {
	if len(s) > 1 && s[0] == '\'' {
		if r, _ := utf8.DecodeRuneInString(s[1:]); strings.ContainsRune("=+-@\t\r＝＋－＠", r) {
			s = s[1:]
		}
	}
	clean := strings.Map(func(r rune) rune {
		if bidiControl(r) {
			return -1
		}
		if r < 0x20 || (r >= 0x7f && r < 0xa0) || r == '\uFEFF' {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(clean), " ")
}

// bidiControl reports the Unicode bidirectional formatting characters: LRM, RLM, ALM, the
// embeddings and overrides U+202A–U+202E and the isolates U+2066–U+2069.
func bidiControl(r rune) bool {
	return r == '\u200E' || r == '\u200F' || r == '\u061C' || (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069')
}
