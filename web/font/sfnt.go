// Package font makes the page's font at build time: a subset of Roboto Medium with the
// glyphs the explorer's texts use (Subset), the same subset without outlines for the wasm to
// measure chart text with (Metrics), and the subset as a WOFF2 file for the page's
// @font-face (WOFF2). It runs natively only: brotli stays out of the wasm.
package font

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// tables are an sfnt's tables by tag.
type tables map[string][]byte

var be = binary.BigEndian

// readSFNT splits a TrueType file into its tables.
func readSFNT(b []byte) (tables, error) {
	if len(b) < 12 || be.Uint32(b) != 0x00010000 {
		return nil, errors.New("font: not a TrueType file")
	}
	n := int(be.Uint16(b[4:]))
	if len(b) < 12+16*n {
		return nil, errors.New("font: table directory too short")
	}
	t := tables{}
	for i := 0; i < n; i++ {
		r := b[12+16*i:]
		off, size := be.Uint32(r[8:]), be.Uint32(r[12:])
		if uint64(off)+uint64(size) > uint64(len(b)) {
			return nil, fmt.Errorf("font: table %q out of the file", r[:4])
		}
		t[string(r[:4])] = b[off : off+size]
	}
	return t, nil
}

// checksum is the sfnt checksum of a table: the sum of its big-endian 32-bit words, the last
// padded with zeros.
func checksum(b []byte) uint32 {
	var s uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		s += be.Uint32(w[:])
	}
	return s
}

// tags are the table tags in sorted order, as the directory lists them.
func (t tables) tags() []string {
	tags := make([]string, 0, len(t))
	for tag := range t {
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	return tags
}

// writeSFNT lays the tables out as a TrueType file: directory sorted by tag, each table
// 4-byte aligned, and head's checkSumAdjustment set (the head table is changed in place).
func writeSFNT(t tables) []byte {
	tags := t.tags()
	n := len(tags)
	sel := 0
	for 1<<(sel+1) <= n {
		sel++
	}
	out := make([]byte, 12+16*n)
	be.PutUint32(out, 0x00010000)
	be.PutUint16(out[4:], uint16(n))
	be.PutUint16(out[6:], uint16(16<<sel))
	be.PutUint16(out[8:], uint16(sel))
	be.PutUint16(out[10:], uint16(16*n-16<<sel))
	head := t["head"]
	if len(head) >= 12 {
		be.PutUint32(head[8:], 0) // summed as zero
	}
	for i, tag := range tags {
		b := t[tag]
		r := out[12+16*i:]
		copy(r, tag)
		be.PutUint32(r[4:], checksum(b))
		be.PutUint32(r[8:], uint32(len(out)))
		be.PutUint32(r[12:], uint32(len(b)))
		out = append(out, b...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if len(head) >= 12 {
		adj := 0xB1B0AFBA - checksum(out)
		for i, tag := range tags {
			if tag == "head" {
				off := be.Uint32(out[12+16*i+8:])
				be.PutUint32(out[off+8:], adj)
				be.PutUint32(head[8:], adj)
			}
		}
	}
	return out
}
