//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/vugu/vugu"

	"briefing/web/state"
	"briefing/web/ui"
)

// initialState is the view the page's URL describes.
func initialState() state.State {
	return state.Decode(js.Global().Get("location").Get("search").String())
}

// pushURL records a new view in the browser history so Back returns to the previous one.
// It does nothing when the URL already says this (e.g. right after Back itself).
func pushURL(s state.State) {
	q := state.Encode(s)
	if q != "" {
		q = "?" + q
	}
	loc := js.Global().Get("location")
	if loc.Get("search").String() == q {
		return
	}
	js.Global().Get("history").Call("pushState", nil, "", q+loc.Get("hash").String())
}

// followHistory re-applies the URL's state when the reader goes back or forward.
func followHistory(ee vugu.EventEnv, root *ui.Root) {
	cb := js.FuncOf(func(js.Value, []js.Value) any {
		go func() { // never block the JS event: take Vugu's lock on a goroutine
			ee.Lock()
			root.Dispatch(state.Replace{State: initialState()})
			ee.UnlockRender()
		}()
		return nil
	})
	js.Global().Call("addEventListener", "popstate", cb)
}
