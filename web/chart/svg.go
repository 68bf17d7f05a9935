package chart

import (
	"fmt"
	"strings"
)

// finishSVG turns go-chart's flat SVG into the accessible document: a root with role="img"
// and aria-labelledby pointing at <title> and <desc>, and each addressable element (bars,
// target markers) with its classes, data-index, inline style and a native tooltip.
func finishSVG(raw string, s Spec, p *plan) (string, error) {
	end := strings.IndexByte(raw, '>')
	if !strings.HasPrefix(raw, "<svg") || end < 0 {
		return "", fmt.Errorf("chart: unexpected SVG from go-chart")
	}
	id := sanitizeID(s.ID)
	var b strings.Builder
	b.Grow(len(raw) + 512)
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %.0f %.0f" role="img" aria-labelledby="%s-title %s-desc">`, p.w, p.h, id, id)
	fmt.Fprintf(&b, `<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, id, escapeText(s.Title), id, escapeText(s.Desc))
	rest := raw[end+1:]
	k := 0
	for _, o := range p.ops {
		if o.kind == opText || o.class == "" {
			continue
		}
		var err error
		if rest, err = addressable(&b, rest, k, o); err != nil {
			return "", err
		}
		k++
	}
	b.WriteString(rest)
	return b.String(), nil
}

// addressable copies rest up to element k's placeholder class, writes the element's real
// attributes and closes it with a <title> child; it returns what follows the element.
func addressable(b *strings.Builder, rest string, k int, o op) (string, error) {
	marker := `class="` + markClass(k)
	i := strings.Index(rest, marker)
	if i < 0 {
		return "", fmt.Errorf("chart: element %d (%s) missing from the SVG", k, o.class)
	}
	j := strings.IndexByte(rest[i+len(marker):], '"')
	close := strings.Index(rest[i:], "/>")
	if j < 0 || close < 0 {
		return "", fmt.Errorf("chart: element %d (%s) is malformed", k, o.class)
	}
	b.WriteString(rest[:i])
	fmt.Fprintf(b, `class="%s" data-index="%d" style="%s"`, o.class, o.index, inlineStyle(o))
	b.WriteString(rest[i+len(marker)+j+1 : i+close])
	fmt.Fprintf(b, "><title>%s</title></path>", escapeText(o.tip))
	return rest[i+close+2:], nil
}

// inlineStyle is the style go-chart would have written without a class (in its format).
func inlineStyle(o op) string {
	stroke := "none"
	if o.strokeW > 0 && !o.stroke.IsZero() {
		stroke = o.stroke.String()
	}
	return fmt.Sprintf("stroke-width:%d;stroke:%s;fill:%s", int(o.strokeW), stroke, o.fill.String())
}
