// Package ui holds the explorer's Vugu components: they render state and dispatch actions,
// and keep no business logic.
package ui

//go:generate go run ./compact

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/vugu/vugu"

	"briefing/data"
	"briefing/data/upload"
	"briefing/web/locale"
	"briefing/web/page"
	"briefing/web/state"
	"briefing/web/view"
)

// Effects are what the UI asks of the browser; the wasm build provides them, tests fake them.
type Effects struct {
	// Download offers bytes as a file (the browser build uses a Blob URL).
	Download func(name, mime string, data []byte)
	// DownloadPNG rasterises a standalone SVG at a scale and offers it as a PNG file.
	DownloadPNG func(name, svg string, scale int)
	// Copy puts text on the clipboard.
	Copy func(text string)
	// Outlines, when the chart renderer has no glyph outlines yet (the browser build measures
	// without them), loads them and then calls done, with Vugu's lock held. Nil natively.
	Outlines func(done func(error))
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
	UploadErr error          // what is wrong with the reader's last file, said in the page's language
	// UploadNotes are what is worth knowing about the last file that charted (rows reordered,
	// columns ignored).
	UploadNotes []upload.Problem
	// UploadTitle is the title the reader typed for their next file; "" takes the file's name.
	UploadTitle string
	Err         string
	Announce    string // read out by screen readers after a change of view
	Blank       bool   // presentation screen blanked (B or .)
	// SystemTheme is the theme the reader's system asks for ("dark" when it prefers a dark
	// colour scheme), used while the URL names none.
	SystemTheme state.Theme
	// Layout is the width the charts are laid out at in the browser, the one that fits their
	// box (view.FitWidth); WideLayout until the browser has measured it.
	Layout view.Layouts
	// Prerender is true while the site build writes the page: every layout of every chart
	// and every block inline (CSS shows the layout that fits), for readers before and
	// without the wasm.
	Prerender bool
	// SlideAreas are the room each slide has for its chart (by slide index), as the browser
	// measured it: charts are laid out to fill it.
	SlideAreas []view.SlideArea
	// SlidesQuiet hides the slides' navigation and hints after a while without input.
	SlidesQuiet bool
	// BaseURL is the explorer's address ending in "/", for embed code ("" = relative links).
	BaseURL string
	// SingleFile is true in the one-file edition, which has no data files beside it.
	SingleFile bool
	// Foreign is true when the page's link referred to a reader's card this page does not
	// have (state.ForeignUploads): it is said once, above the cards.
	Foreign bool
	// Blocks shows the charts and table rows kept out of Vugu's tree (see Block): the
	// browser build provides it; the prerender writes them inline.
	Blocks Blocks

	sourcesOpen map[string]bool
	embedOpen   string            // the dataset whose embed code is shown
	uploadGen   int               // counts changes to Uploads
	uploadSeq   int               // numbers the reader's cards: their ids say nothing of the file
	uploadFrom  map[string]string // a reader's card id -> the name of the file it came from
	reveal      string            // the id of a card to bring into view and focus after the next render
	problems    map[string]string // card id -> what went wrong with an action on it (a download)
	page        page.Model        // what the page shows, derived before each render (Compute)
}

// AllDatasets are the briefing's datasets followed by the reader's own. The briefing's slice
// is clipped so that appending never writes into its array.
func (c *Root) AllDatasets() []data.Dataset {
	return append(slices.Clip(c.Briefing.Datasets), c.Uploads...)
}

// Datasets are the datasets the page shows: all of them, or the one an embed names (none
// when it names a dataset that does not exist: the page says so instead).
func (c *Root) Datasets() []data.Dataset {
	sets := c.AllDatasets()
	if c.State.Embed == "" {
		return sets
	}
	for _, ds := range sets {
		if ds.ID == c.State.Embed {
			return []data.Dataset{ds}
		}
	}
	return nil
}

// Compute derives what the page shows before each render (page.Build).
func (c *Root) Compute(ctx vugu.ComputeCtx) {
	if c.Charts == nil {
		c.Charts = &view.Cache{}
	}
	c.page = page.Build(page.Input{Briefing: c.Briefing, State: c.State, Theme: c.theme(), All: c.AllDatasets(), Shown: c.Datasets(),
		Charts: c.Charts, Layouts: c.Layouts(), SlideAreas: c.SlideAreas})
}

