//go:build js && wasm

package main

import (
	"runtime"
	"syscall/js"

	"github.com/vugu/vugu"

	"briefing/data/built"
	"briefing/web/state"
	"briefing/web/ui"
	"briefing/web/view"
)

// inPage says whether the program runs in the page, or in the Web Worker that loader.js
// starts to download and compile the wasm (rehearsed, in loader.js), which has no document.
func inPage() bool { return js.Global().Get("document").Truthy() }

// rehearse runs, in that worker, the part of the take-over that needs no page: Vugu's build of
// the whole tree for the first view, which draws its charts. V8 compiles each wasm function
// the first time it is called, on the thread that calls it, and the compiled code belongs to
// the module, which the worker hands to the page: what runs here (and Go's runtime and
// package initialisation before main) is compiled already when the page's thread runs it,
// instead of in its long first tasks (docs/startup.md). Nothing else is kept: the worker ends
// after this returns.
//
// The rehearsal has two acts. The first is the take-over's; when it is over the page is told
// (explorerRehearsed, in loader.js) and takes over. The second runs meanwhile, on the worker's
// own thread: what the page runs once the controls work, the warm-up's charts for the first
// view and the garbage collector's first collection (the collector is off in the page until
// then). Without it the page compiled those functions in its first quiet moment, a long task
// after the take-over (89 ms of baseline compilation at full speed in one trace). The page
// ends the worker when it is over, or at most rehearsalWait after the take-over.
func rehearse() {
	defer func() { _ = recover() }() // a failed rehearsal only leaves the page more to compile
	b := built.Briefing()
	root := &ui.Root{Briefing: b, State: firstState(state.KindsOf(b.Datasets)), Layout: view.WideLayout,
		Charts: &view.Cache{}}
	env, err := vugu.NewBuildEnv()
	if err != nil {
		return
	}
	env.RunBuild(root)
	if f := js.Global().Get("explorerRehearsed"); f.Type() == js.TypeFunction {
		f.Invoke()
	}
	view.Warm(root.Datasets(), root.Effective(), root.Charts, root.Layouts(), func() {})
	runtime.GC()
}
