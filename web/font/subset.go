package font

import (
	"errors"
	"fmt"
	"sort"

	"github.com/golang/freetype/truetype"
)

// Subset is a TrueType font with only the glyphs of some characters: .notdef, the glyph of
// each character the font has, and the components of composite glyphs. The tables kept are
// the ones a browser and golang/freetype need: cmap (format 4), glyf and loca (long
// offsets), hmtx (one full metric per glyph), head, hhea, maxp, post (version 3, no glyph
// names), name and OS/2. The layout tables (GDEF, GPOS, GSUB) are dropped: the charts are
// measured without kerning or ligatures (golang/freetype reads neither, and the font has no
// kern table), so the page now draws chart text as it was measured.
type Subset struct {
	TTF    []byte
	Runes  []rune // the characters mapped, ascending
	Glyphs int    // the number of glyphs, .notdef included
}

// composite glyph flags
const (
	argsAreWords   = 0x0001
	haveScale      = 0x0008
	moreComponents = 0x0020
	haveXYScale    = 0x0040
	haveTwoByTwo   = 0x0080
)

// source is the parsed font being subset.
type source struct {
	t      tables
	glyphs int
	loca   []uint32 // glyphs+1 offsets into glyf
	adv    []uint16 // advance width by glyph
	lsb    []int16  // left side bearing by glyph
}

func parseSource(ttf []byte) (*source, error) {
	t, err := readSFNT(ttf)
	if err != nil {
		return nil, err
	}
	for _, tag := range []string{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "OS/2", "post"} {
		if _, ok := t[tag]; !ok {
			return nil, fmt.Errorf("font: no %s table", tag)
		}
	}
	if len(t["head"]) < 54 || len(t["hhea"]) < 36 || len(t["maxp"]) < 6 || len(t["post"]) < 32 {
		return nil, errors.New("font: head, hhea, maxp or post too short")
	}
	s := &source{t: t, glyphs: int(be.Uint16(t["maxp"][4:]))}
	long := be.Uint16(t["head"][50:]) == 1
	loca := t["loca"]
	for i := 0; i <= s.glyphs; i++ {
		var off uint32
		switch {
		case long && len(loca) >= 4*i+4:
			off = be.Uint32(loca[4*i:])
		case !long && len(loca) >= 2*i+2:
			off = 2 * uint32(be.Uint16(loca[2*i:]))
		default:
			return nil, errors.New("font: loca too short")
		}
		if off > uint32(len(t["glyf"])) || (i > 0 && off < s.loca[i-1]) {
			return nil, errors.New("font: bad loca offset")
		}
		s.loca = append(s.loca, off)
	}
	nhm := int(be.Uint16(t["hhea"][34:]))
	hmtx := t["hmtx"]
	if nhm < 1 || nhm > s.glyphs || len(hmtx) < 4*nhm+2*(s.glyphs-nhm) {
		return nil, errors.New("font: bad hmtx")
	}
	for g := 0; g < s.glyphs; g++ {
		if g < nhm {
			s.adv = append(s.adv, be.Uint16(hmtx[4*g:]))
			s.lsb = append(s.lsb, int16(be.Uint16(hmtx[4*g+2:])))
		} else {
			s.adv = append(s.adv, s.adv[nhm-1])
			s.lsb = append(s.lsb, int16(be.Uint16(hmtx[4*nhm+2*(g-nhm):])))
		}
	}
	return s, nil
}

func (s *source) glyph(g int) []byte { return s.t["glyf"][s.loca[g]:s.loca[g+1]] }

// components calls f with the offset of each component's glyph index in a composite glyph.
func components(b []byte, f func(at int)) error {
	if len(b) < 10 || int16(be.Uint16(b)) >= 0 {
		return nil
	}
	for at := 10; ; {
		if at+4 > len(b) {
			return errors.New("font: composite glyph too short")
		}
		flags := be.Uint16(b[at:])
		f(at + 2)
		at += 4
		if flags&argsAreWords != 0 {
			at += 4
		} else {
			at += 2
		}
		switch {
		case flags&haveScale != 0:
			at += 2
		case flags&haveXYScale != 0:
			at += 4
		case flags&haveTwoByTwo != 0:
			at += 8
		}
		if flags&moreComponents == 0 {
			return nil
		}
	}
}

