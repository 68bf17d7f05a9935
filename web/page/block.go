package page

import (
	"strconv"
	"strings"

	"briefing/web/chart"
	"briefing/web/markup"
	"briefing/web/view"
)

// Block is markup kept out of Vugu's tree in the browser. Vugu re-sends every element and
// text of the page through its instruction buffer on every event, whether it changed or not;
// a chart's SVG and hit layer or the key-figures rows are most of the page and rarely
// change. In the browser their element is left empty in the template (Vugu then leaves its
// children alone) and Vugu's own hook, vg-js-populate, hands the element to ui.Blocks.Show
// after every render of it; Show writes only when Key changed. The prerendered page has
// the same HTML inline, which starts with its key (Marker), so that the browser adopts a
// prerendered block whose key matches without drawing it again.
//
// The key is a hash of what the markup is made of, taken on every render; the markup itself
// is made only when it is written (HTML), which is rarely.
type Block struct {
	Key  string // changes whenever the HTML does: a prefix and a hash of what it is made of
	html func(*markup.Builder)
}

// HTML is the block's markup, starting with Marker(Key).
func (b Block) HTML() string {
	if b.Key == "" {
		return ""
	}
	var m markup.Builder
	m.Comment(b.Key)
	b.html(&m)
	return m.String()
}

// Marker is how a block's HTML starts: a comment naming its key, which the browser reads
// from a prerendered element's first node. Keys are letters, digits and one "-", so the
// comment is well-formed.
func Marker(key string) string { return "<!--" + key + "-->" }

// hasher makes a block's key: prefix-<FNV-64a of parts>. Equal parts give equal keys, so an
// unchanged block is never set again, and a different one always is (a collision is 1 in
// 2^64 per pair). Each part is followed by a 0 byte, so that parts cannot run together. It
// hashes the strings' bytes in place: keys are taken on every render.
type hasher struct{ h uint64 }

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func newHasher() *hasher { return &hasher{fnvOffset} }

func (h *hasher) add(parts ...string) *hasher {
	for _, p := range parts {
		for i := 0; i < len(p); i++ {
			h.h = (h.h ^ uint64(p[i])) * fnvPrime
		}
		h.h *= fnvPrime // the 0 byte after each part
	}
	return h
}

func (h *hasher) flag(b bool) *hasher {
	if b {
		return h.add("1")
	}
	return h.add("0")
}

func (h *hasher) key(prefix string) string {
	return prefix + "-" + strconv.FormatUint(h.h, 36)
}

// chartBlock is a chart box's content: the SVG, and over it one focusable button per bar
// whose tooltip is pure CSS, so hovering or focusing a bar runs no Go at all. The chart's
// key names its spec (theme, width, data, words), and so its hits; the tips' words are hashed
// with it (ChartKey). A chart only named (the page shows it already: view.Chart) is drawn
// when its markup is made, if ever; should that fail, the box says failed instead.
func chartBlock(ch view.Chart, tips []view.Tip, failed string) Block {
	return Block{Key: ChartKey(ch.Key, tips), html: func(b *markup.Builder) {
		r, err := ch.Draw()
		if err != nil {
			b.Elem("p", failed, markup.A("class", "card-problem"), markup.A("role", "alert"))
			return
		}
		b.Open("div", markup.A("class", "plot")).Trusted(markup.Trusted(r.SVG)).Close("div")
		b.Open("div", markup.A("class", "hits"))
		for _, h := range r.Hits {
			text := tipAt(tips, h.Index).Text
			b.Open("button", markup.A("type", "button"), markup.A("class", "hit"), markup.A("style", hitStyle(h)),
				markup.A("data-index", strconv.Itoa(h.Index)), markup.A("aria-label", text))
			b.Elem("span", text, markup.A("class", "tip"), markup.A("aria-hidden", "true")).Close("button")
		}
		b.Close("div")
	}}
}

// ChartKey is the block key of the chart with this key (view.Key) and these tooltips, as
// its prerendered block's marker names it: the wasm tells by it which charts the page
// already shows (view.Cache.Shown).
func ChartKey(key string, tips []view.Tip) string {
	h := newHasher().add(key)
	for _, t := range tips {
		h.add(t.Text)
	}
	return h.key("chart")
}

