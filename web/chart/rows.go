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
	compact      bool    // thin bars and target texts beside the values (see layoutRows)
	under        []bool  // per row: room for a target text under its bar
	missingLines [][]string
	slotH        []float64   // per row: height of the bar, or of the missing note where taller
	heads        []groupHead // per row: the group heading above it, if any
	gap, smallH  float64     // metrics the block needs: gap and a small text line
}

func (g rowGeom) x(v float64) float64 {
	return g.x0 + (v-g.ax.min)/(g.ax.max-g.ax.min)*(g.x1-g.x0)
}

// zero is where bars start: the left edge of the bar area, or the zero line of a signed axis.
func (g rowGeom) zero() float64 { return math.Round(g.x(0)) }

// layoutRows lays out categories as horizontal bars with wrapped labels on the left, an x
// axis from 0 (or a signed axis through 0) under the rows, value labels at the bar ends,
// optional target markers and optional group headings.
//
// When Spec.Height is given and these rows need more, they are laid out compact to fit it:
// bars about as thick as a digit is tall, with the labels level with them, and each target
// text beside its value (after a target key) instead of on a line of its own under the bar.
func layoutRows(f *frame) error {
	m := f.m
	g, err := f.rowGeometry(false)
	if err != nil {
		return err
	}
	g.heads = f.groupHeads()
	legend := f.legendItems()
	axisZone := m.gap + lineH(m.small)
	fixed := f.headerHeight() + axisZone + f.legendHeight(legend) + m.pad
	for _, h := range g.heads {
		fixed += h.h
	}
	if f.s.Height > 0 && fixed+g.height() > float64(f.s.Height) {
		if c, err := f.rowGeometry(true); err == nil {
			c.heads = g.heads
			g = c
		}
	}
	top := f.header()
	g.spread(float64(f.s.Height) - fixed)
	// rows, with each group's heading above its first row; the grid is drawn per run of
	// rows between headings, so no grid line crosses a heading
	var runs [][2]float64
	y, runTop := top, top
	for i := range f.s.Bars {
		if h := g.heads[i]; h.h > 0 {
			if y > runTop {
				runs = append(runs, [2]float64{runTop, y})
			}
			f.groupHead(h, y)
			y += h.h
			runTop = y
		}
		y += g.rowH[i]
	}
	runs = append(runs, [2]float64{runTop, y})
	bottom := y
	f.xGrid(g, runs, bottom)
	for i, y := 0, top; i < len(f.s.Bars); i++ {
		y += g.heads[i].h
		f.row(g, i, y)
		y += g.rowH[i]
	}
	lw := math.Max(1, math.Round(m.stroke/2))
	for _, r := range runs {
		f.p.rect(g.zero()-lw, r[0], lw, r[1]-r[0], f.th.Muted) // the axis line, or the zero line
	}
	f.legend(legend, bottom+axisZone)
	return f.finish(bottom + axisZone + f.legendHeight(legend) + m.pad)
}

// rowGeometry sizes the label column, the bar area, the axis and the rows, drawing nothing.
func (f *frame) rowGeometry(compact bool) (rowGeom, error) {
	m := f.m
	g := rowGeom{barH: math.Ceil((ascent+descent)*m.text) + 6, diamond: math.Round(math.Min(math.Max(m.text*0.45, 6), 9)),
		gap: m.gap, smallH: lineH(m.small), compact: compact}
	if compact {
		g.barH = math.Ceil(capH*m.text) + 4
	}
	g.labelW, g.labels = f.labelColumn()
	g.x0 = math.Round(m.pad + math.Max(g.labelW+m.gap*1.5+f.leftReserve(), f.firstTickHalf()))
	g.x1 = math.Round(f.p.w - m.pad - f.rightReserve(g))
	if g.x1-g.x0 < 40 {
		return g, fmt.Errorf("%w: width %d leaves no room for bars beside these labels", ErrNoRoom, f.s.Width)
	}
	g.ax = f.rowAxis(f.ticksFit(g))
	g.x0 -= f.leftSlack(g)
	f.rowBlock(&g)
	return g, nil
}

