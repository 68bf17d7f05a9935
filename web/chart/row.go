package chart

import (
	"cmp"
	"fmt"
	"math"
)

// row draws category i from top: label block and bar block are centred on each other (in a
// compact layout the label on the bar, as far as the row allows), and the hit box is the
// whole row, label included.
func (f *frame) row(g rowGeom, i int, top float64) {
	b, m := f.s.Bars[i], f.m
	rowH := g.rowH[i]
	f.hits = append(f.hits, box{0, top, f.p.w, top + rowH})
	ls := g.labels[i]
	labelH := float64(len(ls)) * lineH(m.text)
	slotH := g.slotH[i]
	barTop := math.Round(top + (rowH-g.block(i))/2 + g.above)
	cy := barTop + slotH/2
	labelTop := top + (rowH-labelH)/2
	if g.compact {
		// the bar is thin: level the label with it rather than with the marker above it
		labelTop = math.Max(math.Min(cy-labelH/2, top+rowH-labelH), top)
	}
	f.lines(ls, m.pad, firstBaseline(labelTop, m.text), m.text, f.th.Text, false)
	zero := g.zero()
	end, start := zero, zero // the bar's right and left ends
	if b.HasValue {
		if b.Value < 0 {
			start = math.Min(math.Round(g.x(b.Value)), zero-2)
		} else {
			end = math.Max(math.Round(g.x(b.Value)), zero+2) // a zero still shows as a stub
		}
		f.p.add(f.barOp(i, start, barTop, end-start, g.barH))
	} else {
		f.p.add(f.missingOp(i, box{g.x0, barTop, f.p.w - m.pad, barTop + slotH}))
		ms := g.missingLines[i]
		f.lines(ms, g.x0+m.gap, firstBaseline(cy-float64(len(ms))*lineH(m.small)/2, m.small), m.small, f.th.Muted, false)
	}
	if f.targets() && b.HasTarget {
		end = f.target(g, i, barTop, barTop+slotH, end)
	}
	next := end + m.gap/2 // where a compact target text may start
	if f.s.ShowValues && b.HasValue {
		t, x := b.valueLabel(), end+m.gap/2
		if b.Value < 0 {
			x = start - m.gap/2 - f.mz.width(t, m.text)
		}
		next = f.text(t, x, cy+capH*m.text/2, m.text, f.th.Text, false).textBox().x1 + m.gap
	}
	if g.compact && f.targets() && b.HasTarget && b.TargetText != "" && b.HasValue {
		f.besideTarget(g, b, next, cy)
	}
}

// besideTarget draws a compact row's target text, after a target key so that it reads as
// the target and not as a second value, from x on (past the row's marker if that is in the
// way), centred on cy.
func (f *frame) besideTarget(g rowGeom, b Bar, x, cy float64) {
	m := f.m
	w := f.keyWidth() + f.mz.width(b.TargetText, m.small)
	if mx := math.Round(g.x(b.Target)); x <= mx+g.diamond && x+w >= mx-g.diamond {
		x = mx + g.diamond + m.gap/2
	}
	f.key(keyTarget, x, cy)
	f.text(b.TargetText, x+f.keyWidth(), cy+capH*m.small/2, m.small, f.th.Target, false)
}

// target draws the marker of bar i (a diamond on a vertical line, in Target colour, over
// a halo of background colour so it stays visible on the bar) and, when the row has room
// for it, its text under the bar,
// whose bar (or missing note) spans barTop..barBottom.
// It returns where a value label may start: past the diamond if it would sit in the way.
func (f *frame) target(g rowGeom, i int, barTop, barBottom, end float64) float64 {
	b, m := f.s.Bars[i], f.m
	x := math.Round(g.x(b.Target))
	mk := f.markerOp(i, x, barTop-g.above+1, barBottom+3, g.diamond)
	halo := mk
	halo.stroke, halo.strokeW, halo.fill, halo.class = f.th.Background, 2, f.th.Background, ""
	f.p.add(halo)
	f.p.add(mk)
	if b.TargetText != "" && g.under[i] {
		w := f.mz.width(b.TargetText, m.small)
		tx := math.Min(math.Max(x-w/2, g.x0), f.p.w-m.pad-w)
		f.text(b.TargetText, tx, firstBaseline(barBottom+3+m.gap/2, m.small), m.small, f.th.Target, false)
	}
	if b.HasValue && x+g.diamond >= end-1 && x-g.diamond <= end+m.gap+f.mz.width(b.valueLabel(), m.text) {
		return math.Max(end, x+g.diamond)
	}
	return end
}

// markerOp is a target marker: a diamond whose top is at top on a stem down to bottom, so
// the shape differs from a bar in form as well as colour. index < 0 makes a plain (legend)
// symbol. It is one outline, not a diamond plus a rectangle: the raster renderer fills
// overlapping subpaths even-odd, which would punch a hole where they meet.
func (f *frame) markerOp(index int, x, top, bottom, r float64) op {
	h := math.Max(2, f.m.stroke) / 2 // half the stem width
	o := op{kind: opPath, closed: true, fill: f.th.Target, index: index, sub: [][]pt{{
		{x, top}, {x + r, top + r}, {x + h, top + 2*r - h}, {x + h, bottom},
		{x - h, bottom}, {x - h, top + 2*r - h}, {x - r, top + r}}}}
	if index >= 0 {
		o.class = fmt.Sprintf("target target-%d", index)
		b := f.s.Bars[index]
		o.tip = cmp.Or(b.TargetTip, b.TargetText, fmt.Sprint(b.Target))
	}
	return o
}
