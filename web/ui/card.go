package ui

import (
	"github.com/vugu/vugu"

	"briefing/data"
	"briefing/web/state"
	"briefing/web/view"
)

// DatasetCard shows one dataset: title, headline, controls, chart or table, and sources.
type DatasetCard struct {
	Card view.Card
	Bare bool // embedded without controls
	// Layout is "wide" or "narrow" in the browser, which knows the screen: only that chart is
	// in the page. The prerendered page has both ("") and lets CSS choose, without script.
	Layout string
	// Wide and Narrow are the chart boxes' content (chartBlock) for Card.Wide and Card.Narrow.
	Wide, Narrow Block
	Rows         Block // the table's rows, when the table is shown
	// SourcesOpen shows the source sentences. They are only in the page while open (the
	// prerendered page always has them, for readers without script): every element in the
	// page is rebuilt on every change, so what is not seen is not built.
	SourcesOpen   bool
	ToggleSources func(dataset string, open bool)
	EmbedOpen     bool       // the embed code panel is open
	Embed         view.Embed // its code
	ToggleEmbed   func(dataset string)
	Copy          func(text string)
	Embedded      bool   // the card is shown alone in an embed
	FullURL       string // the full explorer at this dataset, linked under an embedded chart
	Dispatch      func(state.Action)
	Download      func(dataset, format string)
	Remove        func(dataset string)
	// Problem is what went wrong with the reader's last action on this card (a download);
	// a card that could not be built says so in Card.Problem.
	Problem string
}

func (c *DatasetCard) showChart() bool { return c.Card.Charted && !c.Card.View.Table }

// live: the browser knows its layout; the prerender (Layout "") writes charts inline.
func (c *DatasetCard) live() bool { return c.Layout != "" }

// boxLayout is the chart box's class: with one layout in the page, it shows at every width.
func (c *DatasetCard) boxLayout(l string) string {
	if c.Layout == "" {
		return l
	}
	return l + " only"
}

// SetTable switches between chart and table.
func (c *DatasetCard) SetTable(on bool) {
	c.Dispatch(state.SetTable{Dataset: c.Card.ID, On: on})
}

// SetVariant handles the chart type menu.
func (c *DatasetCard) SetVariant(e vugu.DOMEvent) {
	c.Dispatch(state.SetVariant{Dataset: c.Card.ID, Variant: state.Variant(e.PropString("target", "value"))})
}

// SetValues handles the value labels checkbox.
func (c *DatasetCard) SetValues(e vugu.DOMEvent) {
	c.Dispatch(state.SetValues{Dataset: c.Card.ID, On: e.PropBool("target", "checked")})
}

// SetTargets handles the targets checkbox.
func (c *DatasetCard) SetTargets(e vugu.DOMEvent) {
	c.Dispatch(state.SetTargets{Dataset: c.Card.ID, On: e.PropBool("target", "checked")})
}

// Sort sorts the table by a column.
func (c *DatasetCard) Sort(col string) {
	c.Dispatch(state.SortBy{Dataset: c.Card.ID, Column: col})
}

type option struct {
	Value, Label string
	Selected     bool
}

// variants are the chart types offered for the dataset's kind.
func (c *DatasetCard) variants() []option {
	w := c.Card.Words
	opts := []option{{string(state.Bars), w.Bars, false}, {string(state.Line), w.Line, false}}
	if c.Card.Kind == data.Targets {
		opts = []option{{string(state.Bars), w.Share, false}, {string(state.Gap), w.Gap, false}}
	}
	for i := range opts {
		opts[i].Selected = opts[i].Value == string(c.Card.View.Variant)
	}
	return opts
}

// ChartBox is a chart with a layer of focusable elements over its bars (chartBlock).
type ChartBox struct {
	Block  Block
	Layout string // "wide" or "narrow": CSS shows one of the two by viewport width
	// Live is true in the browser: the content is not part of Vugu's tree but set by the
	// browser build only when Block.Key changes. The prerendered page has it inline.
	Live bool
}

func (c *DatasetCard) toggleSources(e vugu.DOMEvent) {
	if open := e.PropBool("target", "open"); open != c.SourcesOpen && c.ToggleSources != nil {
		c.ToggleSources(c.Card.ID, open)
	}
}
