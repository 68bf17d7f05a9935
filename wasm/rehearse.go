//go:build js && wasm

package main

import (
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
}
