//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/vugu/vugu"

	"briefing/web/ui"
)

// listenForKeys drives a presentation from the keyboard and presentation clickers (which
// send PageUp/PageDown or arrows). Vugu has no window-level events, hence this listener.
// Keys typed into a form field are left alone.
func listenForKeys(ee vugu.EventEnv, root *ui.Root) {
	js.Global().Call("addEventListener", "keydown", js.FuncOf(func(_ js.Value, args []js.Value) any {
		e := args[0]
		if e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("altKey").Bool() || inField(e.Get("target")) {
			return nil
		}
		key := e.Get("key").String()
		if key == "f" || key == "F" {
			if presenting(ee, root) {
				toggleFullscreen()
				e.Call("preventDefault")
			}
			return nil
		}
		ee.Lock()
		used := root.Key(key)
		if used {
			e.Call("preventDefault")
			ee.UnlockRender()
		} else {
			ee.UnlockOnly()
		}
		if key == "Escape" && used {
			exitFullscreen()
		}
		return nil
	}))
}

func presenting(ee vugu.EventEnv, root *ui.Root) bool {
	ee.RLock()
	defer ee.RUnlock()
	return root.State.Slide > 0
}

func inField(t js.Value) bool {
	if !t.Truthy() {
		return false
	}
	switch t.Get("tagName").String() {
	case "INPUT", "SELECT", "TEXTAREA":
		return true
	}
	return t.Get("isContentEditable").Bool()
}

func toggleFullscreen() {
	doc := js.Global().Get("document")
	if doc.Get("fullscreenElement").Truthy() {
		exitFullscreen()
		return
	}
	if el := doc.Get("documentElement"); el.Get("requestFullscreen").Truthy() {
		el.Call("requestFullscreen").Call("catch", js.FuncOf(func(js.Value, []js.Value) any { return nil }))
	}
}

func exitFullscreen() {
	doc := js.Global().Get("document")
	if doc.Get("fullscreenElement").Truthy() {
		doc.Call("exitFullscreen").Call("catch", js.FuncOf(func(js.Value, []js.Value) any { return nil }))
	}
}
