package chart

import (
	"math"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// column draws bar i of a column chart with its labels and records its hit box (the whole
// slot, from the value zone to the bottom of the period labels).
func (f *frame) column(g columnGeom, ct columnTexts, i int) {
	b, m := f.s.Bars[i], f.m
	cx := g.centre(i)
	slotLeft := g.left + g.slot*float64(i)
	f.hits = append(f.hits, box{slotLeft, g.top - ct.valueZone, slotLeft + g.slot, g.bottom + ct.labelZone})
	if b.HasValue {
		w := math.Round(math.Min(g.slot*0.62, 140))
		top := math.Min(math.Round(g.y(b.Value)), g.bottom-2) // a zero still shows as a stub
		f.p.add(f.barOp(i, math.Round(cx-w/2), top, w, g.bottom-top))
		if f.s.ShowValues {
			f.columnText(b.valueLabel(), cx, top-m.gap/2, m.text, f.th.Text, ct.valuesVertical)
		}
	} else {
		f.p.add(f.missingOp(i, box{slotLeft + m.gap/2, g.top, slotLeft + g.slot - m.gap/2, g.bottom}))
		f.missingColumn(ct, i, cx, g.bottom-m.gap)
	}
	f.periodLabel(ct, i, cx, g.bottom+m.gap)
}

// columnText draws one line centred on cx whose bottom edge is at bottom; rotated, it
// reads upwards from bottom.
func (f *frame) columnText(t string, cx, bottom, size float64, c drawing.Color, vertical bool) {
	if vertical {
		f.text(t, cx+(ascent-descent)*size/2, bottom, size, c, true)
		return
	}
	w := f.mz.width(t, size)
	f.text(t, cx-w/2, bottom-descent*size, size, c, false)
}

// missingColumn writes MissingText in the empty slot, just above the axis.
func (f *frame) missingColumn(ct columnTexts, i int, cx, bottom float64) {
	size := f.m.small
	if ct.labelsVertical {
		f.columnText(f.missingText(f.s.Bars[i]), cx, bottom, size, f.th.Muted, true)
		return
	}
	ls := ct.missing[i]
	top := bottom - float64(len(ls))*lineH(size)
	f.lines(ls, cx, firstBaseline(top, size), size, f.th.Muted, true)
}

// periodLabel writes the period under the axis from top down; rotated labels end at top.
func (f *frame) periodLabel(ct columnTexts, i int, cx, top float64) {
	size := f.m.text
	if ct.labelsVertical {
		t := f.label(f.s.Bars[i])
		f.text(t, cx+(ascent-descent)*size/2, top+f.mz.width(t, size), size, f.th.Text, true)
		return
	}
	f.lines(ct.labels[i], cx, firstBaseline(top, size), size, f.th.Text, true)
}
