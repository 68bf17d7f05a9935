//go:build js && wasm

package main

import (
	"syscall/js"
	"time"

	"briefing/web/idle"
	"briefing/web/ui"
	"briefing/web/view"
)

// mark records a User Timing mark ("explorer " + step) at a step of the start-up, so that the
// browser's performance tools and the benchmark (web/bench) can tell which step a long task
// ran in.
func mark(step string) {
	perf().Call("mark", "explorer "+step)
}

func perf() js.Value { return js.Global().Get("performance") }

// now is the page's clock (performance.now), the one User Timing measures use.
func now() js.Value { return perf().Call("now") }

// measure records a User Timing measure from start to end, replacing the earlier ones of the
// same name: the render's steps (wasm/main.go), where only the latest render counts.
func measure(name string, start, end js.Value) {
	perf().Call("clearMeasures", name)
	measureAll(name, start, end)
}

// measureAll records a User Timing measure, keeping the earlier ones of the same name: the
// warm-up's charts and collections (wasm/warm.go), which the benchmark sums over a change.
func measureAll(name string, start, end js.Value) {
	perf().Call("measure", name, map[string]any{"start": start, "end": end})
}

// sliceBudget is how long the start-up runs before it gives the browser its thread back (see
// idle.Slice): a task over 50 ms is a long task, and on a phone (CPU ×4) work is four times
// longer than here.
const sliceBudget = 10 * time.Millisecond

// startSlice is the start-up's clock for yielding; Begin is called at each yield.
var startSlice = idle.Slice{Budget: sliceBudget, Now: time.Now}

// pause is called between the start-up's steps: when the steps since the last yield have used
// the budget, it yields to the browser (which can paint, and take input, which early.js keeps
// until the take-over) and returns when the start-up's turn comes again.
func pause() {
	if startSlice.Due() {
		yieldToBrowser()
		startSlice.Begin()
	}
}

// yieldToBrowser ends the current browser task and returns in a new one, queued behind
// whatever the browser has to do (paint, input). It waits for a JS timer's callback: nothing
// is left for the Go scheduler to run meanwhile, so it must hand the thread back. A sleep did
// not always: the scheduler gives the thread back only when it finds no goroutine to run and
// the sleep's timer not yet due, and the take-over's first pause often ran on
// (TestTakeOverGivesTheThreadBack).
func yieldToBrowser() {
	done := make(chan struct{})
	var wake js.Func
	wake = js.FuncOf(func(js.Value, []js.Value) any {
		wake.Release()
		close(done)
		return nil
	})
	js.Global().Call("setTimeout", wake, 0)
	<-done
}

// drawAhead builds the first view's cards one at a time, pausing between cards, so that the
// first build (one call into Vugu that cannot pause) finds their charts in the chart cache.
// The charts the prerendered page shows are not drawn at all (view.Cache.Shown), so this
// draws only what the page does not show: a link's view other than the prerendered one, a
// dark theme. A card that fails here is left to the build, which shows the failure in that
// card as usual.
func drawAhead(root *ui.Root) {
	s := root.Effective()
	if s.Slide > 0 { // a presentation opened from a link draws slides, not cards
		return
	}
	for _, ds := range root.Datasets() {
		func() {
			defer func() { _ = recover() }()
			_, _ = view.NewCard(root.Briefing, ds, s, root.Charts, root.Layouts())
		}()
		pause()
	}
}
