package chart

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// pointOps are the point markers of a line chart, by bar index.
func pointOps(p *plan) map[int]op {
	out := map[int]op{}
	for _, o := range p.ops {
		if strings.Contains(o.class, " point") {
			out[o.index] = o
		}
	}
	return out
}

// lineOps are the stroked paths of the line (solid and dashed).
func lineOps(p *plan) (solid, dashed [][]pt) {
	for _, o := range p.ops {
		if o.kind == opPath && o.fill.IsZero() && o.strokeW > 0 && o.class == "" {
			if len(o.dash) > 0 {
				dashed = append(dashed, o.sub...)
			} else {
				solid = append(solid, o.sub...)
			}
		}
	}
	return solid, dashed
}

// plotOnly drops what a legend key draws (under the plot) from a list of subpaths.
func plotOnly(subs [][]pt, bottom float64) [][]pt {
	var out [][]pt
	for _, s := range subs {
		if s[0].y < bottom {
			out = append(out, s)
		}
	}
	return out
}

// TestLinesPoints: one addressable circle per value at its slot's centre, from the same
// axis as Columns; the partial point is hollow; hits are the column slots.
func TestLinesPoints(t *testing.T) {
	s := fatalityLines(960, Light)
	res := render(t, s)
	p := mustLayout(t, s)
	pts := pointOps(p)
	if len(pts) != 4 || len(res.Hits) != 4 {
		t.Fatalf("%d points, %d hits", len(pts), len(res.Hits))
	}
	cols := render(t, fatalities(960, Light))
	colBars := barBoxes(mustLayout(t, fatalities(960, Light)))
	for i, o := range pts {
		if o.kind != opCircle {
			t.Errorf("point %d is not a circle", i)
		}
		h, c := res.Hits[i], cols.Hits[i]
		if math.Abs(h.X-c.X) > 1e-9 || math.Abs(h.W-c.W) > 1e-9 {
			t.Errorf("point %d hit %+v, column hit %+v", i, h, c)
		}
		cx := (colBars[i].pathBox().x0 + colBars[i].pathBox().x1) / 2
		if math.Abs(o.x-cx) > 1 {
			t.Errorf("point %d at x %v, column centre %v", i, o.x, cx)
		}
	}
	// heights proportional to the values, from the same baseline as the axis line
	k := (pts[1].y - pts[0].y) / (59 - 27) // px per unit
	base := pts[0].y + k*59
	for i, b := range s.Bars {
		if want := base - k*b.Value; math.Abs(pts[i].y-want) > 1.5 {
			t.Errorf("point %d at y %v, want %v", i, pts[i].y, want)
		}
	}
	axisAt := math.NaN()
	for _, o := range p.ops {
		if b := o.pathBox(); o.kind == opPath && o.fill == Light.Muted && b.x1-b.x0 > p.w/2 {
			axisAt = b.y0
		}
	}
	if math.Abs(base-axisAt) > 1.5 {
		t.Errorf("values measured from %v, the axis line is at %v", base, axisAt)
	}
	if pts[3].fill != Light.Background || pts[3].stroke != Light.Bar || pts[0].fill != Light.Bar {
		t.Error("partial point not hollow or full point not filled")
	}
	root := parseSVG(t, res.SVG)
	n := 0
	root.walk(func(e node) {
		if strings.HasSuffix(e.attr("class"), " point") || strings.HasSuffix(e.attr("class"), " point partial") {
			n++
			if len(e.Children) != 1 || e.Children[0].XMLName.Local != "title" || e.Children[0].Text != s.Bars[n-1].Tip {
				t.Errorf("point %s: no <title> with the tip", e.attr("class"))
			}
		}
	})
	for i := range 3 {
		if !strings.Contains(res.SVG, fmt.Sprintf(`class="bar bar-%d point" data-index="%d"`, i, i)) {
			t.Errorf("point %d not addressable", i)
		}
	}
	if n != 4 || !strings.Contains(res.SVG, `class="bar bar-3 point partial" data-index="3"`) {
		t.Errorf("%d addressable points; partial point not marked", n)
	}
}

