// Package chart draws a briefing dataset as an accessible SVG or PNG with go-chart.
//
// go-chart's own BarChart cannot draw horizontal, grouped or target bars and drops labels
// that do not fit, so this package does the layout itself (see layout*.go, columns.go,
// rows.go, lines.go, groups.go) and only uses go-chart's renderers (chart.SVG, chart.PNG)
// to draw paths and text with the embedded Roboto Medium font. The SVG is then post-processed (svg.go) to add
// title/desc, ARIA, per-bar classes and native tooltips.
//
// The package must stay importable from wasm, a Cloudflare Worker and the build step:
// no syscall/js and no heavy standard packages (encoding/xml, net/*) outside tests; regexp
// comes in only through go-chart's drawing package (TestLightImports).
package chart

import "github.com/wcharczuk/go-chart/v2/drawing"

// Shape is the layout of a chart.
type Shape int

const (
	// Columns draws vertical bars along a period axis (time series).
	Columns Shape = iota
	// Rows draws horizontal bars, one per category, each with an optional target marker;
	// with Spec.Signed, bars grow left or right of a zero line (a gap to target).
	Rows
	// Lines draws a time series as a line through one point per period, on the same
	// period axis and y axis from 0 as Columns. A partial period's point is hollow and
	// stands alone (no segment joins it to full periods); a missing value breaks the line.
	Lines
)

// Bar is one figure to draw. All strings are plain text: the renderer escapes them.
type Bar struct {
	Label      string // axis label, e.g. "2017" or "Individual police officers"
	Value      float64
	HasValue   bool   // false: no bar, the label shows MissingText instead ("no figure given")
	ValueText  string // formatted value, e.g. "22.6 %"; "" = the value formatted by the renderer
	Target     float64
	HasTarget  bool
	TargetText string // formatted target as read after the value, e.g. "target 17 %": the row reads "22.6 %, target 17 %"
	TargetTip  string // native tooltip of the target marker, e.g. "Target for 2020: 17 %" ("" = TargetText)
	Partial    bool   // incomplete period: lighter fill, dashed outline and PartialMark after the label
	Tip        string // full sentence for the native <title> and the UI tooltip ("" = label and value)
	// MissingText overrides Spec.MissingText for this bar when it has no value, e.g.
	// "target not yet met; no figure given".
	MissingText string
	// Group (Rows only) starts a new group of rows wherever it differs from the previous
	// bar's Group: the group's first row gets a separator rule above it, and the heading
	// Spec.GroupLabels[Group] when there is one. Bars of one group must be consecutive.
	Group string
}

// Theme is the palette a chart is drawn with (themes are applied through the palette, never CSS).
// The zero Theme means Light. Every colour used for text (Text, Muted, Target) must reach a
// WCAG contrast of 4.5:1 against Background, bars and markers 3:1 (see theme_test.go).
type Theme struct {
	Name       string
	Background drawing.Color
	Text       drawing.Color
	Muted      drawing.Color // axis labels, notes, MissingText
	Grid       drawing.Color
	Bar        drawing.Color
	Partial    drawing.Color // partial-period bar fill (its dashed outline uses Bar)
	Target     drawing.Color // target marker and target text
	// StrokeWidth is the width in px of outlines, the axis line and target markers
	// (0 = 2). go-chart writes stroke widths as integers, so use whole numbers.
	StrokeWidth float64
	// TextScale enlarges every font size (0 = 1), e.g. for a projector at the back of a room.
	TextScale float64
}

// Spec is everything the renderer needs; it holds no locale logic: texts arrive formatted.
type Spec struct {
	ID          string // prefix for the ids inside the SVG (title/desc), unique on the page, e.g. "fatalities-wide"; sanitised to [a-z0-9-]
	Shape       Shape
	Title       string               // <title>; also drawn as a heading when ShowTitle
	Desc        string               // <desc>: one-sentence summary generated from the data
	Bars        []Bar                // 1..MaxBars; values and targets must be finite, |v| <= MaxValue and >= 0 (axes start at 0) unless Signed
	Percent     bool                 // axis is a percentage
	Tick        func(float64) string // axis tick label in the reader's locale; nil = plain integers (with "%" when Percent)
	ShowTargets bool                 // draw target markers and texts (Rows only)
	ShowValues  bool                 // value labels on bars
	// Legend holds footnote lines drawn under the plot, each with the key drawn before it
	// (see LegendKey).
	Legend      []LegendLine
	MissingText string // label for a bar without a value, e.g. "no figure given"
	Width       int    // viewBox width in px, MinWidth..MaxSize (~360 for a phone, 960 for a slide)
	// Height is the viewBox height in px; 0 derives it from the content. Rows that need more
	// than a given Height are laid out compact to fit it (thinner bars). A height too small
	// for the content is raised to what it needs: Result.Height is authoritative.
	Height      int
	Theme       Theme
	ShowTitle   bool   // draw Title as a heading inside the image (static images, slides)
	PartialMark string // appended to a partial bar's label; "" = "*"
	// Signed (Rows only) allows negative values, e.g. a gap to target in percentage points:
	// the axis spans min(0, lowest value)..max(0, highest value) with a zero line, bars grow
	// left (below zero) or right of it and value labels sit at the outer end. Ticks use
	// niceSteps (1, 2, 5, 10…) whatever Percent says, formatted by Tick. Targets are not drawn.
	Signed bool
	// GroupLabels are the headings of row groups by Bar.Group, already localised, e.g.
	// "Uniformed personnel, June 2020". A group without a label gets only the separator rule.
	GroupLabels map[string]string
	// LabelShare is the largest share of the width the category labels of Rows may take
	// before they wrap (0 = a default that shrinks as the chart widens; at most 0.55). A slide
	// sets it higher: one line per label leaves the height to the bars.
	LabelShare float64
	// Reference (Rows only, not Signed) draws a dashed vertical line across the rows at this
	// value, labelled ReferenceText above them, e.g. 50 with "Gender parity: 50 %"; 0 = none.
	// The value axis extends to include it.
	Reference     float64
	ReferenceText string
}

// LegendLine is one footnote line under the plot, already localised, with its key.
type LegendLine struct {
	Key  LegendKey
	Text string // plain text, e.g. "Target for 2020" or "2020: to 14 September (partial year)"
}

// LegendKey is the symbol drawn before a legend line; each looks like what it explains.
type LegendKey int

const (
	// KeyNone: a plain note, e.g. "Source: S/2020/911".
	KeyNone LegendKey = iota
	// KeyTarget: a target marker. The line is left out when no marker is drawn, since it
	// would explain nothing.
	KeyTarget
	// KeyPartial: a partial bar (on a line chart a hollow point), with the partial mark put
	// in front of the text unless it starts with it, so that "2020*" under the axis points
	// to it. Without a partial bar the line is a plain note.
	KeyPartial
)

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
	// Key identifies the spec the chart was drawn from; Render leaves it empty, a cache sets
	// it (web/view), so a page can tell whether a chart changed without comparing SVGs.
	Key string
}
