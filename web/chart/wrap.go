package chart

import "strings"

// words splits on ASCII spaces only: no-break spaces (U+00A0, U+202F in French numbers
// such as "22,6 %") must keep their neighbours together, which strings.Fields would not.
func words(s string) []string {
	var out []string
	for _, w := range strings.Split(s, " ") {
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// wrap breaks text into lines no wider than width, greedily by words; a word wider than
// the line is broken between characters, so every line fits and nothing is dropped.
func (m *measurer) wrap(text string, size, width float64) []string {
	var lines []string
	line := ""
	for _, w := range words(text) {
		if line != "" && m.width(line+" "+w, size) <= width {
			line += " " + w
			continue
		}
		if line != "" {
			lines = append(lines, line)
		}
		pieces := m.breakWord(w, size, width)
		lines = append(lines, pieces[:len(pieces)-1]...)
		line = pieces[len(pieces)-1]
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// breakWord splits a single over-long word into pieces that fit width (at least one rune
// per piece, so it always terminates).
func (m *measurer) breakWord(w string, size, width float64) []string {
	if m.width(w, size) <= width {
		return []string{w}
	}
	var out []string
	cur := ""
	for _, r := range w {
		if cur != "" && m.width(cur+string(r), size) > width {
			out = append(out, cur)
			cur = ""
		}
		cur += string(r)
	}
	return append(out, cur)
}

// widest is the width of the widest of the texts.
func (m *measurer) widest(texts []string, size float64) float64 {
	w := 0.0
	for _, t := range texts {
		w = max(w, m.width(t, size))
	}
	return w
}