// TestLinesSegments: full periods are joined by a solid line; no segment, solid or dashed,
// touches the partial point (a part year is not comparable with full ones); a missing value
// breaks the line.
func TestLinesSegments(t *testing.T) {
	p := mustLayout(t, fatalityLines(360, Light))
	pts := pointOps(p)
	solid, dashed := lineOps(p)
	if len(solid) != 1 || len(solid[0]) != 3 {
		t.Fatalf("solid line %v, want one polyline through the 3 full years", solid)
	}
	for i, q := range solid[0] {
		if q != (pt{pts[i].x, pts[i].y}) {
			t.Errorf("solid vertex %d at %v, point at %v,%v", i, q, pts[i].x, pts[i].y)
		}
	}
	if len(dashed) != 0 {
		t.Errorf("dashed %v, want none: the partial point stands alone", dashed)
	}
	partial := pt{pts[3].x, pts[3].y}
	for _, sub := range solid {
		for _, q := range sub {
			if q == partial {
				t.Errorf("the line reaches the partial point %v", q)
			}
		}
	}
	s := fatalityLines(360, Light)
	s.Bars[1].HasValue = false
	s.Bars[1].MissingText = "not counted"
	p = mustLayout(t, s)
	solid, dashed = lineOps(p)
	if len(solid) != 0 || len(dashed) != 0 {
		t.Errorf("with 2018 missing: solid %v, dashed %v; want no line (2017 and 2019 are not neighbours, 2020 is partial)", solid, dashed)
	}
	if !strings.Contains(render(t, s).SVG, ">not counted</text>") {
		t.Error("missing note of the gap not drawn")
	}
}

// TestLineLabelsClearOfLine: value labels cross no segment and cover no point in the
// fixtures that have room for it.
func TestLineLabelsClearOfLine(t *testing.T) {
	for _, name := range []string{"lines-wide", "lines-narrow", "lines-dark", "lines-projector", "stress-zigzag", "stress-tall-lines"} {
		s := allCases()[name]
		p := mustLayout(t, s)
		var segs []segment
		solid, dashed := lineOps(p)
		for _, sub := range append(solid, dashed...) {
			for i := 1; i < len(sub); i++ {
				segs = append(segs, segment{a: sub[i-1], b: sub[i]})
			}
		}
		values := map[string]bool{}
		for _, b := range s.Bars {
			values[b.valueLabel()] = true
		}
		for _, o := range textOps(p) {
			if !values[o.text] || o.color != s.Theme.resolved().Text {
				continue
			}
			tb := shrink(o.textBox())
			for _, sg := range segs {
				if segmentCrosses(sg.a, sg.b, tb) {
					t.Errorf("%s: value %q crosses the line %v–%v", name, o.text, sg.a, sg.b)
				}
			}
		}
	}
}

// TestLinesLegendKey: the partial key of a line chart is a hollow point alone, as the
// partial period is drawn.
func TestLinesLegendKey(t *testing.T) {
	p := mustLayout(t, fatalityLines(960, Light))
	solid, dashed := lineOps(p)
	legendLine := false
	for _, sub := range append(solid, dashed...) {
		legendLine = legendLine || sub[0].y == sub[1].y && sub[0].y > p.h*0.85
	}
	legendCircle := false
	for _, o := range p.ops {
		legendCircle = legendCircle || o.kind == opCircle && o.class == "" && o.fill == Light.Background
	}
	if legendLine || !legendCircle {
		t.Errorf("partial key of a line chart: line %v (want none), hollow point %v", legendLine, legendCircle)
	}
	if svg := render(t, fatalityLines(960, Light)).SVG; !strings.Contains(svg, ">* 2020: to 14 September (partial year)</text>") || !strings.Contains(svg, ">2020*</text>") {
		t.Error("partial mark missing from label or legend")
	}
}

func TestSegmentCrosses(t *testing.T) {
	b := box{10, 10, 20, 20}
	for _, c := range []struct {
		a, b pt
		want bool
	}{
		{pt{0, 0}, pt{30, 30}, true}, {pt{0, 15}, pt{30, 15}, true}, {pt{12, 12}, pt{13, 13}, true},
		{pt{0, 0}, pt{30, 0}, false}, {pt{0, 25}, pt{30, 40}, false}, {pt{21, 0}, pt{40, 30}, false},
	} {
		if got := segmentCrosses(c.a, c.b, b); got != c.want {
			t.Errorf("segmentCrosses(%v, %v) = %v", c.a, c.b, got)
		}
	}
}

