package chart

import (
	"math"
	"strings"
)

// keyKind is the symbol drawn before a legend line.
type keyKind int

const (
	keyNone keyKind = iota
	keyTarget
	keyPartial
)

type legendItem struct {
	key   keyKind
	lines []string
}

// legendItems wraps the legend lines. A line starting with ◆ (absent from Roboto, so it
// would render as a box in the PNG and in another font in the browser) loses the glyph and
// gets a drawn target marker instead; it is left out when no target marker is drawn, since
// it would explain nothing. The partial note gets a partial swatch (see partialNote).
func (f *frame) legendItems() []legendItem {
	var out []legendItem
	width := f.p.w - 2*f.m.pad
	for _, l := range f.s.Legend {
		it := legendItem{}
		if t, ok := cutDiamond(l); ok {
			if !f.targets() {
				continue
			}
			it.key, l = keyTarget, t
		} else if t, ok := f.partialNote(l); ok {
			it.key, l = keyPartial, t
		}
		w := width
		if it.key != keyNone {
			w -= f.keyWidth()
		}
		if it.lines = f.mz.wrap(l, f.m.small, w); len(it.lines) > 0 {
			out = append(out, it)
		}
	}
	return out
}

func cutDiamond(l string) (string, bool) {
	for _, d := range []string{"◆", "♦"} {
		if t, ok := strings.CutPrefix(l, d); ok {
			return strings.TrimSpace(t), true
		}
	}
	return l, false
}

// partialNote reports whether legend line l explains the partial bars: it starts with the
// partial mark, or with a partial bar's label ("2020: to 14 September…"), in which case the
// mark is put in front so the reader can match "2020*" under the axis to this line.
func (f *frame) partialNote(l string) (string, bool) {
	for _, b := range f.s.Bars {
		if !b.Partial {
			continue
		}
		if strings.HasPrefix(l, f.mark) {
			return l, true
		}
		if b.Label != "" && strings.HasPrefix(l, b.Label) {
			return f.mark + " " + l, true
		}
	}
	return l, false
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
		if it.key != keyNone {
			f.key(it.key, x, y+lh/2)
			x += f.keyWidth()
		}
		f.lines(it.lines, x, firstBaseline(y, f.m.small), f.m.small, f.th.Muted, false)
		y += float64(len(it.lines)) * lh
	}
}

// key draws a legend symbol centred vertically on cy.
func (f *frame) key(k keyKind, x, cy float64) {
	s := f.m.small
	switch k {
	case keyTarget:
		f.p.add(f.markerOp(-1, x+s*0.6, cy, s*0.5))
	case keyPartial:
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
