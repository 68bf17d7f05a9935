package chart

import (
	"strings"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// rgb is a shorthand for an opaque colour.
func rgb(r, g, b uint8) drawing.Color { return drawing.Color{R: r, G: g, B: b, A: 255} }

// Light is the default palette: dark text and a deep blue on white.
var Light = Theme{
	Name:        "light",
	Background:  rgb(0xff, 0xff, 0xff),
	Text:        rgb(0x1a, 0x1f, 0x24),
	Muted:       rgb(0x55, 0x5f, 0x6b),
	Grid:        rgb(0xe1, 0xe5, 0xea),
	Bar:         rgb(0x1d, 0x5f, 0xa6),
	Partial:     rgb(0x6b, 0x95, 0xc9),
	Target:      rgb(0xb8, 0x3d, 0x0b),
	StrokeWidth: 2,
	TextScale:   1,
}

// Dark suits a dark host page; its partial fill is dimmer than the bar (closer to the
// background), the dark-mode equivalent of "lighter".
var Dark = Theme{
	Name:        "dark",
	Background:  rgb(0x14, 0x18, 0x1f),
	Text:        rgb(0xec, 0xef, 0xf3),
	Muted:       rgb(0xa9, 0xb2, 0xbe),
	Grid:        rgb(0x2e, 0x35, 0x40),
	Bar:         rgb(0x6c, 0xb0, 0xf2),
	Partial:     rgb(0x3f, 0x70, 0xa3),
	Target:      rgb(0xf6, 0xb9, 0x3b),
	StrokeWidth: 2,
	TextScale:   1,
}

// Projector is for a washed-out projector and print: black on white, a saturated dark bar,
// thick strokes and slightly larger text.
var Projector = Theme{
	Name:        "projector",
	Background:  rgb(0xff, 0xff, 0xff),
	Text:        rgb(0x00, 0x00, 0x00),
	Muted:       rgb(0x1f, 0x1f, 0x1f),
	Grid:        rgb(0xa8, 0xa8, 0xa8),
	Bar:         rgb(0x00, 0x2f, 0x8f),
	Partial:     rgb(0x4d, 0x72, 0xc2),
	Target:      rgb(0xc0, 0x00, 0x18),
	StrokeWidth: 3,
	TextScale:   1.15,
}

// ThemeByName returns the named theme ("light", "dark", "projector"; case-insensitive).
func ThemeByName(name string) (Theme, bool) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "light":
		return Light, true
	case "dark":
		return Dark, true
	case "projector":
		return Projector, true
	}
	return Theme{}, false
}

// resolved fills the zero fields of a theme so the layout never draws with a zero colour
// (go-chart treats a zero colour as "none").
func (t Theme) resolved() Theme {
	if t.Background.IsZero() && t.Text.IsZero() {
		return Light
	}
	if t.StrokeWidth <= 0 {
		t.StrokeWidth = 2
	}
	if t.TextScale <= 0 {
		t.TextScale = 1
	}
	return t
}
