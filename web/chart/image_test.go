package chart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// testFrame has a heading that wraps on a phone, a headline with the arrow Roboto lacks and
// French spaces, and a long source line.
var testFrame = Frame{
	Title:    "Peacekeeper fatalities from acts of violence",
	Headline: "59 in 2017 → 25 in 2019, −58\u202f% (our calculation); 8 so far in 2020, to 14 September",
	Source:   "Source: S/2020/911, Annex I, p. 5 — Jean-Pierre Lacroix, Under-Secretary-General for Peace Operations, briefing of 14 September 2020",
}

var imageWidths = []int{320, 375, 600, 768, 960, 1440, 1920}

// imageCases are charts of every shape in every theme, for the widths of images.
func imageCases(width int) map[string]Spec {
	out := map[string]Spec{}
	for _, th := range []Theme{Light, Dark, Projector} {
		for name, s := range map[string]Spec{"columns": fatalities(width, th), "lines": fatalityLines(width, th),
			"rows": parity(width, true), "groups": parityGroups(width), "gaps": gaps(width), "french": french(width)} {
			s.Width, s.Theme = width, th
			out[name+"-"+th.Name] = s
		}
	}
	return out
}

// squash drops spaces, which wrapping turns into line ends.
func squash(s string) string { return strings.Join(strings.Fields(s), "") }

// lineTexts joins the text ops of each baseline (a line split around a drawn glyph) in x order.
func lineTexts(ops []op) []string {
	sort.SliceStable(ops, func(i, j int) bool {
		if ops[i].y != ops[j].y {
			return ops[i].y < ops[j].y
		}
		return ops[i].x < ops[j].x
	})
	var out []string
	for i, o := range ops {
		if i > 0 && o.y == ops[i-1].y {
			out[len(out)-1] += o.text
		} else {
			out = append(out, o.text)
		}
	}
	return out
}

// TestImageFrameLayout: at every width an image may have, the heading, headline and source
// line are all there, wrapped inside the image, in sizes a slide can be read at (heading
// at least 18 px, all other text at least 12 px), and clear of the chart and of each other.
func TestImageFrameLayout(t *testing.T) {
	for _, w := range imageWidths {
		for name, s := range imageCases(w) {
			s.ShowTitle = false
			body, err := layout(s)
			if errors.Is(err, ErrNoRoom) {
				continue // the page shows a table instead; no image either
			}
			if err != nil {
				t.Fatalf("%s %d: %v", name, w, err)
			}
			p, dy, err := framedPlan(s, testFrame)
			if err != nil {
				t.Fatalf("%s %d: %v", name, w, err)
			}
			id := fmt.Sprintf("%s at %d", name, w)
			content := box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
			for _, o := range body.ops[1:] { // all but the background
				b := o.pathBox()
				if o.kind == opText {
					b = o.textBox()
				}
				content = box{min(content.x0, b.x0), min(content.y0, b.y0+dy), max(content.x1, b.x1), max(content.y1, b.y1+dy)}
			}
			if p.h < body.h+dy {
				t.Errorf("%s: image %v high, chart ends at %v", id, p.h, body.h+dy)
			}
			var head, foot []op
			sz := newFrameSizes(float64(w), s.Theme.resolved())
			for _, o := range textOps(p) {
				b := shrink(o.textBox())
				if b.x0 < 0 || b.y0 < 0 || b.x1 > p.w || b.y1 > p.h {
					t.Errorf("%s: %q outside the %vx%v image: %+v", id, o.text, p.w, p.h, b)
				}
				if o.size < 12 {
					t.Errorf("%s: %q at %v px, under 12", id, o.text, o.size)
				}
				switch {
				case o.y < dy:
					head = append(head, o)
					if b.y1 > content.y0 {
						t.Errorf("%s: heading text %q reaches into the chart (%v > %v)", id, o.text, b.y1, content.y0)
					}
				case o.y > body.h+dy-sz.pad:
					foot = append(foot, o)
					if b.y0 < content.y1 {
						t.Errorf("%s: source text %q reaches into the chart (%v < %v)", id, o.text, b.y0, content.y1)
					}
				}
			}
			var title, headline []op
			for _, o := range head {
				if o.size == sz.title {
					title = append(title, o)
					if o.size < 18 {
						t.Errorf("%s: heading at %v px, under 18", id, o.size)
					}
				} else {
					headline = append(headline, o)
				}
			}
			for _, c := range []struct {
				what string
				ops  []op
				want string
			}{{"heading", title, testFrame.Title}, {"headline", headline, testFrame.Headline}, {"source", foot, testFrame.Source}} {
				if got := squash(strings.Join(lineTexts(c.ops), "")); got != squash(c.want) {
					t.Errorf("%s: %s reads %q, want %q", id, c.what, got, c.want)
				}
			}
			for i, a := range append(head, foot...) {
				for _, b := range append(head, foot...)[i+1:] {
					if shrink(a.textBox()).overlaps(shrink(b.textBox())) {
						t.Errorf("%s: %q overlaps %q", id, a.text, b.text)
					}
				}
			}
		}
	}
}

