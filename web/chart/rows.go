package chart

import (
	"fmt"
	"math"
)

// rowGeom is the frame of a row chart in px: the label column, the bar area and the
// vertical structure shared by every row.
type rowGeom struct {
	labelW       float64 // label column width
	x0, x1       float64 // bar area
	ax           axis
	rowH         []float64 // per row: as tall as its label or its bar block, whichever is taller
	above, barH  float64   // room for the target diamond above the bar; bar thickness
	labels       [][]string
	diamond      float64 // half-diagonal of the target diamond
	targetLine   bool    // some row has a target text under its bar
	missingLines [][]string
}

func (g rowGeom) x(v float64) float64 { return g.x0 + v/g.ax.max*(g.x1-g.x0) }

// layoutRows lays out categories as horizontal bars with wrapped labels on the left, an x
// axis from 0 under the rows, value labels at the bar ends and optional target markers.
func layoutRows(f *frame) error {
	m := f.m
	g := rowGeom{barH: math.Ceil((ascent+descent)*m.text) + 6, diamond: math.Round(math.Min(math.Max(m.text*0.45, 6), 9))}
	g.labelW, g.labels = f.labelColumn()
	g.x0 = math.Round(m.pad + g.labelW + m.gap*1.5)
	g.x1 = math.Round(f.p.w - m.pad - f.rightReserve(g))
	if g.x1-g.x0 < 40 {
		return fmt.Errorf("chart: width %d leaves no room for bars beside these labels", f.s.Width)
	}
	g.ax = rowAxis(f.maxValue(), f.s.Percent, f.ticksFit(g))
	f.rowBlock(&g)
	legend := f.legendItems()
	top := f.header()
	axisZone := m.gap + lineH(m.small)
	fixed := top + axisZone + f.legendHeight(legend) + m.pad
	g.spread(float64(f.s.Height) - fixed)
	bottom := top
	for _, h := range g.rowH {
		bottom += h
	}
	f.xGrid(g, top, bottom)
	for i, y := 0, top; i < len(f.s.Bars); i++ {
		f.row(g, i, y)
		y += g.rowH[i]
	}
	f.p.rect(g.x0-math.Max(1, math.Round(m.stroke/2)), top, math.Max(1, math.Round(m.stroke/2)), bottom-top, f.th.Muted)
	f.legend(legend, bottom+axisZone)
	return f.finish(bottom + axisZone + f.legendHeight(legend) + m.pad)
}

// labelColumn picks the label column width: as narrow as the widest label, up to a share
// of the width that shrinks as the chart widens; when a label would need more than three
// lines the column grows (up to 55 %); past that the label keeps its extra lines rather than
// being cut.
func (f *frame) labelColumn() (float64, [][]string) {
	t := math.Min(math.Max((f.p.w-360)/600, 0), 1)
	size, all := f.m.text, f.labelsOf()
	w := math.Min(f.mz.widest(all, size), f.p.w*(0.45-0.08*t))
	for ; ; w += 8 {
		wrapped, lines := f.wrapAll(all, size, w)
		if lines <= maxLabelLines || w >= f.p.w*0.55 {
			return math.Ceil(widestLine(f.mz, wrapped, size)), wrapped
		}
	}
}

func (f *frame) labelsOf() []string {
	var out []string
	for _, b := range f.s.Bars {
		out = append(out, b.Label)
	}
	return out
}

// wrapAll wraps every text to width and returns the largest line count.
func (f *frame) wrapAll(texts []string, size, width float64) ([][]string, int) {
	var out [][]string
	n := 0
	for _, t := range texts {
		ls := f.mz.wrap(t, size, width)
		out = append(out, ls)
		n = max(n, len(ls))
	}
	return out, n
}

// rightReserve is the room right of the bar area for value labels (pushed past a target
// diamond when one is in the way) and for half of the last tick label.
func (f *frame) rightReserve(g rowGeom) float64 {
	r := f.m.gap
	if vs := f.valueTexts(); len(vs) > 0 {
		r = f.mz.widest(vs, f.m.text) + f.m.gap
		if f.targets() {
			r += g.diamond
		}
	}
	// the axis is not chosen yet: twice the smallest axis bounds the last tick's width
	last := rowAxis(f.maxValue(), f.s.Percent, func(axis) bool { return true }).max * 2
	return math.Max(r, f.mz.width(f.s.tickLabel(last), f.m.small)/2)
}

// ticksFit reports whether an axis's tick labels fit side by side in the bar area.
func (f *frame) ticksFit(g rowGeom) func(axis) bool {
	return func(a axis) bool {
		w := f.mz.widest(f.tickTexts(a), f.m.small)
		return (g.x1-g.x0)/float64(len(a.ticks)-1) >= w+f.m.gap*2
	}
}

// rowBlock sizes the part of a row right of the labels: diamond room, bar, target text,
// and a missing-value note; each row is as tall as its label or that block.
func (f *frame) rowBlock(g *rowGeom) {
	m := f.m
	for _, b := range f.s.Bars {
		g.targetLine = g.targetLine || (f.targets() && b.HasTarget && b.TargetText != "")
		var miss []string
		if !b.HasValue {
			miss = f.mz.wrap(f.s.MissingText, m.small, f.p.w-m.pad-g.x0-m.gap)
		}
		g.missingLines = append(g.missingLines, miss)
		g.barH = math.Max(g.barH, float64(len(miss))*lineH(m.small))
	}
	if f.targets() {
		g.above = 2*g.diamond + 2
	}
	block := g.above + g.barH + 3
	if g.targetLine {
		block += m.gap/2 + lineH(m.small)
	}
	for _, ls := range g.labels {
		g.rowH = append(g.rowH, math.Ceil(math.Max(float64(len(ls))*lineH(m.text), block)+m.gap*1.6))
	}
}

// spread shares out the height a given Spec.Height leaves beyond the rows' needs.
func (g *rowGeom) spread(height float64) {
	for _, h := range g.rowH {
		height -= h
	}
	if height <= 0 {
		return
	}
	for i := range g.rowH {
		g.rowH[i] += math.Floor(height / float64(len(g.rowH)))
	}
}

// xGrid draws the vertical grid lines over all rows and the tick labels under them.
func (f *frame) xGrid(g rowGeom, top, bottom float64) {
	ticks := f.tickTexts(g.ax)
	for i, t := range g.ax.ticks {
		x := math.Round(g.x(t))
		if t > 0 {
			f.p.rect(x, top, 1, bottom-top, f.th.Grid)
		}
		w := f.mz.width(ticks[i], f.m.small)
		f.text(ticks[i], x-w/2, firstBaseline(bottom+f.m.gap, f.m.small), f.m.small, f.th.Muted, false)
	}
}
