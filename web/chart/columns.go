package chart

import (
	"fmt"
	"math"
)

// columnTexts is how the period labels, value labels and missing notes of a column chart
// are set: horizontally and wrapped (up to 3 lines) when they fit their slot, otherwise
// rotated to read upwards, so they never overlap and are never dropped.
type columnTexts struct {
	labels         [][]string
	labelsVertical bool
	labelZone      float64 // height below the axis
	valuesVertical bool
	valueZone      float64 // height above the plot for the tallest bar's label
	missing        [][]string
}

const maxLabelLines = 3

func (f *frame) columnTexts(slot float64) (columnTexts, error) {
	var ct columnTexts
	m, avail := f.m, slot-f.m.gap
	lines := 0
	for _, b := range f.s.Bars {
		ls := f.mz.wrap(f.label(b), m.text, avail)
		ct.labels = append(ct.labels, ls)
		lines = max(lines, len(ls))
		miss := f.mz.wrap(f.missingText(b), m.small, avail)
		ct.missing = append(ct.missing, miss)
		if !b.HasValue && len(miss) > maxLabelLines {
			ct.labelsVertical = true // the note must fit its slot too
		}
	}
	// a single character wider than the slot is still one line: check the widths too; a
	// few more lines are still better than rotated text when they take less height
	tall := lines > maxLabelLines && (lines > 5 || float64(lines)*lineH(m.text) > f.mz.widest(f.labels(), m.text))
	ct.labelsVertical = ct.labelsVertical || tall || widestLine(f.mz, ct.labels, m.text) > avail
	ct.labelZone = m.gap + float64(lines)*lineH(m.text)
	if ct.labelsVertical {
		ct.labelZone = m.gap + f.mz.widest(f.labels(), m.text) + m.gap/2
	}
	values := f.valueTexts()
	ct.valueZone = m.gap / 2
	if len(values) > 0 {
		ct.valueZone = lineH(m.text) + m.gap/2
		if w := f.mz.widest(values, m.text); w > avail {
			ct.valuesVertical, ct.valueZone = true, w+m.gap
		}
	}
	if slot < lineH(m.text) { // even rotated, labels would overlap
		return ct, fmt.Errorf("%w: %d columns do not fit a width of %d px with readable labels", ErrNoRoom, len(f.s.Bars), f.s.Width)
	}
	return ct, nil
}

// widestLine is the width of the widest line of wrapped texts.
func widestLine(mz *measurer, texts [][]string, size float64) float64 {
	w := 0.0
	for _, ls := range texts {
		w = max(w, mz.widest(ls, size))
	}
	return w
}

// labels are the single-line axis labels of all bars.
func (f *frame) labels() []string {
	var out []string
	for _, b := range f.s.Bars {
		out = append(out, f.label(b))
	}
	return out
}

// valueTexts are the value labels to draw (none unless ShowValues).
func (f *frame) valueTexts() []string {
	var out []string
	for _, b := range f.s.Bars {
		if f.s.ShowValues && b.HasValue {
			out = append(out, b.valueLabel())
		}
	}
	return out
}

// columnGeom is the frame of a column chart's plot in px.
type columnGeom struct {
	left, right, top, bottom, slot float64
	ax                             axis
}

func (g columnGeom) y(v float64) float64 {
	return g.bottom - v/g.ax.max*(g.bottom-g.top)
}

func (g columnGeom) centre(i int) float64 { return g.left + g.slot*(float64(i)+0.5) }

// layoutColumns lays out a time series: y axis from 0 with whole-number ticks, one slot
// per period, value labels above and period labels below the bars, or (Lines) a line
// through one point per slot.
func layoutColumns(f *frame) error {
	m := f.m
	g := columnGeom{ax: columnAxis(f.maxValue())}
	ticks := f.tickTexts(g.ax)
	g.left = m.pad + f.mz.widest(ticks, m.small) + m.gap
	g.right = f.p.w - m.pad
	g.slot = (g.right - g.left) / float64(len(f.s.Bars))
	ct, err := f.columnTexts(g.slot)
	if err != nil {
		return err
	}
	lines := f.s.Shape == Lines
	if lines {
		ct.valueZone += f.pointRadius() // the top point reaches above the plot
	}
	legend := f.legendItems()
	g.top = math.Round(f.header() + ct.valueZone)
	below := ct.labelZone + f.legendHeight(legend) + m.pad
	g.bottom = g.top + f.plotHeight(g.top+below, len(g.ax.ticks))
	f.yGrid(g, ticks)
	if lines {
		f.lineSeries(g, ct)
	} else {
		for i := range f.s.Bars {
			f.column(g, ct, i)
		}
	}
	f.p.rect(g.left, g.bottom, g.right-g.left, math.Max(1, math.Round(m.stroke/2)), f.th.Muted)
	f.legend(legend, g.bottom+ct.labelZone)
	return f.finish(g.bottom + below)
}

// plotHeight is the plot's height: from Spec.Height when given, else from the width; never
// so small that tick labels collide.
func (f *frame) plotHeight(fixed float64, ticks int) float64 {
	least := math.Max(120, float64(ticks-1)*lineH(f.m.small)*1.5)
	h := math.Round(math.Min(math.Max(f.p.w*0.4, 160), 360))
	if f.s.Height > 0 {
		h = float64(f.s.Height) - fixed
	}
	return math.Round(math.Max(h, least))
}

// tickTexts formats the axis ticks.
func (f *frame) tickTexts(a axis) []string {
	var out []string
	for _, t := range a.ticks {
		out = append(out, f.s.tickLabel(t))
	}
	return out
}

// yGrid draws the horizontal grid lines and right-aligned tick labels.
func (f *frame) yGrid(g columnGeom, ticks []string) {
	for i, t := range g.ax.ticks {
		y := math.Round(g.y(t))
		if t > 0 {
			f.p.rect(g.left, y, g.right-g.left, 1, f.th.Grid)
		}
		w := f.mz.width(ticks[i], f.m.small)
		f.text(ticks[i], g.left-f.m.gap-w, y+capH*f.m.small/2, f.m.small, f.th.Muted, false)
	}
}