// Version names what the page shows: it changes with the state, the screen's layout and the
// reader's data, not when a render changes nothing.
func (c *Root) Version() string {
	return state.Encode(c.Effective()) + "|" + strconv.Itoa(c.uploadGen) + "|" + strconv.Itoa(int(c.Layouts())) + "|" + fmt.Sprint(c.SlideAreas)
}

// Layouts are the chart layouts to draw: the chart box's in the browser, all in the prerender.
func (c *Root) Layouts() view.Layouts {
	switch {
	case c.Prerender:
		return view.AllLayouts
	case c.Layout == view.AllLayouts:
		return view.WideLayout
	}
	return c.Layout
}

// Effective is the state as drawn: with the system's theme when the URL names none.
func (c *Root) Effective() state.State {
	s := c.State
	if s.Theme == "" {
		s.Theme = c.theme()
	}
	return s
}

func (c *Root) theme() state.Theme {
	switch {
	case c.State.Theme != "":
		return c.State.Theme
	case c.SystemTheme != "":
		return c.SystemTheme
	}
	return state.Light
}

func (c *Root) explorer() bool { return c.State.Embed == "" && c.State.Slide == 0 }

// Present starts the presentation at its first slide.
func (c *Root) Present() { c.Dispatch(state.GoToSlide{Slide: 1}) }

// SlideCount is the number of slides of the presentation.
func (c *Root) SlideCount() int { return view.SlideCount(c.Briefing, c.Datasets()) }

