package chart

import "math"

// metrics are the font sizes and spacings for one width, interpolated between a 360 px
// phone (12–13 px text) and a 960 px slide (14–16 px text) so that text stays readable
// when the SVG is shown 1:1 on a phone or full screen.
type metrics struct {
	text   float64 // category and value labels
	small  float64 // ticks, legend, notes, target text
	title  float64
	pad    float64 // outer margin
	gap    float64 // between a label and what it labels
	stroke float64
}

// widthShare is where a width lies between a phone's layout (360 px: 0) and a slide's (960 px:
// 1): sizes and spacings grow with it, and stay as they are outside that range.
func widthShare(width float64) float64 { return math.Min(math.Max((width-360)/600, 0), 1) }

// sizer gives a font size between its value at 360 px and at 960 px for a width's share,
// scaled by the theme's TextScale and rounded to half a pixel.
func sizer(t float64, th Theme) func(narrow, wide float64) float64 {
	return func(narrow, wide float64) float64 {
		return math.Round((narrow+t*(wide-narrow))*th.TextScale*2) / 2
	}
}

func newMetrics(width int, th Theme) metrics {
	t := widthShare(float64(width))
	size := sizer(t, th)
	return metrics{
		text:   size(13, 16),
		small:  size(12, 14),
		title:  size(16, 22),
		pad:    math.Round(10 + 10*t),
		gap:    math.Round(6 + 2*t),
		stroke: th.StrokeWidth,
	}
}

// lineH is the distance between baselines of consecutive lines at a font size.
func lineH(size float64) float64 { return math.Ceil(size * leading) }
