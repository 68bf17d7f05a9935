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
// at 2x); escape is set for SVG, whose text go-chart writes without escaping.
type painter struct {
	r      gochart.Renderer
	scale  float64
	escape bool
	marks  int
}

func (d *painter) draw(p *plan) error {
	mz, err := measureText() // the font the layout was measured with
	if err != nil {
		return err
	}
	for _, o := range p.ops {
		d.r.ResetStyle()
		d.r.SetFont(mz.font)
		if o.kind == opText {
			d.text(o)
		} else {
			d.path(o)
		}
	}
	return nil
}

func (d *painter) px(v float64) int { return int(math.Round(v * d.scale)) }

func (d *painter) path(o op) {
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
	if o.strokeW > 0 && !o.stroke.IsZero() {
		d.r.FillStroke()
	} else {
		d.r.Fill() // a raster FillStroke with a zero width would still stroke a hairline
	}
}

func (d *painter) text(o op) {
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
