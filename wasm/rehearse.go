//go:build js && wasm

package main

import (
	"runtime"
	"syscall/js"

	"github.com/vugu/vugu"
	"github.com/vugu/vugu/domrender"
	vjs "github.com/vugu/vugu/js"

	"briefing/data/built"
	"briefing/web/page"
	"briefing/web/state"
	"briefing/web/ui"
	"briefing/web/view"
)

// inPage says whether the program runs in the page, or in the Web Worker that loader.js
// starts to download and compile the wasm (rehearsed, in loader.js), which has no document.
func inPage() bool { return js.Global().Get("document").Truthy() }

// rehearse runs, in that worker, the part of the take-over that needs no page: Vugu's build of
// the whole tree for the first view, and the Go half of its renderer (rehearseRender). V8
// compiles each wasm function the first time it is called, on the thread that calls it, and
// the compiled code belongs to the module, which the worker hands to the page: what runs here
// (and Go's runtime and package initialisation before main) is compiled already when the
// page's thread runs it, instead of in its long first tasks (docs/startup.md). Nothing else
// is kept: the worker ends after this returns.
//
// The rehearsal has two acts. The first is the take-over's; when it is over the page is told
// (explorerRehearsed, in loader.js) and takes over. The second runs once the page's controls
// work (the page says so through loader.js), on the worker's own thread: what the page runs
// next, the garbage collector's first collection (the collector is off in the page until
// then) and the warm-up's charts for the first view. Without it the page compiled those
// functions in its first quiet moment, a long task after the take-over (89 ms of baseline
// compilation at full speed in one trace). It waits for the controls because both threads compile into the
// one module they share: run during the take-over, it left the page's own lazy compilations
// stalled more often (5–13 ms for a small function at times; docs/startup.md). The page ends
// the worker when it is over, or at most rehearsalWait after the take-over.
func rehearse() {
	defer func() { _ = recover() }() // a failed rehearsal only leaves the page more to compile
	b := built.Briefing()
	// As the page's first build: the charts are only named, as the page shows them already
	// (view.Cache.Shown), and the blocks are left to Show, which needs a page.
	charts := &view.Cache{Shown: func(string, []view.Tip) bool { return true }}
	root := &ui.Root{Briefing: b, State: firstState(state.KindsOf(b.Datasets)), Layout: view.WideLayout,
		Charts: charts, Blocks: noBlocks{}}
	rehearseRender(root)
	f := js.Global().Get("explorerRehearsed")
	if f.Type() != js.TypeFunction {
		return
	}
	goOn := make(chan struct{})
	next := js.FuncOf(func(js.Value, []js.Value) any {
		close(goOn)
		return nil
	})
	f.Invoke(next)
	<-goOn // the page's controls work
	next.Release()
	// The collector first: the page's first collection (explorer gc) comes after the warm-up's
	// first quiet spell, and may come before this act's charts are done.
	runtime.GC()
	charts.Shown = nil
	view.Warm(root.Datasets(), root.Effective(), root.Charts, root.Layouts(), func() {})
}

// rehearseRender runs Vugu's build of root and its renderer over the result, as the page's
// first render does, with a stand-in for the renderer's JavaScript half, which needs a DOM:
// the Go half (walking the tree, encoding its instructions) is then compiled before the
// page's patch, where it was most of the patch's task (50 ms of baseline compilation at full
// speed, in a trace). The stand-in is the window object Vugu's renderer asks for; it is
// removed after, and a failure leaves only more to compile in the page.
func rehearseRender(root *ui.Root) {
	defer func() { _ = recover() }()
	g := js.Global()
	noop := js.FuncOf(func(js.Value, []js.Value) any { return nil })
	buffer := g.Get("Uint8Array").New(16384)
	g.Set("window", map[string]any{"eval": noop, "vuguSetCallbackHandler": noop, "vuguSetEventHandler": noop,
		"vuguRender": noop, "vuguGetRenderArray": js.FuncOf(func(js.Value, []js.Value) any { return buffer })})
	defer g.Delete("window")
	renderer, err := domrender.New("#vugu_mount_point")
	if err != nil {
		return
	}
	env, err := vugu.NewBuildEnv(renderer.EventEnv())
	if err != nil {
		return
	}
	_ = renderer.Render(env.RunBuild(root))
}

// noBlocks stands for the page's blocks in the rehearsal, which has no page to put them in.
type noBlocks struct{}

func (noBlocks) Show(vjs.Value, page.Block) {}
