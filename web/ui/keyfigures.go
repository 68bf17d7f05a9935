package ui

import (
	"github.com/vugu/vugu"

	"briefing/data"
	"briefing/web/locale"
	"briefing/web/page"
	"briefing/web/state"
	"briefing/web/view"
)

// KeyFigures is the searchable, filterable table of the briefing's other figures.
type KeyFigures struct {
	List     view.KeyFigureList
	Rows     page.Block // the table's rows (keyFigureRows), kept out of Vugu's tree while Live
	Live     bool       // in the browser (see Block)
	Blocks   Blocks
	Query    string
	Theme    string
	Lang     locale.Lang
	Dispatch func(state.Action)
}

func (c *KeyFigures) w() view.Words { return view.For(c.Lang) }

func (c *KeyFigures) themeLabel(t data.Theme) string {
	if c.Lang == locale.FR {
		return t.FR
	}
	return t.EN
}

// Search filters as the reader types.
func (c *KeyFigures) Search(e vugu.DOMEvent) {
	c.Dispatch(state.Search{Query: e.PropString("target", "value"), Theme: c.Theme})
}

// SetTheme filters by theme.
func (c *KeyFigures) SetTheme(e vugu.DOMEvent) {
	c.Dispatch(state.Search{Query: c.Query, Theme: e.PropString("target", "value")})
}
