// Package ui holds the explorer's Vugu components: they render state and dispatch actions,
// and keep no business logic.
package ui

//go:generate go tool vugugen -skip-main .
//go:generate sh -c "gofmt -w *_gen.go"

import (
	"fmt"
	"strconv"

	"github.com/vugu/vugu"

	"briefing/data"
	"briefing/web/chart"
	"briefing/web/state"
	"briefing/web/view"
)

// Root owns the state; every change goes through Dispatch.
type Root struct {
	Briefing *data.Briefing
	State    state.State
	Charts   *view.Cache
	// OnChange is called after each state change (the browser build mirrors it into the URL).
	OnChange func(state.State)
	Err      string

	cards []view.Card
}

// Compute derives the cards from the state before each render; charts come from the cache.
func (c *Root) Compute(ctx vugu.ComputeCtx) {
	if c.Charts == nil {
		c.Charts = &view.Cache{}
	}
	cards, err := view.Cards(c.Briefing, c.State, c.Charts)
	if err != nil {
		c.Err = err.Error()
		return
	}
	c.cards = cards
}

// Dispatch applies an action. A panic while reducing shows the error banner instead of
// killing the app: Vugu does not recover panics in event handlers.
func (c *Root) Dispatch(a state.Action) {
	defer func() {
		if r := recover(); r != nil {
			c.Err = fmt.Sprint("internal error: ", r)
		}
	}()
	c.State = state.Reduce(c.State, a)
	if c.OnChange != nil {
		c.OnChange(c.State)
	}
}

// DatasetCard shows one dataset: title, headline, controls, chart and source.
type DatasetCard struct {
	Card        view.Card
	ShowTargets bool
	Dispatch    func(state.Action)
}

// SetTargets handles the targets checkbox.
func (c *DatasetCard) SetTargets(e vugu.DOMEvent) {
	c.Dispatch(state.SetTargets{On: e.PropBool("target", "checked")})
}

func pageCite(page int) string { return "S/2020/911, p. " + strconv.Itoa(page) }

// ChartBox is a chart SVG with a layer of focusable elements over its bars, whose tooltips
// are pure CSS: hovering or focusing a bar runs no Go and re-renders nothing.
type ChartBox struct {
	Result chart.Result
	Tips   []view.Tip
	Layout string // "wide" or "narrow": CSS shows one of the two by viewport width
}

func (c *ChartBox) tip(i int) view.Tip {
	if i >= 0 && i < len(c.Tips) {
		return c.Tips[i]
	}
	return view.Tip{}
}

func hitStyle(h chart.Hit) string {
	pct := func(f float64) string { return strconv.FormatFloat(100*f, 'f', 3, 64) + "%" }
	return "left:" + pct(h.X) + ";top:" + pct(h.Y) + ";width:" + pct(h.W) + ";height:" + pct(h.H)
}
