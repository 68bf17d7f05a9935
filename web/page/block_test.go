package page

import (
	"encoding/xml"
	"hash/fnv"
	"strings"
	"testing"

	"briefing/web/chart"
	"briefing/web/view"
)

func TestChartBlockEscapesTipsAndPlacesHits(t *testing.T) {
	r := chart.Result{SVG: `<svg></svg>`, Key: "k1", Hits: []chart.Hit{{Index: 0, X: 0.1, Y: 0.2, W: 0.3, H: 0.4}, {Index: 1}}}
	tips := []view.Tip{{Text: `<img src=x onerror=alert(1)> & "q"`}, {Text: "2018: 27"}}
	b := chartBlock(view.Chart{Result: r}, tips, "failed")
	if strings.Contains(b.HTML(), "<img") {
		t.Fatalf("tip text not escaped: %s", b.HTML())
	}
	for _, want := range []string{
		`<div class="plot"><svg></svg></div><div class="hits">`,
		`style="left:10.000%;top:20.000%;width:30.000%;height:40.000%" data-index="0" aria-label="&lt;img src=x onerror=alert(1)&gt; &amp; &#34;q&#34;"`,
		`<span class="tip" aria-hidden="true">2018: 27</span>`,
	} {
		if !strings.Contains(b.HTML(), want) {
			t.Errorf("block lacks %q:\n%s", want, b.HTML())
		}
	}
	// Well-formed: the browser build sets it as innerHTML, the prerender writes it inline.
	if err := xml.Unmarshal([]byte("<x>"+b.HTML()+"</x>"), new(any)); err != nil {
		t.Errorf("block is not well-formed: %v", err)
	}
}

func TestBlockKeyFollowsContent(t *testing.T) {
	r := chart.Result{SVG: `<svg></svg>`, Key: "k1", Hits: []chart.Hit{{Index: 0}}}
	a := chartBlock(view.Chart{Result: r}, []view.Tip{{Text: "2017: 59"}}, "failed")
	if b := chartBlock(view.Chart{Result: r}, []view.Tip{{Text: "2017: 59"}}, "failed"); b.Key != a.Key || b.HTML() != a.HTML() {
		t.Error("the same chart and tips gave a different block key")
	}
	// The same chart with other tip words (another language, a reader's new file) must be set
	// again, or the page would keep the old tooltips.
	if b := chartBlock(view.Chart{Result: r}, []view.Tip{{Text: "2017 : 59"}}, "failed"); b.Key == a.Key {
		t.Error("different tips, same key")
	}
	r2 := r
	r2.Key = "k2"
	if b := chartBlock(view.Chart{Result: r2}, []view.Tip{{Text: "2017: 59"}}, "failed"); b.Key == a.Key {
		t.Error("different chart, same key")
	}
	rows := []view.KeyFigureRow{{ID: "a", Figure: "80,000", Before: "more than ", Mark: "80,000", After: " peacekeepers"}}
	k1 := keyFigureRows(rows)
	rows[0].Figure = "80 000"
	if k2 := keyFigureRows(rows); k2.Key == k1.Key {
		t.Error("different rows, same key")
	}
	if keyFigureRows(nil).Key == k1.Key {
		t.Error("no rows, same key as some rows")
	}
}

func TestKeyFigureRowsEscapeQuotes(t *testing.T) {
	rows := []view.KeyFigureRow{{ID: "x\"y", Figure: "1", Unit: "<b>", Theme: "t", Speaker: "s", Before: "a < b ", Mark: "1", After: " & c", Cite: "p. 3"}}
	b := keyFigureRows(rows)
	for _, bad := range []string{"<b>", `x"y`, "a < b", " & c"} {
		if strings.Contains(b.HTML(), bad) {
			t.Errorf("unescaped %q in %s", bad, b.HTML())
		}
	}
	if !strings.Contains(b.HTML(), `<tr id="kf-x&#34;y"><th scope="row" class="num kf-figure">1</th>`) ||
		!strings.Contains(b.HTML(), `<mark>1</mark>`) {
		t.Errorf("row markup: %s", b.HTML())
	}
}

