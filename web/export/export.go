// Package export makes the files a reader downloads from the page: a dataset as CSV or JSON,
// and their file names (a chart's image is chart.RenderImage's). It returns bytes and
// strings only; the UI turns them into Blob URLs, so nothing here touches the DOM.
//
// The package is compiled into the WebAssembly page, so it avoids heavy standard packages
// (encoding/json, encoding/xml, regexp, net/*, reflection): the JSON it writes is
// produced by hand and checked with the standard decoders in the tests.
package export

import (
	"strconv"

	"briefing/data"
)

// numberText is the text of a value or target as the data gives it ("22.6"), so a download
// never changes the source's precision. A figure that is not given is "" (never "0"). A value
// set without its text (not the case for parsed data) is formatted as the shortest exact decimal.
func numberText(has bool, text string, v float64) string {
	switch {
	case !has:
		return ""
	case text != "":
		return text
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// isPlainNumber reports whether s is an optional minus, digits and an optional dot with
// digits: "8", "22.6", "-5", "-0.5". Such a cell is a number to a spreadsheet, not a formula.
func isPlainNumber(s string) bool {
	if len(s) > 0 && s[0] == '-' {
		s = s[1:]
	}
	whole, frac, dot := cut(s, '.')
	return digits(whole) && (!dot || digits(frac))
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func cut(s string, c byte) (before, after string, found bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// referenced returns the sources the rows cite, in the order first cited; unknown ids are skipped.
func referenced(ds data.Dataset, sources map[string]data.Source) []data.Source {
	var out []data.Source
	seen := map[string]bool{}
	for _, r := range ds.Rows {
		s, ok := sources[r.SourceID]
		if r.SourceID == "" || seen[r.SourceID] || !ok {
			continue
		}
		seen[r.SourceID] = true
		if s.ID == "" {
			s.ID = r.SourceID
		}
		out = append(out, s)
	}
	return out
}
