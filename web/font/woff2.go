package font

import (
	"bytes"
	"errors"

	"github.com/andybalholm/brotli"
)

// knownTags are the table tags WOFF2 encodes as an index (its table 3, "Known Table Tags").
var knownTags = []string{
	"cmap", "head", "hhea", "hmtx", "maxp", "name", "OS/2", "post", "cvt ", "fpgm", "glyf", "loca", "prep",
	"CFF ", "VORG", "EBDT", "EBLC", "gasp", "hdmx", "kern", "LTSH", "PCLT", "VDMX", "vhea", "vmtx", "BASE",
	"GDEF", "GPOS", "GSUB", "EBSC", "JSTF", "MATH", "CBDT", "CBLC", "COLR", "CPAL", "SVG ", "sbix", "acnt",
	"avar", "bdat", "bloc", "bsln", "cvar", "fdsc", "feat", "fmtx", "fvar", "gvar", "hsty", "just", "lcar",
	"mort", "morx", "opbd", "prop", "trak", "Zapf", "Silf", "Glat", "Gloc", "Feat", "Sill",
}

// WOFF2 wraps a TrueType font as a WOFF2 file (W3C WOFF File Format 2.0) with no table
// transformed: the tables, concatenated, are one brotli stream. glyf and loca carry
// transform version 3, the null transform (version 0 means transformed for those two);
// every other table version 0, which is its null transform. The glyf transform would save
// roughly another fifth; for a subset of a few hundred glyphs it is not worth its code.
func WOFF2(ttf []byte) ([]byte, error) {
	t, err := readSFNT(ttf)
	if err != nil {
		return nil, err
	}
	tags := t.tags()
	var dir, data []byte
	for _, tag := range tags {
		b := t[tag]
		flags := byte(63)
		for i, k := range knownTags {
			if k == tag {
				flags = byte(i)
			}
		}
		if tag == "glyf" || tag == "loca" {
			flags |= 3 << 6
		}
		dir = append(dir, flags)
		if flags&63 == 63 {
			dir = append(dir, tag...)
		}
		dir = appendBase128(dir, uint32(len(b)))
		data = append(data, b...)
	}
	var z bytes.Buffer
	w := brotli.NewWriterOptions(&z, brotli.WriterOptions{Quality: 11, LGWin: 24})
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	sfntSize := 12 + 16*len(tags)
	for _, tag := range tags {
		sfntSize += (len(t[tag]) + 3) &^ 3
	}
	out := make([]byte, 48, 48+len(dir)+z.Len()+3)
	out = append(out, dir...)
	out = append(out, z.Bytes()...)
	for len(out)%4 != 0 {
		out = append(out, 0)
	}
	copy(out, "wOF2")
	be.PutUint32(out[4:], 0x00010000)
	be.PutUint32(out[8:], uint32(len(out)))
	be.PutUint16(out[12:], uint16(len(tags)))
	be.PutUint32(out[16:], uint32(sfntSize))
	be.PutUint32(out[20:], uint32(z.Len()))
	be.PutUint16(out[24:], 1) // font version 1.0: informational
	if len(tags) > 0xFFFF {
		return nil, errors.New("font: too many tables")
	}
	return out, nil
}

// appendBase128 appends v as a UIntBase128: 7 bits a byte, most significant first, the high
// bit set on every byte but the last, no leading zero bytes.
func appendBase128(b []byte, v uint32) []byte {
	n := 1
	for x := v >> 7; x > 0; x >>= 7 {
		n++
	}
	for i := n - 1; i >= 0; i-- {
		c := byte(v>>(7*uint(i))) & 0x7F
		if i > 0 {
			c |= 0x80
		}
		b = append(b, c)
	}
	return b
}