// imageDoc is what TestRenderImage reads from a standalone SVG.
type imageDoc struct {
	root   xml.StartElement
	title  string
	desc   string
	texts  int            // <text> elements
	labels []string       // aria-label of each outlined line
	uses   []int          // <use> count of each outlined line
	hrefs  []string       // every <use>'s target
	ids    map[string]int // defined ids
}

func parseImage(t *testing.T, s string) imageDoc {
	t.Helper()
	d := imageDoc{ids: map[string]int{}}
	dec := xml.NewDecoder(strings.NewReader(s))
	var stack []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if len(stack) == 0 {
				d.root = e.Copy()
			}
			stack = append(stack, e.Name.Local)
			attrs := map[string]string{}
			for _, a := range e.Attr {
				attrs[a.Name.Local] = a.Value
			}
			if id := attrs["id"]; id != "" {
				d.ids[id]++
			}
			switch e.Name.Local {
			case "text":
				d.texts++
			case "g":
				if l, ok := attrs["aria-label"]; ok {
					d.labels, d.uses = append(d.labels, l), append(d.uses, 0)
				}
			case "use":
				d.hrefs = append(d.hrefs, attrs["href"])
				if len(d.uses) > 0 && stack[len(stack)-2] == "g" {
					d.uses[len(d.uses)-1]++
				}
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 2 && stack[1] == "title" {
				d.title += string(e)
			}
			if len(stack) == 2 && stack[1] == "desc" {
				d.desc += string(e)
			}
		}
	}
	return d
}

// TestRenderImage: the standalone SVG is a file of its own size whose text is all outlines —
// one glyph placed per visible character, each defined in the file — and whose title,
// description and outlined lines carry the heading, headline, notes and source line.
func TestRenderImage(t *testing.T) {
	for _, w := range []int{320, 960, 1920} {
		for name, s := range map[string]Spec{"columns": fatalities(w, Light), "rows-dark": parity(w, true), "french": french(w)} {
			if name == "rows-dark" {
				s.Theme = Dark
			}
			res, err := RenderImage(s, testFrame)
			if err != nil {
				t.Fatalf("%s %d: %v", name, w, err)
			}
			if !strings.HasPrefix(res.SVG, `<?xml version="1.0" encoding="UTF-8"?>`) {
				t.Errorf("%s %d: no XML declaration", name, w)
			}
			d := parseImage(t, res.SVG)
			attrs := map[string]string{}
			for _, a := range d.root.Attr {
				attrs[a.Name.Local] = a.Value
			}
			if attrs["width"] != strconv.Itoa(res.Width) || attrs["height"] != strconv.Itoa(res.Height) || attrs["viewBox"] != "0 0 "+strconv.Itoa(res.Width)+" "+strconv.Itoa(res.Height) || res.Width != w {
				t.Errorf("%s %d: root %v for a %dx%d image", name, w, attrs, res.Width, res.Height)
			}
			if attrs["role"] != "img" || attrs["aria-labelledby"] == "" {
				t.Errorf("%s %d: root not an accessible image: %v", name, w, attrs)
			}
			if d.title != testFrame.Title {
				t.Errorf("%s %d: title %q", name, w, d.title)
			}
			for _, want := range append([]string{testFrame.Headline, s.Desc, testFrame.Source}, legendTexts(s)...) {
				if !strings.Contains(d.desc, want) {
					t.Errorf("%s %d: description lacks %q: %q", name, w, want, d.desc)
				}
			}
			if d.texts != 0 {
				t.Errorf("%s %d: %d <text> elements left: each falls back to another font without Roboto", name, w, d.texts)
			}
			all := squash(strings.Join(d.labels, ""))
			for _, want := range append([]string{testFrame.Title, testFrame.Headline, testFrame.Source}, legendTexts(s)...) {
				if !strings.Contains(all, squash(want)) {
					t.Errorf("%s %d: outlined text lacks %q", name, w, want)
				}
			}
			for i, l := range d.labels {
				if n := len([]rune(squash(l))); d.uses[i] != n {
					t.Errorf("%s %d: %q is drawn with %d glyphs, want %d", name, w, l, d.uses[i], n)
				}
			}
			for _, h := range d.hrefs {
				if !strings.HasPrefix(h, "#") || d.ids[h[1:]] != 1 {
					t.Errorf("%s %d: <use> of %q, which the file does not define once", name, w, h)
				}
			}
		}
	}
}

