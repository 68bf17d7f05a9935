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
	raw, _, err := paintSVG(p, false)
	if err != nil {
		return Result{}, err
	}
	svg, err := finishSVG(raw, s, p)
	if err != nil {
		return Result{}, err
	}
	return Result{SVG: svg, Width: int(p.w), Height: int(p.h), Hits: p.hits}, nil
}

// paintSVG draws a plan with go-chart's SVG renderer and returns its markup. With hold, text
// is not written but handed back (painter.held) for the caller to draw as outlines.
func paintSVG(p *plan, hold bool) (string, *painter, error) {
	r, err := gochart.SVG(int(p.w), int(p.h))
	if err != nil {
		return "", nil, err
	}
	r.SetDPI(svgDPI)
	d := &painter{r: r, scale: 1, escape: true, hold: hold}
	if err := d.draw(p); err != nil {
		return "", nil, err
	}
	var buf bytes.Buffer
	if err := r.Save(&buf); err != nil {
		return "", nil, err
	}
	return buf.String(), d, nil
}
