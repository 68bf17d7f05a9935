package chart

import (
	"math"
	"strings"
	"testing"
)

// compactSlide is the uniformed parity chart as a slide draws it: 1700 px wide, text
// scaled up 2.1 times on top of the theme's, in a height that only a compact layout meets.
func compactSlide(th Theme) Spec {
	s := parity(1700, true)
	s.ID, s.Theme, s.Height, s.LabelShare = "parity-compact-slide", th, 480, 0.55
	s.Theme.TextScale = max(th.TextScale, 1) * 2.1
	return s
}

// compactOdd pushes the compact layout: a target past its value label, a row without a
// value but with a target, a zero value, and no value labels at all.
func compactOdd(values bool) Spec {
	s := parity(360, true)
	s.ID, s.Height, s.ShowValues = "compact-odd", 200, values
	s.Bars[0] = parityBar("Military professional posts at Headquarters", 3, 45, true, true)
	s.Bars[1] = parityBar("Staff and military observers in the field", 0, 0, false, true)
	s.Bars[2] = parityBar("Individual police officers in the field", 0, 22, true, true)
	return s
}

// barThickness is the height of the first bar drawn.
func barThickness(t *testing.T, s Spec) float64 {
	t.Helper()
	b := barBoxes(mustLayout(t, s))[0].pathBox()
	return b.y1 - b.y0
}

// isCompact reports whether s is laid out compact: with thinner bars than without a height
// to fit.
func isCompact(t *testing.T, s Spec) bool {
	t.Helper()
	free := s
	free.Height = 0
	return barThickness(t, s) < barThickness(t, free)
}

// TestCompactOnlyWhenNeeded: rows keep their usual layout when the given height leaves room
// for it, and turn compact, within that height, when it does not.
func TestCompactOnlyWhenNeeded(t *testing.T) {
	s := parity(960, true)
	natural := render(t, s).Height
	if isCompact(t, s) {
		t.Error("compact without a height to fit")
	}
	s.Height = natural
	if r := render(t, s); r.Height != natural || isCompact(t, s) {
		t.Errorf("height %d, compact %v; want %d, not compact", r.Height, isCompact(t, s), natural)
	}
	s.Height = natural - 1
	if r := render(t, s); r.Height > s.Height || !isCompact(t, s) {
		t.Errorf("height %d: drawn %d high, compact %v; want a compact chart that fits", s.Height, r.Height, isCompact(t, s))
	}
	s.Height = 100
	if r := render(t, s); r.Height >= natural || !isCompact(t, s) {
		t.Errorf("height %d: drawn %d high, compact %v; want a compact chart under %d", s.Height, r.Height, isCompact(t, s), natural)
	}
}

// targetCases are row charts with targets in every layout: label column or stacked labels,
// compact or not, values shown or not, a target past its value, a row with a target but no
// value.
func targetCases() []Spec {
	compact := parity(960, true)
	compact.ID, compact.Height = "parity-300", 300
	return []Spec{compactSlide(Projector), compactSlide(Light), compactOdd(true), compactOdd(false),
		parity(960, true), parity(360, true), parity(240, true), compact, french(360), parityGroups(960), parityGroups(320)}
}

