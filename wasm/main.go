//go:build js && wasm

// Command wasm is the explorer running in the browser: it adopts the prerendered page and
// re-renders it from the state on every event.
package main

import (
	"fmt"
	"runtime/debug"
	"syscall/js"

	"github.com/vugu/vugu"
	"github.com/vugu/vugu/domrender"

	"briefing/data/built"
	"briefing/web/idle"
	"briefing/web/state"
	"briefing/web/ui"
	"briefing/web/view"
)

func main() {
	mark("wasm start") // after Go's runtime and package initialisation
	if !inPage() {
		rehearse()
		return
	}
	// No startSlice.Begin here: the task that runs main began before it, with Go's runtime and
	// package initialisation (hundreds of ms at CPU ×4), so the first pause yields at once.
	defer func() {
		if r := recover(); r != nil {
			fail(fmt.Sprint("panic: ", r))
		}
	}()
	if err := run(); err != nil {
		fail(err.Error())
	}
}

// gcPercent is the garbage collector's setting (Go's default) once the controls work. Until
// then it is off: loader.js starts the program with GOGC=off, because on wasm the collector's
// work (a collection, or the sweeping after one, which began during Go's own start) fills the
// time the program gives back to the browser, and the take-over's pauses then did not hand the
// thread back (TestTakeOverGivesTheThreadBack; docs/startup.md).
const gcPercent = 100

func run() error {
	b := built.Briefing() // parsed and validated at build time
	mark("data ready")
	pause()
	renderer, err := domrender.New("#vugu_mount_point")
	if err != nil {
		return err
	}
	defer renderer.Release()
	pause()
	env, err := vugu.NewBuildEnv(renderer.EventEnv())
	if err != nil {
		return err
	}
	pause()
	kinds := state.KindsOf(b.Datasets)
	root := &ui.Root{Briefing: b, State: firstState(kinds), SystemTheme: systemTheme(), BaseURL: baseURL(),
		SingleFile: js.Global().Get("explorerSingleFile").Truthy(),
		Effects: ui.Effects{Download: download, DownloadPNG: downloadPNG, StateChanged: stateChanged, Copy: copyText,
			Outlines: loadOutlines(renderer.EventEnv())}}
	if root.Foreign = state.ForeignUploads(search(), kinds); root.Foreign {
		// The link named another reader's cards: say so, and keep nothing of them in the URL.
		stateChanged(root.State, true)
	}
	pause()
	followHistory(renderer.EventEnv(), root)
	listenForFiles(renderer.EventEnv(), root)
	listenForKeys(renderer.EventEnv(), root)
	pause()
	followLayout(renderer.EventEnv(), root)
	fadeWhenQuiet(renderer.EventEnv(), root)
	root.Charts = &view.Cache{}
	shown := newBlocks()
	root.Blocks = shown
	mount := js.Global().Get("document").Call("getElementById", "vugu_mount_point")
	shown.indexPrerendered(mount)
	shownFirst(mount)
	root.Charts.Shown = shown.prerenderedChart()
	// draw renders the page. The first render, the take-over, pauses after the build (see
	// pause); later ones run whole, as early.js and the tests expect an event to be rendered
	// before its dispatch returns.
	draw := func(first bool) error {
		pause := pause
		if !first {
			pause = func() {}
		}
		// The steps of a render as User Timing measures, for the browser's performance tools
		// and the benchmark (web/bench); only the last of each is kept. Blocks are shown
		// during the DOM patch (Vugu calls blocks.Show), so "render" includes them.
		t0 := now()
		built := env.RunBuild(root)
		measure("explorer build", t0, now())
		if first {
			mark("first build done")
		}
		pause()
		t1 := now()
		if err := renderer.Render(built); err != nil {
			return err
		}
		showLanguage(root.State.Lang)
		measure("explorer render", t1, now())
		if first {
			mark("first patch done")
		}
		// No pause from the patch to ready(): the browser must not paint the patched page
		// before early.js has replayed the reader's input.
		return nil
	}
	ee := renderer.EventEnv()
	warm := newWarmer()
	quiet := markQuiet()
	var renders idle.Renders
	pause()
	drawAhead(root)
	mark("charts drawn ahead")
	for ok := true; ok; ok = renderer.EventWait() {
		if err := draw(renders.Count() == 0); err != nil {
			return err
		}
		fitSlides(ee, root)
		ee.Lock()
		id := root.Reveal()
		ee.UnlockOnly()
		if id != "" {
			reveal(id)
		}
		select { // see markQuiet
		case quiet <- struct{}{}:
		default:
		}
		first, warmNew := renders.Done(root.Version())
		count("explorerRenders", renders.Count()) // for tests: see idle.Renders
		if first {
			// For tests: the charts the take-over drew, none when the page showed them all
			// (view.Cache.Shown).
			count("explorerTakeOverCharts", root.Charts.Len())
			mark("first render done")
			shown.prerendered = nil // the take-over is done: the layouts not shown can go
			ready()
			debug.SetGCPercent(gcPercent)
			mark("controls live")
			injectFaults(renderer.EventEnv(), root)
		}
		if warmNew {
			warm.Put(warmJob(root.Charts, root.Datasets(), root.Effective(), root.Layouts()))
		}
	}
	return nil
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
