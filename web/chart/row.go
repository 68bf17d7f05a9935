package chart

import (
	"cmp"
	"fmt"
	"math"
)

// row draws category i from top: the label beside the bar (centred on each other) or, when
// stacked, above it; the target diamond on the bar's band; and after the bar's end the value
// with the target ("22.6 %, target 17 %"). The hit box is the whole row, label included.
func (f *frame) row(g rowGeom, i int, top float64) {
	b, m := f.s.Bars[i], f.m
	rowH := g.rowH[i]
	f.hits = append(f.hits, box{0, top, f.p.w, top + rowH})
	ls := g.labels[i]
	slotH := g.slotH[i]
	labelTop, slotTop := g.place(i, top, m)
	cy := slotTop + slotH/2
	barTop := math.Round(cy - g.barH/2)
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
		f.p.add(f.missingOp(i, box{g.x0, slotTop, f.p.w - m.pad, slotTop + slotH}))
		ms := g.missingLines[i]
		f.lines(ms, g.noteX[i], firstBaseline(cy-float64(len(ms))*lineH(m.small)/2, m.small), m.small, f.th.Muted, false)
	}
	if f.targets() && b.HasTarget {
		f.p.add(f.markerOp(i, math.Round(g.x(b.Target)), cy, g.diamond))
	}
	if b.HasValue {
		f.rowText(g, i, start, end, cy)
	}
}

// rowText draws what follows bar i's end, level with the bar: the value label and the
// target text, "22.6 %," in the text colour and "target 17 %" in the target colour, so
// the two figures read as one phrase and not as two values. A negative value's label goes
// left of its bar; the text starts past the target diamond where the diamond is in the way.
func (f *frame) rowText(g rowGeom, i int, start, end, cy float64) {
	b, m := f.s.Bars[i], f.m
	value, target := f.rowTexts(b)
	if value == "" && target == "" {
		return
	}
	size := m.text
	base := cy + capH*size/2
	if b.Value < 0 { // signed rows: no targets
		f.text(value, start-m.gap/2-f.mz.width(value, size), base, size, f.th.Text, false)
		return
	}
	x := end + m.gap/2
	if f.targets() && b.HasTarget {
		xt := math.Round(g.x(b.Target))
		if xt+g.diamond >= x-1 && xt-g.diamond <= x+f.rowTextWidth(b) {
			x = math.Max(x, xt+g.diamond+m.gap/2)
		}
	}
	if value != "" {
		x = f.text(value, x, base, size, f.th.Text, false).textBox().x1 + f.spaceAfter(value)
	}
	if target != "" {
		f.text(target, x, base, size, f.th.Target, false)
	}
}

// markerOp is a target marker: a diamond centred on (x, cy), in the target colour with an
// outline in the background colour so that it stands out on a bar as well as beside one.
// Its shape, not only its colour, tells it from a bar. index < 0 makes a plain (legend)
// symbol.
func (f *frame) markerOp(index int, x, cy, r float64) op {
	o := op{kind: opPath, closed: true, fill: f.th.Target, index: index,
		sub: [][]pt{{{x, cy - r}, {x + r, cy}, {x, cy + r}, {x - r, cy}}}}
	if index >= 0 {
		o.stroke, o.strokeW = f.th.Background, 2
		o.class = fmt.Sprintf("target target-%d", index)
		b := f.s.Bars[index]
		o.tip = cmp.Or(b.TargetTip, b.TargetText, fmt.Sprint(b.Target))
	}
	return o
}