// slideBlock is a slide's chart, keyed by its spec.
func slideBlock(r chart.Result) Block {
	if r.Key == "" {
		return Block{}
	}
	return Block{Key: newHasher().add(r.Key).key("slide"), html: func(b *markup.Builder) { b.Trusted(markup.Trusted(r.SVG)) }}
}

func tipAt(tips []view.Tip, i int) view.Tip {
	if i >= 0 && i < len(tips) {
		return tips[i]
	}
	return view.Tip{}
}

func hitStyle(h chart.Hit) string {
	return "left:" + pct(h.X) + ";top:" + pct(h.Y) + ";width:" + pct(h.W) + ";height:" + pct(h.H)
}

// pct is a share as a CSS percentage.
func pct(f float64) string { return strconv.FormatFloat(100*f, 'f', 3, 64) + "%" }

// keyFigureRows is the body of the key-figures table: the figure as the row's header, then
// unit, theme, speaker and the verbatim sentence with the figure marked, and its reference.
// The speaker's title ("Name, title") is shown where a run of the same speaker's figures
// starts (rows after it have class kf-same), so that it is not repeated down the table; narrow
// screens show the rows as cards with the name only (style.css).
func keyFigureRows(rows []view.KeyFigureRow) Block {
	h := newHasher()
	for _, k := range rows {
		h.add(k.ID, k.Figure, k.Unit, k.Theme, k.Speaker, k.Before, k.Mark, k.After, k.Cite)
	}
	return Block{Key: h.key("rows"), html: func(b *markup.Builder) {
		for i, k := range rows {
			b.Open("tr", markup.A("id", "kf-"+k.ID), markup.If(i > 0 && rows[i-1].Speaker == k.Speaker, "class", "kf-same"))
			b.Elem("th", k.Figure, markup.A("scope", "row"), markup.A("class", "num kf-figure"))
			b.Elem("td", k.Unit, markup.A("class", "kf-unit"))
			b.Elem("td", k.Theme, markup.A("class", "kf-theme"))
			name, role, _ := strings.Cut(k.Speaker, ", ")
			b.Open("td", markup.A("class", "kf-speaker")).Elem("span", name, markup.A("class", "kf-name"))
			if role != "" {
				b.Open("span", markup.A("class", "kf-role")).Elem("span", ", ", markup.A("class", "sr-only")).Text(role).Close("span")
			}
			b.Close("td")
			b.Open("td", markup.A("class", "kf-quote")).Open("span", markup.A("class", "kf-sentence"), markup.A("lang", "en"))
			b.Elem("span", k.Before).Elem("mark", k.Mark).Elem("span", k.After).Close("span")
			b.Text(" ").Elem("span", k.Cite, markup.A("class", "cite")).Close("td")
			b.Close("tr")
		}
	}}
}

// tableRows is the body of a dataset's table: the first cell heads its row, numeric columns
// are right-aligned (class num), a partial period's row is marked.
func tableRows(t view.Table) Block {
	h := newHasher()
	for _, c := range t.Columns {
		h.flag(c.Numeric)
	}
	for _, row := range t.Rows {
		h.flag(row.Partial).add(row.Source, strconv.Itoa(len(row.Cells)))
		for _, c := range row.Cells {
			h.add(c.Text)
		}
	}
	return Block{Key: h.key("table"), html: func(b *markup.Builder) {
		for _, row := range t.Rows {
			b.Open("tr", markup.If(row.Partial, "class", "partial"))
			for j, cell := range row.Cells {
				switch {
				case j == 0:
					b.Elem("th", cell.Text, markup.A("scope", "row"))
				case j < len(t.Columns) && t.Columns[j].Numeric:
					b.Elem("td", cell.Text, markup.A("class", "num"))
				case j == len(row.Cells)-1 && row.Source != "" && cell.Text == row.Source:
					b.Elem("td", cell.Text, markup.A("class", "src")) // the source reference: kept on one line (style.css)
				default:
					b.Elem("td", cell.Text)
				}
			}
			b.Close("tr")
		}
	}}
}
