package view

import (
	"briefing/data"
	"briefing/web/state"
)

// Warm renders into the cache the charts a reader is likely to ask for next: each dataset
// with one control changed (value labels, targets, the other chart type). The browser calls
// it in the background after a render, so that changing a control finds its chart ready and
// shows it within a frame. pause runs between charts to let the page handle events.
func Warm(sets []data.Dataset, s state.State, c *Cache, layouts Layouts, pause func()) int {
	widths := layouts.widths()
	n := 0
	for _, ds := range sets {
		for _, next := range neighbours(ds, s) {
			for _, width := range widths {
				sp := Spec(ds, next, width)
				if c.Has(sp) {
					continue
				}
				if _, err := c.Render(sp); err == nil {
					n++
				}
				pause()
			}
		}
	}
	return n
}

// neighbours are the states one control away from s for a dataset.
func neighbours(ds data.Dataset, s state.State) []state.State {
	v := s.View(ds.ID)
	if v.Table || len(ds.Rows) == 0 {
		return nil
	}
	alt := state.Line
	if ds.Kind == data.Targets {
		alt = state.Gap
	}
	if v.Variant != state.Bars {
		alt = state.Bars
	}
	out := []state.State{
		state.Reduce(s, state.SetValues{Dataset: ds.ID, On: v.NoValues}),
		state.Reduce(s, state.SetVariant{Dataset: ds.ID, Variant: alt}),
	}
	if ds.Kind == data.Targets {
		out = append(out, state.Reduce(s, state.SetTargets{Dataset: ds.ID, On: v.NoTargets}))
	}
	return out
}
