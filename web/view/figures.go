package view

import (
	"strings"

	"briefing/data"
	"briefing/web/locale"
)

// FigureSource is one figure with the sentence it comes from, split so the words that state
// the figure can be highlighted.
type FigureSource struct {
	Label   string // "2017" or the category
	Value   string // "59", "22.6%", or "no figure given"
	Before  string
	Mark    string // the words of the sentence that carry the figure
	After   string
	Speaker string
	Cite    string // "S/2020/911, Annex I, p. 5, 14 September 2020"
}

// Figures lists every figure of a dataset with its highlighted source sentence.
func Figures(b *data.Briefing, ds data.Dataset, l locale.Lang) []FigureSource {
	w := For(l)
	var out []FigureSource
	for _, r := range ds.Rows {
		src, ok := b.Sources[r.SourceID]
		if !ok {
			continue
		}
		f := FigureSource{Label: rowLabel(ds, r, l), Value: valueText(ds, r, l), Speaker: speaker(src, l)}
		if !r.HasValue {
			f.Value = w.NoFigure
		}
		f.Before, f.Mark, f.After = highlight(src.Quote, r.AsWritten)
		pw := w.Page
		if strings.Contains(pageText(src), "–") {
			pw = w.Pages
		}
		f.Cite = src.Document + ", " + annex(src, l) + ", " + pw + " " + pageText(src) + ", " + l.Date(src.Date)
		out = append(out, f)
	}
	return out
}

// highlight splits a sentence around the first occurrence of its figure's words; if they are
// not found (they always are: the data tests prove it) nothing is highlighted.
func highlight(quote, words string) (before, mark, after string) {
	i := strings.Index(quote, words)
	if words == "" || i < 0 {
		return quote, "", ""
	}
	return quote[:i], words, quote[i+len(words):]
}

// speaker is a source's speaker with their title, in French for the French interface.
func speaker(s data.Source, l locale.Lang) string {
	if l == locale.FR && s.SpeakerFR != "" {
		return s.SpeakerFR
	}
	return s.Speaker
}

// annex names a source's annex as the document's French version does: "annexe IX".
func annex(s data.Source, l locale.Lang) string {
	if rest, ok := strings.CutPrefix(s.Annex, "Annex "); ok && l == locale.FR {
		return "annexe " + rest
	}
	return s.Annex
}
