package chart

import (
	"math"
	"strconv"
	"strings"

	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// Outlined text: a standalone image draws each line of text as the glyph outlines of the
// font it was measured with, placed at the advances and kerning the measurement used. A
// font-family in an SVG is only a request: an <img> or a slide program on a machine
// without Roboto would substitute another font, whose wider or narrower glyphs then
// overlap or drift from the layout. Each glyph is defined once (<defs>, in font units) and
// placed with <use>, which keeps a chart's file small.

// outline returns the <defs> of the glyphs the texts use and one <g> per text placing them.
func (m *measurer) outline(texts []op) (defs, body string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	upem := float64(m.font.FUnitsPerEm())
	ids := map[truetype.Index]bool{}
	var order []truetype.Index
	var b, d strings.Builder
	drawn := map[rune]bool{}
	d.WriteString("<defs>")
	for _, o := range texts {
		face := m.faceLocked(o.size)
		k := o.size / upem // font units to px
		b.WriteString(`<g aria-label="` + escapeText(o.text) + `" fill="` + o.color.String() + `" transform="translate(` +
			num(math.Round(o.x*100)/100) + " " + num(math.Round(o.y*100)/100) + ")")
		if o.vertical {
			b.WriteString(" rotate(-90)")
		}
		b.WriteString(" scale(" + strconv.FormatFloat(k, 'g', 6, 64) + `)">`)
		var x fixed.Int26_6 // pen position in px, as font.MeasureString advances it
		prev := rune(-1)
		for _, r := range o.text {
			if prev >= 0 {
				x += face.Kern(prev, r)
			}
			idx := m.font.Index(r)
			id := glyphID(idx)
			if _, ok := drawnGlyphs[r]; ok && idx == 0 {
				id = drawnID(r)
				if !drawn[r] {
					drawn[r] = true
					d.WriteString(`<path id="` + id + `" d="` + drawnPath(r, upem) + `"/>`)
				}
			} else if !ids[idx] {
				ids[idx] = true
				order = append(order, idx)
			}
			if id != glyphID(idx) || m.glyphPath(idx) != "" {
				b.WriteString(`<use xlink:href="#` + id + `" x="` + num(math.Round(float64(x)/64/k)) + `"/>`)
			}
			adv, _ := face.GlyphAdvance(r)
			x += adv
			prev = r
		}
		b.WriteString("</g>")
	}
	for _, idx := range order {
		if p := m.glyphPath(idx); p != "" {
			d.WriteString(`<path id="` + glyphID(idx) + `" d="` + p + `"/>`)
		}
	}
	d.WriteString("</defs>")
	return d.String(), b.String()
}

// faceLocked is the face at size px that width measures with (m.mu held).
func (m *measurer) faceLocked(size float64) font.Face {
	face, ok := m.faces[size]
	if !ok {
		face = truetype.NewFace(m.font, &truetype.Options{DPI: 72, Size: size})
		m.faces[size] = face
	}
	return face
}

func glyphID(idx truetype.Index) string { return "glyph-" + strconv.Itoa(int(idx)) }

func drawnID(r rune) string { return "glyph-u" + strconv.FormatInt(int64(r), 16) }

// drawnPath is a drawn glyph's polygon (drawnGlyphs) as path data in font units.
func drawnPath(r rune, upem float64) string {
	var b strings.Builder
	for i, u := range drawnGlyphs[r] {
		if i == 0 {
			b.WriteString("M")
		} else {
			b.WriteString("L")
		}
		b.WriteString(num(math.Round(u.x*upem/2048)) + " " + num(math.Round(u.y*upem/2048)))
	}
	b.WriteString("Z")
	return b.String()
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// glyphPaths caches the path data of glyphs by font and index (m.mu held).
var glyphPaths = map[*truetype.Font]map[truetype.Index]string{}

// glyphPath is the outline of glyph idx as SVG path data in font units, y down, "" for a
// glyph without contours (a space). TrueType contours are quadratic B-splines: two off-curve
// points in a row imply an on-curve point midway.
func (m *measurer) glyphPath(idx truetype.Index) string {
	cache := glyphPaths[m.font]
	if cache == nil {
		cache = map[truetype.Index]string{}
		glyphPaths[m.font] = cache
	}
	if p, ok := cache[idx]; ok {
		return p
	}
	var g truetype.GlyphBuf
	// At a scale of one em per font unit (in 26.6), points come out in font units.
	if err := g.Load(m.font, fixed.Int26_6(m.font.FUnitsPerEm()), idx, font.HintingNone); err != nil {
		cache[idx] = ""
		return ""
	}
	var b strings.Builder
	start := 0
	for _, end := range g.Ends {
		contour(&b, g.Points[start:end])
		start = end
	}
	cache[idx] = b.String()
	return cache[idx]
}

// contour writes one closed contour (points in font units, y up) as M/L/Q/Z commands, y down.
func contour(b *strings.Builder, ps []truetype.Point) {
	if len(ps) == 0 {
		return
	}
	type q struct{ x, y int }
	at := func(p truetype.Point) q { return q{int(p.X), -int(p.Y)} }
	on := func(p truetype.Point) bool { return p.Flags&1 != 0 }
	mid := func(a, c q) q { return q{(a.x + c.x) / 2, (a.y + c.y) / 2} }
	pair := func(p q) string { return strconv.Itoa(p.x) + " " + strconv.Itoa(p.y) }

	start, rest := at(ps[0]), ps[1:]
	if !on(ps[0]) { // start on an on-curve point: the last one, or midway to it
		last := ps[len(ps)-1]
		if on(last) {
			start, rest = at(last), ps[:len(ps)-1]
		} else {
			start, rest = mid(at(ps[0]), at(last)), ps
		}
	}
	b.WriteString("M" + pair(start))
	prev, prevOn := start, true
	for _, p := range rest {
		cur := at(p)
		switch {
		case on(p) && prevOn:
			b.WriteString("L" + pair(cur))
		case on(p):
			b.WriteString("Q" + pair(prev) + " " + pair(cur))
		case !prevOn:
			b.WriteString("Q" + pair(prev) + " " + pair(mid(prev, cur)))
		}
		prev, prevOn = cur, on(p)
	}
	if !prevOn {
		b.WriteString("Q" + pair(prev) + " " + pair(start))
	}
	b.WriteString("Z")
}
