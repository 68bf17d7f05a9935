package chart

import (
	"math"
	"strings"
)

type legendItem struct {
	key   LegendKey
	lines []string
}

// legendItems wraps the legend lines (Spec.Legend), leaving out a target key's line when
// no target marker is drawn, and putting the partial mark in front of a partial key's line
// (a plain note when no bar is partial).
func (f *frame) legendItems() []legendItem {
	var out []legendItem
	width := f.p.w - 2*f.m.pad
	for _, l := range f.s.Legend {
		it, text := legendItem{key: l.Key}, l.Text
		switch l.Key {
		case KeyTarget:
			if !f.targets() {
				continue
			}
		case KeyPartial:
			if !f.anyPartial() {
				it.key = KeyNone
			} else if !strings.HasPrefix(text, f.mark) {
				text = f.mark + " " + text
			}
		}
		w := width
		if it.key != KeyNone {
			w -= f.keyWidth()
		}
		if it.lines = f.mz.wrap(text, f.m.small, w); len(it.lines) > 0 {
			out = append(out, it)
		}
	}
	return out
}

// anyPartial reports whether some bar is partial.
func (f *frame) anyPartial() bool {
	for _, b := range f.s.Bars {
		if b.Partial {
			return true
		}
	}
	return false
}

// keyWidth is the room for a key symbol plus the space after it.
func (f *frame) keyWidth() float64 { return f.keySymbol() + f.m.gap }

// keySymbol is the width of a key symbol: a swatch, or a line chart's hollow point.
func (f *frame) keySymbol() float64 {
	if f.s.Shape == Lines {
		return math.Max(f.m.small*1.2, math.Ceil(2*f.pointRadius()))
	}
	return f.m.small * 1.2
}

// legendHeight is the height of the legend block including the gap above it.
func (f *frame) legendHeight(items []legendItem) float64 {
	n := 0
	for _, it := range items {
		n += len(it.lines)
	}
	if n == 0 {
		return 0
	}
	return f.m.gap + float64(n)*lineH(f.m.small)
}

// legend draws the items from top.
func (f *frame) legend(items []legendItem, top float64) {
	if len(items) == 0 {
		return
	}
	y := top + f.m.gap
	lh := lineH(f.m.small)
	for _, it := range items {
		x := f.m.pad
		if it.key != KeyNone {
			f.key(it.key, x, y+lh/2)
			x += f.keyWidth()
		}
		f.lines(it.lines, x, firstBaseline(y, f.m.small), f.m.small, f.th.Muted, false)
		y += float64(len(it.lines)) * lh
	}
}

// key draws a legend symbol centred vertically on cy.
func (f *frame) key(k LegendKey, x, cy float64) {
	s := f.m.small
	switch k {
	case KeyTarget:
		f.p.add(f.markerOp(-1, x+s*0.6, cy, s*0.5))
	case KeyPartial:
		if f.s.Shape == Lines {
			f.lineKey(x, cy)
			return
		}
		o := f.barOp(0, x+1, cy-s*0.4, s*1.2-2, s*0.8)
		o.fill, o.stroke, o.strokeW = f.th.Partial, f.th.Bar, max(1, f.m.stroke-1)
		o.dash, o.class, o.tip = []float64{2, 2}, "", ""
		f.p.add(o)
	}
}

// lineKey is the partial key of a line chart: a hollow point with no line, as the partial
// period is drawn.
func (f *frame) lineKey(x, cy float64) {
	cy = math.Round(cy)
	p := f.pointOp(0, pt{}, f.pointRadius())
	p.r = math.Floor(f.pointRadius() - f.m.stroke/2)
	p.fill, p.stroke, p.strokeW, p.class, p.tip = f.th.Background, f.th.Bar, f.m.stroke, "", ""
	p.x, p.y = math.Round(x+f.keySymbol()/2), cy
	f.p.add(p)
}