// TestSignedRows: the axis spans both signs with zero among the ticks, bars grow from the
// zero line on their side, value labels sit at their outer ends, ticks use Tick.
func TestSignedRows(t *testing.T) {
	for _, width := range []int{360, 960} {
		s := gapsMixed(width)
		p := mustLayout(t, s)
		bars := barBoxes(p)
		zero := math.NaN()
		for i, o := range bars {
			b, v := o.pathBox(), s.Bars[o.index].Value
			switch {
			case v < 0:
				if !math.IsNaN(zero) && b.x1 != zero {
					t.Errorf("%d: bar %d ends at %v, zero at %v", width, i, b.x1, zero)
				}
				zero = b.x1
			default:
				if !math.IsNaN(zero) && b.x0 != zero {
					t.Errorf("%d: bar %d starts at %v, zero at %v", width, i, b.x0, zero)
				}
				zero = b.x0
			}
		}
		for _, o := range textOps(p) {
			for _, bo := range bars {
				b, bar := bo.pathBox(), s.Bars[bo.index]
				if o.text != bar.ValueText || o.size != newMetrics(width, Light).text {
					continue
				}
				tb := o.textBox()
				if bar.Value < 0 && (tb.x1 > b.x0 || b.x0-tb.x1 > 6) || bar.Value >= 0 && (tb.x0 < b.x1 || tb.x0-b.x1 > 6) {
					t.Errorf("%d: value %q at %+v, bar %+v", width, o.text, tb, b)
				}
			}
		}
		ticks := map[string]bool{}
		for _, o := range textOps(p) {
			if strings.HasSuffix(o.text, " pp") && o.size == newMetrics(width, Light).small {
				ticks[o.text] = true
			}
		}
		if !ticks["0 pp"] || !ticks["+10 pp"] && !ticks["+20 pp"] || !ticks["\u221210 pp"] && !ticks["\u221220 pp"] {
			t.Errorf("%d: ticks %v", width, ticks)
		}
	}
	for _, c := range []struct {
		lo, hi   float64
		min, max float64
	}{{-11.4, 5.6, -15, 10}, {0, 6.2, 0, 8}, {-3, 0, -3, 0}, {-2, 3, -2, 3}, {0, 0, 0, 1}, {-0.5, 0.5, -1, 1}} {
		a := signedAxis(c.lo, c.hi, func(axis) bool { return true })
		if a.min != c.min || a.max != c.max || !containsZero(a.ticks) {
			t.Errorf("signedAxis(%v, %v) = %v..%v %v, want %v..%v with 0", c.lo, c.hi, a.min, a.max, a.ticks, c.min, c.max)
		}
	}
	for _, tk := range signedAxis(-3, 0, func(axis) bool { return true }).ticks {
		if math.Signbit(tk) && tk == 0 {
			t.Error("a tick is -0")
		}
	}
}

func containsZero(ts []float64) bool {
	for _, t := range ts {
		if t == 0 {
			return true
		}
	}
	return false
}

