package view

import (
	"fmt"
	"strings"

	"briefing/data"
	"briefing/web/locale"
)

// KeyFigureRow is one key figure as listed.
type KeyFigureRow struct {
	ID      string
	Figure  string // "more than 80,000"
	Unit    string
	Theme   string
	Speaker string
	Before  string
	Mark    string
	After   string
	Cite    string
	Note    string
}

// KeyFigureList is the filtered key figures with the filter's options.
type KeyFigureList struct {
	Rows    []KeyFigureRow
	Total   int
	Status  string       // "3 of 21 figures" or "No figure matches …"
	Themes  []data.Theme // the themes that have figures, for the filter
	ThemeOf func(data.Theme) string
}

// KeyFigures filters the briefing's other figures by a search text and a theme id.
func KeyFigures(b *data.Briefing, query, theme string, l locale.Lang) KeyFigureList {
	w := For(l)
	list := KeyFigureList{Total: len(b.KeyFigures)}
	seen := map[string]bool{}
	for _, k := range b.KeyFigures {
		if !seen[k.Theme.ID] {
			seen[k.Theme.ID] = true
			list.Themes = append(list.Themes, k.Theme)
		}
		if (theme != "" && k.Theme.ID != theme) || !k.Matches(query) {
			continue
		}
		list.Rows = append(list.Rows, keyFigureRow(k, l))
	}
	list.Status = w.MatchStatus(l, len(list.Rows), list.Total)
	if len(list.Rows) == 0 && query != "" {
		list.Status = fmt.Sprintf(w.NoMatch, query)
	}
	return list
}

func keyFigureRow(k data.KeyFigure, l locale.Lang) KeyFigureRow {
	w := For(l)
	en, fr := k.Qualifier.Words()
	q, u, th, n := en, k.Unit, k.Theme.EN, k.Note
	if l == locale.FR {
		q, u, th, n = fr, k.UnitFR, k.Theme.FR, k.NoteFR
	}
	// The figure in the speaker's own terms where digits would paraphrase them ("nearly $1.5
	// billion"); the exact value stays in the data (key-figures.csv, figure).
	fig := l.Decimal(k.FigureText)
	if q != "" {
		fig = q + " " + fig
	}
	if l == locale.FR && k.FigureWordsFR != "" {
		fig = k.FigureWordsFR
	} else if l != locale.FR && k.FigureWords != "" {
		fig = k.FigureWords
	}
	r := KeyFigureRow{ID: k.ID, Figure: fig, Unit: u, Theme: th, Speaker: speaker(k.Source, l), Note: n}
	r.Before, r.Mark, r.After = highlight(k.Source.Quote, k.AsWritten)
	pw := w.Page
	if strings.Contains(pageText(k.Source), "–") {
		pw = w.Pages
	}
	r.Cite = k.Source.Document + ", " + annex(k.Source, l) + ", " + pw + " " + pageText(k.Source)
	return r
}