// TestOutlinesFollowText: more text, more glyphs placed; the same glyph is defined once.
func TestOutlinesFollowText(t *testing.T) {
	count := func(fr Frame) (uses, defs int) {
		res, err := RenderImage(fatalities(960, Light), fr)
		if err != nil {
			t.Fatal(err)
		}
		return strings.Count(res.SVG, "<use "), strings.Count(res.SVG, `<path id="glyph-`)
	}
	u0, d0 := count(Frame{})
	u1, d1 := count(Frame{Title: "aaaa"})
	u2, d2 := count(Frame{Title: "aaaa aaaa"})
	if u1 != u0+4 || u2 != u0+8 {
		t.Errorf("glyphs placed: %d without a title, %d with 4 letters, %d with 8", u0, u1, u2)
	}
	if d2 != d1 || d1 < d0 {
		t.Errorf("glyph definitions: %d, %d, %d", d0, d1, d2)
	}
}

// TestDrawnArrow: the arrow Roboto lacks is drawn, as a shape of the text's colour in the
// PNG and as a defined glyph in the SVG, not as the font's empty box.
func TestDrawnArrow(t *testing.T) {
	mz, err := measureText()
	if err != nil {
		t.Fatal(err)
	}
	if mz.font.Index('→') != 0 {
		t.Skip("the font has an arrow")
	}
	res, err := RenderImage(fatalities(960, Light), Frame{Headline: "59 → 25"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.SVG, `<path id="glyph-u2192"`) || !strings.Contains(res.SVG, `xlink:href="#glyph-u2192"`) {
		t.Error("the SVG does not draw the arrow")
	}
	if strings.Contains(res.SVG, `xlink:href="#glyph-0"`) {
		t.Error("the SVG draws the font's missing-glyph box")
	}
	p, _, err := framedPlan(fatalities(960, Light), Frame{Headline: "59 → 25"})
	if err != nil {
		t.Fatal(err)
	}
	var arrow op
	for _, o := range textOps(p) {
		if o.text == "→" {
			arrow = o
		}
	}
	if arrow.text == "" {
		t.Fatal("no arrow op")
	}
	img := decodePNG(t, rasterOf(t, p, 1))
	ink := 0
	b := arrow.textBox()
	for y := int(b.y0); y < int(b.y1); y++ {
		for x := int(b.x0); x < int(b.x1); x++ {
			if far(img.At(x, y), Light.Text, 80) {
				continue
			}
			ink++
		}
	}
	if ink < 6 {
		t.Errorf("%d pixels of the arrow's colour in its box", ink)
	}
}

func rasterOf(t *testing.T, p *plan, scale int) []byte {
	t.Helper()
	b, err := rasterise(p, scale)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func decodePNG(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// far reports whether pixel c differs from colour want by more than tol in some channel.
func far(c color.Color, want color.Color, tol int) bool {
	r, g, b, _ := c.RGBA()
	wr, wg, wb, _ := want.RGBA()
	d := func(a, b uint32) int { return int(math.Abs(float64(a>>8) - float64(b>>8))) }
	return d(r, wr) > tol || d(g, wg) > tol || d(b, wb) > tol
}

// TestRenderImagePNG: the PNG is the same composition at scale: its size is the SVG's times
// the scale, and the heading, headline and source bands have ink of their colours where the
// plan puts their text.
func TestRenderImagePNG(t *testing.T) {
	for _, th := range []Theme{Light, Dark} {
		s := fatalities(960, th)
		b, err := RenderImagePNG(s, testFrame, 2)
		if err != nil {
			t.Fatal(err)
		}
		res, err := RenderImage(s, testFrame)
		if err != nil {
			t.Fatal(err)
		}
		img := decodePNG(t, b)
		if sz := img.Bounds().Size(); sz.X != 2*res.Width || sz.Y != 2*res.Height {
			t.Fatalf("%s: PNG %v, SVG %dx%d", th.Name, sz, res.Width, res.Height)
		}
		p, _, _ := framedPlan(s, testFrame)
		bg := img.At(1, 1)
		if far(bg, th.Background, 2) {
			t.Errorf("%s: background %v", th.Name, bg)
		}
		for _, o := range textOps(p) {
			if o.text != testFrame.Title && !strings.HasPrefix(testFrame.Source, o.text) {
				continue
			}
			bx := o.textBox()
			ink := 0
			for y := int(2 * bx.y0); y < int(2*bx.y1); y++ {
				for x := int(2 * bx.x0); x < int(2*bx.x1); x++ {
					if !far(img.At(x, y), o.color, 60) {
						ink++
					}
				}
			}
			if area := 4 * (bx.x1 - bx.x0) * (bx.y1 - bx.y0); float64(ink) < 0.05*area {
				t.Errorf("%s: %q has %d pixels of its colour in %v", th.Name, o.text, ink, area)
			}
		}
	}
}

// TestImageTextTooLong is a clear error, not a huge image.
func TestImageTextTooLong(t *testing.T) {
	_, err := RenderImage(fatalities(960, Light), Frame{Source: strings.Repeat("x", MaxText+1)})
	if err == nil || !strings.Contains(err.Error(), "longer than") {
		t.Errorf("err = %v", err)
	}
}

// legendTexts are the texts of a spec's legend lines.
func legendTexts(s Spec) []string {
	var out []string
	for _, l := range s.Legend {
		out = append(out, l.Text)
	}
	return out
}
