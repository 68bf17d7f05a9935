// Package view turns a dataset and the view state into what a reader sees: headline,
// chart specification, tooltips and source lines, in the reader's language.
package view

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"briefing/data"
	"briefing/web/chart"
	"briefing/web/locale"
	"briefing/web/state"
)

// Chart sizes: one layout for phones (rendered 1:1 at 375 px) and one for everything wider,
// so text stays readable instead of being scaled down with the picture.
const (
	WideWidth   = 960
	NarrowWidth = 360
)

// Quote is one verbatim source sentence with where it is printed.
type Quote struct {
	Text string
	Page int
}

// Tip is the tooltip text of one bar.
type Tip struct {
	Label string // short label, e.g. "2017"
	Text  string // full sentence
}

// Card is one dataset as displayed.
type Card struct {
	ID         string
	Title      string
	Headline   string
	Summary    string // the chart's one-sentence text alternative
	HasTargets bool   // the dataset has targets, so a "targets" control is offered
	Wide       chart.Result
	Narrow     chart.Result
	Tips       []Tip
	SourceLine string
	Quotes     []Quote
	QuoteNote  string
}

// Cards builds every dataset's card for the state, rendering charts through the cache.
func Cards(b *data.Briefing, s state.State, c *Cache) ([]Card, error) {
	cards := make([]Card, 0, len(b.Datasets))
	for _, ds := range b.Datasets {
		card, err := NewCard(b, ds, s, c)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", ds.ID, err)
		}
		cards = append(cards, card)
	}
	return cards, nil
}

// NewCard builds one dataset's card.
func NewCard(b *data.Briefing, ds data.Dataset, s state.State, c *Cache) (Card, error) {
	l := s.Lang
	card := Card{
		ID:         ds.ID,
		Title:      title(ds, l),
		Headline:   Headline(ds, l),
		Summary:    Summary(ds, l),
		HasTargets: ds.Kind == data.Targets,
		SourceLine: SourceLine(b, ds, l),
		Quotes:     quotes(b, ds),
		QuoteNote:  wordsFor(l).QuoteNote,
	}
	for _, r := range ds.Rows {
		card.Tips = append(card.Tips, Tip{Label: rowLabel(ds, r, l), Text: tip(ds, r, l)})
	}
	var err error
	if card.Wide, err = c.Render(Spec(ds, s, WideWidth)); err != nil {
		return card, err
	}
	card.Narrow, err = c.Render(Spec(ds, s, NarrowWidth))
	return card, err
}

// Spec is the chart specification of a dataset at a width.
func Spec(ds data.Dataset, s state.State, width int) chart.Spec {
	l := s.Lang
	w := wordsFor(l)
	theme, _ := chart.ThemeByName(s.Theme)
	sp := chart.Spec{
		ID:          ds.ID + "-" + strconv.Itoa(width),
		Title:       title(ds, l),
		Desc:        Summary(ds, l),
		ShowValues:  true,
		MissingText: w.NoFigure,
		Width:       width,
		Theme:       theme,
	}
	if ds.Kind == data.Targets {
		sp.Shape, sp.Percent, sp.ShowTargets = chart.Rows, true, s.ShowTargets
		sp.Tick = func(v float64) string { return l.Percent(strconv.FormatFloat(v, 'f', -1, 64)) }
		if s.ShowTargets {
			sp.Legend = append(sp.Legend, w.Target)
		}
	} else {
		sp.Shape = chart.Columns
		sp.Height = 400
		if width < WideWidth {
			sp.Height = 320
		}
		sp.Tick = func(v float64) string { return l.Number(v, 0) }
	}
	for _, r := range ds.Rows {
		sp.Bars = append(sp.Bars, bar(ds, r, l))
		if r.Partial {
			sp.Legend = append(sp.Legend, fmt.Sprintf(w.Partial, rowLabel(ds, r, l), l.DayMonth(r.AsOf)))
		}
	}
	return sp
}

func bar(ds data.Dataset, r data.Row, l locale.Lang) chart.Bar {
	b := chart.Bar{
		Label:     rowLabel(ds, r, l),
		Value:     r.Value,
		HasValue:  r.HasValue,
		ValueText: valueText(ds, r, l),
		Target:    r.Target,
		HasTarget: r.HasTarget,
		Partial:   r.Partial,
		Tip:       tip(ds, r, l),
	}
	if r.HasTarget {
		b.TargetText = l.Percent(r.TargetText)
	}
	return b
}

func title(ds data.Dataset, l locale.Lang) string {
	if l == locale.FR && ds.TitleFR != "" {
		return ds.TitleFR
	}
	return ds.Title
}

func unit(ds data.Dataset, l locale.Lang) string {
	if l == locale.FR && ds.UnitFR != "" {
		return ds.UnitFR
	}
	return ds.Unit
}

func rowLabel(ds data.Dataset, r data.Row, l locale.Lang) string {
	if ds.Kind == data.Series {
		return l.Period(r.Key)
	}
	if l == locale.FR && r.LabelFR != "" {
		return r.LabelFR
	}
	return r.Key
}

func valueText(ds data.Dataset, r data.Row, l locale.Lang) string {
	if !r.HasValue {
		return ""
	}
	if ds.Kind == data.Targets {
		return l.Percent(r.ValueText)
	}
	return l.Decimal(r.ValueText)
}

func note(r data.Row, l locale.Lang) string {
	if l == locale.FR && r.NoteFR != "" {
		return r.NoteFR
	}
	return r.Note
}

// quotes lists the distinct source sentences of a dataset in page order.
func quotes(b *data.Briefing, ds data.Dataset) []Quote {
	seen := map[string]bool{}
	var qs []Quote
	for _, r := range ds.Rows {
		src := b.Sources[r.SourceID]
		if src.Quote == "" || seen[src.ID] {
			continue
		}
		seen[src.ID] = true
		qs = append(qs, Quote{Text: src.Quote, Page: src.Page})
	}
	sort.SliceStable(qs, func(i, j int) bool { return qs[i].Page < qs[j].Page })
	return qs
}

// SourceLine names document, annex, pages, speaker and date of a dataset's figures.
func SourceLine(b *data.Briefing, ds data.Dataset, l locale.Lang) string {
	w := wordsFor(l)
	var first data.Source
	pages := map[int]bool{}
	for _, r := range ds.Rows {
		src := b.Sources[r.SourceID]
		if first.ID == "" {
			first = src
		}
		pages[src.Page] = true
	}
	var ps []string
	for p := range pages {
		ps = append(ps, strconv.Itoa(p))
	}
	sort.Strings(ps)
	pageWord := w.Page
	if len(ps) > 1 {
		pageWord = w.Pages
	}
	return fmt.Sprintf("%s: %s, %s, %s %s — %s, %s %s", w.Source, first.Document, first.Annex,
		pageWord, strings.Join(ps, ", "), first.Speaker, w.Briefing, l.Date(first.Date))
}
