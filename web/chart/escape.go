package chart

import (
	"strings"
	"unicode/utf8"
)

// escapeText makes plain text safe as XML character data or attribute value: it escapes
// & < > " ' and replaces what XML 1.0 forbids with U+FFFD (see cleanText), so data can
// neither inject markup nor break the document.
func escapeText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range cleanText(s) {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cleanText replaces control characters, invalid UTF-8 and U+FFFE/U+FFFF (all forbidden
// in XML 1.0) with U+FFFD, which Roboto can draw, so the PNG shows what the SVG shows
// instead of an empty box.
func cleanText(s string) string {
	clean := true
	for i, r := range s {
		if bad(s, i, r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if bad(s, i, r) {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return b.String()
}

// bad reports whether rune r at byte i of s cannot appear in XML text.
func bad(s string, i int, r rune) bool {
	if r == utf8.RuneError {
		_, n := utf8.DecodeRuneInString(s[i:])
		return n == 1 // an invalid byte, not a real U+FFFD
	}
	return !(r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r <= 0xD7FF) ||
		(r >= 0xE000 && r <= 0xFFFD) || r >= 0x10000)
}

// sanitizeID lowercases an id and keeps [a-z0-9-]; anything else becomes "-". The result
// starts with a letter (XML ids cannot start with a digit or "-"); "" becomes "chart".
func sanitizeID(id string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(id) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '-' {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	out := b.String()
	if out == "" {
		return "chart"
	}
	if out[0] < 'a' || out[0] > 'z' {
		out = "c" + out
	}
	return out
}
