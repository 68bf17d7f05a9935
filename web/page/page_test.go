package page

import (
	"strings"
	"testing"

	"briefing/data"
	"briefing/web/state"
	"briefing/web/view"
)

func input(t *testing.T, s state.State) Input {
	t.Helper()
	b, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	return Input{Briefing: b, State: s, Theme: "light", All: b.Datasets, Shown: b.Datasets, Charts: &view.Cache{}, Layouts: view.WideLayout}
}

// keys are the content keys of every block of a page, by where it is shown.
func keys(m Model) map[string]string {
	out := map[string]string{"key figures": m.KeyRows.Key}
	for _, c := range m.Cards {
		for _, b := range c.Charts {
			out[c.ID+" chart"] = b.Key
		}
		if c.Rows.Key != "" {
			out[c.ID+" table"] = c.Rows.Key
		}
	}
	return out
}

// TestAClickChangesOneBlock: the click path's last native step. Switching the parity card's
// targets off changes that card's chart block, and no other block of the page: the others
// are not written to the DOM again (ui.Blocks compares keys).
func TestAClickChangesOneBlock(t *testing.T) {
	in := input(t, state.Default())
	before := keys(Build(in))
	if len(before) != 4 {
		t.Fatalf("blocks %v, want three charts and the key figures", before)
	}
	in.State = state.Reduce(in.State, state.SetTargets{Dataset: "parity", On: false})
	after := keys(Build(in))
	for where, k := range before {
		if changed := after[where] != k; changed != (where == "parity chart") {
			t.Errorf("%s: changed %v", where, changed)
		}
	}
	// The same state again gives the same keys: nothing is written.
	if again := keys(Build(in)); len(again) != len(after) || again["parity chart"] != after["parity chart"] {
		t.Errorf("the same state gave other keys: %v, %v", again, after)
	}
}

// TestTableBlockOnlyWhenShown: a card gets its table rows' block when it shows its table.
func TestTableBlockOnlyWhenShown(t *testing.T) {
	in := input(t, state.Reduce(state.Default(), state.SetTable{Dataset: "fatalities", On: true}))
	k := keys(Build(in))
	if k["fatalities table"] == "" || k["parity table"] != "" {
		t.Errorf("table blocks: %v", k)
	}
}

// TestSlidesHaveChartBlocks: while presenting there are slides and no cards; a dataset's
// slide has its chart's block, starting with its marker.
func TestSlidesHaveChartBlocks(t *testing.T) {
	in := input(t, state.Reduce(state.Default(), state.GoToSlide{Slide: 2}))
	m := Build(in)
	if len(m.Cards) != 0 || len(m.Slides) == 0 {
		t.Fatalf("%d cards, %d slides", len(m.Cards), len(m.Slides))
	}
	charts := 0
	for _, sl := range m.Slides {
		if sl.Chart.Key != "" {
			charts++
			if !strings.HasPrefix(sl.Block.HTML(), Marker(sl.Block.Key)+"<svg") {
				t.Errorf("slide block: %.80s", sl.Block.HTML())
			}
		}
	}
	if charts == 0 {
		t.Error("no slide has a chart")
	}
}

// TestLinkProblemFromTheURLState: what the link asks for is checked against the URL's state;
// the theme drawn (the system's) does not enter the link offered.
func TestLinkProblemFromTheURLState(t *testing.T) {
	in := input(t, state.Reduce(state.Default(), state.GoToSlide{Slide: 99}))
	in.Theme = "dark"
	m := Build(in)
	if m.Link.Text == "" || strings.Contains(m.Link.LinkQuery, "dark") {
		t.Errorf("link problem %+v", m.Link)
	}
}

// TestShownChartsAreNotDrawnAgain: the browser's first build of the page the build
// prerendered (every layout) names the charts the page shows without drawing them
// (view.Cache.Shown, set by the wasm from the prerendered blocks' keys): their block keys are
// the prerendered ones, so Show adopts them, and their markup, made only if needed, is the
// drawn chart's.
func TestShownChartsAreNotDrawnAgain(t *testing.T) {
	for _, s := range []state.State{state.Default(), state.Reduce(state.Default(), state.SetLang{Lang: "fr"})} {
		pre := input(t, s)
		pre.Layouts = view.AllLayouts
		prerendered := map[string]string{} // block key → HTML
		for _, c := range Build(pre).Cards {
			for _, b := range c.Charts {
				prerendered[b.Key] = b.HTML()
			}
		}
		for _, layouts := range []view.Layouts{view.NarrowLayout, view.WideLayout, view.Layouts(600)} {
			live := input(t, s)
			live.Layouts = layouts
			live.Charts.Shown = func(key string, tips []view.Tip) bool { _, ok := prerendered[ChartKey(key, tips)]; return ok }
			m := Build(live)
			if n := live.Charts.Len(); n != 0 {
				t.Errorf("%s, layout %d: %d charts drawn, want none: the page shows them all", s.Lang, layouts, n)
			}
			for _, c := range m.Cards {
				if len(c.Charts) != 1 {
					t.Fatalf("%s, layout %d: card %s has %d charts, want 1", s.Lang, layouts, c.ID, len(c.Charts))
				}
				b := c.Charts[0]
				html, ok := prerendered[b.Key]
				if !ok {
					t.Errorf("%s, layout %d: card %s's chart block %s is not one the page has", s.Lang, layouts, c.ID, b.Key)
				} else if b.HTML() != html {
					t.Errorf("%s, layout %d: card %s's chart, drawn when asked, is not the prerendered one", s.Lang, layouts, c.ID)
				}
			}
			if live.Charts.Len() != len(m.Cards) {
				t.Errorf("%s, layout %d: %d charts drawn for their markup, want %d", s.Lang, layouts, live.Charts.Len(), len(m.Cards))
			}
		}
	}
}
