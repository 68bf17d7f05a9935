//go:build js && wasm

// Command wasm is the explorer running in the browser: it adopts the prerendered page and
// re-renders it from the state on every event.
package main

import (
	"fmt"
	"syscall/js"

	"github.com/vugu/vugu"
	"github.com/vugu/vugu/domrender"

	"briefing/data"
	"briefing/web/state"
	"briefing/web/ui"
	"briefing/web/view"
)

func main() {
	defer func() {
		if r := recover(); r != nil {
			fail(fmt.Sprint("panic: ", r))
		}
	}()
	if err := run(); err != nil {
		fail(err.Error())
	}
}

func run() error {
	b, err := data.Load()
	if err != nil {
		return err
	}
	if err := loadFont(); err != nil {
		return err
	}
	renderer, err := domrender.New("#vugu_mount_point")
	if err != nil {
		return err
	}
	defer renderer.Release()
	env, err := vugu.NewBuildEnv(renderer.EventEnv())
	if err != nil {
		return err
	}
	kinds := state.KindsOf(b.Datasets)
	root := &ui.Root{Briefing: b, State: firstState(kinds), SystemTheme: systemTheme(), BaseURL: baseURL(),
		SingleFile: js.Global().Get("explorerSingleFile").Truthy(),
		Effects:    ui.Effects{Download: download, DownloadPNG: downloadPNG, StateChanged: stateChanged, Copy: copyText}}
	if root.Foreign = state.ForeignUploads(search(), kinds); root.Foreign {
		// The link named another reader's cards: say so, and keep nothing of them in the URL.
		stateChanged(root.State, true)
	}
	followHistory(renderer.EventEnv(), root)
	listenForFiles(renderer.EventEnv(), root)
	listenForKeys(renderer.EventEnv(), root)
	followLayout(renderer.EventEnv(), root)
	fadeWhenQuiet(renderer.EventEnv(), root)
	root.Charts = &view.Cache{}
	shown := newBlocks()
	root.Blocks = shown
	perf := js.Global().Get("performance")
	draw := func() error {
		t0 := perf.Call("now")
		built := env.RunBuild(root)
		t1 := perf.Call("now")
		if err := renderer.Render(built); err != nil {
			return err
		}
		showLanguage(root.State.Lang)
		t2 := perf.Call("now")
		// The steps of a render as User Timing measures, for the browser's performance tools
		// and the benchmark (web/bench); only the last of each is kept. Blocks are shown
		// during the DOM patch (Vugu calls blocks.Show), so "render" includes them.
		measure(perf, "explorer build", t0, t1)
		measure(perf, "explorer render", t1, t2)
		return nil
	}
	ee := renderer.EventEnv()
	warm := newWarmer(root.Charts)
	first := true
	warmed := "" // the version last warmed for
	for ok := true; ok; ok = renderer.EventWait() {
		if err := draw(); err != nil {
			return err
		}
		fitSlides(ee, root)
		ee.Lock()
		id := root.Reveal()
		ee.UnlockOnly()
		if id != "" {
			reveal(id)
		}
		if first {
			first = false
			ready()
			injectFaults(renderer.EventEnv(), root)
		}
		// A render that changed nothing (an event that was a no-op) has nothing
		// new to warm, and must not start another warm-up and collection.
		if v := root.Version(); v != warmed {
			warmed = v
			warm.after(root.Datasets(), root.Effective(), root.Layouts())
		}
	}
	return nil
}

// measure records a User Timing measure from start to end (performance.now values).
func measure(perf js.Value, name string, start, end js.Value) {
	perf.Call("clearMeasures", name)
	perf.Call("measure", name, map[string]any{"start": start, "end": end})
}

// ready tells the page (loader, tests) that the controls work now.
func ready() {
	doc := js.Global().Get("document")
	doc.Get("documentElement").Call("setAttribute", "data-ready", "1")
	if f := js.Global().Get("explorerReady"); f.Type() == js.TypeFunction {
		f.Invoke()
	}
}

// fail shows the error banner (defined by loader.js) instead of leaving a frozen page.
func fail(msg string) {
	if f := js.Global().Get("explorerFail"); f.Type() == js.TypeFunction {
		f.Invoke(msg)
		return
	}
	js.Global().Get("console").Call("error", msg)
}

// reveal brings a card into view and moves the keyboard focus to its heading, so that a
// reader who charted a file sees (and hears) where its card is.
func reveal(id string) {
	doc := js.Global().Get("document")
	card, heading := doc.Call("getElementById", id), doc.Call("getElementById", id+"-h")
	if !card.Truthy() || !heading.Truthy() {
		return
	}
	heading.Call("setAttribute", "tabindex", "-1")
	heading.Call("focus", map[string]any{"preventScroll": true})
	card.Call("scrollIntoView", map[string]any{"block": "start"})
}