// Key handles a key pressed during a presentation (the browser build listens on the window);
// it reports whether the key was used.
func (c *Root) Key(key string) bool {
	if c.State.Slide == 0 {
		return false
	}
	n, last := c.State.Slide, c.SlideCount()
	switch key {
	case "ArrowRight", " ", "PageDown", "ArrowDown", "Enter":
		n = min(n+1, last)
	case "ArrowLeft", "PageUp", "ArrowUp", "Backspace":
		n = max(n-1, 1)
	case "Home":
		n = 1
	case "End":
		n = last
	case "b", "B", ".":
		c.Blank = !c.Blank
		return true
	case "Escape":
		n, c.Blank = 0, false
	default:
		return false
	}
	if n != c.State.Slide {
		c.Dispatch(state.GoToSlide{Slide: n})
	}
	return true
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

// ToggleSources remembers which source lists the reader opened.
func (c *Root) ToggleSources(dataset string, open bool) {
	if c.sourcesOpen == nil {
		c.sourcesOpen = map[string]bool{}
	}
	c.sourcesOpen[dataset] = open
}

// ToggleEmbed shows or hides a dataset's embed code.
func (c *Root) ToggleEmbed(dataset string) {
	if c.embedOpen == dataset {
		c.embedOpen = ""
	} else {
		c.embedOpen = dataset
	}
}

// Copy puts text on the clipboard.
func (c *Root) Copy(text string) {
	if c.Effects.Copy != nil {
		c.Effects.Copy(text)
	}
}

func (c *Root) embedCode(id string) view.Embed {
	if id != c.embedOpen {
		return view.Embed{}
	}
	ds, _ := c.dataset(id)
	return view.EmbedCode(c.Briefing, ds, c.State, c.BaseURL)
}

func (c *Root) fullURL(id string) string {
	if c.State.Embed == "" {
		return ""
	}
	ds, _ := c.dataset(id)
	return view.FullURL(ds, c.State, c.BaseURL)
}

// SetLang handles the language menu.
func (c *Root) SetLang(e vugu.DOMEvent) {
	if l, ok := locale.Parse(e.PropString("target", "value")); ok {
		c.Dispatch(state.SetLang{Lang: l})
	}
}

// SetTheme handles the theme menu.
func (c *Root) SetTheme(e vugu.DOMEvent) {
	c.Dispatch(state.SetTheme{Theme: state.Theme(e.PropString("target", "value"))})
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

// AddUpload charts a reader's CSV file; problems are shown in the upload area, and nothing
// already loaded is lost. The card's id is a number: no part of the file's name or content
// goes into ids, the URL or the history. A file of the same name replaces its earlier card
// and keeps its id (a corrected file keeps the view the reader chose); pasted text is always
// a new card.
func (c *Root) AddUpload(name string, b []byte) {
	defer func() {
		if r := recover(); r != nil {
			c.UploadErr, c.UploadNotes = uploadPanic(fmt.Sprint(r)), nil
		}
	}()
	ds, info, err := upload.Parse(name, b)
	if err != nil {
		c.UploadErr, c.UploadNotes = err, nil
		return
	}
	c.UploadErr, c.UploadNotes = nil, info.Warnings
	if t := upload.Title(c.UploadTitle); t != "" {
		ds.Title, ds.TitleFR = t, t
		c.UploadTitle = ""
	}
	if c.uploadFrom == nil {
		c.uploadFrom = map[string]string{}
	}
	ds.ID = ""
	for id, from := range c.uploadFrom {
		if from == name && name != "" && name != upload.PastedName {
			ds.ID = id
		}
	}
	if ds.ID == "" {
		c.uploadSeq++
		ds.ID = upload.IDPrefix + strconv.Itoa(c.uploadSeq)
	}
	c.uploadFrom[ds.ID] = name
	c.uploadGen++
	c.Uploads = slices.DeleteFunc(c.Uploads, func(d data.Dataset) bool { return d.ID == ds.ID })
	c.Uploads = append(c.Uploads, ds)
	c.reveal = ds.ID
	c.Announce = fmt.Sprintf(view.NoticesFor(c.State.Lang).Charted, view.Title(ds, c.State.Lang))
}

// Reveal is the id of the card to bring into view and focus after this render (a reader's
// new card), once: the browser build calls it after each render.
func (c *Root) Reveal() string {
	id := c.reveal
	c.reveal = ""
	return id
}

// uploadPanic is a failure of ours while reading a reader's file, as opposed to a problem
// in the file (upload.Errors): it is told as such, in the upload area.
type uploadPanic string

func (p uploadPanic) Error() string { return string(p) }

func (c *Root) uploadErr() string {
	if p, ok := c.UploadErr.(uploadPanic); ok {
		return fmt.Sprintf(view.NoticesFor(c.State.Lang).UploadFailed, string(p))
	}
	return view.UploadError(c.UploadErr, c.State.Lang)
}

func (c *Root) uploadNotes() []string { return view.UploadNotes(c.UploadNotes, c.State.Lang) }

// RemoveUpload drops one of the reader's datasets, and its view from the state (and so from
// the URL).
func (c *Root) RemoveUpload(id string) {
	c.uploadGen++
	c.Uploads = slices.DeleteFunc(c.Uploads, func(d data.Dataset) bool { return d.ID == id })
	delete(c.uploadFrom, id)
	delete(c.problems, id)
	c.Dispatch(state.Forget{Dataset: id})
}

// problem is what went wrong with an action on a card, shown in that card.
func (c *Root) problem(id string) string { return c.problems[id] }

// setProblem keeps what went wrong with an action on a card ("" clears it).
func (c *Root) setProblem(id, msg string) {
	if c.problems == nil {
		c.problems = map[string]string{}
	}
	if msg == "" {
		delete(c.problems, id)
	} else {
		c.problems[id] = msg
	}
}

// linkHref is the address of the link offered when the page's link asks for what it does
// not have: a query on the same page.
func (c *Root) linkHref() string { return "?" + c.page.Link.LinkQuery }

// reloadHref reloads the page at its current view: a plain link works under the shipped
// Content-Security-Policy, which refuses inline event handlers.
func (c *Root) reloadHref() string { return "?" + state.Encode(c.State) }

func (c *Root) notices() view.Notices { return view.NoticesFor(c.State.Lang) }

// SetUploadTitle keeps the title the reader typed for their next file.
func (c *Root) SetUploadTitle(t string) { c.UploadTitle = t }

func (c *Root) uploadLimits() string { return view.UploadLimits(c.State.Lang) }

// live is true in the browser, which lays charts out for their box; the prerendered page has
// every layout inline.
func (c *Root) live() bool { return !c.Prerender }
