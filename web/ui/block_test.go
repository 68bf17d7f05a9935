package ui

import (
	"bytes"
	"strings"
	"testing"

	"github.com/vugu/vugu"
	js "github.com/vugu/vugu/js"
	"github.com/vugu/vugu/staticrender"

	"briefing/data"
	"briefing/web/page"
	"briefing/web/state"
	"briefing/web/view"
)

// TestLiveKeepsBlocksOutOfTheTree: in the browser the chart boxes and key-figure rows are
// empty elements naming their block, with a vg-js-populate hook that hands each its block.
func TestLiveKeepsBlocksOutOfTheTree(t *testing.T) {
	live, root := renderRoot(t, view.WideLayout)
	if strings.Contains(live, "<svg") || strings.Contains(live, `class="hit"`) || strings.Contains(live, "<mark>") {
		t.Error("the live page has chart or key-figure markup in Vugu's tree")
	}
	keys := attrValues(live, "data-block")
	if len(keys) != 4 { // three charts and the key-figures rows
		t.Fatalf("%d data-block elements, want 4: %v", len(keys), keys)
	}
	want := map[string]bool{root.page.KeyRows.Key: true}
	for _, card := range root.page.Cards {
		for _, b := range card.Charts {
			want[b.Key] = true
		}
	}
	for _, k := range keys {
		if !want[k] {
			t.Errorf("data-block=%q names no block of the view", k)
		}
	}
}

// TestBlocksThroughVuguHook: in the browser Vugu hands every block element to Root.Blocks
// (vg-js-populate) with the block its data-block names, in a render and again in the next;
// the prerender has every block inline, each starting with its marker.
func TestBlocksThroughVuguHook(t *testing.T) {
	b, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	env, err := vugu.NewBuildEnv(staticrender.New(nil).EventEnv())
	if err != nil {
		t.Fatal(err)
	}
	shown := &fakeBlocks{}
	root := &Root{Briefing: b, State: state.Default(), Layout: view.WideLayout, Blocks: shown}
	for range 2 {
		shown.got = nil
		br := env.RunBuild(root)
		populate(br, br.Out.Out[0])
		if len(shown.got) != 4 {
			t.Fatalf("Blocks.Show called for %d blocks, want 4 (three charts, the key figures)", len(shown.got))
		}
		for _, blk := range shown.got {
			if !strings.HasPrefix(blk.HTML(), page.Marker(blk.Key)) {
				t.Errorf("block %s does not start with its marker", blk.Key)
			}
		}
	}
	pre, _ := renderRoot(t, view.AllLayouts)
	for _, k := range shown.got[3:] {
		if !strings.Contains(pre, page.Marker(k.Key)) {
			t.Errorf("the prerendered page lacks block %s inline", k.Key)
		}
	}
}

type fakeBlocks struct{ got []page.Block }

func (f *fakeBlocks) Show(_ js.Value, b page.Block) { f.got = append(f.got, b) }

// populate calls the vg-js-populate hooks of a built tree, as Vugu's renderer does.
func populate(br *vugu.BuildResults, n *vugu.VGNode) {
	if n.Component != nil { // its output is built on its own
		for _, out := range br.ResultFor(n.Component).Out {
			populate(br, out)
		}
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		populate(br, c)
	}
	if n.JSPopulateHandler != nil {
		n.JSPopulateHandler.JSValueHandle(js.Value{})
	}
}

// renderRoot renders the page statically as the browser would with a known layout.
func renderRoot(t *testing.T, layout view.Layouts) (string, *Root) {
	t.Helper()
	b, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	r := staticrender.New(nil)
	env, err := vugu.NewBuildEnv(r.EventEnv())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	r.SetWriter(&buf)
	root := &Root{Briefing: b, State: state.Default(), Layout: layout, Prerender: layout == view.AllLayouts}
	if err := r.Render(env.RunBuild(root)); err != nil {
		t.Fatal(err)
	}
	return buf.String(), root
}

// attrValues lists the values of an attribute in rendered HTML.
func attrValues(html, name string) []string {
	var out []string
	for _, part := range strings.Split(html, ` `+name+`="`)[1:] {
		out = append(out, part[:strings.IndexByte(part, '"')])
	}
	return out
}

// TestPrerenderIsExplicit: a root whose layout is not yet measured is live (laid out wide,
// blocks kept out of the tree); only Prerender writes every layout inline.
func TestPrerenderIsExplicit(t *testing.T) {
	live, root := renderRoot(t, view.AllLayouts) // renderRoot sets Prerender for AllLayouts
	if !root.Prerender || strings.Contains(live, "data-block") || !strings.Contains(live, "<svg") {
		t.Error("the prerendered page must have its charts inline")
	}
	b, _ := data.Load()
	r := &Root{Briefing: b, State: state.Default()}
	if r.Layouts() != view.WideLayout || !r.live() {
		t.Errorf("an unmeasured root draws %v, live %v; want the wide layout, live", r.Layouts(), r.live())
	}
}
