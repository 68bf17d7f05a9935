package state

import (
	"strings"

	"briefing/data"
)

// Columns a table can be sorted by, per kind of dataset.
var sortable = map[data.Kind][]string{
	data.Series:  {"period", "value"},
	data.Targets: {"category", "value", "target", "gap"},
}

// decodeView reads a dataset's view tokens; tokens that don't apply to its kind are ignored.
func decodeView(param string, kind data.Kind) (View, bool) {
	var v View
	if param == "" {
		return v, false
	}
	for _, tok := range strings.Split(param, ",") {
		switch {
		case tok == "table":
			v.Table = true
		case tok == "line" && kind == data.Series:
			v.Variant = Line
		case tok == "gap" && kind == data.Targets:
			v.Variant = Gap
		case tok == "novalues":
			v.NoValues = true
		case tok == "notargets" && kind == data.Targets:
			v.NoTargets = true
		case strings.HasPrefix(tok, "sort-"):
			col, desc := strings.CutSuffix(strings.TrimPrefix(tok, "sort-"), "-desc")
			if canSort(kind, col) {
				v.Sort, v.Desc = col, desc
			}
		}
	}
	return v, v != View{}
}

// encodeView writes a view's tokens in a fixed order, so equal views give equal links.
func encodeView(v View) string {
	var toks []string
	if v.Table {
		toks = append(toks, "table")
	}
	if v.Variant != Bars {
		toks = append(toks, string(v.Variant))
	}
	if v.NoValues {
		toks = append(toks, "novalues")
	}
	if v.NoTargets {
		toks = append(toks, "notargets")
	}
	if v.Sort != "" {
		t := "sort-" + v.Sort
		if v.Desc {
			t += "-desc"
		}
		toks = append(toks, t)
	}
	return strings.Join(toks, ",")
}

func canSort(kind data.Kind, col string) bool {
	for _, c := range sortable[kind] {
		if c == col {
			return true
		}
	}
	return false
}

// Sortable lists the columns a table of this kind can be sorted by.
func Sortable(kind data.Kind) []string { return sortable[kind] }
