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

func newMetrics(width int, th Theme) metrics {
	t := math.Min(math.Max(float64(width-360)/600, 0), 1)
	size := func(narrow, wide float64) float64 {
		return math.Round((narrow+t*(wide-narrow))*th.TextScale*2) / 2
	}
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
