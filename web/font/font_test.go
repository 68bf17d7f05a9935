package font

import (
	"bytes"
	"go/scanner"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2/roboto"
	xfont "golang.org/x/image/font"
)

// texts are what the explorer shows: the string literals of the packages that make its
// interface and messages, its templates and scripts, and the data files with the source
// document.
func texts(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, dir := range []string{"../locale", "../view", "../ui", "../chart", "../export", "../site", "../../data", "../../data/upload", "../../wasm"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			fs := token.NewFileSet()
			var s scanner.Scanner
			s.Init(fs.AddFile(f, -1, len(src)), src, nil, 0)
			for {
				_, tok, lit := s.Scan()
				if tok == token.EOF {
					break
				}
				if tok == token.STRING || tok == token.CHAR {
					if v, err := strconv.Unquote(lit); err == nil {
						out = append(out, v)
					}
				}
			}
		}
	}
	for _, glob := range []string{"../ui/*.vugu", "../../data/*.csv", "../../data/source/*", "../../index.html", "../static/*.js", "../static/*.css"} {
		files, _ := filepath.Glob(glob)
		if len(files) == 0 {
			t.Fatalf("no files %s", glob)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, strings.Split(string(b), "\n")...)
		}
	}
	return out
}

func subset(t *testing.T) Subset {
	t.Helper()
	s, err := MakeSubset(roboto.Roboto, Runes())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestRunesCover: every character of the texts that Roboto has is in the subset.
func TestRunesCover(t *testing.T) {
	full, err := truetype.Parse(roboto.Roboto)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := truetype.Parse(subset(t).TTF)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[rune]bool{}
	for _, s := range texts(t) {
		for _, r := range s {
			if seen[r] || r < 0x20 {
				continue
			}
			seen[r] = true
			if full.Index(r) != 0 && sub.Index(r) == 0 {
				t.Errorf("%q (U+%04X) is in the texts and in Roboto but not in the subset (add it to Runes)", r, r)
			}
		}
	}
	if len(seen) < 150 {
		t.Errorf("only %d characters in the texts: the scan missed files", len(seen))
	}
}

// TestMetricsMeasureAsTheFullFont: text measures the same, to the 1/64 px, with the
// metrics font (no outlines) and the subset as with the full Roboto, at every size from
// 6 px to 64 px in half pixels, for every text and every character kept.
func TestMetricsMeasureAsTheFullFont(t *testing.T) {
	s := subset(t)
	m, err := Metrics(s.TTF)
	if err != nil {
		t.Fatal(err)
	}
	full, _ := truetype.Parse(roboto.Roboto)
	sub, _ := truetype.Parse(s.TTF)
	met, err := truetype.Parse(m)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := met.Name(truetype.NameIDFontFamily), full.Name(truetype.NameIDFontFamily); got != want || want != "Roboto Medium" {
		t.Errorf("family name %q, want %q (go-chart writes it into the SVG's font-family)", got, want)
	}
	seen := map[string]bool{}
	var strs []string
	for _, s := range texts(t) {
		if !seen[s] {
			seen[s] = true
			strs = append(strs, s)
		}
	}
	for _, r := range s.Runes {
		strs = append(strs, string(r), "x"+string(r)+"x")
	}
	for size := 6.0; size <= 64; size += 0.5 {
		opt := &truetype.Options{DPI: 72, Size: size}
		ff, fs, fm := truetype.NewFace(full, opt), truetype.NewFace(sub, opt), truetype.NewFace(met, opt)
		bad := 0
		for _, str := range strs {
			want := xfont.MeasureString(ff, str)
			if gs, gm := xfont.MeasureString(fs, str), xfont.MeasureString(fm, str); (gs != want || gm != want) && bad < 5 {
				if !covered(sub, str) {
					continue // a character outside the subset: the browser falls back for it anyway
				}
				bad++
				t.Errorf("%.1f px %q: full %v, subset %v, metrics %v", size, str, want, gs, gm)
			}
		}
	}
}

func covered(f *truetype.Font, s string) bool {
	for _, r := range s {
		if f.Index(r) == 0 {
			return false
		}
	}
	return true
}

// TestWOFF2RoundTrip reads the WOFF2 back: header, directory and brotli stream give the
// subset's tables byte for byte.
func TestWOFF2RoundTrip(t *testing.T) {
	s := subset(t)
	w, err := WOFF2(s.TTF)
	if err != nil {
		t.Fatal(err)
	}
	if string(w[:4]) != "wOF2" || int(be.Uint32(w[8:])) != len(w) || len(w)%4 != 0 {
		t.Fatalf("header: %q length %d of %d", w[:4], be.Uint32(w[8:]), len(w))
	}
	want, _ := readSFNT(s.TTF)
	n := int(be.Uint16(w[12:]))
	at := 48
	type entry struct {
		tag  string
		size int
	}
	var dir []entry
	for i := 0; i < n; i++ {
		flags := w[at]
		at++
		tag := ""
		if flags&63 == 63 {
			tag = string(w[at : at+4])
			at += 4
		} else {
			tag = knownTags[flags&63]
		}
		if v := flags >> 6; (tag == "glyf" || tag == "loca") != (v == 3) || (v != 0 && v != 3) {
			t.Errorf("%s: transform version %d", tag, v)
		}
		var size int
		for {
			c := w[at]
			at++
			size = size<<7 | int(c&0x7F)
			if c&0x80 == 0 {
				break
			}
		}
		dir = append(dir, entry{tag, size})
	}
	zlen := int(be.Uint32(w[20:]))
	data, err := io.ReadAll(brotli.NewReader(bytes.NewReader(w[at : at+zlen])))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range dir {
		if !bytes.Equal(data[:e.size], want[e.tag]) {
			t.Errorf("table %s differs", e.tag)
		}
		data = data[e.size:]
	}
	if len(dir) != len(want) || len(data) != 0 {
		t.Errorf("%d tables, %d bytes left over; want %d tables", len(dir), len(data), len(want))
	}
}
