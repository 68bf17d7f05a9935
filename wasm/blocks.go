//go:build js && wasm

package main

import (
	"syscall/js"

	"briefing/web/ui"
)

// syncBlocks fills each block element (data-block, see ui.Block) after a render, only where
// the element shows a different block than before: Vugu would otherwise send every chart's
// tens of KB of SVG and every key-figure row through its instruction buffer on every event,
// though at most one changed. It leaves an element's children alone when its template has none.
func syncBlocks(root *ui.Root) {
	els := js.Global().Get("document").Call("querySelectorAll", "[data-block]")
	for i := 0; i < els.Length(); i++ {
		el := els.Index(i)
		key := el.Call("getAttribute", "data-block").String()
		if el.Get("__block").String() == key {
			continue
		}
		if html, ok := root.Block(key); ok {
			el.Set("innerHTML", html)
			el.Set("__block", key)
		}
	}
}
