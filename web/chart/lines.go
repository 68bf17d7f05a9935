package chart

import (
	"fmt"
	"math"
)

// A line chart shares the column chart's frame (columns.go): the same slots, period labels,
// y axis from 0, missing notes and hit boxes (the whole slot). Each value is a point at
// the centre of its slot, joined to its neighbours; a missing value breaks the line. A
// partial period (a year not over when its figure was given) is not comparable with full
// ones, so its point stands alone: hollow, with no segment into or out of it.

// pointRadius is the radius of a point marker: large enough to hover and to tell a
// hollow (partial) point from a full one.
func (f *frame) pointRadius() float64 {
	t := widthShare(f.p.w)
	return math.Round(f.m.stroke + 2 + t)
}

// segment is one stretch of the line between the points of two full periods.
type segment struct{ a, b pt }

// lineSeries draws the line, the points, the period labels and missing notes, then the
// value labels where they collide with nothing.
func (f *frame) lineSeries(g columnGeom, ct columnTexts) {
	m, bars := f.m, f.s.Bars
	r := f.pointRadius()
	pts := make([]pt, len(bars))
	for i, b := range bars {
		slotLeft := g.left + g.slot*float64(i)
		f.hits = append(f.hits, box{slotLeft, g.top - ct.valueZone, slotLeft + g.slot, g.bottom + ct.labelZone})
		pts[i] = pt{math.Round(g.centre(i)), math.Round(g.y(b.Value))}
	}
	var segs []segment
	for i := 1; i < len(bars); i++ {
		// No segment touches a partial point: a line from 25 (a full year) to 8 (eight and a
		// half months) would draw a fall the figures do not show.
		if bars[i-1].HasValue && bars[i].HasValue && !bars[i-1].Partial && !bars[i].Partial {
			segs = append(segs, segment{pts[i-1], pts[i]})
		}
	}
	if o := f.lineOp(segs); len(o.sub) > 0 {
		f.p.add(o)
	}
	for i, b := range bars {
		if !b.HasValue {
			slotLeft := g.left + g.slot*float64(i)
			f.p.add(f.missingOp(i, box{slotLeft + m.gap/2, g.top, slotLeft + g.slot - m.gap/2, g.bottom}))
			f.missingColumn(ct, i, g.centre(i), g.bottom-m.gap)
		}
		f.periodLabel(ct, i, g.centre(i), g.bottom+m.gap)
	}
	for i, b := range bars {
		if b.HasValue {
			f.p.add(f.pointOp(i, pts[i], r))
		}
	}
	if !f.s.ShowValues {
		return
	}
	area := box{g.left, g.top - ct.valueZone, g.right, g.bottom - 1}
	for i, b := range bars {
		if b.HasValue {
			f.pointLabel(b.valueLabel(), pts, segs, i, r, area, ct.valuesVertical)
		}
	}
}

// lineOp is one stroked path of the segments; consecutive segments join into one subpath
// so the line has proper joins.
func (f *frame) lineOp(segs []segment) op {
	o := op{kind: opPath, stroke: f.th.Bar, strokeW: f.m.stroke}
	for _, s := range segs {
		if n := len(o.sub); n > 0 && o.sub[n-1][len(o.sub[n-1])-1] == s.a {
			o.sub[n-1] = append(o.sub[n-1], s.b)
			continue
		}
		o.sub = append(o.sub, []pt{s.a, s.b})
	}
	return o
}

// pointOp is the marker of bar i: a filled circle, or for a partial period a hollow one
// (background fill, outline in the bar colour), which differs in form as well as colour.
func (f *frame) pointOp(i int, c pt, r float64) op {
	o := op{kind: opCircle, x: c.x, y: c.y, r: r, fill: f.th.Bar,
		class: fmt.Sprintf("bar bar-%d point", i), index: i, tip: f.tip(f.s.Bars[i])}
	if f.s.Bars[i].Partial {
		o.r = math.Floor(r - f.m.stroke/2) // the outline's outer edge at r
		o.fill, o.stroke, o.strokeW = f.th.Background, f.th.Bar, f.m.stroke
		o.class += " partial"
	}
	return o
}