// MakeSubset makes the subset of ttf for the characters rs. Characters the font lacks are
// left out (Subset.Runes lists the ones kept); so are those above U+FFFF.
func MakeSubset(ttf []byte, rs []rune) (Subset, error) {
	src, err := parseSource(ttf)
	if err != nil {
		return Subset{}, err
	}
	full, err := truetype.Parse(ttf)
	if err != nil {
		return Subset{}, err
	}
	rs = append([]rune(nil), rs...)
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	// New glyph order: .notdef, then the glyphs in the order of their first character (which
	// keeps runs of characters on runs of glyphs: few cmap segments), then components.
	newID := map[int]int{0: 0}
	order := []int{0}
	add := func(g int) {
		if _, ok := newID[g]; !ok {
			newID[g] = len(order)
			order = append(order, g)
		}
	}
	type entry struct {
		r rune
		g int
	}
	var cmap []entry
	for i, r := range rs {
		if (i > 0 && r == rs[i-1]) || r > 0xFFFF {
			continue
		}
		g := int(full.Index(r))
		if g == 0 || g >= src.glyphs {
			continue
		}
		add(g)
		cmap = append(cmap, entry{r, g})
	}
	for i := 0; i < len(order); i++ { // order grows as components are found
		var bad error
		err := components(src.glyph(order[i]), func(at int) {
			c := int(be.Uint16(src.glyph(order[i])[at:]))
			if c >= src.glyphs {
				bad = errors.New("font: component out of range")
				return
			}
			add(c)
		})
		if err != nil {
			return Subset{}, err
		}
		if bad != nil {
			return Subset{}, bad
		}
	}

	var glyf, loca, hmtx []byte
	for _, g := range order {
		loca = be.AppendUint32(loca, uint32(len(glyf)))
		b := append([]byte(nil), src.glyph(g)...)
		_ = components(b, func(at int) { be.PutUint16(b[at:], uint16(newID[int(be.Uint16(b[at:]))])) })
		glyf = append(glyf, b...)
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
		hmtx = be.AppendUint16(hmtx, src.adv[g])
		hmtx = be.AppendUint16(hmtx, uint16(src.lsb[g]))
	}
	loca = be.AppendUint32(loca, uint32(len(glyf)))

	runes := make([]rune, len(cmap))
	ids := make([]uint16, len(cmap))
	for i, e := range cmap {
		runes[i], ids[i] = e.r, uint16(newID[e.g])
	}
	n := len(order)
	head := clone(src.t["head"])
	be.PutUint16(head[50:], 1) // long loca offsets
	hhea := clone(src.t["hhea"])
	be.PutUint16(hhea[34:], uint16(n))
	maxp := clone(src.t["maxp"])
	be.PutUint16(maxp[4:], uint16(n))
	post := clone(src.t["post"][:32])
	be.PutUint32(post, 0x00030000)
	os2 := clone(src.t["OS/2"])
	if len(os2) >= 68 && len(runes) > 0 {
		be.PutUint16(os2[64:], uint16(runes[0]))
		be.PutUint16(os2[66:], uint16(runes[len(runes)-1]))
	}
	out := tables{
		"cmap": cmapTable(runes, ids), "glyf": glyf, "head": head, "hhea": hhea, "hmtx": hmtx,
		"loca": loca, "maxp": maxp, "name": clone(src.t["name"]), "OS/2": os2, "post": post,
	}
	return Subset{TTF: writeSFNT(out), Runes: runes, Glyphs: n}, nil
}

func clone(b []byte) []byte { return append([]byte(nil), b...) }

