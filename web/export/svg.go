package export

import (
	"encoding/base64"
	"strconv"
	"strings"
	"unicode/utf8"
)

// FontStack is the font of the text of a downloaded SVG. The chart was laid out with the
// metrics of Roboto Medium (embedded in the page), so that family comes first; Roboto at
// weight 500 is the same face under another name, and Arial and sans-serif only keep the file
// readable on machines that have neither.
const FontStack = "'Roboto Medium',Roboto,Arial,sans-serif"

// Footer layout in px.
const (
	footerSize     = 12 // font size
	footerLeading  = 16 // baseline to baseline
	footerPadTop   = 10 // chart bottom to the top of the first line
	footerPadEnd   = 10 // last baseline's descent to the bottom edge
	footerMaxLines = 4
	// footerCharW estimates the average advance of a character of Roboto Medium as a fraction
	// of the font size (measured text averages ~0.55; the margin keeps long lines inside).
	footerCharW = 0.6
)

// Fallback colours when the chart's own cannot be read (those of the light theme).
const (
	defaultBackground = "#ffffff"
	defaultMuted      = "#555f6b"
)

// StandaloneSVG wraps a chart SVG (a root <svg viewBox=...> element with <title> and <desc>,
// as web/chart renders it) into a file that opens by itself in a browser, an editor or a
// slide program:
//
//   - an XML declaration and a root <svg> with explicit width and height in px (width or height
//     <= 0 takes the chart's viewBox size);
//   - a <title> (title, escaped; "" keeps the chart's own), the chart's own <title>/<desc> kept;
//   - a <style> giving all text the FontStack, which overrides the chart's inline
//     'Roboto Medium',sans-serif only to add the fallbacks;
//   - below the chart, extra room with footer (e.g. the source line) as plain, escaped text in
//     the chart's muted colour on its background, wrapped to the width (at most 4 lines).
//
// The chart keeps its own coordinates: it is nested as an <svg> of width x height at the top.
func StandaloneSVG(svg string, width, height int, title, footer string) string {
	chart := stripProlog(svg)
	root := "" // the chart's start tag
	if end := strings.IndexByte(chart, '>'); strings.HasPrefix(chart, "<svg") && end > 0 {
		root = chart[:end]
	}
	if width <= 0 || height <= 0 {
		width, height = viewBoxSize(attr(root, "viewBox"))
	}
	if width <= 0 || height <= 0 {
		width, height = 960, 540
	}
	titleXML := escapeXML(title)
	if title == "" {
		titleXML = chartTitle(chart)
	}
	x := 16
	if width < 320 {
		x = 8
	}
	lines := wrap(cleanLine(footer), int(float64(width-2*x)/(footerSize*footerCharW)), footerMaxLines)
	total := height
	if len(lines) > 0 {
		total += footerPadTop + footerSize + (len(lines)-1)*footerLeading + footerPadEnd
	}
	bg, fg := chartColours(chart)
	w, h, t := strconv.Itoa(width), strconv.Itoa(height), strconv.Itoa(total)

	var b strings.Builder
	b.Grow(len(chart) + 1024)
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="` + w + `" height="` + t + `" viewBox="0 0 ` + w + " " + t + `">` + "\n")
	if titleXML != "" {
		b.WriteString("<title>" + titleXML + "</title>\n")
	}
	b.WriteString("<style>text{font-family:" + FontStack + " !important}</style>\n")
	b.WriteString(`<rect x="0" y="0" width="` + w + `" height="` + t + `" fill="` + bg + `"/>` + "\n")
	b.WriteString(`<svg x="0" y="0" width="` + w + `" height="` + h + `">`)
	b.WriteString(chart)
	b.WriteString("</svg>\n")
	for i, line := range lines {
		y := height + footerPadTop + footerSize + i*footerLeading
		b.WriteString(`<text x="` + strconv.Itoa(x) + `" y="` + strconv.Itoa(y) + `" font-size="` + strconv.Itoa(footerSize) +
			`" fill="` + fg + `">` + escapeXML(line) + "</text>\n")
	}
	b.WriteString("</svg>\n")
	return b.String()
}

// stripProlog removes surrounding space, a byte order mark and an XML declaration, which may
// only start a document and so cannot stay in front of a nested element.
func stripProlog(s string) string {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "\uFEFF"))
	if strings.HasPrefix(s, "<?xml") {
		if end := strings.Index(s, "?>"); end >= 0 {
			s = strings.TrimSpace(s[end+2:])
		}
	}
	return s
}

// attr returns the value of attribute name in a start tag ("" if absent).
func attr(tag, name string) string {
	for _, q := range []string{`"`, `'`} {
		key := " " + name + "=" + q
		i := strings.Index(tag, key)
		if i < 0 {
			continue
		}
		v := tag[i+len(key):]
		if j := strings.Index(v, q); j >= 0 {
			return v[:j]
		}
	}
	return ""
}

