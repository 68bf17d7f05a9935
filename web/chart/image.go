package chart

import (
	"fmt"
	"math"
	"strings"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Frame is the text around a chart in a self-contained image (a download, a static file, an
// image the Worker draws): what a reader of a slide deck or a mail needs when the page is not
// there. All texts arrive localised and are drawn as given. The chart's own notes
// (Spec.Legend, such as "2020: to 14 September (partial year)") stay under its plot.
type Frame struct {
	Title    string // heading, e.g. the dataset's title
	Headline string // the one-line summary of the figures shown above the chart on the page
	Source   string // the source line, drawn under the chart
}

// frameSizes are the font sizes and margins of the frame at one width: like the chart's own
// text they grow from a 360 px phone to a 960 px slide, and never go below 18 px for the
// heading and 12 px for the rest.
type frameSizes struct {
	title, headline, source float64
	pad, gap                float64
}

func newFrameSizes(width float64, th Theme) frameSizes {
	t := widthShare(width)
	size := sizer(t, th)
	return frameSizes{
		title:    size(18, 26),
		headline: size(13, 17),
		source:   size(12, 13),
		pad:      math.Round(10 + 10*t),
		gap:      math.Round(4 + 4*t),
	}
}

// framedPlan lays out the chart (without its own heading) under the frame's heading and
// headline and above its source line, all wrapped to the chart's width. dy is how far down
// the chart was moved.
func framedPlan(s Spec, fr Frame) (p *plan, dy float64, err error) {
	for _, t := range []string{fr.Title, fr.Headline, fr.Source} {
		if len(t) > MaxText {
			return nil, 0, fmt.Errorf("chart: image text of %d bytes is longer than %d", len(t), MaxText)
		}
	}
	s.ShowTitle = false
	body, err := layout(s)
	if err != nil {
		return nil, 0, err
	}
	mz, err := measureText()
	if err != nil {
		return nil, 0, err
	}
	th := s.Theme.resolved()
	sz := newFrameSizes(body.w, th)
	p = &plan{w: body.w}
	p.rect(0, 0, 0, 0, th.Background) // sized once the height is known
	width := body.w - 2*sz.pad
	y := sz.pad
	block := func(text string, size float64, c drawing.Color) {
		ls := mz.wrap(frameText(text), size, width)
		for i, l := range ls {
			mz.line(p, cleanText(l), sz.pad, firstBaseline(y, size)+float64(i)*lineH(size), size, c)
		}
		if len(ls) > 0 {
			y += float64(len(ls))*lineH(size) + sz.gap
		}
	}
	block(fr.Title, sz.title, th.Text)
	block(fr.Headline, sz.headline, th.Text)
	if y > sz.pad { // the chart keeps its own top margin; the heading's doubles it otherwise
		y = math.Round(y - sz.gap)
	} else {
		y = 0
	}
	dy = y
	for _, o := range body.ops {
		p.add(o.shifted(dy))
	}
	y += body.h
	if strings.TrimSpace(fr.Source) != "" {
		y -= sz.gap // the chart ends with its own bottom margin
		block(fr.Source, sz.source, th.Muted)
		y += sz.pad - sz.gap
	}
	h := math.Ceil(y)
	if h > MaxSize {
		return nil, 0, fmt.Errorf("%w: the image needs a height of %.0f px, more than %d", ErrNoRoom, h, MaxSize)
	}
	p.h = h
	p.ops[0].sub = [][]pt{rectPts(0, 0, p.w, h)}
	for _, hit := range body.hits {
		hit.Y = (hit.Y*body.h + dy) / h
		hit.H = hit.H * body.h / h
		p.hits = append(p.hits, hit)
	}
	return p, dy, nil
}

// frameText makes a frame text one paragraph: line breaks and tabs become spaces (the text
// is wrapped to the width anyway). No-break spaces stay, as in the chart's own text.
func frameText(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, strings.TrimSpace(s))
}

// shifted is the op moved down by dy.
func (o op) shifted(dy float64) op {
	o.y += dy
	if len(o.sub) > 0 {
		sub := make([][]pt, len(o.sub))
		for i, s := range o.sub {
			sub[i] = make([]pt, len(s))
			for j, q := range s {
				sub[i][j] = pt{q.x, q.y + dy}
			}
		}
		o.sub = sub
	}
	return o
}

// imageDesc is the image's text alternative: every text it shows that the title does not,
// so a screen reader or a search finds in the file what the eye sees in the picture.
func imageDesc(s Spec, fr Frame) string {
	parts := []string{fr.Headline, s.Desc}
	for _, l := range s.Legend {
		parts = append(parts, l.Text)
	}
	parts = append(parts, fr.Source)
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(frameText(p)); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, " ")
}

