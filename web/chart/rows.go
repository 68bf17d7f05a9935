package chart

import (
	"fmt"
	"math"
	"slices"
	"sort"
)

// rowGeom is the frame of a row chart in px: the label column, the bar area and the
// vertical structure shared by every row.
type rowGeom struct {
	labelW       float64 // label column width (0 when stacked)
	x0, x1       float64 // bar area
	ax           axis
	rowH         []float64 // per row: as tall as its label or its bar (stacked: both), plus a margin
	barH         float64   // bar thickness
	labels       [][]string
	diamond      float64 // half-diagonal of the target diamond, centred on the bar's band
	compact      bool    // thin bars, to fit a given height (see layoutRows)
	stacked      bool    // each label on its own lines above its bar: too narrow for a label column
	missingLines [][]string
	noteX        []float64   // per row: where its missing note starts (clear of a target diamond)
	slotH        []float64   // per row: height of the bar, or of the missing note where taller
	heads        []groupHead // per row: the group heading above it, if any
	refLines     []string    // the reference label (Spec.ReferenceText), wrapped
	refH         float64     // room above the rows for it
	refOnHead    bool        // the label sits on the first group heading's line instead
}

func (g rowGeom) x(v float64) float64 {
	return g.x0 + (v-g.ax.min)/(g.ax.max-g.ax.min)*(g.x1-g.x0)
}

// zero is where bars start: the left edge of the bar area, or the zero line of a signed axis.
func (g rowGeom) zero() float64 { return math.Round(g.x(0)) }

// layoutRows lays out categories as horizontal bars with wrapped labels on the left (or,
// when the chart is too narrow for a label column, above each bar), an x axis from 0 (or a
// signed axis through 0) under the rows, value labels at the bar ends, optional target
// markers inside each bar's band with the target read after the value ("22.6 %, target
// 17 %"), an optional reference line and optional group headings.
//
// When Spec.Height is given and these rows need more, they are laid out compact to fit it:
// bars about as thick as a digit is tall.
func layoutRows(f *frame) error {
	m := f.m
	g, err := f.rowGeometry(false)
	if err != nil {
		return err
	}
	g.heads = f.groupHeads()
	f.refBesideHead(&g)
	legend := f.legendItems()
	axisZone := m.gap + lineH(m.small)
	fixed := f.headerHeight() + g.refH + axisZone + f.legendHeight(legend) + m.pad
	for _, h := range g.heads {
		fixed += h.h
	}
	if f.s.Height > 0 && fixed+g.height() > float64(f.s.Height) {
		if c, err := f.rowGeometry(true); err == nil {
			c.heads = g.heads
			f.refBesideHead(&c)
			g = c
		}
	}
	top := f.header() + g.refH
	g.spread(float64(f.s.Height) - fixed)
	// rows, with each group's heading above its first row; the grid is drawn per run of
	// rows between headings, so no grid line crosses a heading, and when stacked per row
	// below its label, so none crosses a label
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
		if g.stacked {
			_, slotTop := g.place(i, y, m)
			runs = append(runs, [2]float64{math.Floor(slotTop - m.gap/4), y + g.rowH[i]})
			runTop = y + g.rowH[i]
		}
		y += g.rowH[i]
	}
	if y > runTop {
		runs = append(runs, [2]float64{runTop, y})
	}
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
	f.reference(g, runs, top, bottom)
	f.legend(legend, bottom+axisZone)
	return f.finish(bottom + axisZone + f.legendHeight(legend) + m.pad)
}

