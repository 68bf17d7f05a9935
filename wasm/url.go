//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/vugu/vugu"

	"briefing/web/locale"
	"briefing/web/state"
	"briefing/web/ui"
)

// firstState is the view the page's URL describes, in the browser's language when the URL
// names none (a link with lang= always wins, so a shared link looks the same for everyone).
func firstState(kinds state.Kinds) state.State {
	q := search()
	s := state.Decode(q, kinds)
	if state.LangGiven(q) {
		return s
	}
	langs := js.Global().Get("navigator").Get("languages")
	for i := 0; langs.Truthy() && i < langs.Length(); i++ {
		if l, ok := locale.Parse(langs.Index(i).String()); ok {
			s.Lang = l
			break
		}
	}
	return s
}

// search is the page's query string.
func search() string { return js.Global().Get("location").Get("search").String() }

// followHistory re-applies the URL's state when the reader goes back or forward, with the
// datasets the page has then (the reader's cards included).
func followHistory(ee vugu.EventEnv, root *ui.Root) {
	cb := js.FuncOf(func(js.Value, []js.Value) any {
		go func() { // never block a JS event: take Vugu's lock on a goroutine
			ee.Lock()
			kinds := state.KindsOf(root.AllDatasets())
			root.Foreign = state.ForeignUploads(search(), kinds)
			root.Dispatch(state.Replace{State: firstState(kinds)})
			ee.UnlockRender()
		}()
		return nil
	})
	js.Global().Call("addEventListener", "popstate", cb)
}
