// Package chart draws a briefing dataset as an accessible SVG or PNG with go-chart.
package chart

import "github.com/wcharczuk/go-chart/v2/drawing"

// Shape is the layout of a chart.
type Shape int

const (
	// Columns draws vertical bars along a period axis (time series).
	Columns Shape = iota
	// Rows draws horizontal bars, one per category, each with an optional target marker.
	Rows
)

// Bar is one figure to draw. All strings are plain text: the renderer escapes them.
type Bar struct {
	Label      string // axis label, e.g. "2017" or "Individual police officers"
	Value      float64
	HasValue   bool   // false: no bar, the label shows MissingText instead ("no figure given")
	ValueText  string // formatted value, e.g. "22.6 %"
	Target     float64
	HasTarget  bool
	TargetText string // formatted target, e.g. "17 %"
	Partial    bool   // incomplete period: drawn distinctly (hatched/lighter) and marked
	Tip        string // full sentence for the native <title> and the UI tooltip
}

// Theme is the palette a chart is drawn with (themes are applied through the palette, never CSS).
type Theme struct {
	Name       string
	Background drawing.Color
	Text       drawing.Color
	Muted      drawing.Color // axis labels, notes
	Grid       drawing.Color
	Bar        drawing.Color
	Partial    drawing.Color // partial-period bar
	Target     drawing.Color // target marker
}

// Spec is everything the renderer needs; it holds no locale logic: texts arrive formatted.
type Spec struct {
	ID          string // prefix for the ids inside the SVG (title/desc), unique on the page, e.g. "fatalities-wide"
	Shape       Shape
	Title       string // <title>
	Desc        string // <desc>: one-sentence summary generated from the data
	Bars        []Bar
	Percent     bool                 // axis is a percentage
	Tick        func(float64) string // axis tick label in the reader's locale; nil = plain integers
	ShowTargets bool                 // draw target markers (Rows only)
	ShowValues  bool                 // value labels on bars
	Legend      []string             // legend/footnote lines, e.g. "2020: to 14 September (partial year)", "◆ Target"
	MissingText string               // label for a bar without a value, e.g. "no figure given"
	Width       int                  // viewBox width in px
	Height      int                  // viewBox height in px (0 = derived from the number of rows)
	Theme       Theme
}

// Hit is the box of one bar in fractions (0..1) of the chart's width and height, so an HTML
// overlay can place a focusable, hoverable element over it at any scale.
type Hit struct {
	Index      int
	X, Y, W, H float64
}

// Result is a rendered chart.
type Result struct {
	SVG    string
	Width  int
	Height int
	Hits   []Hit // one per Bar, same order (a bar without a value gets the box of its row/slot)
}
