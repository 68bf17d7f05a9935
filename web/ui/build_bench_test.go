//go:build !(js && wasm)

package ui

import (
	"syscall"
	"testing"

	"github.com/vugu/vugu"
	"github.com/vugu/vugu/staticrender"

	"briefing/data"
	"briefing/web/state"
	"briefing/web/view"
)

// BenchmarkBuild is the Go side of one re-render of the whole page (Vugu rebuilds the tree on
// every event): the derived view is cached, so this is the component tree itself.
func BenchmarkBuild(b *testing.B) {
	br, _ := data.Load()
	r := staticrender.New(nil)
	env, _ := vugu.NewBuildEnv(r.EventEnv())
	root := &Root{Briefing: br, State: state.Default(), Layout: view.WideLayout}
	env.RunBuild(root)
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		env.RunBuild(root)
	}
	reportCPU(b, cpu)
}

// cpuTime is the process's CPU time (user and system) in ns. On a machine kept busy by other
// work, wall time per op mostly measures waiting for a core; CPU time per op does not.
func cpuTime() int64 {
	var u syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &u)
	return u.Utime.Nano() + u.Stime.Nano()
}

// reportCPU reports the CPU time per op since start (garbage collection included).
func reportCPU(b *testing.B, start int64) {
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// BenchmarkClick is the Go side of a control change: the state alternates between the
// parity card's targets on and off (both charts already drawn, as after the warm-up), and
// the page is rebuilt each time — what Vugu's render loop does after the click's handler.
func BenchmarkClick(b *testing.B) {
	br, _ := data.Load()
	r := staticrender.New(nil)
	env, _ := vugu.NewBuildEnv(r.EventEnv())
	root := &Root{Briefing: br, State: state.Default(), Layout: view.WideLayout}
	env.RunBuild(root)
	on := true
	for i := 0; i < 2; i++ { // draw both charts once
		on = !on
		root.Dispatch(state.SetTargets{Dataset: "parity", On: on})
		env.RunBuild(root)
	}
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		on = !on
		root.Dispatch(state.SetTargets{Dataset: "parity", On: on})
		env.RunBuild(root)
	}
	reportCPU(b, cpu)
}
