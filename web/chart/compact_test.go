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

// isCompact reports whether s is laid out compact: only then are there target keys besides
// the legend's, in front of target texts beside the values.
func isCompact(t *testing.T, s Spec) bool {
	t.Helper()
	th, keys := s.Theme.resolved(), 0
	for _, o := range mustLayout(t, s).ops {
		if o.kind == opPath && o.class == "" && o.fill == th.Target {
			keys++
		}
	}
	for _, l := range s.Legend {
		if _, ok := cutDiamond(l); ok {
			keys--
		}
	}
	return keys > 0
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

// TestCompactTargetsBeside: in a compact layout each target text sits on its bar's line,
// right of its value label and clear of its marker, after a target key; a row without a value
// keeps its target text under the note. Value and target stay distinct: the marker is a
// diamond on a stem, not a bar, and the text has a key of that shape in front.
func TestCompactTargetsBeside(t *testing.T) {
	for _, s := range []Spec{compactSlide(Projector), compactSlide(Light), compactOdd(true), compactOdd(false), parity(960, true)} {
		if s.ID == "parity" {
			s.Height = 300
		}
		p := mustLayout(t, s)
		th := s.Theme.resolved()
		bars, texts := map[int]box{}, textOps(p)
		keys, markers := 0, map[int]box{}
		for _, o := range p.ops {
			switch {
			case strings.HasPrefix(o.class, "bar ") && !strings.Contains(o.class, "missing"):
				bars[o.index] = o.pathBox()
			case strings.HasPrefix(o.class, "target "):
				markers[o.index] = o.pathBox()
			case o.kind == opPath && o.class == "" && o.fill == th.Target:
				keys++ // target keys: one in the legend, one per target text beside a value
			}
		}
		beside := 0
		for i, b := range s.Bars {
			if !b.HasTarget {
				continue
			}
			// this row's target text: on its bar's line, or under the marker of a row without a value
			var tt *op
			for k, o := range texts {
				if o.text != b.TargetText || o.color != th.Target {
					continue
				}
				if bb, ok := bars[i]; ok && o.y > bb.y0 && o.y-o.size*capH < bb.y1 {
					tt = &texts[k]
				}
				if m := markers[i]; !b.HasValue && o.y > m.y1 && o.y-o.size*ascent < m.y1+o.size*leading {
					tt = &texts[k]
				}
			}
			if tt == nil {
				t.Errorf("%s: no target text for %q on its line or under it", s.ID, b.Label)
				continue
			}
			tb := tt.textBox()
			if !b.HasValue {
				if tb.y0 < markers[i].y1-1 {
					t.Errorf("%s: %q: the target text of a row without a value is not under it", s.ID, b.Label)
				}
				continue
			}
			beside++
			bb := bars[i]
			if cy := (bb.y0 + bb.y1) / 2; tb.y0 > cy || tb.y1 < cy {
				t.Errorf("%s: %q: target text %+v not level with the bar %+v", s.ID, b.Label, tb, bb)
			}
			if tb.x0 < bb.x1 || tb.overlaps(markers[i]) {
				t.Errorf("%s: %q: target text %+v not right of the bar %+v, clear of the marker %+v", s.ID, b.Label, tb, bb, markers[i])
			}
			for _, o := range texts {
				if s.ShowValues && o.text == b.valueLabel() && o.color == th.Text && math.Abs(o.y-tt.y) < bb.y1-bb.y0 && o.textBox().x1 > tb.x0 {
					t.Errorf("%s: %q: target text not right of the value", s.ID, b.Label)
				}
			}
		}
		if keys != beside+1 {
			t.Errorf("%s: %d target keys for %d target texts beside values and a legend line", s.ID, keys, beside)
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
