package ui

import (
	"github.com/vugu/vugu"
	js "github.com/vugu/vugu/js"

	"briefing/data"
	"briefing/web/page"
	"briefing/web/state"
	"briefing/web/view"
)

// DatasetCard shows one dataset: title, headline, controls, chart or table, and sources.
type DatasetCard struct {
	Card view.Card
	Bare bool // embedded without controls
	// Live is true in the browser, which lays the chart out for its box: only that chart is
	// in the page. The prerendered page has every width (AllLayouts) and lets CSS
	// choose, without script.
	Live bool
	// Charts are the chart boxes' content (chartBlock), one per chart of Card.Charts.
	Charts []page.Block
	Rows   page.Block // the table's rows, when the table is shown
	Blocks Blocks     // shows Charts and Rows in the browser
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

	menuOpen  bool // the Download / share menu is open
	focusWant int  // what gets the focus after the next render: an item's index, menuButton, embedCode or noFocus
}

func (c *DatasetCard) showChart() bool { return c.Card.Charted && !c.Card.View.Table }

// live: the browser knows its layout; the prerender writes every layout inline.
func (c *DatasetCard) live() bool { return c.Live }

// chartWidth is the width the i-th chart box's chart was laid out at.
func (c *DatasetCard) chartWidth(i int) int {
	if i < len(c.Card.Charts) {
		return c.Card.Charts[i].Width
	}
	return 0
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
	Block page.Block
	Width int // the width the chart was laid out at: the prerendered page's CSS shows the one that fits
	// Live is true in the browser: the content is not part of Vugu's tree but set by the
	// browser build only when Block.Key changes. The prerendered page has it inline.
	Live   bool
	Blocks Blocks // shows Block in the browser
}

// class: the browser's page has one chart box, which shows at every width ("only").
func (c *ChartBox) class() string {
	if c.Live {
		return "chart only"
	}
	return "chart"
}

func (c *DatasetCard) toggleSources(e vugu.DOMEvent) {
	if open := e.PropBool("target", "open"); open != c.SourcesOpen && c.ToggleSources != nil {
		c.ToggleSources(c.Card.ID, open)
	}
}

// The "Download / share" menu follows the WAI-ARIA menu button pattern: the button opens a
// menu of items that arrow keys move between; Escape closes it and gives the focus back to the
// button, Tab closes it and moves on. Whether it is open is the card's own business, not part
// of the view a link shares, so it lives here and not in the state.

// What gets the focus after the next render (focusWant): item i of the menu is i+1.
const (
	noFocus    = 0
	menuButton = -1
	embedCode  = -2 // the embed panel's first code box, after Embed was chosen
)

// menuItem is one item of the menu: Action is what Choose does with it.
type menuItem struct {
	Class, Label, Action string
}

// menuItems are the downloads of the card's current view, then Embed (the briefing's cards).
func (c *DatasetCard) menuItems() []menuItem {
	items := []menuItem{{"dl-csv", "CSV", "csv"}, {"dl-json", "JSON", "json"}}
	if c.Card.Charted {
		items = append(items, menuItem{"dl-svg", "SVG", "svg"}, menuItem{"dl-png", "PNG", "png"})
	}
	if !c.Card.Upload {
		items = append(items, menuItem{"embed-toggle", c.Card.Words.Embed, "embed"})
	}
	return items
}

// ToggleMenu opens or closes the menu. Enter and Space on the button click it, so this is
// also the keyboard's way in: opened, the first item has the focus.
func (c *DatasetCard) ToggleMenu() {
	if c.menuOpen {
		c.menuOpen, c.focusWant = false, menuButton
		return
	}
	c.menuOpen, c.focusWant = true, 1
}

// ButtonKey opens the menu with ArrowDown (at its first item) or ArrowUp (at its last).
func (c *DatasetCard) ButtonKey(e vugu.DOMEvent) {
	switch e.PropString("key") {
	case "ArrowDown":
		c.menuOpen, c.focusWant = true, 1
	case "ArrowUp":
		c.menuOpen, c.focusWant = true, len(c.menuItems())
	case "Escape":
		if !c.menuOpen {
			return
		}
		c.menuOpen, c.focusWant = false, menuButton
	default:
		return
	}
	e.PreventDefault()
}

// ItemKey moves between the items of the menu (item i has the focus): arrows (wrapping),
// Home and End; Escape closes the menu and gives the focus back to the button; Tab closes it
// and lets the browser move on. Enter and Space click the item (Choose).
func (c *DatasetCard) ItemKey(e vugu.DOMEvent, i int) {
	n := len(c.menuItems())
	switch e.PropString("key") {
	case "ArrowDown":
		c.focusWant = (i+1)%n + 1
	case "ArrowUp":
		c.focusWant = (i+n-1)%n + 1
	case "Home", "PageUp":
		c.focusWant = 1
	case "End", "PageDown":
		c.focusWant = n
	case "Escape":
		c.menuOpen, c.focusWant = false, menuButton
	case "Tab":
		c.menuOpen, c.focusWant = false, noFocus
		return
	default:
		return
	}
	e.PreventDefault()
}

// MenuFocusOut closes the menu when the focus leaves it for another element of the page.
// (Vugu's DOMEvent.JSEvent calls through a window it does not set, so the event is asked of
// Vugu's script directly; a panic here would stop the app, so it is recovered.)
func (c *DatasetCard) MenuFocusOut(e vugu.DOMEvent) {
	defer func() { _ = recover() }()
	if !c.menuOpen {
		return
	}
	next := js.Global().Call("vuguGetActiveEvent").Get("relatedTarget")
	if !next.Truthy() {
		return // the focus left for no element (a click on the page): the menu stays
	}
	wrap := next.Call("closest", ".menu-wrap")
	if !wrap.Truthy() || wrap.Call("querySelector", ".share-toggle").Get("id").String() != c.Card.ID+"-share" {
		c.menuOpen, c.focusWant = false, noFocus
	}
}

// Choose does what a menu item says and closes the menu, giving the focus back to the button,
// or to the embed code when Embed opened it.
func (c *DatasetCard) Choose(action string) {
	focus := menuButton
	switch action {
	case "embed":
		if !c.EmbedOpen {
			focus = embedCode
		}
		c.ToggleEmbed(c.Card.ID)
	default:
		c.Download(c.Card.ID, action)
	}
	c.menuOpen, c.focusWant = false, focus
}

// focus gives the focus to el, once, when it is what the last key or click asked for. Vugu
// calls it after every render of the element (vg-js-populate), when it is in the page and shown
// — but not for an element whose content is vg-content (its innerHTML): their text is in a span.
func (c *DatasetCard) focus(el js.Value, which int) {
	if which == noFocus || c.focusWant != which {
		return
	}
	c.focusWant = noFocus
	// Later, not now: focusing fires focus events, and Vugu cannot handle an event in the
	// middle of a render (the app stopped). And only if the focus is still where it was now
	// (or fell to the page, as it does from an item hidden with its menu): a reader quicker
	// than the timer, who has already moved on (say, opened another card's menu), keeps the
	// focus; taken from that menu, it would close it.
	doc := js.Global().Get("document")
	was := doc.Get("activeElement")
	var later js.Func
	later = js.FuncOf(func(js.Value, []js.Value) any {
		later.Release()
		now := doc.Get("activeElement")
		if same := js.Global().Get("Object").Get("is"); now.IsNull() || same.Invoke(now, was).Bool() || same.Invoke(now, doc.Get("body")).Bool() {
			el.Call("focus")
		}
		return nil
	})
	js.Global().Call("setTimeout", later, 0)
}
