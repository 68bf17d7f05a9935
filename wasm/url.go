//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/vugu/vugu"

	"briefing/web/state"
	"briefing/web/ui"
)

// urlState is the view the page's URL describes.
func urlState(kinds state.Kinds) state.State {
	return state.Decode(js.Global().Get("location").Get("search").String(), kinds)
}

// followHistory re-applies the URL's state when the reader goes back or forward.
func followHistory(ee vugu.EventEnv, root *ui.Root, kinds state.Kinds) {
	cb := js.FuncOf(func(js.Value, []js.Value) any {
		go func() { // never block a JS event: take Vugu's lock on a goroutine
			ee.Lock()
			root.Dispatch(state.Replace{State: urlState(kinds)})
			ee.UnlockRender()
		}()
		return nil
	})
	js.Global().Call("addEventListener", "popstate", cb)
}
