package chart

import (
	"bytes"

	gochart "github.com/wcharczuk/go-chart/v2"
)

// svgDPI makes go-chart's points equal px: the SVG font-size equals the size laid out.
const svgDPI = 72

// Render draws the chart as a standalone, accessible SVG (viewBox only, no width/height, so
// it scales to its container). Text uses font-family 'Roboto Medium' (go-chart's embedded
// TTF, github.com/wcharczuk/go-chart/v2/roboto.Roboto): a page showing the SVG inline must
// load that font under that name, or text widths drift from the layout.
func Render(s Spec) (Result, error) {
	p, err := layout(s)
	if err != nil {
		return Result{}, err
	}
	r, err := gochart.SVG(int(p.w), int(p.h))
	if err != nil {
		return Result{}, err
	}
	r.SetDPI(svgDPI)
	if err := (&painter{r: r, scale: 1, escape: true}).draw(p); err != nil {
		return Result{}, err
	}
	var buf bytes.Buffer
	if err := r.Save(&buf); err != nil {
		return Result{}, err
	}
	svg, err := finishSVG(buf.String(), s, p)
	if err != nil {
		return Result{}, err
	}
	return Result{SVG: svg, Width: int(p.w), Height: int(p.h), Hits: p.hits}, nil
}
