//go:build js && wasm

package main

import "syscall/js"

// mark records a User Timing mark ("explorer " + step) at a step of the start-up, so that the
// browser's performance tools and the benchmark (web/bench) can tell which step a long task
// ran in.
func mark(step string) {
	js.Global().Get("performance").Call("mark", "explorer "+step)
}
