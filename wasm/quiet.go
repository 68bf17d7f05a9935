//go:build js && wasm

package main

import (
	"syscall/js"
	"time"

	"github.com/vugu/vugu"

	"briefing/web/idle"
	"briefing/web/ui"
)

// quietAfter is how long a presentation goes without input before its navigation and hints
// fade, leaving the audience the slide alone.
const quietAfter = 3 * time.Second

// fadeWhenQuiet hides the slides' navigation and hints after quietAfter without a mouse move,
// touch or key press (Root.SlidesQuiet), and brings them back on the next one. A mouse move
// fires many times a second: it only takes the lock when the hints are hidden.
func fadeWhenQuiet(ee vugu.EventEnv, root *ui.Root) {
	inputs := make(chan struct{}, 1)
	input := js.FuncOf(func(js.Value, []js.Value) any {
		select {
		case inputs <- struct{}{}:
		default:
		}
		ee.RLock()
		quiet := root.SlidesQuiet
		ee.RUnlock()
		if quiet {
			ee.Lock()
			root.SlidesQuiet = false
			ee.UnlockRender()
		}
		return nil
	})
	for _, name := range []string{"mousemove", "pointerdown", "touchstart", "keydown"} {
		js.Global().Call("addEventListener", name, input, map[string]any{"passive": true})
	}
	inputs <- struct{}{} // a presentation opened from a link fades without any input
	go func() {
		for range inputs {
			idle.Latest(struct{}{}, inputs, quietAfter, time.After)
			ee.Lock()
			if root.State.Slide > 0 && !root.SlidesQuiet {
				root.SlidesQuiet = true
				ee.UnlockRender()
			} else {
				ee.UnlockOnly()
			}
		}
	}()
}
