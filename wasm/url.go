//go:build js && wasm

package main

import (
	"strings"
	"syscall/js"

	"github.com/vugu/vugu"

	"briefing/web/locale"
	"briefing/web/state"
	"briefing/web/ui"
)

// firstState is the view the page's URL describes, in the browser's language when the URL
// names none (a link with lang= always wins, so a shared link looks the same for everyone).
func firstState(kinds state.Kinds) state.State {
	search := js.Global().Get("location").Get("search").String()
	s := state.Decode(search, kinds)
	if strings.Contains(search, "lang=") {
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

// followHistory re-applies the URL's state when the reader goes back or forward.
func followHistory(ee vugu.EventEnv, root *ui.Root, kinds state.Kinds) {
	cb := js.FuncOf(func(js.Value, []js.Value) any {
		go func() { // never block a JS event: take Vugu's lock on a goroutine
			ee.Lock()
			root.Dispatch(state.Replace{State: firstState(kinds)})
			ee.UnlockRender()
		}()
		return nil
	})
	js.Global().Call("addEventListener", "popstate", cb)
}
