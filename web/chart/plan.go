package chart

import (
	"math"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// A plan is the laid-out chart in viewBox px: an ordered list of drawing operations that
// draw.go replays on a go-chart renderer (SVG at scale 1, PNG at any scale). Laying out once
// and drawing from the plan means text is measured once per chart, and tests can check the
// geometry (label boxes, bar rectangles) without parsing output.
type plan struct {
	w, h float64
	ops  []op
	hits []Hit
}

type pt struct{ x, y float64 }

type opKind int

const (
	opPath opKind = iota
	opText
	opCircle // a path too: a circle of radius r centred on (x, y), drawn as two arcs
)

// op is one path, circle or line of text.
type op struct {
	kind opKind

	// path: subpaths, each closed when closed is set; a path with no fill is stroked only
	sub     [][]pt
	closed  bool
	r       float64 // circle radius
	fill    drawing.Color
	stroke  drawing.Color
	strokeW float64
	dash    []float64
	// class makes the element addressable in the SVG ("bar bar-3 partial", "target target-3",
	// "bar bar-3 point");
	// such an element also gets data-index and a <title> child with tip.
	class string
	index int
	tip   string

	// text: raw (unescaped) text whose baseline starts at (x, y); vertical text reads
	// bottom to top, rotated -90° about (x, y).
	text     string
	x, y     float64
	size     float64
	color    drawing.Color
	vertical bool
	width    float64 // measured advance width
}

// box is an axis-aligned rectangle, used for text extents and bar rectangles in tests.
type box struct{ x0, y0, x1, y1 float64 }

func (b box) overlaps(o box) bool {
	return b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1
}

// textBox is the extent of a text op: its advance width by ascent+descent.
func (o op) textBox() box {
	a, d := o.size*ascent, o.size*descent
	if o.vertical {
		return box{o.x - a, o.y - o.width, o.x + d, o.y}
	}
	return box{o.x, o.y - a, o.x + o.width, o.y + d}
}

// pathBox is the bounding box of a path or circle op.
func (o op) pathBox() box {
	if o.kind == opCircle {
		return box{o.x - o.r, o.y - o.r, o.x + o.r, o.y + o.r}
	}
	b := box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, s := range o.sub {
		for _, p := range s {
			b = box{min(b.x0, p.x), min(b.y0, p.y), max(b.x1, p.x), max(b.y1, p.y)}
		}
	}
	return b
}

func (p *plan) add(o op) { p.ops = append(p.ops, o) }

// rect adds a filled rectangle without outline (grid lines are thin rects: crisp, unlike
// 1 px strokes centred on a pixel edge).
func (p *plan) rect(x, y, w, h float64, fill drawing.Color) {
	p.add(op{kind: opPath, sub: [][]pt{rectPts(x, y, w, h)}, closed: true, fill: fill})
}

func rectPts(x, y, w, h float64) []pt {
	return []pt{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}}
}