// rowGeometry sizes the label column, the bar area, the axis and the rows, drawing nothing.
func (f *frame) rowGeometry(compact bool) (rowGeom, error) {
	m := f.m
	g := rowGeom{barH: math.Ceil((ascent+descent)*m.text) + 6, compact: compact}
	if compact {
		g.barH = math.Ceil(capH*m.text) + 4
	}
	g.diamond = math.Round(g.barH/2 + 1) // a little taller than the bar, so its tips show on any bar
	if f.hasReference() && f.s.ReferenceText != "" {
		g.refLines = f.mz.wrap(f.s.ReferenceText, m.small, f.p.w-2*m.pad)
		g.refH = math.Ceil(float64(len(g.refLines))*lineH(m.small) + m.gap/2)
	}
	g.labelW, g.labels = f.labelColumn()
	g.x0 = math.Round(m.pad + math.Max(g.labelW+m.gap*1.5+f.leftReserve(), f.firstTickHalf()))
	g.x1 = math.Round(f.p.w - m.pad - f.rightReserve(g))
	least := math.Max(120, 0.25*f.p.w)
	if f.s.LabelShare > 0 {
		least = 120 // a slide asks for a label column: stacking would take the height it lacks
	}
	if g.x1-g.x0 < least {
		// too little room for bars beside the labels: each label goes above its bar
		g.stacked, g.labelW = true, 0
		g.labels, _ = f.wrapAll(f.labelsOf(), m.text, f.p.w-2*m.pad)
		zeroTick := f.mz.width(f.s.tickLabel(0), m.small) / 2 // under the labels' left edge, not past it
		g.x0 = math.Round(m.pad + math.Max(f.leftReserve(), math.Max(f.firstTickHalf(), zeroTick)))
	}
	if g.x1-g.x0 < 40 {
		return g, fmt.Errorf("%w: width %d leaves no room for bars beside these labels", ErrNoRoom, f.s.Width)
	}
	g.ax = f.rowAxis(f.ticksFit(g))
	g.x0 -= f.leftSlack(g)
	f.rowBlock(&g)
	return g, nil
}

// place is where row i, starting at top, has its label block and its bar (or note) slot:
// side by side, centred on each other, or stacked, the label above.
func (g rowGeom) place(i int, top float64, m metrics) (labelTop, slotTop float64) {
	labelH := float64(len(g.labels[i])) * lineH(m.text)
	rowH, slotH := g.rowH[i], g.slotH[i]
	if g.stacked {
		labelTop = top + (rowH-(labelH+m.gap/2+slotH))/2
		return labelTop, math.Round(labelTop + labelH + m.gap/2)
	}
	return top + (rowH-labelH)/2, math.Round(top + (rowH-slotH)/2)
}

// height is the sum of the rows' heights.
func (g rowGeom) height() float64 {
	h := 0.0
	for _, r := range g.rowH {
		h += r
	}
	return h
}

// rowAxis chooses the value axis: from 0, or through 0 when signed; it reaches the
// reference line, if any (ending at it rather than a step past it).
func (f *frame) rowAxis(fits func(axis) bool) axis {
	lo, hi := f.valueRange()
	if f.signed() {
		return signedAxis(lo, hi, fits)
	}
	if !f.hasReference() {
		return rowAxis(hi, f.s.Percent, fits)
	}
	ref := f.s.Reference
	hi = math.Max(hi, ref*(1-1e-9))
	// best with a tick on the line, so the axis labels it too (0, 25, 50 rather than 0, 20, 40, 60)
	onTick := func(a axis) bool { return slices.Contains(a.ticks, ref) && fits(a) }
	if a := rowAxis(hi, f.s.Percent, onTick); slices.Contains(a.ticks, ref) {
		return a
	}
	return rowAxis(hi, f.s.Percent, fits)
}

// hasReference reports whether a reference line is drawn (Spec.Reference, unsigned rows).
func (f *frame) hasReference() bool { return f.s.Reference > 0 && f.s.Shape == Rows && !f.signed() }