// TestTargetsInTheirBand: each target marker is a diamond centred on its bar's band, inside
// its row; its text reads after the value on the bar's line ("22.6 %, target 17 %": the value
// with a comma, then the target text in the target colour), right of the bar and clear of
// the marker; a row without a value says its target after its note. The only unclassed
// target-coloured shape is the legend's key: no key stands in for the word "target".
func TestTargetsInTheirBand(t *testing.T) {
	for _, s := range targetCases() {
		p := mustLayout(t, s)
		th := s.Theme.resolved()
		bars, markers, texts := map[int]box{}, map[int]op{}, textOps(p)
		keys := 0
		for _, o := range p.ops {
			switch {
			case strings.HasPrefix(o.class, "bar ") && !strings.Contains(o.class, "missing"):
				bars[o.index] = o.pathBox()
			case strings.HasPrefix(o.class, "target "):
				markers[o.index] = o
			case o.kind == opPath && o.class == "" && o.fill == th.Target:
				keys++
			}
		}
		if keys != 1 {
			t.Errorf("%s: %d unclassed target-coloured shapes, want the legend key only", s.ID, keys)
		}
		for i, b := range s.Bars {
			mk, ok := markers[i]
			if !b.HasTarget {
				if ok {
					t.Errorf("%s: %q has a marker but no target", s.ID, b.Label)
				}
				continue
			}
			if !ok {
				t.Errorf("%s: %q: no marker", s.ID, b.Label)
				continue
			}
			mb := mk.pathBox()
			if len(mk.sub) != 1 || len(mk.sub[0]) != 4 || mb.x1-mb.x0 != mb.y1-mb.y0 {
				t.Errorf("%s: %q: marker is not a diamond: %+v", s.ID, b.Label, mk.sub)
			}
			hit := p.hits[i]
			if mb.y0 < hit.Y*p.h || mb.y1 > (hit.Y+hit.H)*p.h {
				t.Errorf("%s: %q: marker %+v outside its row", s.ID, b.Label, mb)
			}
			if !b.HasValue {
				found := false
				for _, o := range texts {
					if strings.Contains(o.text, b.TargetText) && o.y > hit.Y*p.h && o.y < (hit.Y+hit.H)*p.h {
						found = true
						if o.textBox().overlaps(mb) {
							t.Errorf("%s: %q: note %q over the marker", s.ID, b.Label, o.text)
						}
					}
				}
				if !found {
					t.Errorf("%s: %q: no target text in the row without a value", s.ID, b.Label)
				}
				continue
			}
			bb := bars[i]
			cy := (bb.y0 + bb.y1) / 2
			if math.Abs((mb.y0+mb.y1)/2-cy) > 0.5 {
				t.Errorf("%s: %q: marker %+v not centred on the bar %+v", s.ID, b.Label, mb, bb)
			}
			var tt, vt *op // the texts on this bar's line
			for k, o := range texts {
				if o.textBox().y0 > cy || o.textBox().y1 < cy {
					continue
				}
				if o.color == th.Target && o.text == b.TargetText {
					tt = &texts[k]
				}
				if o.color == th.Text && o.text == b.valueLabel()+"," {
					vt = &texts[k]
				}
			}
			if tt == nil {
				t.Errorf("%s: %q: no target text %q level with the bar", s.ID, b.Label, b.TargetText)
				continue
			}
			tb := tt.textBox()
			if tb.y0 > cy || tb.y1 < cy {
				t.Errorf("%s: %q: target text %+v not level with the bar %+v", s.ID, b.Label, tb, bb)
			}
			if tb.x0 < bb.x1 || tb.overlaps(mb) {
				t.Errorf("%s: %q: target text %+v not right of the bar %+v, clear of the marker %+v", s.ID, b.Label, tb, bb, mb)
			}
			// a space apart, made by position: SVG drops a text's leading space
			if s.ShowValues && (vt == nil || tb.x0-vt.textBox().x1 < tt.size/8 || tb.x0-vt.textBox().x1 > tt.size/2 || vt.y != tt.y) {
				t.Errorf("%s: %q: the value with a comma does not lead into the target text", s.ID, b.Label)
			}
		}
	}
}

// TestCompactNothingOverlaps: no text overlaps another, a bar, a marker or a key, and none
// leaves the image.
func TestCompactNothingOverlaps(t *testing.T) {
	for _, s := range []Spec{compactSlide(Projector), compactSlide(Light), compactSlide(Dark), compactOdd(true), compactOdd(false)} {
		if !isCompact(t, s) {
			t.Errorf("%s: not compact", s.ID)
		}
		p := mustLayout(t, s)
		th := s.Theme.resolved()
		var shapes []op
		for _, o := range p.ops {
			if o.kind == opPath && (strings.HasPrefix(o.class, "bar ") && !strings.Contains(o.class, "missing") || o.fill == th.Target) {
				shapes = append(shapes, o)
			}
		}
		texts := textOps(p)
		for i, a := range texts {
			ba := shrink(a.textBox())
			if ba.x0 < 0 || ba.y0 < 0 || ba.x1 > p.w || ba.y1 > p.h {
				t.Errorf("%s: %q outside the image", s.ID, a.text)
			}
			for _, b := range texts[i+1:] {
				if ba.overlaps(shrink(b.textBox())) {
					t.Errorf("%s: %q overlaps %q", s.ID, a.text, b.text)
				}
			}
			for _, o := range shapes {
				if ba.overlaps(o.pathBox()) {
					t.Errorf("%s: %q overlaps %q %s", s.ID, a.text, o.class, o.tip)
				}
			}
		}
	}
}
