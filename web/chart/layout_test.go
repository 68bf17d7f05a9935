package chart

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// stressCases push the layout: many columns on a phone (rotated labels), long and
// unbreakable labels, long values, a given height, and a row whose target is past its value.
func stressCases() map[string]Spec {
	many := Spec{ID: "many", Shape: Columns, Width: 360, ShowValues: true, MissingText: "no figure given"}
	for i := 0; i < 14; i++ {
		many.Bars = append(many.Bars, Bar{Label: fmt.Sprintf("Q%d %d", i%4+1, 2015+i/4), Value: float64(i * 7 % 40), HasValue: i != 5, ValueText: fmt.Sprintf("%d.5 %%", i*7%40)})
	}
	long := parity(360, true)
	long.Bars = append(long.Bars,
		Bar{Label: "Supercalifragilisticexpialidociousunbreakablecategoryname", Value: 3, HasValue: true, ValueText: "3 %", Target: 45, HasTarget: true, TargetText: "45 %"},
		Bar{Label: strings.Repeat("very long category label ", 6), Value: 0, HasValue: true, ValueText: "0 %"})
	tall := fatalities(960, Projector)
	tall.Height, tall.ShowTitle = 700, true
	short := parity(960, true)
	short.Height = 100
	wide := coeGaps(4096)
	words := fatalities(360, Dark)
	words.Bars[0].Label = "Financial year 2017 to 2018 (revised estimate)"
	manyLines := many
	manyLines.ID, manyLines.Shape = "many-lines", Lines
	manyLines.Bars = append([]Bar(nil), many.Bars...)
	manyLines.Bars[13].Partial = true
	zigzag := fatalityLines(360, Light)
	zigzag.ID, zigzag.Bars = "zigzag", nil
	for i, v := range []float64{3, 40, 1, 38, 0, 0, 22, 21, 39} {
		zigzag.Bars = append(zigzag.Bars, Bar{Label: fmt.Sprint(2012 + i), Value: v, HasValue: i != 5, ValueText: fmt.Sprintf("%.0f", v)})
	}
	zigzag.Bars[8].Partial = true
	zigzag.Bars[5].MissingText = "not counted that year"
	tallLines := fatalityLines(960, Projector)
	tallLines.Height, tallLines.ShowTitle = 700, true
	negative := gapsMixed(360)
	for i := range negative.Bars {
		negative.Bars[i].Value = -math.Abs(negative.Bars[i].Value) - 0.5
		negative.Bars[i].ValueText = pp(negative.Bars[i].Value)
	}
	zeros := gaps(360)
	for i := range zeros.Bars {
		zeros.Bars[i].Value, zeros.Bars[i].ValueText = 0, ""
	}
	bigGap := gapsMixed(960)
	bigGap.Bars[0].Value, bigGap.Bars[0].ValueText = 4200, "+4,200 pp"
	bigGap.Bars[3].Value, bigGap.Bars[3].ValueText = -3100.5, "−3,100.5 pp"
	return map[string]Spec{"many": many, "long": long, "tall": tall, "short": short, "wide": wide, "words": words,
		"many-lines": manyLines, "zigzag": zigzag, "tall-lines": tallLines, "all-negative": negative, "all-zero": zeros,
		"big-gap": bigGap, "compact-odd": compactOdd(true), "compact-odd-no-values": compactOdd(false)}
}

func allCases() map[string]Spec {
	m := goldenCases()
	for k, v := range stressCases() {
		m["stress-"+k] = v
	}
	return m
}