// height is the sum of the rows' heights.
func (g rowGeom) height() float64 {
	h := 0.0
	for _, r := range g.rowH {
		h += r
	}
	return h
}

// rowAxis chooses the value axis: from 0, or through 0 when signed.
func (f *frame) rowAxis(fits func(axis) bool) axis {
	lo, hi := f.valueRange()
	if f.signed() {
		return signedAxis(lo, hi, fits)
	}
	return rowAxis(hi, f.s.Percent, fits)
}

// labelColumn picks the label column width: as narrow as the widest label, up to a share
// of the width that shrinks as the chart widens; when a label would need more than three
// lines the column grows (up to 55 %); past that the label keeps its extra lines rather than
// being cut.
func (f *frame) labelColumn() (float64, [][]string) {
	t := math.Min(math.Max((f.p.w-360)/600, 0), 1)
	size, all := f.m.text, f.labelsOf()
	share := 0.45 - 0.08*t
	if f.s.LabelShare > 0 {
		share = math.Min(f.s.LabelShare, 0.55)
	}
	w := math.Min(f.mz.widest(all, size), f.p.w*share)
	if l := f.leftReserve(); l > 0 {
		// value labels left of negative bars take room too: keep 35 % of the width for bars
		room := f.p.w - 2*f.m.pad - 1.5*f.m.gap - l - f.rightReserve(rowGeom{}) - 0.35*f.p.w
		w = math.Max(math.Min(w, room), f.p.w*0.25)
	}
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

// signedValueTexts splits the value labels to draw by the side of zero they go on.
func (f *frame) signedValueTexts() (neg, pos []string) {
	for _, b := range f.s.Bars {
		if !f.s.ShowValues || !b.HasValue {
			continue
		}
		if f.signed() && b.Value < 0 {
			neg = append(neg, b.valueLabel())
		} else {
			pos = append(pos, b.valueLabel())
		}
	}
	return neg, pos
}

// leftReserve is the room left of the bar area for the value labels of negative bars.
func (f *frame) leftReserve() float64 {
	if neg, _ := f.signedValueTexts(); len(neg) > 0 {
		return f.mz.widest(neg, f.m.text) + f.m.gap/2
	}
	return 0
}

// leftSlack is how far the bar area may reach further left, once the axis is chosen,
// without a negative bar's value label or the first tick label running into the label
// column: the reserve assumed the lowest bar at the very start of the axis. Moving the
// start left by d moves no label left by more than d, and keeps the chosen axis.
func (f *frame) leftSlack(g rowGeom) float64 {
	if !f.signed() {
		return 0
	}
	m := f.m
	slack := g.x0 - (m.pad + g.labelW + m.gap*1.5)
	for _, b := range f.s.Bars {
		if f.s.ShowValues && b.HasValue && b.Value < 0 {
			start := math.Min(math.Round(g.x(b.Value)), g.zero()-2)
			slack = math.Min(slack, start-m.gap/2-f.mz.width(b.valueLabel(), m.text)-(m.pad+g.labelW+m.gap*1.5))
		}
	}
	first := f.mz.width(f.s.tickLabel(g.ax.ticks[0]), m.small) / 2
	slack = math.Min(slack, g.x0-m.pad-first)
	return math.Max(0, math.Floor(slack)-1)
}

// firstTickHalf is half the width of the lowest tick label of a signed axis, which must
// not stick out of the image (on an axis from 0 it is a narrow "0").
func (f *frame) firstTickHalf() float64 {
	if !f.signed() {
		return 0
	}
	// the axis is not chosen yet: twice the smallest axis bounds the first tick's width
	a := f.rowAxis(func(axis) bool { return true })
	return f.mz.width(f.s.tickLabel(math.Min(a.min*2, 0)), f.m.small) / 2
}

// rightReserve is the room right of the bar area for value labels (pushed past a target
// diamond when one is in the way) and for half of the last tick label.
func (f *frame) rightReserve(g rowGeom) float64 {
	r := f.m.gap
	if _, vs := f.signedValueTexts(); len(vs) > 0 {
		r = f.mz.widest(vs, f.m.text) + f.m.gap
		if f.targets() {
			r += g.diamond
		}
	}
	if ts := f.besideTexts(g); len(ts) > 0 {
		// past the value label (or the diamond): a gap, the target key and the target text
		r = math.Max(r, f.m.gap/2+g.diamond) + f.m.gap + f.keyWidth() + f.mz.widest(ts, f.m.small)
	}
	// the axis is not chosen yet: twice the smallest axis bounds the last tick's width
	a := f.rowAxis(func(axis) bool { return true })
	last := math.Max(a.max*2, 0)
	return math.Max(r, f.mz.width(f.s.tickLabel(last), f.m.small)/2)
}

// ticksFit reports whether an axis's tick labels fit side by side in the bar area.
func (f *frame) ticksFit(g rowGeom) func(axis) bool {
	return func(a axis) bool {
		w := f.mz.widest(f.tickTexts(a), f.m.small)
		return (g.x1-g.x0)/float64(len(a.ticks)-1) >= w+f.m.gap*2
	}
}

// besideTexts are the target texts a compact layout draws beside the values.
func (f *frame) besideTexts(g rowGeom) []string {
	var ts []string
	for _, b := range f.s.Bars {
		if g.compact && f.targets() && b.HasTarget && b.TargetText != "" && b.HasValue {
			ts = append(ts, b.TargetText)
		}
	}
	return ts
}

// rowBlock sizes the part of a row right of the labels: diamond room, bar, target text,
// and a missing-value note; each row is as tall as its label or that block. A target text
// goes under the bar: under every row when any row has one, or in a compact layout only
// under a row without a value (the others have it beside the value).
func (f *frame) rowBlock(g *rowGeom) {
	m := f.m
	line := false
	for _, b := range f.s.Bars {
		text := f.targets() && b.HasTarget && b.TargetText != ""
		line = line || text
		g.under = append(g.under, g.compact && text && !b.HasValue)
		var miss []string
		if !b.HasValue {
			miss = f.mz.wrap(f.missingText(b), m.small, f.p.w-m.pad-g.x0-m.gap)
		}
		g.missingLines = append(g.missingLines, miss)
		g.slotH = append(g.slotH, math.Max(g.barH, float64(len(miss))*lineH(m.small)))
	}
	if !g.compact {
		for i := range g.under {
			g.under[i] = line
		}
	}
	if f.targets() {
		g.above = 2*g.diamond + 2
	}
	for i, ls := range g.labels {
		g.rowH = append(g.rowH, math.Ceil(math.Max(float64(len(ls))*lineH(m.text), g.block(i))+m.gap*1.6))
	}
}

// block is the height of row i's part right of the label: diamond room, bar (or missing
// note), and target text.
func (g rowGeom) block(i int) float64 {
	b := g.above + g.slotH[i] + 3
	if g.under[i] {
		b += g.gap/2 + g.smallH
	}
	return b
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

// xGrid draws the vertical grid lines over each run of rows (zero has the axis line
// instead) and the tick labels under the rows, centred on their lines.
func (f *frame) xGrid(g rowGeom, runs [][2]float64, bottom float64) {
	ticks := f.tickTexts(g.ax)
	for i, t := range g.ax.ticks {
		x := math.Round(g.x(t))
		for _, r := range runs {
			if t != 0 {
				f.p.rect(x, r[0], 1, r[1]-r[0], f.th.Grid)
			}
		}
		w := f.mz.width(ticks[i], f.m.small)
		f.text(ticks[i], x-w/2, firstBaseline(bottom+f.m.gap, f.m.small), f.m.small, f.th.Muted, false)
	}
}
