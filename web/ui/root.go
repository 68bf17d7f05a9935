// Package ui holds the explorer's Vugu components: they render state and dispatch actions,
// and keep no business logic.
package ui

//go:generate go tool vugugen -skip-main .
//go:generate sh -c "gofmt -w *_gen.go"

import (
	"fmt"
	"slices"

	"github.com/vugu/vugu"

	"briefing/data"
	"briefing/data/upload"
	"briefing/web/locale"
	"briefing/web/state"
	"briefing/web/view"
)

// Effects are what the UI asks of the browser; the wasm build provides them, tests fake them.
type Effects struct {
	// Download offers bytes as a file (the browser build uses a Blob URL).
	Download func(name, mime string, data []byte)
	// DownloadPNG rasterises a standalone SVG at a scale and offers it as a PNG file.
	DownloadPNG func(name, svg string, scale int)
	// StateChanged is called after each change; replace is true for changes that should not
	// add a history entry (typing in the search box).
	StateChanged func(s state.State, replace bool)
}

// Root owns the state and the reader's own datasets; every change goes through Dispatch.
type Root struct {
	Briefing  *data.Briefing
	State     state.State
	Charts    *view.Cache
	Effects   Effects
	Uploads   []data.Dataset // the reader's own figures, in the order added
	UploadErr string
	Err       string
	Announce  string // read out by screen readers after a change of view

	w       view.Words
	cards   []view.Card
	keyList view.KeyFigureList
}

// Datasets are the briefing's datasets followed by the reader's own.
func (c *Root) Datasets() []data.Dataset {
	sets := append(slices.Clip(c.Briefing.Datasets), c.Uploads...)
	if c.State.Embed == "" {
		return sets
	}
	for _, ds := range sets {
		if ds.ID == c.State.Embed {
			return []data.Dataset{ds}
		}
	}
	return sets
}

// Compute derives what is shown from the state before each render; charts come from the cache.
func (c *Root) Compute(ctx vugu.ComputeCtx) {
	if c.Charts == nil {
		c.Charts = &view.Cache{}
	}
	c.w = view.For(c.State.Lang)
	cards, err := view.Cards(c.Briefing, c.Datasets(), c.State, c.Charts)
	if err != nil {
		c.Err = err.Error()
		return
	}
	c.cards = cards
	c.keyList = view.KeyFigures(c.Briefing, c.State.Query, c.State.KeyTheme, c.State.Lang)
}

// Dispatch applies an action. A panic while handling it shows the error banner instead of
// killing the app: Vugu does not recover panics in event handlers.
func (c *Root) Dispatch(a state.Action) {
	defer c.recover()
	c.State = state.Reduce(c.State, a)
	c.Announce = announce(c.State, a)
	if c.Effects.StateChanged != nil {
		_, typing := a.(state.Search)
		c.Effects.StateChanged(c.State, typing)
	}
}

func (c *Root) recover() {
	if r := recover(); r != nil {
		c.Err = fmt.Sprint("internal error: ", r)
	}
}

// announce describes a change of view for screen readers (an aria-live region).
func announce(s state.State, a state.Action) string {
	w := view.For(s.Lang)
	switch a := a.(type) {
	case state.SetTable:
		if a.On {
			return w.Table
		}
		return w.Chart
	case state.SetVariant:
		return w.Variant
	}
	return ""
}

// SetLang handles the language menu.
func (c *Root) SetLang(e vugu.DOMEvent) {
	if l, ok := locale.Parse(e.PropString("target", "value")); ok {
		c.Dispatch(state.SetLang{Lang: l})
	}
}

// SetTheme handles the theme menu.
func (c *Root) SetTheme(e vugu.DOMEvent) {
	c.Dispatch(state.SetTheme{Theme: e.PropString("target", "value")})
}

func (c *Root) rootClass() string {
	if c.State.Embed != "" {
		return "app embed"
	}
	return "app"
}

func pressed(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// AddUpload charts a reader's CSV file; problems are shown, and nothing already loaded is lost.
func (c *Root) AddUpload(name string, b []byte) {
	defer c.recover()
	ds, _, err := upload.Parse(name, b)
	if err != nil {
		c.UploadErr = err.Error()
		return
	}
	c.UploadErr = ""
	c.Uploads = slices.DeleteFunc(c.Uploads, func(d data.Dataset) bool { return d.ID == ds.ID })
	c.Uploads = append(c.Uploads, ds)
}

// RemoveUpload drops one of the reader's datasets.
func (c *Root) RemoveUpload(id string) {
	c.Uploads = slices.DeleteFunc(c.Uploads, func(d data.Dataset) bool { return d.ID == id })
}
