package chart

import (
	"math"
	"strings"
)

// groupHead is what goes above the first row of a group (Bar.Group): a separator rule
// (not above the very first row) and the group's heading (Spec.GroupLabels), either of
// which may be absent; h is the height it takes, 0 for nothing.
type groupHead struct {
	rule  bool
	lines []string
	h     float64
}

// groupSize is the font size of group headings: a step above the row labels.
func (f *frame) groupSize() float64 { return f.m.text + 1 }

// groupHeads finds where the group changes and sizes the heading above each such row.
func (f *frame) groupHeads() []groupHead {
	heads := make([]groupHead, len(f.s.Bars))
	m, size := f.m, f.groupSize()
	prev := ""
	for i, b := range f.s.Bars {
		if b.Group == prev {
			continue
		}
		prev = b.Group
		h := groupHead{rule: i > 0}
		if l := strings.TrimSpace(f.s.GroupLabels[b.Group]); b.Group != "" && l != "" {
			h.lines = f.mz.wrap(l, size, f.p.w-2*m.pad)
		}
		if h.rule {
			h.h += m.gap + 1
		}
		if len(h.lines) > 0 {
			h.h += m.gap/2 + float64(len(h.lines))*lineH(size)
		}
		h.h = math.Ceil(h.h)
		heads[i] = h
	}
	return heads
}

// groupHead draws a heading from top: the rule over the full width, then the text.
func (f *frame) groupHead(h groupHead, top float64) {
	m, size := f.m, f.groupSize()
	y := top
	if h.rule {
		y = math.Round(y + m.gap)
		f.p.rect(m.pad, y, f.p.w-2*m.pad, 1, f.th.Muted)
		y++
	}
	if len(h.lines) > 0 {
		f.lines(h.lines, m.pad, firstBaseline(y+m.gap/2, size), size, f.th.Text, false)
	}
}
