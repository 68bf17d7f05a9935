package ui

import (
	"hash/fnv"
	"html"
	"strconv"
	"strings"

	js "github.com/vugu/vugu/js"

	"briefing/web/chart"
	"briefing/web/view"
)

// Block is markup kept out of Vugu's tree in the browser. Vugu re-sends every element and
// text of the page through its instruction buffer on every event, whether it changed or not;
// a chart's SVG and hit layer or the key-figures rows are most of the page and rarely
// change. In the browser their element is left empty in the template (Vugu then leaves its
// children alone) and Vugu's own hook, vg-js-populate, hands the element to Blocks.Show
// after every render of it; Show writes only when Key changed. The prerendered page has
// the same HTML inline, which starts with its key (Marked), so that the browser adopts a
// prerendered block whose key matches without drawing it again.
type Block struct {
	Key  string // changes whenever HTML does: a prefix and a hash of what the HTML is made of
	HTML string // starts with Marker(Key)
}

// Blocks puts blocks into their elements in the browser (wasm/blocks.go). Vugu calls Show
// (vg-js-populate) after every render of a block's element, its attributes set; Show must
// not write when the element already shows b.Key, and must not move the focus (an event
// fired during a render stops the app).
type Blocks interface {
	Show(el js.Value, b Block)
}

// newBlock is a block of markup keyed by a hash of parts, which must include everything the
// markup is made of.
func newBlock(prefix, html string, parts ...string) Block {
	key := hashKey(prefix, parts...)
	return Block{Key: key, HTML: Marker(key) + html}
}

// Marker is how a block's HTML starts: a comment naming its key, which the browser reads
// from a prerendered element's first node. Keys are letters, digits and one "-", so the
// comment is well-formed.
func Marker(key string) string { return "<!--" + key + "-->" }

// hashKey is prefix-<FNV-64a of parts>: equal parts give equal keys, so an unchanged block is
// never set again, and a different one always is (a collision is 1 in 2^64 per pair).
func hashKey(prefix string, parts ...string) string {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return prefix + "-" + strconv.FormatUint(h.Sum64(), 36)
}

// chartBlock is a chart box's content: the SVG, and over it one focusable button per bar
// whose tooltip is pure CSS, so hovering or focusing a bar runs no Go at all. Tip texts come
// from data (a reader's CSV too) and are escaped. prev holds blocks already made (by chart key):
// one found there is reused rather than copied again with its tens of KB of SVG.
func chartBlock(r chart.Result, tips []view.Tip, prev map[string]Block) Block {
	var hits strings.Builder
	hits.WriteString(`<div class="hits">`)
	for _, h := range r.Hits {
		text := html.EscapeString(tipAt(tips, h.Index).Text)
		hits.WriteString(`<button type="button" class="hit" style="`)
		hits.WriteString(hitStyle(h))
		hits.WriteString(`" data-index="`)
		hits.WriteString(strconv.Itoa(h.Index))
		hits.WriteString(`" aria-label="`)
		hits.WriteString(text)
		hits.WriteString(`"><span class="tip" aria-hidden="true">`)
		hits.WriteString(text)
		hits.WriteString(`</span></button>`)
	}
	hits.WriteString(`</div>`)
	layer := hits.String()
	// The chart's key names its spec (theme, width, data, words); the hit layer is hashed.
	key := hashKey("chart", r.Key, layer)
	if b, ok := prev[r.Key]; ok && b.Key == key {
		return b
	}
	return Block{Key: key, HTML: Marker(key) + `<div class="plot">` + r.SVG + `</div>` + layer}
}

// slideBlock is a slide's chart, keyed by its spec.
func slideBlock(r chart.Result) Block {
	if r.Key == "" {
		return Block{}
	}
	return newBlock("slide", r.SVG, r.Key)
}

func tipAt(tips []view.Tip, i int) view.Tip {
	if i >= 0 && i < len(tips) {
		return tips[i]
	}
	return view.Tip{}
}

func hitStyle(h chart.Hit) string {
	pct := func(f float64) string { return formatPct(100 * f) }
	return "left:" + pct(h.X) + ";top:" + pct(h.Y) + ";width:" + pct(h.W) + ";height:" + pct(h.H)
}

// keyFigureRows is the body of the key-figures table: the figure as the row's header, then
// unit, theme, speaker and the verbatim sentence with the figure marked, and its reference.
// The speaker's title ("Name, title") is shown where a run of the same speaker's figures
// starts (rows after it have class kf-same), so that it is not repeated down the table; narrow
// screens show the rows as cards with the name only (style.css). Every text is escaped.
func keyFigureRows(rows []view.KeyFigureRow) Block {
	var b strings.Builder
	esc := html.EscapeString
	for i, k := range rows {
		b.WriteString(`<tr id="kf-` + esc(k.ID) + `"`)
		if i > 0 && rows[i-1].Speaker == k.Speaker {
			b.WriteString(` class="kf-same"`)
		}
		b.WriteString(`>`)
		b.WriteString(`<th scope="row" class="num kf-figure">` + esc(k.Figure) + `</th>`)
		b.WriteString(`<td class="kf-unit">` + esc(k.Unit) + `</td>`)
		b.WriteString(`<td class="kf-theme">` + esc(k.Theme) + `</td>`)
		name, role, _ := strings.Cut(k.Speaker, ", ")
		b.WriteString(`<td class="kf-speaker"><span class="kf-name">` + esc(name) + `</span>`)
		if role != "" {
			b.WriteString(`<span class="kf-role"><span class="sr-only">, </span>` + esc(role) + `</span>`)
		}
		b.WriteString(`</td>`)
		b.WriteString(`<td class="kf-quote"><span class="kf-sentence" lang="en"><span>` + esc(k.Before) + `</span><mark>` + esc(k.Mark) +
			`</mark><span>` + esc(k.After) + `</span></span> <span class="cite">` + esc(k.Cite) + `</span></td>`)
		b.WriteString(`</tr>`)
	}
	s := b.String()
	return newBlock("rows", s, s)
}

// tableRows is the body of a dataset's table: the first cell heads its row, numeric columns
// are right-aligned (class num), a partial period's row is marked. Every text is escaped.
func tableRows(t view.Table) Block {
	var b strings.Builder
	for _, row := range t.Rows {
		b.WriteString("<tr")
		if row.Partial {
			b.WriteString(` class="partial"`)
		}
		b.WriteString(">")
		for j, cell := range row.Cells {
			tag := "td"
			switch {
			case j == 0:
				tag = `th scope="row"`
			case j < len(t.Columns) && t.Columns[j].Numeric:
				tag = `td class="num"`
			case j == len(row.Cells)-1 && row.Source != "" && cell.Text == row.Source:
				tag = `td class="src"` // the source reference: kept on one line (style.css)
			}
			b.WriteString("<" + tag + ">" + html.EscapeString(cell.Text))
			b.WriteString("</" + tag[:2] + ">")
		}
		b.WriteString("</tr>")
	}
	s := b.String()
	return newBlock("table", s, s)
}

// show hands a block's element to bs after a render (the templates' vg-js-populate).
func show(bs Blocks, el js.Value, b Block) {
	if bs != nil && b.Key != "" {
		bs.Show(el, b)
	}
}
