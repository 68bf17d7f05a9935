//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/vugu/vugu"

	"briefing/web/state"
	"briefing/web/ui"
)

// practise changes the view and changes it back, once, when the page is first quiet. The
// first change a reader made after the load ran code that V8 had not compiled or optimised
// yet and took two frames where later ones take one. Nothing is seen: both renders run in
// the same task, before the browser paints again, and they set the state directly, so the
// URL, the history and the screen reader's announcements are left alone.
//
// It runs on the render loop's goroutine (Vugu's Render takes the event lock for reading, so
// it cannot run under the write lock an event handler holds). It uses a dataset whose card
// is neither under the pointer nor holding keyboard focus, as a chart's nodes are taken out
// and put back; draw renders the root and fills its blocks.
func practise(ee vugu.EventEnv, root *ui.Root, draw func() error) {
	if root.State.Slide > 0 {
		return
	}
	doc := js.Global().Get("document")
	focus := doc.Get("activeElement")
	for _, ds := range root.Datasets() {
		card := doc.Call("getElementById", ds.ID)
		if !card.Truthy() || card.Call("querySelector", "[data-block]").IsNull() ||
			(focus.Truthy() && card.Call("contains", focus).Bool()) || card.Call("matches", ":hover").Bool() {
			continue
		}
		saved := root.State
		v := saved.View(ds.ID)
		var err error
		// A chart swap (value labels), undone. Not a table: building one moves the card's
		// controls to other elements, under a pointer that may be about to click one.
		for _, s := range []state.State{state.Reduce(saved, state.SetValues{Dataset: ds.ID, On: v.NoValues}), saved} {
			ee.Lock()
			root.State = s
			ee.UnlockOnly()
			if e := draw(); err == nil {
				err = e
			}
		}
		if err != nil {
			js.Global().Get("console").Call("warn", "practice render: "+err.Error())
		}
		// And the way in: an event that changes nothing, a sources list's toggle event while
		// the list stays as it is (the handler compares; Vugu renders the same page again).
		if details := card.Call("querySelector", "details.sources"); details.Truthy() {
			details.Call("dispatchEvent", js.Global().Get("Event").New("toggle"))
		}
		return
	}
}
