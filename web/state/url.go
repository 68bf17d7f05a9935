package state

import (
	"net/url"

	"briefing/web/locale"
)

// The URL query is a public interface: people paste links into briefing notes. Decode accepts
// anything without failing (unknown or malformed parameters fall back to defaults), and Encode
// writes only what differs from the default so links stay short.

// Decode reads a state from a URL query string (with or without the leading "?").
func Decode(query string) State {
	s := Default()
	if len(query) > 0 && query[0] == '?' {
		query = query[1:]
	}
	q, _ := url.ParseQuery(query) // a malformed pair is skipped; the rest still counts
	if v, ok := last(q, "targets"); ok {
		s.ShowTargets = v != "off"
	}
	if v, ok := last(q, "lang"); ok {
		if l, ok := locale.Parse(v); ok {
			s.Lang = l
		}
	}
	if v, ok := last(q, "theme"); ok && validTheme(v) {
		s.Theme = v
	}
	return s
}

// Encode writes the state as a query string without "?"; the default state is "".
func Encode(s State) string {
	d := Default()
	q := url.Values{}
	if s.ShowTargets != d.ShowTargets {
		q.Set("targets", "off")
	}
	if s.Lang != d.Lang {
		q.Set("lang", string(s.Lang))
	}
	if s.Theme != d.Theme {
		q.Set("theme", s.Theme)
	}
	return q.Encode()
}

// last returns the last value of a parameter: a duplicated parameter means the later one won.
func last(q url.Values, key string) (string, bool) {
	vs := q[key]
	if len(vs) == 0 {
		return "", false
	}
	return vs[len(vs)-1], true
}

func validTheme(t string) bool {
	return t == "light" || t == "dark" || t == "projector"
}