func TestTableRowsEscapeAndAlign(t *testing.T) {
	tb := view.Table{
		Columns: []view.Column{{Label: "Year"}, {Label: "Fatalities", Numeric: true}, {Label: "Note"}},
		Rows: []view.TableRow{
			{Cells: []view.Cell{{Text: "2017"}, {Text: "59"}, {Text: "<b>x</b> & y"}}},
			{Cells: []view.Cell{{Text: "2020"}, {Text: "8"}, {Text: ""}}, Partial: true},
		},
	}
	b := tableRows(tb)
	want := `<tr><th scope="row">2017</th><td class="num">59</td><td>&lt;b&gt;x&lt;/b&gt; &amp; y</td></tr>` +
		`<tr class="partial"><th scope="row">2020</th><td class="num">8</td><td></td></tr>`
	if b.HTML() != Marker(b.Key)+want {
		t.Errorf("table rows:\n got %s\nwant %s", b.HTML(), want)
	}
	tb.Rows[0].Cells[1].Text = "60"
	if tableRows(tb).Key == b.Key {
		t.Error("different rows, same key")
	}
}

// TestKeyFigureRowsNameSpeakerOnce: a speaker's title is given where a run of their figures
// starts; the rows after it say the name only (class kf-same hides the title), and a new
// speaker starts a new run.
func TestKeyFigureRowsNameSpeakerOnce(t *testing.T) {
	lacroix := "Jean-Pierre Lacroix, Under-Secretary-General for Peace Operations"
	rows := []view.KeyFigureRow{{ID: "a", Speaker: lacroix}, {ID: "b", Speaker: lacroix}, {ID: "c", Speaker: "Geng Shuang, China"}, {ID: "d", Speaker: "Anon"}}
	h := keyFigureRows(rows).HTML()
	for _, want := range []string{
		`<tr id="kf-a"><th`, `<tr id="kf-b" class="kf-same"><th`, `<tr id="kf-c"><th`, `<tr id="kf-d"><th`,
		`<td class="kf-speaker"><span class="kf-name">Jean-Pierre Lacroix</span><span class="kf-role"><span class="sr-only">, </span>Under-Secretary-General for Peace Operations</span></td>`,
		`<td class="kf-speaker"><span class="kf-name">Anon</span></td>`,
	} {
		if !strings.Contains(h, want) {
			t.Errorf("rows lack %s:\n%s", want, h)
		}
	}
}

// TestTableRowsMarkTheSource: the source reference cell has class src (kept on one line).
func TestTableRowsMarkTheSource(t *testing.T) {
	src := "S/2020/911, p.\u00a05"
	tb := view.Table{
		Columns: []view.Column{{Label: "Year"}, {Label: "Fatalities", Numeric: true}, {Label: "Note"}, {Label: "Source"}},
		Rows:    []view.TableRow{{Cells: []view.Cell{{Text: "2017"}, {Text: "59"}, {Text: ""}, {Text: src}}, Source: src}},
	}
	if want := `<td class="src">` + src + `</td></tr>`; !strings.HasSuffix(tableRows(tb).HTML(), want) {
		t.Errorf("source cell: %s, want it to end %s", tableRows(tb).HTML(), want)
	}
}

// TestHasherIsFNV: the key hash is FNV-64a of the parts, each followed by a 0 byte.
func TestHasherIsFNV(t *testing.T) {
	f := fnv.New64a()
	f.Write([]byte("ab\x00c\x00"))
	if got, want := newHasher().add("ab", "c").h, f.Sum64(); got != want {
		t.Errorf("hash %x, want %x", got, want)
	}
	if newHasher().add("ab", "c").key("x") == newHasher().add("a", "bc").key("x") {
		t.Error("parts ran together")
	}
}
