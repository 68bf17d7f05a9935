package chart

import (
	"fmt"
	"math"
	"strings"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// frame carries what every layout step needs and builds the plan.
type frame struct {
	s    Spec
	th   Theme
	m    metrics
	mz   *measurer
	p    *plan
	mark string // partial mark
	hits []box  // one per bar, in px; converted to fractions by finish
}

// layout validates the spec and lays it out.
func layout(s Spec) (*plan, error) {
	if err := validate(s); err != nil {
		return nil, err
	}
	mz, err := measureText()
	if err != nil {
		return nil, fmt.Errorf("chart: loading the font: %w", err)
	}
	th := s.Theme.resolved()
	f := &frame{s: s, th: th, m: newMetrics(s.Width, th), mz: mz, p: &plan{w: float64(s.Width)}, mark: s.PartialMark}
	if f.mark == "" {
		f.mark = "*"
	}
	f.p.rect(0, 0, 0, 0, th.Background) // resized by finish once the height is known
	if s.Shape == Rows {
		err = layoutRows(f)
	} else {
		err = layoutColumns(f) // Columns and Lines
	}
	if err != nil {
		return nil, err
	}
	return f.p, nil
}

// finish fixes the height, the background and the hit boxes.
func (f *frame) finish(h float64) error {
	h = math.Ceil(h)
	if h > MaxSize {
		return fmt.Errorf("%w: the content needs a height of %.0f px, more than %d", ErrNoRoom, h, MaxSize)
	}
	f.p.h = h
	f.p.ops[0].sub = [][]pt{rectPts(0, 0, f.p.w, h)}
	for i, b := range f.hits {
		f.p.hits = append(f.p.hits, Hit{Index: i, X: b.x0 / f.p.w, Y: b.y0 / h, W: (b.x1 - b.x0) / f.p.w, H: (b.y1 - b.y0) / h})
	}
	return nil
}

// text adds one line of text with its baseline starting at (x, y).
func (f *frame) text(t string, x, y, size float64, c drawing.Color, vertical bool) op {
	t = cleanText(t) // measured and drawn alike, in the SVG and the PNG
	o := op{kind: opText, text: t, x: x, y: y, size: size, color: c, vertical: vertical, width: f.mz.width(t, size)}
	f.p.add(o)
	return o
}

// lines adds wrapped lines, the first baseline at y; align centres each line on x when
// centre is set, else starts it at x.
func (f *frame) lines(ls []string, x, y, size float64, c drawing.Color, centre bool) {
	for i, l := range ls {
		lx := x
		if centre {
			lx = x - f.mz.width(l, size)/2
		}
		f.text(l, lx, y+float64(i)*lineH(size), size, c, false)
	}
}

// firstBaseline is the baseline of the first line of a block of text starting at top.
func firstBaseline(top, size float64) float64 {
	return top + (lineH(size)-(ascent+descent)*size)/2 + ascent*size
}

// titleLines wraps the visible heading (only when ShowTitle).
func (f *frame) titleLines() []string {
	if !f.s.ShowTitle || strings.TrimSpace(f.s.Title) == "" {
		return nil
	}
	return f.mz.wrap(f.s.Title, f.m.title, f.p.w-2*f.m.pad)
}

// header draws the heading and returns the y below it.
func (f *frame) header() float64 {
	if ls := f.titleLines(); len(ls) > 0 {
		f.lines(ls, f.m.pad, firstBaseline(f.m.pad, f.m.title), f.m.title, f.th.Text, false)
	}
	return f.headerHeight()
}

// headerHeight is the y below the heading, without drawing it.
func (f *frame) headerHeight() float64 {
	ls := f.titleLines()
	if len(ls) == 0 {
		return f.m.pad
	}
	return math.Round(f.m.pad + float64(len(ls))*lineH(f.m.title) + f.m.gap)
}

// maxValue is the largest value or (when targets are drawn) target.
func (f *frame) maxValue() float64 {
	hi := 0.0
	for _, b := range f.s.Bars {
		if b.HasValue {
			hi = max(hi, b.Value)
		}
		if b.HasTarget && f.targets() {
			hi = max(hi, b.Target)
		}
	}
	return hi
}

// targets reports whether target markers are drawn at all (never on a signed axis).
func (f *frame) targets() bool { return f.s.ShowTargets && f.s.Shape == Rows && !f.signed() }

// signed reports whether bars may grow left of a zero line (Spec.Signed, Rows only).
func (f *frame) signed() bool { return f.s.Signed && f.s.Shape == Rows }

// valueRange is the span the value axis must cover: 0..maxValue, or for a signed axis
// min(0, lowest value)..max(0, highest value).
func (f *frame) valueRange() (lo, hi float64) {
	if !f.signed() {
		return 0, f.maxValue()
	}
	for _, b := range f.s.Bars {
		if b.HasValue {
			lo, hi = min(lo, b.Value), max(hi, b.Value)
		}
	}
	return lo, hi
}

// missingText is what a bar without a value says: its own MissingText, else the Spec's.
func (f *frame) missingText(b Bar) string {
	if b.MissingText != "" {
		return b.MissingText
	}
	return f.s.MissingText
}

// barOp is bar i's rectangle; a partial period differs not only by colour: lighter fill
// and a dashed outline in the bar colour.
func (f *frame) barOp(i int, x, y, w, h float64) op {
	b := f.s.Bars[i]
	o := op{kind: opPath, sub: [][]pt{rectPts(x, y, w, h)}, closed: true, fill: f.th.Bar,
		class: fmt.Sprintf("bar bar-%d", i), index: i, tip: f.tip(b)}
	if b.Partial {
		o.fill, o.stroke, o.strokeW = f.th.Partial, f.th.Bar, f.m.stroke
		o.dash = []float64{3 * f.m.stroke, 2 * f.m.stroke}
		o.class += " partial"
	}
	return o
}

// missingOp is an invisible but hoverable element standing for a bar without a value, so
// every bar index has an element with a tooltip.
func (f *frame) missingOp(i int, bx box) op {
	return op{kind: opPath, sub: [][]pt{rectPts(bx.x0, bx.y0, bx.x1-bx.x0, bx.y1-bx.y0)}, closed: true,
		fill: f.th.Background.WithAlpha(0), class: fmt.Sprintf("bar bar-%d missing", i), index: i, tip: f.tip(f.s.Bars[i])}
}

// tip is the tooltip sentence, or label and value when the caller gave none.
func (f *frame) tip(b Bar) string {
	if b.Tip != "" {
		return b.Tip
	}
	if !b.HasValue {
		return strings.TrimSpace(b.Label + ": " + f.missingText(b))
	}
	return b.Label + ": " + b.valueLabel()
}

// label is a bar's axis label, with the partial mark after it.
func (f *frame) label(b Bar) string {
	if b.Partial {
		return b.Label + f.mark
	}
	return b.Label
}
