package view

import (
	"strings"

	"briefing/data"
	"briefing/web/locale"
)

// FigureSource is one source sentence with the figures it states, split into segments so
// that the words carrying each figure can be highlighted. A sentence that states several
// figures (fatalities: four years) is listed once, with all of them marked.
type FigureSource struct {
	Items    []FigureItem
	Label    string    // the items as one line: "2017: 59 · 2018: 27 · 2019: 25 · 2020: 8"
	Segments []Segment // the sentence, in order; the marked ones carry figures
	Speaker  string
	Cite     string // "S/2020/911, Annex I, p. 5, 14 September 2020"
}

// FigureItem is one figure of a sentence.
type FigureItem struct {
	Label string // "2017" or the category
	Value string // "59", "22.6%", or "no figure given"
}

// Segment is a stretch of a source sentence; Mark says it states a figure.
type Segment struct {
	Text string
	Mark bool
}

// Figures lists the source sentences of a dataset's figures, each once, in the order of
// their first figure, with every figure's words highlighted.
func Figures(b *data.Briefing, ds data.Dataset, l locale.Lang) []FigureSource {
	w := For(l)
	var out []FigureSource
	words := map[string][]string{} // source id -> the words of its figures
	at := map[string]int{}         // source id -> index in out
	for _, r := range ds.Rows {
		src, ok := b.Sources[r.SourceID]
		if !ok {
			continue
		}
		item := FigureItem{Label: rowLabel(ds, r, l), Value: valueText(ds, r, l)}
		if !r.HasValue {
			item.Value = w.NoFigure
		}
		i, seen := at[src.ID]
		if !seen {
			pw := w.Page
			if strings.Contains(pageText(src), "–") {
				pw = w.Pages
			}
			i = len(out)
			at[src.ID] = i
			out = append(out, FigureSource{Speaker: speaker(src, l),
				Cite: src.Document + ", " + annex(src, l) + ", " + pw + " " + pageText(src) + ", " + l.Date(src.Date)})
		}
		out[i].Items = append(out[i].Items, item)
		words[src.ID] = append(words[src.ID], r.AsWritten)
	}
	for id, i := range at {
		f := &out[i]
		f.Segments = highlightAll(b.Sources[id].Quote, words[id])
		labels := make([]string, len(f.Items))
		for j, it := range f.Items {
			labels[j] = it.Label + l.Colon() + it.Value
		}
		f.Label = strings.Join(labels, " · ")
	}
	return out
}

// highlightAll splits a sentence into segments, marking the first occurrence of each of the
// words given; overlapping or touching marks merge into one. Words not found (they always
// are: the data tests prove it) mark nothing.
func highlightAll(quote string, words []string) []Segment {
	marked := make([]bool, len(quote))
	for _, w := range words {
		if i := strings.Index(quote, w); w != "" && i >= 0 {
			for j := i; j < i+len(w); j++ {
				marked[j] = true
			}
		}
	}
	var segs []Segment
	start := 0
	for i := 1; i <= len(quote); i++ {
		if i == len(quote) || marked[i] != marked[start] {
			segs = append(segs, Segment{Text: quote[start:i], Mark: marked[start]})
			start = i
		}
	}
	return segs
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
