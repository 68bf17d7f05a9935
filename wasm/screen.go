//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/vugu/vugu"

	"briefing/web/ui"
)

// systemTheme is "dark" when the reader's system prefers a dark colour scheme.
func systemTheme() string {
	mq := js.Global().Call("matchMedia", "(prefers-color-scheme: dark)")
	if mq.Truthy() && mq.Get("matches").Bool() {
		return "dark"
	}
	return ""
}

// narrowQuery matches the screens that get the phone layout of the charts (style.css agrees).
const narrowQuery = "(max-width: 599px)"

// followLayout keeps the root's chart layout in step with the screen width, so only the
// chart that shows is in the page.
func followLayout(ee vugu.EventEnv, root *ui.Root) {
	mq := js.Global().Call("matchMedia", narrowQuery)
	layout := func() string {
		if mq.Get("matches").Bool() {
			return "narrow"
		}
		return "wide"
	}
	root.Layout = layout()
	mq.Call("addEventListener", "change", js.FuncOf(func(js.Value, []js.Value) any {
		go func() {
			ee.Lock()
			root.Layout = layout()
			ee.UnlockRender()
		}()
		return nil
	}))
}
