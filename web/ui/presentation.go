package ui

import (
	"strconv"

	"briefing/web/locale"
	"briefing/web/page"
	"briefing/web/state"
	"briefing/web/view"
)

// Presentation shows the figures as full-screen slides. All slides are in the page (only
// the current one shows on screen) so that printing gives one slide per page.
type Presentation struct {
	Slides   []page.Slide
	Current  int // from 1
	Blank    bool
	Quiet    bool // no input for a while: the navigation and hints fade (present.css)
	Lang     locale.Lang
	Words    view.Words
	Dispatch func(state.Action)
	Blocks   Blocks // shows the slides' charts
}

// Go moves to a slide; 0 leaves the presentation.
func (c *Presentation) Go(n int) {
	if n > len(c.Slides) {
		n = len(c.Slides)
	}
	c.Dispatch(state.GoToSlide{Slide: n})
}

func (c *Presentation) deckClass() string {
	class := "slides"
	if c.Blank {
		class += " blanked"
	}
	if c.Quiet {
		class += " quiet"
	}
	return class
}

func (c *Presentation) slideID(i int) string { return "slide-" + strconv.Itoa(i+1) }

func (c *Presentation) label(i int) string { return view.SlideLabel(c.Lang, i+1, len(c.Slides)) }

func (c *Presentation) number() string {
	return strconv.Itoa(c.Current) + " / " + strconv.Itoa(len(c.Slides))
}
