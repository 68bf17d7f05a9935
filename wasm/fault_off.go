//go:build js && wasm && !faultinject

package main

import (
	"github.com/vugu/vugu"

	"briefing/web/ui"
)

// injectFaults is a no-op outside the fault test build (see fault_on.go).
func injectFaults(vugu.EventEnv, *ui.Root) {}
