// Package page is the explorer's view model: everything the page shows, derived in one
// function (Build) from the state, the briefing, the reader's data and the screen. The
// components in web/ui lay it out and dispatch actions; they derive nothing themselves.
//
// Build derives everything again on every render. Only charts are cached (view.Cache, by
// their content); the markup kept out of Vugu's tree is made only when it is written
// (Block), and whether it is written is decided by its content key.
package page

import (
	"briefing/data"
	"briefing/web/state"
	"briefing/web/view"
)

// Input is what the page is derived from.
type Input struct {
	Briefing *data.Briefing
	State    state.State    // as the URL has it
	Theme    state.Theme    // the theme drawn: State.Theme, or the system's when the URL names none
	All      []data.Dataset // the briefing's datasets and the reader's own
	Shown    []data.Dataset // the datasets the page shows (an embed: one, or none)
	Charts   *view.Cache
	Layouts  view.Layouts
	// SlideAreas are the room each slide has for its chart (by slide index).
	SlideAreas []view.SlideArea
}

// Model is what the page shows.
type Model struct {
	Words      view.Words
	Link       view.LinkProblem // what the URL asks for that the page does not have
	Cards      []Card           // the explorer's cards (none while presenting)
	KeyFigures view.KeyFigureList
	KeyRows    Block   // the key-figures table's rows
	Slides     []Slide // the presentation (none unless presenting)
}

// Card is a dataset's card with the markup of its chart boxes and table rows.
type Card struct {
	view.Card
	Charts []Block // one per chart of Card.Charts
	Rows   Block   // the table's rows, when the card shows its table
}

// Slide is a slide with its chart's markup.
type Slide struct {
	view.Slide
	Block Block // the chart, on a dataset's slide
}

// Build derives the page.
func Build(in Input) Model {
	m := Model{
		Words: view.For(in.State.Lang),
		Link:  view.CheckLink(in.All, view.SlideCount(in.Briefing, in.Shown), in.State),
	}
	s := in.State
	s.Theme = in.Theme
	if s.Slide > 0 {
		for _, sl := range view.Slides(in.Briefing, in.Shown, s, in.Charts, in.SlideAreas) {
			m.Slides = append(m.Slides, Slide{Slide: sl, Block: slideBlock(sl.Chart)})
		}
		return m
	}
	for _, c := range view.Cards(in.Briefing, in.Shown, s, in.Charts, in.Layouts) {
		card := Card{Card: c, Charts: make([]Block, len(c.Charts))}
		for i, ch := range c.Charts {
			if ch.Key != "" {
				card.Charts[i] = chartBlock(ch, c.Tips, view.NoticesFor(s.Lang).CardFailed)
			}
		}
		if c.View.Table || !c.Charted { // shown as a table (ui.DatasetCard.showChart)
			card.Rows = tableRows(c.Table)
		}
		m.Cards = append(m.Cards, card)
	}
	m.KeyFigures = view.KeyFigures(in.Briefing, s.Query, s.KeyTheme, s.Lang)
	m.KeyRows = keyFigureRows(m.KeyFigures.Rows)
	return m
}
