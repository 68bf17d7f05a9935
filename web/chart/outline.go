package chart

import (
	"math"
	"strconv"

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

// outline returns the <defs> of the glyphs the texts use, drawn from the outlines of of, and
// one <g> per text placing them at the advances of the measurement. (Bytes are appended
// rather than strings concatenated: it keeps the wasm small.)
func (m *measurer) outline(of *truetype.Font, texts []op) (defs, body string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	upem := float64(m.font.FUnitsPerEm())
	ids := map[rune]string{} // glyph id by character, "" for one without contours
	var b, d buf
	d.add("<defs>")
	for _, o := range texts {
		face := m.faceLocked(o.size)
		k := o.size / upem // font units to px
		b.add(`<g aria-label="`, escapeText(o.text), `" fill="`, o.color.String(), `" transform="translate(`)
		b.num(o.x, 2)
		b.add(" ")
		b.num(o.y, 2)
		if o.vertical {
			b.add(") rotate(-90")
		}
		b.add(") scale(", strconv.FormatFloat(k, 'g', 6, 64), `)">`)
		var x fixed.Int26_6 // pen position in px, as font.MeasureString advances it
		prev := rune(-1)
		for _, r := range o.text {
			if prev >= 0 {
				x += face.Kern(prev, r)
			}
			id, seen := ids[r]
			if !seen {
				var path []byte
				id, path = glyph(of, r, upem)
				ids[r] = id
				if id != "" {
					d.add(`<path id="`, id, `" d="`)
					d = append(d, path...)
					d.add(`"/>`)
				}
			}
			if id != "" {
				b.add(`<use xlink:href="#`, id, `" x="`)
				b.num(float64(x)/64/k, 0)
				b.add(`"/>`)
			}
			adv, _ := face.GlyphAdvance(r)
			x += adv
			prev = r
		}
		b.add("</g>")
	}
	d.add("</defs>")
	return string(d), string(b)
}

// buf is an output buffer.
type buf []byte

func (b *buf) add(parts ...string) {
	for _, p := range parts {
		*b = append(*b, p...)
	}
}

// num appends v rounded to the given number of decimals, without trailing zeros.
func (b *buf) num(v float64, decimals int) {
	p := math.Pow(10, float64(decimals))
	*b = strconv.AppendFloat(*b, math.Round(v*p)/p, 'f', -1, 64)
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

// glyph is the id and outline (path data in font units, y down) of character r: the font's
// glyph, or the shape drawnGlyphs has for a character the font lacks. The id is "" for a
// glyph without contours (a space).
func glyph(of *truetype.Font, r rune, upem float64) (string, []byte) {
	idx := of.Index(r)
	var p buf
	if shape, ok := drawnGlyphs[r]; ok && idx == 0 {
		for i, u := range shape {
			c := "L"
			if i == 0 {
				c = "M"
			}
			p.add(c)
			p.num(u.x*upem/2048, 0)
			p.add(" ")
			p.num(u.y*upem/2048, 0)
		}
		p.add("Z")
		return "glyph-u" + strconv.FormatInt(int64(r), 16), p
	}
	var g truetype.GlyphBuf
	// At a scale of one em per font unit (in 26.6), points come out in font units.
	if err := g.Load(of, fixed.Int26_6(of.FUnitsPerEm()), idx, font.HintingNone); err != nil || len(g.Ends) == 0 {
		return "", nil
	}
	start := 0
	for _, end := range g.Ends {
		p = contour(p, g.Points[start:end])
		start = end
	}
	return "glyph-" + strconv.Itoa(int(idx)), p
}

// contour appends one closed contour (points in font units, y up) as M/L/Q/Z commands, y
// down. TrueType contours are quadratic B-splines: two off-curve points in a row imply an
// on-curve point midway.
func contour(b buf, ps []truetype.Point) buf {
	if len(ps) == 0 {
		return b
	}
	type q struct{ x, y int }
	at := func(p truetype.Point) q { return q{int(p.X), -int(p.Y)} }
	on := func(p truetype.Point) bool { return p.Flags&1 != 0 }
	mid := func(a, c q) q { return q{(a.x + c.x) / 2, (a.y + c.y) / 2} }
	cmd := func(c byte, ps ...q) {
		b = append(b, c)
		for i, p := range ps {
			if i > 0 {
				b = append(b, ' ')
			}
			b = strconv.AppendInt(b, int64(p.x), 10)
			b = append(b, ' ')
			b = strconv.AppendInt(b, int64(p.y), 10)
		}
	}

	start, rest := at(ps[0]), ps[1:]
	if !on(ps[0]) { // start on an on-curve point: the last one, or midway to it
		last := ps[len(ps)-1]
		if on(last) {
			start, rest = at(last), ps[:len(ps)-1]
		} else {
			start, rest = mid(at(ps[0]), at(last)), ps
		}
	}
	cmd('M', start)
	prev, prevOn := start, true
	for _, p := range rest {
		cur := at(p)
		switch {
		case on(p) && prevOn:
			cmd('L', cur)
		case on(p):
			cmd('Q', prev, cur)
		case !prevOn:
			cmd('Q', prev, mid(prev, cur))
		}
		prev, prevOn = cur, on(p)
	}
	if !prevOn {
		cmd('Q', prev, start)
	}
	return append(b, 'Z')
}
