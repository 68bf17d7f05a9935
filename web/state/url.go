package state

import (
	"net/url"
	"strconv"
	"strings"

	"briefing/data"
	"briefing/data/upload"
	"briefing/web/locale"
)

// The URL query is a public interface: people paste links into briefing notes, so a link
// must keep working after the format changes. Decode never fails: unknown, duplicated or
// malformed parameters fall back to defaults. Encode writes only what differs from the
// default, in a canonical order, plus the format version.
//
// Format (version 2):
//
//	v=2                       format version (links without v are version 1)
//	<dataset>=tok,tok...      view of a dataset: table, line, gap, novalues, notargets,
//	                          sort-<column>[-desc]
//	lang=fr  theme=dark|projector  slide=N  embed=<dataset>  controls=0  q=<search>  kt=<theme>

// Version is the URL format Encode writes.
const Version = 2

// migrations[i] rewrites a version i+1 query into version i+2. Append one for every format
// change, and a test with a link of the old format.
var migrations = []func(url.Values){
	// 1 → 2: the parity targets switch was global ("targets=off") and became a view token of
	// the dataset it applies to.
	func(q url.Values) {
		if last(q, "targets") == "off" {
			q.Set("parity", "notargets")
		}
		q.Del("targets")
	},
}

// Kinds tells Decode which datasets exist and what variants they allow.
type Kinds map[string]data.Kind

// KindsOf lists the datasets of a briefing.
func KindsOf(ds []data.Dataset) Kinds {
	k := Kinds{}
	for _, d := range ds {
		k[d.ID] = d.Kind
	}
	return k
}

const maxQuery = 200 // longer search text is cut: a URL is no place for an essay

// Decode reads a state from a URL query string (with or without the leading "?").
func Decode(query string, kinds Kinds) State {
	q, _ := url.ParseQuery(strings.TrimPrefix(query, "?")) // bad pairs are skipped, the rest counts
	migrate(q)
	s := Default()
	for id, kind := range kinds {
		if v, ok := decodeView(last(q, id), kind); ok {
			s = s.withView(id, v)
		}
	}
	if l, ok := locale.Parse(last(q, "lang")); ok && last(q, "lang") != "" {
		s.Lang = l
	}
	if t := Theme(last(q, "theme")); validTheme(t) {
		s.Theme = t
	}
	if n, err := strconv.Atoi(last(q, "slide")); err == nil && n > 0 && n < 100 {
		s.Slide = n
	}
	// An embed of a dataset that does not exist is kept, so that the page can say so rather
	// than show a blank frame (view.CheckLink).
	if id := last(q, "embed"); isToken(id) {
		s.Embed = id
		s.Bare = last(q, "controls") == "0"
	}
	s.Query = strings.TrimSpace(cut(strings.TrimSpace(last(q, "q")), maxQuery))
	if t := last(q, "kt"); isToken(t) {
		s.KeyTheme = t
	}
	return s
}

// LangGiven reports whether a query names the language (parameter names are decoded first,
// so "%6c%61%6e%67=fr" names it too): a link's language wins over the browser's.
func LangGiven(query string) bool {
	q, _ := url.ParseQuery(strings.TrimPrefix(query, "?"))
	return q.Has("lang")
}

// ForeignUploads reports whether a query refers to a reader's card that kinds does not
// list: a link made on another reader's page, whose file never left that page.
func ForeignUploads(query string, kinds Kinds) bool {
	q, _ := url.ParseQuery(strings.TrimPrefix(query, "?"))
	for k := range q {
		if strings.HasPrefix(k, upload.IDPrefix) && kinds[k] == "" {
			return true
		}
	}
	return false
}

// migrate brings a query of any older version to the current one.
func migrate(q url.Values) {
	v := 1
	if n, err := strconv.Atoi(last(q, "v")); err == nil && n >= 1 {
		v = n
	}
	for ; v <= len(migrations) && v < Version; v++ {
		migrations[v-1](q)
	}
	q.Del("v")
}

// Encode writes the state as a query string without "?"; the default state is "".
func Encode(s State) string {
	q := url.Values{}
	for id, v := range s.Views {
		if t := encodeView(v); t != "" {
			q.Set(id, t)
		}
	}
	if s.Lang != Default().Lang {
		q.Set("lang", string(s.Lang))
	}
	if s.Theme != "" {
		q.Set("theme", string(s.Theme))
	}
	if s.Slide > 0 {
		q.Set("slide", strconv.Itoa(s.Slide))
	}
	if s.Embed != "" {
		q.Set("embed", s.Embed)
		if s.Bare {
			q.Set("controls", "0")
		}
	}
	if s.Query != "" {
		q.Set("q", s.Query)
	}
	if s.KeyTheme != "" {
		q.Set("kt", s.KeyTheme)
	}
	if len(q) == 0 {
		return ""
	}
	q.Set("v", strconv.Itoa(Version))
	return q.Encode()
}

// last returns the last value of a parameter: of duplicates, the later one wins.
func last(q url.Values, key string) string {
	vs := q[key]
	if len(vs) == 0 {
		return ""
	}
	return vs[len(vs)-1]
}

func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8Start(s[n]) {
		n--
	}
	return s[:n]
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

// isToken accepts short lowercase identifiers such as theme ids.
func isToken(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	for _, c := range s {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}
