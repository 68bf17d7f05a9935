//go:build js && wasm

package main

import (
	"slices"
	"syscall/js"
	"time"

	"github.com/vugu/vugu"

	"briefing/web/idle"
	"briefing/web/state"
	"briefing/web/ui"
	"briefing/web/view"
)

// systemTheme is "dark" when the reader's system prefers a dark colour scheme.
func systemTheme() state.Theme {
	mq := js.Global().Call("matchMedia", "(prefers-color-scheme: dark)")
	if mq.Truthy() && mq.Get("matches").Bool() {
		return state.Dark
	}
	return ""
}

// followLayout lays the charts out for the width of their box (view.FitWidth) from the first
// render, and again when the box changes size: a window resized, a phone turned, an embed's
// iframe given another width. The prerendered page shows the same layout by CSS container
// queries, so the take-over shifts nothing. Resizing is debounced (resizeDelay); a layout
// drawn before comes from the chart cache, so resizing back and forth draws nothing again.
func followLayout(ee vugu.EventEnv, root *ui.Root) {
	root.Layout = view.Layouts(view.FitWidth(chartBoxWidth()))
	widths := make(chan float64, 1)
	observer := js.Global().Get("ResizeObserver").New(js.FuncOf(func(js.Value, []js.Value) any {
		select { // keep only the latest width: idle.Latest waits for the resizing to stop
		case <-widths:
		default:
		}
		widths <- chartBoxWidth()
		return nil
	}))
	// The body's box changes with the window, the iframe and a scroll bar coming or going;
	// it is never replaced by a render, unlike the cards.
	observer.Call("observe", js.Global().Get("document").Get("body"))
	go func() {
		checks := 0
		for w := range widths {
			w = idle.Latest(w, widths, resizeDelay, time.After)
			next := view.Layouts(view.FitWidth(w))
			ee.Lock()
			// A presentation measures its slides after the render (fitSlides).
			changed := next != root.Layout || root.State.Slide > 0
			root.Layout = next
			if changed {
				ee.UnlockRender()
			} else {
				ee.UnlockOnly()
			}
			// For tests: the layout has been checked against the box as the browser laid it
			// out (the first check follows the take-over), so a layout shift would have happened.
			checks++
			count("explorerLayoutChecks", checks)
		}
	}()
}

// resizeDelay is how long a chart box must keep its size before the charts are laid out for it.
const resizeDelay = 150 * time.Millisecond

// chartBoxWidth is the width in CSS px of a card's content box, which the chart box fills: the
// first card shown (an embed hides the others), less its padding and border. Without a card
// (an embed of no dataset) it is the window's width less the page's margins.
func chartBoxWidth() float64 {
	doc := js.Global().Get("document")
	cards := doc.Call("querySelectorAll", ".card-list > .card")
	for i := 0; i < cards.Length(); i++ {
		el := cards.Index(i)
		w := el.Call("getBoundingClientRect").Get("width").Float()
		if w <= 0 {
			continue
		}
		cs := js.Global().Call("getComputedStyle", el)
		for _, side := range []string{"paddingLeft", "paddingRight", "borderLeftWidth", "borderRightWidth"} {
			w -= js.Global().Call("parseFloat", cs.Get(side)).Float()
		}
		return w
	}
	return js.Global().Get("innerWidth").Float() - 40
}

// slideAreas measures the room every dataset slide has for its chart (hidden slides are laid
// out too, present.css), in slide units; nil outside a presentation.
func slideAreas(root *ui.Root) []view.SlideArea {
	if root.State.Slide <= 0 {
		return nil
	}
	g := js.Global()
	doc := g.Get("document")
	deck := doc.Call("querySelector", ".slides")
	if !deck.Truthy() {
		return nil
	}
	font := g.Call("parseFloat", g.Call("getComputedStyle", deck).Get("fontSize")).Float()
	boxes := deck.Call("querySelectorAll", ".slide")
	areas := make([]view.SlideArea, boxes.Length())
	for i := range areas {
		box := boxes.Index(i).Call("querySelector", ".slide-chart")
		if !box.Truthy() {
			continue
		}
		r := box.Call("getBoundingClientRect")
		areas[i] = view.SlideAreaOf(r.Get("width").Float(), r.Get("height").Float(), font)
	}
	return areas
}

// fitSlides lays the slides' charts out again when the room measured for them changed (the
// first render of a presentation, a resize, another language's longer headline). The room
// does not depend on the chart (present.css), so the second render settles it.
func fitSlides(ee vugu.EventEnv, root *ui.Root) {
	ee.Lock()
	areas := slideAreas(root)
	if slices.Equal(areas, root.SlideAreas) {
		ee.UnlockOnly()
		return
	}
	root.SlideAreas = areas
	ee.UnlockRender()
}

// count publishes a counter for tests (window[name]): they wait for it to pass a value
// instead of waiting a fixed time.
func count(name string, n int) { js.Global().Set(name, n) }