// labelColumn picks the label column width: as narrow as the widest label, up to a share
// of the width that shrinks as the chart widens; when a label would need more than three
// lines the column grows (up to 55 %); past that the label keeps its extra lines rather than
// being cut.
func (f *frame) labelColumn() (float64, [][]string) {
	t := widthShare(f.p.w)
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

// rowTextWidth is the width of what follows bar b's end: its value label and, when targets
// are drawn, its target text ("22.6 %, target 17 %"); see rowText.
func (f *frame) rowTextWidth(b Bar) float64 {
	first, rest := f.rowTexts(b)
	return f.mz.width(first, f.m.text) + f.spaceAfter(first) + f.mz.width(rest, f.m.text)
}

// rowTexts splits what follows a bar's end into the value ("22.6 %,") and the target
// ("target 17 %"), drawn in the text and target colours a space apart.
func (f *frame) rowTexts(b Bar) (value, target string) {
	if f.s.ShowValues && b.HasValue {
		value = b.valueLabel()
	}
	if f.targets() && b.HasTarget && b.HasValue && b.TargetText != "" {
		target = b.TargetText
		if value != "" {
			value += ","
		}
	}
	return value, target
}

// spaceAfter is the room between a value label and the target text after it: a space,
// made by position since SVG drops a text element's leading space.
func (f *frame) spaceAfter(value string) float64 {
	if value == "" {
		return 0
	}
	return f.mz.width(" ", f.m.text)
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

// rightReserve is the room right of the bar area for value labels and target texts
// (pushed past a target diamond when one is in the way) and for half of the last tick label.
func (f *frame) rightReserve(g rowGeom) float64 {
	r := f.m.gap
	w := 0.0
	for _, b := range f.s.Bars {
		if !f.signed() || b.Value >= 0 {
			w = math.Max(w, f.rowTextWidth(b))
		}
	}
	if w > 0 {
		r = w + f.m.gap
		if f.targets() {
			r += g.diamond
		}
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

// rowBlock sizes the part of each row right of the labels (the bar, or a missing-value
// note) and the rows: as tall as the label or that part beside it, or both when stacked.
func (f *frame) rowBlock(g *rowGeom) {
	m := f.m
	for _, b := range f.s.Bars {
		x, miss := g.x0+m.gap, []string(nil)
		if !b.HasValue {
			x, miss = f.notePlace(*g, b)
		}
		g.noteX = append(g.noteX, x)
		g.missingLines = append(g.missingLines, miss)
		g.slotH = append(g.slotH, math.Max(g.barH, float64(len(miss))*lineH(m.small)))
	}
	for i, ls := range g.labels {
		labelH := float64(len(ls)) * lineH(m.text)
		// a bar needs a margin to stand apart from the next; a label of several lines less
		// of one, since its own lines are closer together still
		h := math.Max(labelH+m.gap, g.slotH[i]+m.gap*1.6)
		if g.stacked {
			h = labelH + m.gap/2 + g.slotH[i] + m.gap*1.6
		}
		g.rowH = append(g.rowH, math.Ceil(h))
	}
}

// notePlace wraps the note of a row without a value ("no figure given", with its target
// after it when one is drawn) and says where it starts: after the start of the bar area,
// or, when the row's target diamond is in the way, on whichever side of it has more room.
func (f *frame) notePlace(g rowGeom, b Bar) (float64, []string) {
	m := f.m
	note := f.missingText(b)
	left, right := g.x0+m.gap, f.p.w-m.pad
	if !f.targets() || !b.HasTarget {
		return left, f.mz.wrap(note, m.small, right-left)
	}
	if b.TargetText != "" {
		note += ", " + b.TargetText
	}
	xt := math.Round(g.x(b.Target))
	before, after := xt-g.diamond-m.gap/2, xt+g.diamond+m.gap/2
	if f.mz.width(note, m.small) <= before-left {
		return left, []string{note}
	}
	if right-after >= before-left {
		return after, f.mz.wrap(note, m.small, right-after)
	}
	return left, f.mz.wrap(note, m.small, before-left)
}

// spread shares out the height a given Spec.Height leaves beyond the rows' needs.
func (g *rowGeom) spread(height float64) {
	for _, h := range g.rowH {
		height -= h
	}
	if height <= 0 {
		return
	}
	n := float64(len(g.rowH))
	each := math.Floor(height / n)
	rest := math.Floor(height - each*n) // whole px left over: one more for the first rows
	for i := range g.rowH {
		g.rowH[i] += each
		if float64(i) < rest {
			g.rowH[i]++
		}
	}
}

// xGrid draws the vertical grid lines over each run of rows (zero has the axis line
// instead, the reference value its own line) and the tick labels under the rows, centred on their lines.
func (f *frame) xGrid(g rowGeom, runs [][2]float64, bottom float64) {
	ticks := f.tickTexts(g.ax)
	for i, t := range g.ax.ticks {
		x := math.Round(g.x(t))
		for _, r := range runs {
			if t != 0 && !(f.hasReference() && t == f.s.Reference) { // the reference line stands there
				f.p.rect(x, r[0], 1, r[1]-r[0], f.th.Grid)
			}
		}
		w := f.mz.width(ticks[i], f.m.small)
		f.text(ticks[i], x-w/2, firstBaseline(bottom+f.m.gap, f.m.small), f.m.small, f.th.Muted, false)
	}
}

// reference draws the reference line (Spec.Reference) with its label above the rows,
// centred on it as far as the width allows. The line is dashed, so it is not taken for a
// grid line or a bar, and broken wherever a line of text crosses it, so it never strikes
// through a label. It runs from top to bottom, or when stacked over each row's bar only,
// as the grid does.
func (f *frame) reference(g rowGeom, runs [][2]float64, top, bottom float64) {
	if !f.hasReference() {
		return
	}
	m := f.m
	x := math.Round(g.x(f.s.Reference))
	lineTop := top
	if len(g.refLines) > 0 {
		base := firstBaseline(top-g.refH, m.small)
		if g.refOnHead {
			base = firstBaseline(top+m.gap/2, f.groupSize()) // the heading's baseline (groupHead)
			lineTop = math.Ceil(base + descent*m.small + 2)
		}
		f.lines(g.refLines, f.refLabelX(g), base, m.small, f.th.Muted, false)
	}
	if !g.stacked {
		runs = [][2]float64{{lineTop, bottom}}
	}
	lw, clear := m.stroke, math.Round(m.gap/2) // clear: room left around a text it stops for
	var cuts [][2]float64
	for _, o := range f.p.ops {
		if o.kind != opText {
			continue
		}
		if b := o.textBox(); b.x0 < x+lw/2+clear && b.x1 > x-lw/2-clear {
			cuts = append(cuts, [2]float64{b.y0 - clear, b.y1 + clear})
		}
	}
	sort.Slice(cuts, func(i, j int) bool { return cuts[i][0] < cuts[j][0] })
	o := op{kind: opPath, stroke: f.th.Muted, strokeW: lw, dash: []float64{3 * lw, 2 * lw}}
	for _, r := range runs {
		y := r[0]
		for _, c := range cuts {
			if c[1] <= y || c[0] >= r[1] {
				continue
			}
			if c[0] > y {
				o.sub = append(o.sub, []pt{{x, y}, {x, c[0]}})
			}
			y = math.Max(y, c[1])
		}
		if y < r[1] {
			o.sub = append(o.sub, []pt{{x, y}, {x, r[1]}})
		}
	}
	if len(o.sub) > 0 {
		f.p.add(o)
	}
}

// refLabelX is where the reference label starts: centred on the line as far as the width
// allows.
func (f *frame) refLabelX(g rowGeom) float64 {
	w := f.mz.widest(g.refLines, f.m.small)
	x := math.Round(g.x(f.s.Reference))
	return math.Max(f.m.pad, math.Min(x-w/2, f.p.w-f.m.pad-w))
}

// refBesideHead puts a one-line reference label on the line of the first row's group
// heading when it clears the heading's text, instead of on a line of its own above it.
func (f *frame) refBesideHead(g *rowGeom) {
	if len(g.refLines) != 1 || len(g.heads) == 0 || len(g.heads[0].lines) == 0 {
		return
	}
	end := f.m.pad + f.mz.widest(g.heads[0].lines, f.groupSize()) + 2*f.m.gap
	if f.refLabelX(*g) >= end {
		g.refOnHead, g.refH = true, 0
	}
}
