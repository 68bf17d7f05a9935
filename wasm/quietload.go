//go:build js && wasm

package main

import (
	"syscall/js"
	"time"

	"briefing/web/idle"
)

// quietAfterLoad is how long the page must go without a render after it is ready before it
// says it is quiet (markQuiet).
const quietAfterLoad = 2 * time.Second

// markQuiet sets <html data-quiet="1"> once the page has gone quietAfterLoad without a render
// (idle.Latest): offline.js registers the service worker then. Installing it fetches and
// stores the whole site (a megabyte and more of wasm), work the browser does on other
// threads but that a two-core phone feels on the page's thread too: started when the page
// became ready, it landed on the reader's first clicks and made the first change of a
// control after the load half as fast again (docs/benchmarks.md). The render loop sends on
// the returned channel after every render; a send that finds it full is dropped.
func markQuiet() chan<- struct{} {
	renders := make(chan struct{}, 1)
	go func() {
		<-renders // the first render: the page is ready
		idle.Latest(struct{}{}, renders, quietAfterLoad, time.After)
		js.Global().Get("document").Get("documentElement").Call("setAttribute", "data-quiet", "1")
	}()
	return renders
}
