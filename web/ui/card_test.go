package ui

import (
	"fmt"
	"testing"

	"github.com/vugu/vugu"

	"briefing/web/view"
)

// key is a keydown event with only what the menu reads of it.
type key struct {
	vugu.DOMEvent
	name      string
	prevented bool
}

func (k *key) PropString(...string) string { return k.name }
func (k *key) PreventDefault()             { k.prevented = true }

// TestShareMenuKeys walks the "Download / share" menu's state as the WAI-ARIA menu button
// pattern says (the browser test TestShareMenu checks the focus itself).
func TestShareMenuKeys(t *testing.T) {
	var got []string
	c := &DatasetCard{Card: view.Card{ID: "fatalities", Charted: true, Words: view.For("en")},
		Download:    func(id, format string) { got = append(got, id+"."+format) },
		ToggleEmbed: func(id string) { got = append(got, "embed "+id) }}
	items := c.menuItems()
	if fmt.Sprint(items) != "[{dl-csv CSV csv} {dl-json JSON json} {dl-svg SVG svg} {dl-png PNG png} {embed-toggle Embed embed}]" {
		t.Fatalf("items %v", items)
	}
	state := func() string { return fmt.Sprintf("open=%v focus=%d", c.menuOpen, c.focusWant) }
	press := func(name string, item int) *key {
		k := &key{name: name}
		if item < 0 {
			c.ButtonKey(k)
		} else {
			c.ItemKey(k, item)
		}
		return k
	}
	steps := []struct {
		do          func() *key
		want        string
		wantPrevent bool
	}{
		{func() *key { return press("ArrowDown", -1) }, "open=true focus=1", true},
		{func() *key { return press("ArrowUp", 0) }, "open=true focus=5", true}, // wraps
		{func() *key { return press("ArrowDown", 4) }, "open=true focus=1", true},
		{func() *key { return press("End", 0) }, "open=true focus=5", true},
		{func() *key { return press("Home", 4) }, "open=true focus=1", true},
		{func() *key { return press("x", 0) }, "open=true focus=1", false},
		{func() *key { return press("Escape", 0) }, "open=false focus=-1", true},
		{func() *key { return press("ArrowUp", -1) }, "open=true focus=5", true},
		{func() *key { return press("Tab", 4) }, "open=false focus=0", false}, // the browser moves on
		{func() *key { c.ToggleMenu(); return &key{} }, "open=true focus=1", false},
		{func() *key { c.ToggleMenu(); return &key{} }, "open=false focus=-1", false},
		{func() *key { c.ToggleMenu(); c.Choose("csv"); return &key{} }, "open=false focus=-1", false},
		{func() *key { c.ToggleMenu(); c.Choose("embed"); return &key{} }, "open=false focus=-2", false},
	}
	for i, s := range steps {
		k := s.do()
		if state() != s.want || k.prevented != s.wantPrevent {
			t.Errorf("step %d: %s, prevented %v; want %s, prevented %v", i, state(), k.prevented, s.want, s.wantPrevent)
		}
	}
	if fmt.Sprint(got) != "[fatalities.csv embed fatalities]" {
		t.Errorf("chosen: %v", got)
	}
	// A reader's card has no embed code; a card without a chart has no image to download.
	c.Card.Upload, c.Card.Charted = true, false
	if fmt.Sprint(c.menuItems()) != "[{dl-csv CSV csv} {dl-json JSON json}]" {
		t.Errorf("a reader's uncharted card offers %v", c.menuItems())
	}
}
