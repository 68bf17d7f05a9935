// Package state holds the explorer's view state and the one function that changes it.
package state

import "briefing/web/locale"

// State is everything that decides what the reader sees. It has one owner (the root
// component); everything else derives from it.
type State struct {
	ShowTargets bool        // draw the parity targets
	Lang        locale.Lang // interface language
	Theme       string      // chart and page theme: "light", "dark", "projector"
}

// Default is the view a reader gets with no parameters.
func Default() State {
	return State{ShowTargets: true, Lang: locale.EN, Theme: "light"}
}

// Action is a change a reader asks for.
type Action interface{ action() }

// SetTargets shows or hides the parity targets.
type SetTargets struct{ On bool }

func (SetTargets) action() {}

// Reduce returns the state after an action; it never mutates its input.
func Reduce(s State, a Action) State {
	switch a := a.(type) {
	case SetTargets:
		s.ShowTargets = a.On
	case Replace:
		s = a.State
	}
	return s
}

// Replace swaps in a whole state, e.g. the one a URL describes when the reader goes back.
type Replace struct{ State State }

func (Replace) action() {}
