package chart

import (
	"fmt"
	"math"

	gochart "github.com/wcharczuk/go-chart/v2"
)

// markClass is the placeholder class of addressable element k. go-chart drops the inline
// style of an element with a class, so post-processing (svg.go) replaces the placeholder
// with the real classes, the style, data-index and a <title>. The trailing "m" keeps
// "m1m" from being a prefix of "m10m".
func markClass(k int) string { return fmt.Sprintf("m%dm", k) }

// painter replays a plan on a go-chart renderer. scale multiplies every coordinate (PNG
// at 2x); escape is set for SVG, whose text go-chart writes without escaping. With hold,
// text is not drawn but kept in held, for a standalone image to outline (image.go).
type painter struct {
	r      gochart.Renderer
	scale  float64
	escape bool
	marks  int
	hold   bool
	held   []op
}

func (d *painter) draw(p *plan) error {
	mz, err := measureText() // the font the layout was measured with
	if err != nil {
		return err
	}
	for _, o := range p.ops {
		d.r.ResetStyle()
		d.r.SetFont(mz.font)
		switch o.kind {
		case opText:
			if d.hold {
				d.held = append(d.held, o)
				continue
			}
			d.text(o)
		case opCircle:
			d.circle(o)
		default:
			d.path(o)
		}
	}
	return nil
}

func (d *painter) px(v float64) int { return int(math.Round(v * d.scale)) }

func (d *painter) path(o op) {
	d.style(o)
	for _, s := range o.sub {
		for i, p := range s {
			if i == 0 {
				d.r.MoveTo(d.px(p.x), d.px(p.y))
			} else {
				d.r.LineTo(d.px(p.x), d.px(p.y))
			}
		}
		if o.closed {
			d.r.Close()
		}
	}
	d.paint(o)
}

// circle draws a circle as two half arcs: go-chart's own Circle writes a <circle> in SVG
// (which post-processing does not address) and approximates it with a rounded square in
// the PNG, and one full arc would start and end at the same point, which SVG draws as
// nothing.
func (d *painter) circle(o op) {
	d.style(o)
	cx, cy, r := d.px(o.x), d.px(o.y), o.r*d.scale
	d.r.ArcTo(cx, cy, r, r, 0, math.Pi)
	d.r.ArcTo(cx, cy, r, r, math.Pi, math.Pi)
	d.r.Close()
	d.paint(o)
}

// style sets the path style of o and, in the SVG, its placeholder class.
func (d *painter) style(o op) {
	if o.class != "" && d.escape {
		d.r.SetClassName(markClass(d.marks))
		d.marks++
	}
	d.r.SetFillColor(o.fill)
	d.r.SetStrokeColor(o.stroke)
	d.r.SetStrokeWidth(o.strokeW * d.scale)
	if len(o.dash) > 0 {
		dash := make([]float64, len(o.dash))
		for i, v := range o.dash {
			dash[i] = v * d.scale
		}
		d.r.SetStrokeDashArray(dash)
	}
}

// paint fills and strokes the path just built: stroke only without a fill (a line),
// fill only without a stroke.
func (d *painter) paint(o op) {
	stroked := o.strokeW > 0 && !o.stroke.IsZero()
	switch {
	case stroked && o.fill.IsZero():
		d.r.Stroke()
	case stroked:
		d.r.FillStroke()
	default:
		d.r.Fill() // a raster FillStroke with a zero width would still stroke a hairline
	}
}

func (d *painter) text(o op) {
	if shape, ok := drawnGlyph(o.text, o.x, o.y, o.size); ok { // a character the font lacks
		d.path(op{kind: opPath, sub: [][]pt{shape}, closed: true, fill: o.color})
		return
	}
	d.r.SetFontSize(o.size)
	d.r.SetFontColor(o.color)
	body := o.text
	if d.escape {
		body = escapeText(body) // measured raw in layout, escaped only for the SVG
	}
	if o.vertical {
		d.r.SetTextRotation(-math.Pi / 2)
	}
	d.r.Text(body, d.px(o.x), d.px(o.y))
	d.r.ClearTextRotation() // the raster renderer rotates its whole context
}