// pointLabel places the value label of point i at the first free spot: above, diagonally
// above, below or diagonally below it (rotated labels: above or below), then above or
// below lifted clear of the line. A spot is free when it lies inside area and touches no
// text drawn so far, no point and no segment; if none is, the spot with the fewest and
// lightest collisions wins.
func (f *frame) pointLabel(t string, pts []pt, segs []segment, i int, r float64, area box, vertical bool) {
	m, size := f.m, f.m.text
	c := pts[i]
	w, h := f.mz.width(t, size), (ascent+descent)*size
	d := m.gap / 2
	k := r*math.Sqrt2/2 + d/2 // offset of a diagonal label's corner from the centre
	bw, bh := w, h            // the label's box
	if vertical {
		bw, bh = h, w
	}
	above := box{c.x - bw/2, c.y - r - d - bh, c.x + bw/2, c.y - r - d}
	below := box{c.x - bw/2, c.y + r + d, c.x + bw/2, c.y + r + d + bh}
	spots := []box{above}
	if !vertical {
		spots = append(spots, box{c.x - k - w, c.y - k - h, c.x - k, c.y - k}, box{c.x + k, c.y - k - h, c.x + k + w, c.y - k})
	}
	spots = append(spots, below)
	if !vertical {
		spots = append(spots, box{c.x + k, c.y + k, c.x + k + w, c.y + k + h}, box{c.x - k - w, c.y + k, c.x - k, c.y + k + h})
	}
	// lifted or lowered past the line where it runs over or under the label, not so far
	// that the label loses its point
	lw := f.m.stroke/2 + 1
	if top, bottom, ok := lineSpan(segs, above.x0-lw, above.x1+lw); ok {
		if lift := above.y1 - (top - lw - d/2); lift > 0 && lift <= 2*lineH(size) {
			spots = append(spots, box{above.x0, above.y0 - lift, above.x1, above.y1 - lift})
		}
		if drop := bottom + lw + d/2 - below.y0; drop > 0 && drop <= 2*lineH(size) {
			spots = append(spots, box{below.x0, below.y0 + drop, below.x1, below.y1 + drop})
		}
	}
	best, bestCost := 0, math.Inf(1)
	for j, s := range spots {
		if cost := f.labelCost(s, pts, segs, r, area); cost < bestCost {
			best, bestCost = j, cost
			if cost == 0 {
				break
			}
		}
	}
	s := spots[best]
	if vertical {
		f.text(t, s.x0+ascent*size, s.y1, size, f.th.Text, true)
		return
	}
	f.text(t, s.x0, s.y0+ascent*size, size, f.th.Text, false)
}

// lineSpan is the highest and lowest y of the line between x0 and x1 (ok: it runs there).
func lineSpan(segs []segment, x0, x1 float64) (top, bottom float64, ok bool) {
	top, bottom = math.Inf(1), math.Inf(-1)
	for _, s := range segs {
		a, b := s.a, s.b
		if a.x > b.x {
			a, b = b, a
		}
		if b.x < x0 || a.x > x1 {
			continue
		}
		at := func(x float64) float64 {
			if b.x == a.x {
				return a.y
			}
			x = math.Min(math.Max(x, a.x), b.x)
			return a.y + (b.y-a.y)*(x-a.x)/(b.x-a.x)
		}
		ya, yb := at(math.Max(x0, a.x)), at(math.Min(x1, b.x))
		top, bottom, ok = math.Min(top, math.Min(ya, yb)), math.Max(bottom, math.Max(ya, yb)), true
	}
	return top, bottom, ok
}

// labelCost weighs what a label box would collide with: leaving the area or covering
// text is worst, then covering a point, then crossing the line.
func (f *frame) labelCost(s box, pts []pt, segs []segment, r float64, area box) float64 {
	cost := 0.0
	if s.x0 < area.x0 || s.y0 < area.y0 || s.x1 > area.x1 || s.y1 > area.y1 {
		cost += 1000
	}
	pad := box{s.x0 - 1, s.y0 - 1, s.x1 + 1, s.y1 + 1}
	for _, o := range f.p.ops {
		if o.kind == opText && pad.overlaps(o.textBox()) {
			cost += 100
		}
	}
	for _, p := range pts {
		if pad.overlaps(box{p.x - r, p.y - r, p.x + r, p.y + r}) {
			cost += 10
		}
	}
	lw := f.m.stroke/2 + 1
	thick := box{s.x0 - lw, s.y0 - lw, s.x1 + lw, s.y1 + lw}
	for _, sg := range segs {
		if segmentCrosses(sg.a, sg.b, thick) {
			cost++
		}
	}
	return cost
}

// segmentCrosses reports whether the segment a–b meets box r (Liang–Barsky clipping).
func segmentCrosses(a, b pt, r box) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := b.x-a.x, b.y-a.y
	for _, e := range [4][2]float64{{-dx, a.x - r.x0}, {dx, r.x1 - a.x}, {-dy, a.y - r.y0}, {dy, r.y1 - a.y}} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return false
			}
			continue
		}
		t := q / p
		if p < 0 {
			if t > t1 {
				return false
			}
			t0 = max(t0, t)
		} else {
			if t < t0 {
				return false
			}
			t1 = min(t1, t)
		}
	}
	return t0 <= t1
}
