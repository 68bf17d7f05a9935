//go:build js && wasm

package main

import (
	"syscall/js"

	"briefing/web/ui"
)

// blocks fills each block element (data-block, see ui.Block) after a render, only where the
// element shows a different block than before: Vugu would otherwise send every chart's tens
// of KB of SVG and every key-figure row through its instruction buffer on every event, though
// at most one changed. Vugu leaves an element's children alone when its template has none.
//
// The nodes a block element shows are kept when it changes to another block, or when Vugu
// removes the element (a chart replaced by a table), so that going back (Bars, Line, Bars…;
// Table, Chart) puts the same nodes back instead of parsing the HTML again, which was the
// larger part of the browser's work on such a click.
type blocks struct {
	kept  map[string]js.Value // block key -> its nodes (a JS array), detached
	order []string            // keys in kept, least recently used first
	shown map[string]js.Value // block key -> the element that showed it at the last sync
}

// maxKept bounds the nodes kept: a chart's SVG is a few hundred nodes.
const maxKept = 32

func newBlocks() *blocks { return &blocks{kept: map[string]js.Value{}, shown: map[string]js.Value{}} }

func (b *blocks) sync(root *ui.Root) {
	array := js.Global().Get("Array")
	for key, el := range b.shown {
		if !el.Get("isConnected").Bool() { // removed by Vugu; its nodes are still its children
			b.keep(key, array.Call("from", el.Get("childNodes")))
			delete(b.shown, key)
		}
	}
	els := js.Global().Get("document").Call("querySelectorAll", "[data-block]")
	for i := 0; i < els.Length(); i++ {
		el := els.Index(i)
		key := el.Call("getAttribute", "data-block").String()
		shown := el.Get("__block")
		if shown.Type() == js.TypeString && shown.String() == key {
			b.shown[key] = el
			continue
		}
		html, ok := root.Block(key)
		if !ok {
			continue
		}
		if shown.Type() == js.TypeString {
			b.keep(shown.String(), array.Call("from", el.Get("childNodes")))
			delete(b.shown, shown.String())
		}
		if nodes, ok := b.take(key); ok {
			el.Get("replaceChildren").Call("apply", el, nodes)
		} else {
			el.Set("innerHTML", html)
		}
		el.Set("__block", key)
		b.shown[key] = el
	}
}

// keep remembers the nodes of a block leaving its element.
func (b *blocks) keep(key string, nodes js.Value) {
	if nodes.Length() == 0 {
		return
	}
	if _, ok := b.kept[key]; !ok {
		b.order = append(b.order, key)
	}
	b.kept[key] = nodes
	for len(b.order) > maxKept {
		delete(b.kept, b.order[0])
		b.order = b.order[1:]
	}
}

// take returns the kept nodes of a block, if they are not shown elsewhere now.
func (b *blocks) take(key string) (js.Value, bool) {
	nodes, ok := b.kept[key]
	if !ok || nodes.Index(0).Get("isConnected").Bool() {
		return js.Value{}, false
	}
	delete(b.kept, key)
	for i, k := range b.order {
		if k == key {
			b.order = append(b.order[:i], b.order[i+1:]...)
			break
		}
	}
	return nodes, true
}
