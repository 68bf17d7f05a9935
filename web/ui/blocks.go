package ui

import (
	js "github.com/vugu/vugu/js"

	"briefing/web/page"
)

// Blocks puts blocks into their elements in the browser (wasm/blocks.go). Vugu calls Show
// (vg-js-populate) after every render of a block's element, its attributes set; Show must
// not write when the element already shows b.Key, and must not move the focus (an event
// fired during a render stops the app).
type Blocks interface {
	Show(el js.Value, b page.Block)
}

// show hands a block's element to bs after a render (the templates' vg-js-populate).
func show(bs Blocks, el js.Value, b page.Block) {
	if bs != nil && b.Key != "" {
		bs.Show(el, b)
	}
}