// RenderImage draws the chart with its frame as a standalone SVG file: an XML declaration,
// a root with its size in px, and every text as outlines of the Roboto Medium glyphs it was
// measured with, so the file looks the same in a browser, an <img>, an editor or a slide
// program whether or not the machine has Roboto. The texts stay in the file as its <title>
// and <desc> (the root's accessible name and description) and as the aria-label of each
// outlined line.
func RenderImage(s Spec, fr Frame) (Result, error) {
	p, _, err := framedPlan(s, fr)
	if err != nil {
		return Result{}, err
	}
	raw, d, err := paintSVG(p, true)
	if err != nil {
		return Result{}, err
	}
	labelled := s
	if strings.TrimSpace(fr.Title) != "" {
		labelled.Title = frameText(fr.Title)
	}
	labelled.Desc = imageDesc(s, fr)
	svg, err := finishSVG(raw, labelled, p)
	if err != nil {
		return Result{}, err
	}
	mz, err := measureText()
	if err != nil {
		return Result{}, err
	}
	of, err := outlines()
	if err != nil {
		return Result{}, err
	}
	defs, texts := mz.outline(of, d.held)
	svg, err = standalone(svg, p, defs, texts)
	if err != nil {
		return Result{}, err
	}
	return Result{SVG: svg, Width: int(p.w), Height: int(p.h), Hits: p.hits}, nil
}

// standalone makes the chart SVG a file: XML declaration, size in px, the glyph definitions
// after <desc> and the outlined text last, above everything else as text is in the chart.
func standalone(svg string, p *plan, defs, texts string) (string, error) {
	const root = `<svg xmlns="http://www.w3.org/2000/svg" `
	desc := strings.Index(svg, "</desc>")
	if !strings.HasPrefix(svg, root) || desc < 0 || !strings.HasSuffix(svg, "</svg>") {
		return "", fmt.Errorf("chart: unexpected SVG for an image")
	}
	desc += len("</desc>")
	var b buf
	b.add(`<?xml version="1.0" encoding="UTF-8"?>`+"\n", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="`)
	b.num(p.w, 0)
	b.add(`" height="`)
	b.num(p.h, 0)
	b.add(`" `, svg[len(root):desc], defs, svg[desc:len(svg)-len("</svg>")], texts, "</svg>\n")
	return string(b), nil
}

// RenderImagePNG draws the same image as RenderImage as a PNG of scale × its size in pixels
// (scale 1..4), with go-chart's raster renderer and the same font.
func RenderImagePNG(s Spec, fr Frame, scale int) ([]byte, error) {
	if scale < 1 || scale > 4 {
		return nil, fmt.Errorf("chart: PNG scale %d out of range 1..4", scale)
	}
	p, _, err := framedPlan(s, fr)
	if err != nil {
		return nil, err
	}
	return rasterise(p, scale)
}

// line adds one line of text at (x, y). A character the font has no glyph for but that
// drawnGlyphs can draw (the arrow of a headline, "59 in 2017 → 25 in 2019") becomes a text
// op of its own, which the painters draw as that shape, at the advance it was measured with.
func (m *measurer) line(p *plan, t string, x, y, size float64, c drawing.Color) {
	add := func(from, to int) {
		if seg := t[from:to]; seg != "" {
			p.add(op{kind: opText, text: seg, x: x + m.width(t[:from], size), y: y, size: size, color: c, width: m.width(seg, size)})
		}
	}
	start := 0
	for i, r := range t {
		if _, ok := drawnGlyphs[r]; !ok || m.font.Index(r) != 0 {
			continue
		}
		add(start, i)
		start = i + len(string(r))
		add(i, start)
	}
	add(start, len(t))
}

// drawnGlyphs are shapes for characters Roboto Medium (go-chart's copy) lacks, as closed
// polygons in font units (2048 to the em), y down from the baseline, over the advance of
// the font's missing glyph (0.44 em) and a little of the spaces around it (the arrow is
// read between words). Its shaft has the height and thickness of the minus sign.
var drawnGlyphs = map[rune][]pt{
	'→': {{-80, -818}, {590, -818}, {590, -1050}, {990, -720}, {590, -390}, {590, -622}, {-80, -622}},
}

// drawnGlyph is text t's shape as a polygon at (x, y) and size px, if t is one drawn glyph.
func drawnGlyph(t string, x, y, size float64) ([]pt, bool) {
	r := []rune(t)
	if len(r) != 1 {
		return nil, false
	}
	units, ok := drawnGlyphs[r[0]]
	if !ok {
		return nil, false
	}
	k := size / 2048
	pts := make([]pt, len(units))
	for i, u := range units {
		pts[i] = pt{x + u.x*k, y + u.y*k}
	}
	return pts, true
}
