// Package state holds the explorer's view state and the one function that changes it.
package state

import (
	"maps"

	"briefing/web/locale"
)

// View is how one dataset is shown. The zero value is the default view.
type View struct {
	Table     bool    // a table instead of the chart
	Variant   Variant // "" is the dataset's default variant
	NoValues  bool    // hide value labels on the chart
	NoTargets bool    // hide target markers (datasets with targets)
	Sort      string  // table column to sort by ("" = source order)
	Desc      bool    // sort descending
}

// Variant is an alternative chart of the same figures.
type Variant string

const (
	Bars Variant = ""     // columns (series) or shares against targets (targets): the default
	Line Variant = "line" // a line through the periods (series)
	Gap  Variant = "gap"  // distance to target in percentage points (targets)
)

// Theme names a colour theme of the page and its charts (chart.ThemeByName).
type Theme string

// The themes, in the order the theme menu offers them.
const (
	Light     Theme = "light"
	Dark      Theme = "dark"
	Projector Theme = "projector"
)

// Themes are every theme.
var Themes = []Theme{Light, Dark, Projector}

// State is everything that decides what the reader sees. It has one owner (the root
// component); everything else derives from it. Treat it as a value: Reduce copies the map.
type State struct {
	Views    map[string]View // by dataset id; a missing entry is the default view
	Lang     locale.Lang     // interface language
	Theme    Theme           // "" follows the reader's system
	Slide    int             // presentation mode: slide number from 1; 0 = explorer
	Embed    string          // dataset id shown alone for embedding; "" = the whole explorer
	Bare     bool            // embed without controls
	Query    string          // key-figures search text
	KeyTheme string          // key-figures theme filter ("" = all)
}

// Default is the view a reader gets with no parameters.
func Default() State {
	return State{Lang: locale.EN}
}

// View returns the view of a dataset.
func (s State) View(dataset string) View { return s.Views[dataset] }

// withView returns a copy of s with one dataset's view replaced.
func (s State) withView(dataset string, v View) State {
	views := maps.Clone(s.Views)
	if views == nil {
		views = map[string]View{}
	}
	if v == (View{}) {
		delete(views, dataset)
	} else {
		views[dataset] = v
	}
	if len(views) == 0 {
		views = nil
	}
	s.Views = views
	return s
}

// Equal reports whether two states show the same thing.
func (s State) Equal(o State) bool {
	return maps.Equal(s.Views, o.Views) && s.Lang == o.Lang && s.Theme == o.Theme && s.Slide == o.Slide &&
		s.Embed == o.Embed && s.Bare == o.Bare && s.Query == o.Query && s.KeyTheme == o.KeyTheme
}
