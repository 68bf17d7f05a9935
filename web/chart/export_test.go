package chart

// Exported for the external tests in package chart_test (widths_test.go), which render the
// briefing's own specs through web/view: package chart's internal tests cannot import
// web/view, which imports chart.

// LaidOut is the geometry of a laid-out chart: its size, every line of text and every
// drawn shape (bars, markers, keys, rules), in viewBox px.
type LaidOut struct {
	W, H   float64
	Texts  []LaidText
	Shapes []LaidShape
}

// LaidText is one line of text with its box (advance width by ascent+descent).
type LaidText struct {
	Text           string
	Size           float64
	X0, Y0, X1, Y1 float64
}

// LaidShape is a drawn path with its bounding box; Class is "" for undecorated shapes and
// "reference" for each piece of the reference line.
type LaidShape struct {
	Class          string
	X0, Y0, X1, Y1 float64
}

// Layout lays s out without drawing it.
func Layout(s Spec) (LaidOut, error) {
	p, err := layout(s)
	if err != nil {
		return LaidOut{}, err
	}
	out := LaidOut{W: p.w, H: p.h}
	for _, o := range p.ops {
		if o.kind == opText {
			b := o.textBox()
			out.Texts = append(out.Texts, LaidText{o.text, o.size, b.x0, b.y0, b.x1, b.y1})
			continue
		}
		if len(o.dash) > 0 && o.fill.IsZero() {
			// the reference line (the only dashed line without a fill), piece by piece
			for _, sub := range o.sub {
				b := op{kind: opPath, sub: [][]pt{sub}}.pathBox()
				out.Shapes = append(out.Shapes, LaidShape{"reference", b.x0 - o.strokeW/2, b.y0, b.x1 + o.strokeW/2, b.y1})
			}
			continue
		}
		b := o.pathBox()
		out.Shapes = append(out.Shapes, LaidShape{o.class, b.x0, b.y0, b.x1, b.y1})
	}
	return out, nil
}
