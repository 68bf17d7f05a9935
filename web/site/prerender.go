package main

import (
	"bytes"

	"github.com/vugu/vugu"
	"github.com/vugu/vugu/staticrender"

	"briefing/data"
	"briefing/web/locale"
	"briefing/web/state"
	"briefing/web/ui"
)

// prerender renders the initial view as static HTML with the same components the browser
// runs, so readers see the charts before the wasm arrives and the wasm adopts this DOM. The
// one-file edition (singleFile) is prerendered as its wasm will draw it: without the links to
// data files, which do not exist beside a lone file. l is the page's language (lang.go).
func prerender(b *data.Briefing, singleFile bool, l locale.Lang) (string, error) {
	r := staticrender.New(nil)
	env, err := vugu.NewBuildEnv(r.EventEnv())
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	r.SetWriter(&buf)
	st := state.Default()
	st.Lang = l
	root := &ui.Root{Briefing: b, State: st, SingleFile: singleFile, Prerender: true}
	if err := r.Render(env.RunBuild(root)); err != nil {
		return "", err
	}
	return buf.String(), nil
}
