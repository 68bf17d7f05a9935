package state

import "briefing/web/locale"

// Action is a change a reader asks for.
type Action interface{ action() }

// SetTable switches a dataset between chart and table.
type SetTable struct {
	Dataset string
	On      bool
}

// SetVariant picks a chart variant for a dataset.
type SetVariant struct {
	Dataset string
	Variant Variant
}

// SetValues shows or hides a chart's value labels.
type SetValues struct {
	Dataset string
	On      bool
}

// SetTargets shows or hides a chart's target markers.
type SetTargets struct {
	Dataset string
	On      bool
}

// SortBy sorts a dataset's table by a column; sorting by the same column again flips the order.
type SortBy struct {
	Dataset string
	Column  string
}

// SetLang changes the interface language.
type SetLang struct{ Lang locale.Lang }

// SetTheme changes the theme.
type SetTheme struct{ Theme Theme }

// GoToSlide enters presentation mode at a slide (from 1), or leaves it with 0.
type GoToSlide struct{ Slide int }

// Search filters the key figures.
type Search struct{ Query, Theme string }

// Forget drops a dataset's view, when the dataset leaves the page (a reader's card removed):
// the URL then keeps nothing of it.
type Forget struct{ Dataset string }

// Replace swaps in a whole state, e.g. the one a URL describes when the reader goes back.
type Replace struct{ State State }

func (SetTable) action()   {}
func (SetVariant) action() {}
func (SetValues) action()  {}
func (SetTargets) action() {}
func (SortBy) action()     {}
func (SetLang) action()    {}
func (SetTheme) action()   {}
func (GoToSlide) action()  {}
func (Search) action()     {}
func (Replace) action()    {}
func (Forget) action()     {}

// Reduce returns the state after an action; it never mutates its input.
func Reduce(s State, a Action) State {
	switch a := a.(type) {
	case SetTable:
		v := s.View(a.Dataset)
		v.Table = a.On
		return s.withView(a.Dataset, v)
	case SetVariant:
		v := s.View(a.Dataset)
		v.Variant = a.Variant
		return s.withView(a.Dataset, v)
	case SetValues:
		v := s.View(a.Dataset)
		v.NoValues = !a.On
		return s.withView(a.Dataset, v)
	case SetTargets:
		v := s.View(a.Dataset)
		v.NoTargets = !a.On
		return s.withView(a.Dataset, v)
	case SortBy:
		v := s.View(a.Dataset)
		v.Desc = v.Sort == a.Column && !v.Desc
		v.Sort = a.Column
		return s.withView(a.Dataset, v)
	case SetLang:
		s.Lang = a.Lang
	case SetTheme:
		if validTheme(a.Theme) {
			s.Theme = a.Theme
		}
	case GoToSlide:
		s.Slide = max(a.Slide, 0)
	case Search:
		s.Query, s.KeyTheme = a.Query, a.Theme
	case Replace:
		return a.State
	case Forget:
		return s.withView(a.Dataset, View{})
	}
	return s
}

func validTheme(t Theme) bool { return t == Light || t == Dark || t == Projector }