// viewBoxSize reads the width and height of "minX minY width height", rounded up.
func viewBoxSize(vb string) (int, int) {
	f := strings.Fields(strings.ReplaceAll(vb, ",", " "))
	if len(f) != 4 {
		return 0, 0
	}
	w, err1 := strconv.ParseFloat(f[2], 64)
	h, err2 := strconv.ParseFloat(f[3], 64)
	if err1 != nil || err2 != nil || !(w > 0 && w <= 1e5) || !(h > 0 && h <= 1e5) {
		return 0, 0
	}
	return int(w + 0.999), int(h + 0.999)
}

// chartTitle returns the chart's first <title> text as it is in the SVG (already escaped).
func chartTitle(chart string) string {
	i := strings.Index(chart, "<title")
	if i < 0 {
		return ""
	}
	rest := chart[i:]
	open := strings.IndexByte(rest, '>')
	if open < 0 || strings.HasPrefix(rest[:open+1], "<title/") || rest[open-1] == '/' {
		return ""
	}
	text := rest[open+1:]
	end := strings.IndexByte(text, '<')
	if end < 0 || !strings.HasPrefix(text[end:], "</title>") {
		return ""
	}
	return text[:end]
}

// chartColours reads the background (the fill of the chart's first element, the canvas) and the
// muted text colour (the fill of its first text, an axis label), so the footer matches the theme.
func chartColours(chart string) (bg, fg string) {
	bg, fg = defaultBackground, defaultMuted
	body := chart
	if i := strings.Index(body, "</desc>"); i >= 0 {
		body = body[i+len("</desc>"):]
	}
	if strings.HasPrefix(strings.TrimSpace(body), "<path") {
		if c := styleFill(body); c != "" {
			bg = c
		}
	}
	if i := strings.Index(body, "<text"); i >= 0 {
		if c := styleFill(body[i:]); c != "" {
			fg = c
		}
	}
	return bg, fg
}

// styleFill returns the fill: of the first element's style attribute if it is a plain colour.
func styleFill(el string) string {
	end := strings.IndexByte(el, '>')
	if end < 0 {
		return ""
	}
	style := attr(el[:end], "style")
	i := strings.Index(style, "fill:")
	if i < 0 || (i > 0 && style[i-1] != ';' && style[i-1] != ' ') {
		return ""
	}
	c := style[i+len("fill:"):]
	if j := strings.IndexByte(c, ';'); j >= 0 {
		c = c[:j]
	}
	c = strings.TrimSpace(c)
	if c == "" || len(c) > 40 || c == "none" {
		return ""
	}
	for _, r := range c {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || strings.ContainsRune("#(),. %", r)) {
			return ""
		}
	}
	return c
}

// cleanLine makes footer text one line of characters XML allows: control characters, line
// breaks and invalid UTF-8 become spaces or U+FFFD, runs of space one space.
func cleanLine(s string) string {
	var b strings.Builder
	for _, r := range s { // an invalid byte comes as utf8.RuneError and is written as U+FFFD
		switch {
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029':
			r = ' '
		case r == 0xFFFE || r == 0xFFFF:
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// wrap breaks s at spaces into lines of at most max characters (a longer word is cut), at most
// maxLines lines; text that does not fit ends the last line with "…".
func wrap(s string, max, maxLines int) []string {
	if s == "" {
		return nil
	}
	if max < 10 {
		max = 10
	}
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		for utf8.RuneCountInString(word) > max {
			if line != "" {
				lines, line = append(lines, line), ""
			}
			head := string([]rune(word)[:max])
			lines, word = append(lines, head), word[len(head):]
		}
		switch {
		case line == "":
			line = word
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) <= max:
			line += " " + word
		default:
			lines, line = append(lines, line), word
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	if len(lines) > maxLines {
		last := []rune(lines[maxLines-1])
		if len(last) >= max {
			last = last[:max-1]
		}
		lines = append(lines[:maxLines-1], strings.TrimRight(string(last), " ")+"…")
	}
	return lines
}

// escapeXML escapes text for XML character data and attribute values; characters XML 1.0
// forbids become U+FFFD.
func escapeXML(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				b.WriteRune(utf8.RuneError)
				continue
			}
		}
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&#34;")
		case r == '\'':
			b.WriteString("&#39;")
		case r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || r >= 0x10000:
			b.WriteRune(r)
		default:
			b.WriteRune(utf8.RuneError)
		}
	}
	return b.String()
}

// EmbedFont puts a TTF into a standalone SVG as an @font-face data URL under the chart's font
// family. A browser drawing the SVG as an image (to make a PNG) loads nothing from outside
// the image, so without this the text would fall back to another font and drift from the
// measured layout. It is for that use only: the downloaded SVG stays small without it.
func EmbedFont(svg string, ttf []byte) string {
	i := strings.Index(svg, "<style>")
	if i < 0 || len(ttf) == 0 {
		return svg
	}
	face := "<style>@font-face{font-family:'Roboto Medium';src:url(data:font/ttf;base64," +
		base64.StdEncoding.EncodeToString(ttf) + ") format('truetype')}</style>\n"
	return svg[:i] + face + svg[i:]
}