// cmapTable is a cmap with one format 4 subtable, for Unicode (platform 0, encoding 3) and
// Windows Unicode BMP (3, 1): runs of consecutive characters on consecutive glyphs are one
// segment each, mapped by idDelta alone.
func cmapTable(runes []rune, ids []uint16) []byte {
	type seg struct{ start, end, delta uint16 }
	var segs []seg
	for i, r := range runes {
		d := ids[i] - uint16(r)
		if k := len(segs) - 1; k >= 0 && uint16(r) == segs[k].end+1 && d == segs[k].delta {
			segs[k].end++
			continue
		}
		segs = append(segs, seg{uint16(r), uint16(r), d})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	sel := 0
	for 1<<(sel+1) <= n {
		sel++
	}
	sub := be.AppendUint16(nil, 4)
	sub = be.AppendUint16(sub, uint16(16+8*n))
	sub = be.AppendUint16(sub, 0) // language
	sub = be.AppendUint16(sub, uint16(2*n))
	sub = be.AppendUint16(sub, uint16(2<<sel))
	sub = be.AppendUint16(sub, uint16(sel))
	sub = be.AppendUint16(sub, uint16(2*n-2<<sel))
	for _, s := range segs {
		sub = be.AppendUint16(sub, s.end)
	}
	sub = be.AppendUint16(sub, 0)
	for _, s := range segs {
		sub = be.AppendUint16(sub, s.start)
	}
	for _, s := range segs {
		sub = be.AppendUint16(sub, s.delta)
	}
	for range segs {
		sub = be.AppendUint16(sub, 0)
	}
	b := be.AppendUint16(nil, 0) // version
	b = be.AppendUint16(b, 2)
	b = be.AppendUint16(b, 0)
	b = be.AppendUint16(b, 3)
	b = be.AppendUint32(b, 20)
	b = be.AppendUint16(b, 3)
	b = be.AppendUint16(b, 1)
	b = be.AppendUint32(b, 20)
	return append(b, sub...)
}

// Metrics is the subset without outlines, for measuring text. golang/freetype's advance of a
// glyph is the distance between its two horizontal phantom points, xMin − lsb and
// xMin − lsb + advance, each rounded when scaled; a composite glyph takes them from the
// component flagged USE_MY_METRICS, if any. So every glyph becomes empty (no glyf data) with
// the advance and an lsb that give the same phantom points (xMin of an empty glyph is 0), and
// the name table keeps only the family name, which go-chart writes into the SVG. It measures
// every character exactly as the full font does, in a few KB that compress to about one.
func Metrics(subsetTTF []byte) ([]byte, error) {
	src, err := parseSource(subsetTTF)
	if err != nil {
		return nil, err
	}
	var hmtx []byte
	for g := 0; g < src.glyphs; g++ {
		adv, origin, err := src.phantom(g, 0)
		if err != nil {
			return nil, err
		}
		hmtx = be.AppendUint16(hmtx, adv)
		hmtx = be.AppendUint16(hmtx, uint16(-origin))
	}
	name, err := familyName(src.t["name"])
	if err != nil {
		return nil, err
	}
	head := clone(src.t["head"])
	be.PutUint16(head[50:], 0) // short loca offsets: all zero
	t := tables{"glyf": nil, "loca": make([]byte, 2*(src.glyphs+1)), "hmtx": hmtx, "name": name, "head": head}
	for _, tag := range []string{"cmap", "hhea", "maxp"} {
		t[tag] = clone(src.t[tag])
	}
	return writeSFNT(t), nil
}

// useMyMetrics flags the component whose metrics a composite glyph takes.
const useMyMetrics = 0x0200

// phantom is the advance of glyph g and its first phantom point (xMin − lsb) in font units,
// as golang/freetype finds them.
func (s *source) phantom(g, depth int) (adv uint16, origin int16, err error) {
	if depth > 8 {
		return 0, 0, errors.New("font: composite glyphs nested too deep")
	}
	b := s.glyph(g)
	if len(b) < 10 {
		return s.adv[g], -s.lsb[g], nil
	}
	adv, origin = s.adv[g], int16(be.Uint16(b[2:]))-s.lsb[g]
	err = components(b, func(at int) {
		if be.Uint16(b[at-2:])&useMyMetrics == 0 || err != nil {
			return
		}
		// The last such component wins: each one loaded overwrites the phantom points.
		adv, origin, err = s.phantom(int(be.Uint16(b[at:])), depth+1)
	})
	return adv, origin, err
}

// familyName is a name table with only the records of the font family name (name ID 1).
func familyName(name []byte) ([]byte, error) {
	if len(name) < 6 {
		return nil, errors.New("font: name table too short")
	}
	n, strs := int(be.Uint16(name[2:])), int(be.Uint16(name[4:]))
	if len(name) < 6+12*n {
		return nil, errors.New("font: name table too short")
	}
	var recs, data []byte
	count := 0
	for i := 0; i < n; i++ {
		r := name[6+12*i : 18+12*i]
		if be.Uint16(r[6:]) != 1 {
			continue
		}
		length, off := int(be.Uint16(r[8:])), strs+int(be.Uint16(r[10:]))
		if off+length > len(name) {
			return nil, errors.New("font: name string out of the table")
		}
		rec := clone(r)
		be.PutUint16(rec[10:], uint16(len(data)))
		recs = append(recs, rec...)
		data = append(data, name[off:off+length]...)
		count++
	}
	out := be.AppendUint16(nil, 0)
	out = be.AppendUint16(out, uint16(count))
	out = be.AppendUint16(out, uint16(6+12*count))
	return append(append(out, recs...), data...), nil
}