func mustLayout(t *testing.T, s Spec) *plan {
	t.Helper()
	p, err := layout(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func textOps(p *plan) []op {
	var out []op
	for _, o := range p.ops {
		if o.kind == opText {
			out = append(out, o)
		}
	}
	return out
}

// barBoxes are the visible bars (not the invisible placeholders of missing values).
func barBoxes(p *plan) []op {
	var out []op
	for _, o := range p.ops {
		if strings.HasPrefix(o.class, "bar ") && !strings.Contains(o.class, "missing") {
			out = append(out, o)
		}
	}
	return out
}

const eps = 0.5 // px: rounding of positions in the output

func shrink(b box) box { return box{b.x0 + eps, b.y0 + eps, b.x1 - eps, b.y1 - eps} }

// TestLabelsDoNotOverlap measures every text line and checks that no two overlap, that none
// overlaps a bar and that all lie inside the image.
func TestLabelsDoNotOverlap(t *testing.T) {
	for name, s := range allCases() {
		p := mustLayout(t, s)
		texts, bars := textOps(p), barBoxes(p)
		for i, a := range texts {
			ba := shrink(a.textBox())
			if ba.x0 < 0 || ba.y0 < 0 || ba.x1 > p.w || ba.y1 > p.h {
				t.Errorf("%s: %q outside the %vx%v image: %+v", name, a.text, p.w, p.h, ba)
			}
			for _, b := range texts[i+1:] {
				if ba.overlaps(shrink(b.textBox())) {
					t.Errorf("%s: %q overlaps %q", name, a.text, b.text)
				}
			}
			for _, b := range bars {
				if ba.overlaps(b.pathBox()) {
					t.Errorf("%s: %q overlaps %s", name, a.text, b.class)
				}
			}
		}
	}
}

// TestEveryLabelDrawn: no label is dropped; wrapped lines join back to the label.
func TestEveryLabelDrawn(t *testing.T) {
	for name, s := range allCases() {
		p := mustLayout(t, s)
		var all strings.Builder
		for _, o := range textOps(p) {
			all.WriteString(o.text)
		}
		joined := all.String()
		for _, b := range s.Bars {
			if !strings.Contains(joined, strings.ReplaceAll(b.Label, " ", "")) && !strings.Contains(strings.ReplaceAll(joined, " ", ""), strings.ReplaceAll(b.Label, " ", "")) {
				t.Errorf("%s: label %q not drawn", name, b.Label)
			}
			if s.ShowValues && b.HasValue && !strings.Contains(joined, b.valueLabel()) {
				t.Errorf("%s: value %q not drawn", name, b.valueLabel())
			}
		}
	}
}

func TestFontSizesReadable(t *testing.T) {
	for name, s := range allCases() {
		least := 12.0
		if s.Width >= 960 {
			least = 14
		}
		for _, o := range textOps(mustLayout(t, s)) {
			if o.size < least {
				t.Errorf("%s: %q at %v px, want >= %v", name, o.text, o.size, least)
			}
		}
	}
}

// TestAxisFromZero: bars grow from one baseline, heights proportional to values, and the
// smallest value still has a height (go-chart's own axis starts at the minimum).
func TestAxisFromZero(t *testing.T) {
	s := fatalities(960, Light)
	bars := barBoxes(mustLayout(t, s))
	base := bars[0].pathBox().y1
	h := func(i int) float64 { return bars[i].pathBox().y1 - bars[i].pathBox().y0 }
	for i, b := range bars {
		if b.pathBox().y1 != base {
			t.Errorf("bar %d does not start at the baseline", i)
		}
		if want := h(0) * s.Bars[i].Value / 59; math.Abs(h(i)-want) > 1 {
			t.Errorf("bar %d height %v, want %v", i, h(i), want)
		}
	}
	if h(3) < 10 {
		t.Errorf("smallest bar (8) is %v px tall", h(3))
	}
	rows := barBoxes(mustLayout(t, parity(960, true)))
	x0 := rows[0].pathBox().x0
	for i, b := range rows {
		if b.pathBox().x0 != x0 {
			t.Errorf("row %d does not start at 0", i)
		}
	}
}

func TestWholeNumberTicks(t *testing.T) {
	for hi, want := range map[float64]string{59: "0 10 20 30 40 50 60", 27: "0 5 10 15 20 25 30", 23: "0 5 10 15 20 25",
		8: "0 2 4 6 8", 0: "0 1", 0.4: "0 1", 1: "0 1", 7: "0 2 4 6 8", 1234: "0 500 1000 1500"} {
		if got := fmt.Sprint(columnAxis(hi).ticks); got != "["+want+"]" {
			t.Errorf("columnAxis(%v) = %s, want [%s]", hi, got, want)
		}
	}
	p := mustLayout(t, fatalities(360, Light))
	if got := tickTexts(p, 7); got != "0 10 20 30 40 50 60" {
		t.Errorf("fatalities ticks %q", got)
	}
}

func TestPercentTicks(t *testing.T) {
	all := func(axis) bool { return true }
	for hi, want := range map[float64]float64{22.6: 30, 29.6: 30, 30: 40, 95: 100, 105: 120, 0: 10, 8: 10} {
		if got := rowAxis(hi, true, all).max; got != want {
			t.Errorf("rowAxis(%v) max %v, want %v", hi, got, want)
		}
	}
	p := mustLayout(t, parity(960, true))
	if got := tickTexts(p, 4); got != "0 % 10 % 20 % 30 %" {
		t.Errorf("parity ticks %q", got)
	}
	s := parity(960, true)
	s.Tick = nil
	if got := tickTexts(mustLayout(t, s), 4); got != "0% 10% 20% 30%" {
		t.Errorf("default percent ticks %q", got)
	}
}

// tickTexts joins the n texts that look like ticks (drawn in the small size, Muted).
func tickTexts(p *plan, n int) string {
	var out []string
	for _, o := range textOps(p) {
		if len(out) < n && o.text != "" && (o.text[0] >= '0' && o.text[0] <= '9') && o.color == Light.Muted {
			out = append(out, o.text)
		}
	}
	return strings.Join(out, " ")
}

func TestHits(t *testing.T) {
	for name, s := range allCases() {
		res := render(t, s)
		if len(res.Hits) != len(s.Bars) {
			t.Fatalf("%s: %d hits for %d bars", name, len(res.Hits), len(s.Bars))
		}
		for i, h := range res.Hits {
			if h.Index != i || h.X < 0 || h.Y < 0 || h.W <= 0 || h.H <= 0 || h.X+h.W > 1+1e-9 || h.Y+h.H > 1+1e-9 {
				t.Errorf("%s: hit %d out of bounds: %+v", name, i, h)
			}
			if i > 0 {
				prev := res.Hits[i-1]
				if s.Shape != Rows && h.X < prev.X+prev.W-1e-9 || s.Shape == Rows && h.Y < prev.Y+prev.H-1e-9 {
					t.Errorf("%s: hit %d overlaps hit %d", name, i, i-1)
				}
			}
		}
	}
}

// TestHitCoversBar: each bar lies inside its hit box.
func TestHitCoversBar(t *testing.T) {
	for name, s := range allCases() {
		p := mustLayout(t, s)
		for _, o := range barBoxes(p) {
			h, b := p.hits[o.index], o.pathBox()
			hb := box{h.X * p.w, h.Y * p.h, (h.X + h.W) * p.w, (h.Y + h.H) * p.h}
			if b.x0 < hb.x0-eps || b.x1 > hb.x1+eps || b.y0 < hb.y0-eps || b.y1 > hb.y1+eps {
				t.Errorf("%s: bar %d %+v outside its hit %+v", name, o.index, b, hb)
			}
		}
	}
}

func TestGivenHeight(t *testing.T) {
	if r := render(t, stressCases()["tall"]); r.Height != 700 {
		t.Errorf("height %d, want 700", r.Height)
	}
	s := parity(960, true)
	s.Height = 800
	if r := render(t, s); r.Height != 800 {
		t.Errorf("rows height %d, want 800", r.Height)
	}
	if r := render(t, stressCases()["short"]); r.Height <= 100 {
		t.Errorf("too small a height was not raised: %d", r.Height)
	}
}

// TestMeasureMatchesGoChart: the cached measurer gives go-chart's SVG MeasureText widths.
func TestMeasureMatchesGoChart(t *testing.T) {
	r := goChartSVG(t)
	mz, _ := measureText()
	for _, s := range []string{"2017", "Military professional posts at Headquarters", "22,6\u202f%", "\u221286 %", "A&B"} {
		for _, size := range []float64{12, 13.5, 16} {
			r.SetFontSize(size)
			if got, want := int(math.Ceil(mz.width(s, size))), r.MeasureText(s).Width(); got != want {
				t.Errorf("%q at %v: %d, go-chart %d", s, size, got, want)
			}
		}
	}
}