// TestSignedRules: negative values need Signed rows; Signed draws no targets.
func TestSignedRules(t *testing.T) {
	neg := func(f func(*Spec)) Spec { s := gapsMixed(960); f(&s); return s }
	for name, s := range map[string]Spec{
		"rows unsigned":  neg(func(s *Spec) { s.Signed = false }),
		"columns signed": neg(func(s *Spec) { s.Shape = Columns }),
		"lines signed":   neg(func(s *Spec) { s.Shape = Lines }),
		"huge":           neg(func(s *Spec) { s.Bars[1].Value = -2e15 }),
		"NaN":            neg(func(s *Spec) { s.Bars[1].Value = math.NaN() }),
		"-Inf":           neg(func(s *Spec) { s.Bars[1].Value = math.Inf(-1) }),
	} {
		if _, err := Render(s); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	s := gaps(960)
	s.ShowTargets = true
	for i := range s.Bars {
		s.Bars[i].Target, s.Bars[i].HasTarget, s.Bars[i].TargetText = 17, true, "17 %"
	}
	svg := render(t, s).SVG
	if strings.Contains(svg, `class="target`) || strings.Contains(svg, "Target for 2020") || strings.Contains(svg, ">17 %<") {
		t.Error("targets drawn on a signed axis")
	}
	if _, err := Render(gaps(360)); err != nil {
		t.Error(err)
	}
}

// TestGroups: a heading above each group's first row, a rule between groups, none inside
// a row's hit box; one hit per bar.
func TestGroups(t *testing.T) {
	for _, s := range []Spec{parityGroups(360), parityGroups(960), gapsMixed(360)} {
		res := render(t, s)
		p := mustLayout(t, s)
		if len(res.Hits) != len(s.Bars) {
			t.Fatalf("%s: %d hits", s.ID, len(res.Hits))
		}
		firsts := map[string]int{}
		for i, b := range s.Bars {
			if _, ok := firsts[b.Group]; !ok {
				firsts[b.Group] = i
			}
		}
		for g, i := range firsts {
			label := s.GroupLabels[g]
			var head *op
			for _, o := range textOps(p) {
				if o.text == label {
					head = &o
				}
			}
			if head == nil {
				t.Errorf("%s: heading %q not drawn", s.ID, label)
				continue
			}
			hy := head.textBox().y1 / p.h
			if h := res.Hits[i]; hy > h.Y+1e-9 {
				t.Errorf("%s: heading %q not above its first row", s.ID, label)
			}
			if i > 0 {
				if prev := res.Hits[i-1]; head.textBox().y0/p.h < prev.Y+prev.H-1e-9 {
					t.Errorf("%s: heading %q overlaps the row before", s.ID, label)
				}
			}
		}
		if n := countRules(p); n != 1 {
			t.Errorf("%s: %d separator rules, want 1", s.ID, n)
		}
	}
	// a group without a label gets only the rule; a change back to no group too
	s := parity(960, true)
	s.Bars[2].Group, s.Bars[3].Group, s.Bars[4].Group = "x", "x", "y"
	s.GroupLabels = map[string]string{"y": "Y personnel"}
	p := mustLayout(t, s)
	if n := countRules(p); n != 3 {
		t.Errorf("%d rules, want 3 (before x, y and the ungrouped last row)", n)
	}
	heads := 0
	for _, o := range textOps(p) {
		if o.text == "Y personnel" {
			heads++
		}
	}
	if heads != 1 {
		t.Errorf("%d headings, want 1", heads)
	}
	plain, grouped := render(t, parity(960, true)), render(t, s)
	if grouped.Height <= plain.Height {
		t.Errorf("headings took no room: %d vs %d", grouped.Height, plain.Height)
	}
}

// countRules counts full-width 1 px rules (group separators).
func countRules(p *plan) int {
	n := 0
	for _, o := range p.ops {
		if b := o.pathBox(); o.kind == opPath && o.class == "" && b.y1-b.y0 == 1 && b.x1-b.x0 >= p.w*0.9 {
			n++
		}
	}
	return n
}

// TestBarMissingText: a bar's own note replaces Spec.MissingText in every shape.
func TestBarMissingText(t *testing.T) {
	for _, shape := range []Shape{Columns, Rows, Lines} {
		s := fatalities(360, Light)
		s.Shape, s.MissingText = shape, "no figure given"
		s.Bars[1].HasValue, s.Bars[1].MissingText, s.Bars[1].Tip = false, "target not yet met; no figure given", ""
		s.Bars[2].HasValue, s.Bars[2].Tip = false, ""
		p := mustLayout(t, s)
		var all strings.Builder
		for _, o := range textOps(p) {
			all.WriteString(o.text + " ")
		}
		joined := all.String()
		if !strings.Contains(joined, "no figure given") || !strings.Contains(strings.Join(strings.Fields(joined), " "), "target not yet met; no figure given") {
			t.Errorf("shape %d: notes not drawn: %q", shape, joined)
		}
		svg := render(t, s).SVG
		if !strings.Contains(svg, "<title>2018: target not yet met; no figure given</title>") || !strings.Contains(svg, "<title>2019: no figure given</title>") {
			t.Errorf("shape %d: tooltips do not use the bar's note", shape)
		}
	}
}

// TestShowValuesOff: no value label in any shape when ShowValues is false.
func TestShowValuesOff(t *testing.T) {
	for _, s := range []Spec{fatalities(360, Light), fatalityLines(960, Light), parity(360, true), gapsMixed(960), parityGroups(360)} {
		s.ShowValues = false
		for _, o := range textOps(mustLayout(t, s)) {
			for _, b := range s.Bars {
				if b.HasValue && o.text == b.valueLabel() && o.color == Light.Text && o.size == newMetrics(s.Width, Light).text {
					t.Errorf("%s: value %q drawn", s.ID, o.text)
				}
			}
		}
	}
}

// TestShowTitleEveryShape: the heading is drawn at the top, above everything else.
func TestShowTitleEveryShape(t *testing.T) {
	for _, s := range []Spec{fatalities(360, Light), fatalityLines(360, Light), parity(960, true), gapsMixed(360), parityGroups(960)} {
		for _, show := range []bool{false, true} {
			s.ShowTitle = show
			p := mustLayout(t, s)
			var title *op
			lowest := math.Inf(1)
			for _, o := range textOps(p) {
				if strings.HasPrefix(s.Title, o.text) && o.size == newMetrics(s.Width, Light).title {
					title = &o
				} else {
					lowest = math.Min(lowest, o.textBox().y0)
				}
			}
			if show != (title != nil) {
				t.Errorf("%s ShowTitle=%v: title drawn %v", s.ID, show, title != nil)
			}
			if title != nil && title.textBox().y1 > lowest {
				t.Errorf("%s: title not above the chart", s.ID)
			}
		}
	}
}

// TestReferenceLine: Spec.Reference draws a dashed line at its value, with its label above
// the rows and a tick under it, in place of that tick's grid line; the axis reaches it even
// when every value is far below; no line of text crosses it; a signed chart or a zero
// Reference draws none.
func TestReferenceLine(t *testing.T) {
	refOps := func(p *plan) []op {
		var out []op
		for _, o := range p.ops {
			if len(o.dash) > 0 && o.fill.IsZero() {
				out = append(out, o)
			}
		}
		return out
	}
	for _, s := range []Spec{parity(960, true), parity(360, true), parity(240, false), parityGroups(960), parityGroups(320), french(360), compactSlide(Projector)} {
		s.Bars[0].Value, s.Bars[0].ValueText = 3, "3 %" // the axis must still reach 50
		p := mustLayout(t, s)
		refs := refOps(p)
		if len(refs) != 1 {
			t.Errorf("%s @%d: %d reference lines", s.ID, s.Width, len(refs))
			continue
		}
		x := refs[0].sub[0][0].x
		label, tick := false, false
		for _, o := range textOps(p) {
			b := o.textBox()
			switch {
			case o.text == s.ReferenceText:
				// over the line, or pushed in from an edge of the image; above the line's top
				over := b.x0 <= x && b.x1 >= x || b.x0 < 25 || b.x1 > p.w-25
				label = over && b.y1 <= refs[0].pathBox().y0
			case o.text == s.tickLabel(s.Reference):
				tick = math.Abs((b.x0+b.x1)/2-x) < 1
			}
			for _, sub := range refs[0].sub {
				piece := op{kind: opPath, sub: [][]pt{sub}}.pathBox()
				if b.overlaps(box{piece.x0 - 1, piece.y0, piece.x1 + 1, piece.y1}) {
					t.Errorf("%s @%d: %q crosses the reference line", s.ID, s.Width, o.text)
				}
			}
		}
		if !label || !tick {
			t.Errorf("%s @%d: label above the line %v, tick under it %v", s.ID, s.Width, label, tick)
		}
		for _, o := range p.ops {
			if b := o.pathBox(); o.kind == opPath && o.fill == s.Theme.resolved().Grid && b.x0 <= x && b.x1 >= x {
				t.Errorf("%s @%d: a grid line under the reference line", s.ID, s.Width)
			}
		}
	}
	none := parity(960, true)
	none.Reference = 0
	signed := gaps(960)
	signed.Reference, signed.ReferenceText = 50, "Gender parity: 50 %"
	for _, s := range []Spec{none, signed} {
		if n := len(refOps(mustLayout(t, s))); n != 0 {
			t.Errorf("%s: %d reference lines, want none", s.ID, n)
		}
	}
}
