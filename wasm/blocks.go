//go:build js && wasm

package main

import (
	"slices"
	"syscall/js"

	vjs "github.com/vugu/vugu/js"

	"briefing/web/page"
	"briefing/web/view"
)

// blocks puts a block's HTML into its element (ui.Blocks in web/ui). Vugu calls Show through the
// element's vg-js-populate hook after every render of the element; Show writes only when the
// element shows a different block than before: Vugu would otherwise send every chart's tens
// of KB of SVG and every key-figure row through its instruction buffer on every event, though
// at most one changed. Vugu leaves the children of an element alone when its template has
// none.
//
// The nodes of a block are kept when their element changes to another block, or when Vugu
// removes the element (a chart replaced by a table), so that going back (Bars, Line, Bars…;
// Table, Chart) puts the same nodes back instead of parsing the HTML again, which was the
// larger part of the browser's work on such a click.
type blocks struct {
	// holders are, by block key, the node whose children are that block's nodes: the element
	// showing it, a removed element that showed it, or a fragment they were moved to.
	holders map[string]js.Value
	order   []string // keys in holders, least recently shown first
	// prerendered are, by block key, the elements of the prerendered page whose content is
	// that block (its first node is the block's marker), indexed before the first patch
	// (indexPrerendered). Vugu's patch keeps only the first of a chart's prerendered layouts
	// and removes the others (shownFirst makes the one the CSS shows the first); Show moves
	// the nodes of a layout from its removed element instead of parsing its HTML again, when
	// the live layout is another one. Let go by ready.
	prerendered map[string]js.Value
}

// maxKept bounds the nodes kept: a chart's SVG is a few hundred nodes.
const maxKept = 32

func newBlocks() *blocks { return &blocks{holders: map[string]js.Value{}} }

// Show makes el show b (ui.Blocks in web/ui).
func (bs *blocks) Show(v vjs.Value, b page.Block) {
	el := js.Value(v)
	shown := el.Get("__block")
	switch {
	case shown.Type() == js.TypeString && shown.String() == b.Key:
		return
	case shown.Type() == js.TypeString: // it showed another block: keep that one's nodes
		frag := js.Global().Get("document").Call("createDocumentFragment")
		move(frag, el)
		bs.hold(shown.String(), frag)
	case adopted(el, b.Key): // the prerendered page has it already
		el.Set("__block", b.Key)
		bs.hold(b.Key, el)
		return
	}
	// A prerendered element not shown by Show (no __block) is the patch's to remove, whether
	// or not it has been yet; one Show took nodes from is left empty, and shown again if
	// Vugu keeps it after all.
	if h, ok := bs.prerendered[b.Key]; ok && !h.Equal(el) && h.Get("__block").IsUndefined() && adopted(h, b.Key) {
		delete(bs.prerendered, b.Key)
		move(el, h)
		el.Set("__block", b.Key)
		bs.hold(b.Key, el)
		return
	}
	if h, ok := bs.holders[b.Key]; ok && !h.Get("isConnected").Bool() && h.Get("firstChild").Truthy() {
		move(el, h)
	} else {
		el.Set("innerHTML", b.HTML())
	}
	el.Set("__block", b.Key)
	bs.hold(b.Key, el)
}

// indexPrerendered finds the prerendered blocks in the page: each marker comment
// (page.Marker) that is its element's first node. The browser walks the comments, which costs
// a few ms, once, before the first patch. It is let go once the take-over is done (ready).
func (bs *blocks) indexPrerendered(root js.Value) {
	bs.prerendered = map[string]js.Value{}
	const showComment = 0x80 // NodeFilter.SHOW_COMMENT
	w := js.Global().Get("document").Call("createTreeWalker", root, showComment)
	for c := w.Call("nextNode"); c.Truthy(); c = w.Call("nextNode") {
		if p := c.Get("parentNode"); p.Get("firstChild").Equal(c) {
			bs.prerendered[c.Get("data").String()] = p
		}
	}
}

// prerenderedChart says whether the prerendered page has a chart's block (view.Cache.Shown):
// the build then names the chart without drawing it, and Show adopts the prerendered one. It
// holds the keys, not the elements, so it stays true once the index is let go: a chart the
// page showed is drawn only if its markup is needed again (view.Chart). Called after
// indexPrerendered.
func (bs *blocks) prerenderedChart() func(key string, tips []view.Tip) bool {
	keys := make(map[string]bool, len(bs.prerendered))
	for k := range bs.prerendered {
		keys[k] = true
	}
	return func(key string, tips []view.Tip) bool { return keys[page.ChartKey(key, tips)] }
}

// shownFirst removes, before the first patch, a chart's prerendered layouts that come before
// the one the page's CSS shows. Vugu's patch keeps the first element of a chart's layouts and
// removes the others, and Show then moved the shown layout's nodes into that first (240 px)
// element: the browser laid the chart out again after the take-over (in a trace, most of a
// 60–90 ms task at full speed, after the patch). Kept first, the shown layout stays where it
// is, nodes and boxes, and Show adopts it. The layouts removed are hidden (display: none), so
// nothing moves on screen; they stay indexed in prerendered, for Show. Called after
// indexPrerendered.
func shownFirst(root js.Value) {
	layouts := root.Call("querySelectorAll", ".chart[data-width]")
	for i := 0; i < layouts.Length(); i++ {
		el := layouts.Index(i)
		if el.Call("getClientRects").Length() == 0 {
			continue // hidden, or in no box at all
		}
		for p := el.Get("previousElementSibling"); p.Truthy() && p.Call("matches", ".chart[data-width]").Bool(); p = el.Get("previousElementSibling") {
			p.Call("remove")
		}
	}
}

// move makes the children of from the children of to.
func move(to, from js.Value) {
	to.Get("replaceChildren").Call("apply", to, js.Global().Get("Array").Call("from", from.Get("childNodes")))
}

// adopted reports whether el, which Show has not seen, came with the prerendered page
// already showing key: its first node is the block's marker (page.Marker).
func adopted(el js.Value, key string) bool {
	first := el.Get("firstChild")
	return first.Truthy() && first.Get("nodeType").Int() == 8 && first.Get("data").String() == key
}

// hold remembers the node holding a block's nodes, the most recent first to stay.
func (bs *blocks) hold(key string, holder js.Value) {
	bs.order = slices.DeleteFunc(bs.order, func(k string) bool { return k == key })
	bs.holders[key] = holder
	bs.order = append(bs.order, key)
	for len(bs.order) > maxKept {
		delete(bs.holders, bs.order[0])
		bs.order = bs.order[1:]
	}
}
