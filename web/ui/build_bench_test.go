package ui

import (
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
	for i := 0; i < b.N; i++ {
		env.RunBuild(root)
	}
}
