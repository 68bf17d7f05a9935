//go:build js && wasm && faultinject

package main

import (
	"syscall/js"

	"github.com/vugu/vugu"

	"briefing/web/state"
	"briefing/web/ui"
)

// injectFaults makes the test build (-tags faultinject) fail on purpose, so the browser
// tests can prove that any panic shows the error banner instead of a blank or frozen page.
// The URL's "fault" parameter picks where:
//
//	dispatch  a panic while handling a control (recovered by ui.Root.Dispatch)
//	key       a panic in a JS event callback when "!" is pressed (kills the Go program)
//	render    a panic on a goroutine after the first render (kills the Go program)
func injectFaults(ee vugu.EventEnv, root *ui.Root) {
	switch js.Global().Get("URLSearchParams").New(js.Global().Get("location").Get("search")).Call("get", "fault").String() {
	case "dispatch":
		root.Effects.StateChanged = func(state.State, bool) { panic("deliberate fault: dispatch") }
	case "key":
		js.Global().Call("addEventListener", "keydown", js.FuncOf(func(_ js.Value, args []js.Value) any {
			if args[0].Get("key").String() == "!" {
				panic("deliberate fault: key handler")
			}
			return nil
		}))
	case "render":
		go func() {
			ee.Lock()
			defer ee.UnlockRender()
			panic("deliberate fault: render")
		}()
	}
}
