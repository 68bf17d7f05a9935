package ui

import (
	"strings"
	"testing"

	"github.com/vugu/vugu"
	"github.com/vugu/vugu/staticrender"

	"briefing/data"
	"briefing/web/page"
	"briefing/web/state"
	"briefing/web/view"
)

// checkbox is a change event with what the summary carries of its target (web/site/vugu.go).
type checkbox struct {
	vugu.DOMEvent
	checked bool
}

func (e checkbox) PropBool(keys ...string) bool {
	if strings.Join(keys, ".") != "target.checked" {
		panic("read " + strings.Join(keys, "."))
	}
	return e.checked
}

// TestClickPath follows "Show 2020 targets" from the event to the blocks, natively: the
// handler makes the action, Dispatch reduces it and reports the new state (the URL), the next
// build derives the view model, and only the parity chart's block gets a new key — the one
// block the browser writes.
func TestClickPath(t *testing.T) {
	b, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	root := &Root{Briefing: b, State: state.Default(), Layout: view.WideLayout,
		Effects: Effects{StateChanged: func(s state.State, _ bool) { urls = append(urls, state.Encode(s)) }}}
	env, err := vugu.NewBuildEnv(staticrender.New(nil).EventEnv())
	if err != nil {
		t.Fatal(err)
	}
	env.RunBuild(root)
	before := root.page
	card := &DatasetCard{Card: before.Cards[2].Card, Dispatch: root.Dispatch}
	if card.Card.ID != "parity" {
		t.Fatalf("third card is %s", card.Card.ID)
	}
	card.SetTargets(checkbox{checked: false})
	if !root.State.View("parity").NoTargets || len(urls) != 1 || !strings.Contains(urls[0], "parity=") {
		t.Fatalf("state %+v, URLs %q", root.State.View("parity"), urls)
	}
	env.RunBuild(root)
	changed := func(a, b page.Card) bool { return a.Charts[0].Key != b.Charts[0].Key }
	for i, c := range root.page.Cards {
		if changed(before.Cards[i], c) != (c.ID == "parity") {
			t.Errorf("%s: chart block changed %v", c.ID, changed(before.Cards[i], c))
		}
	}
	if root.page.KeyRows.Key != before.KeyRows.Key {
		t.Error("the key figures' block changed")
	}
}
