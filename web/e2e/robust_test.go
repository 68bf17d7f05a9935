package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// briefingCharts counts the briefing's cards that show a drawn chart.
const briefingCharts = `["fatalities", "coe-gaps", "parity"].filter(id =>
	document.querySelector("#" + id + " .chart svg")).length`

// TestCrowdedFileStaysInItsCard: files that used to take every chart off the page (45 years,
// 120 categories) chart as tables with a note; the briefing's cards stay drawn, the page has
// no error banner, and the reader's card can be removed.
func TestCrowdedFileStaysInItsCard(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	p.open(t, u+"/")
	var years, cats strings.Builder
	years.WriteString("period,value\n")
	for i := range 45 {
		fmt.Fprintf(&years, "%d,%d\n", 1900+i, i%9)
	}
	cats.WriteString("category,value\n")
	for i := range 120 { // more rows than fit a chart of at most 4,096 px, even at ~38 px a row
		fmt.Fprintf(&cats, "Category %d,%d\n", i, i%50)
	}
	for i, file := range []string{cats.String(), years.String()} {
		p.run(t, change(`#upload-text`, file), chromedp.Click(chromedp.CSS(`.upload-go`)),
			chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`#upload-%d`, i+1))))
	}
	if n := eval[int](t, p, `document.querySelectorAll(".banner").length`); n != 0 {
		t.Fatalf("error banner: %s", eval[string](t, p, `document.querySelector(".banner").innerText`))
	}
	if n := eval[int](t, p, briefingCharts); n != 3 {
		t.Errorf("%d of the briefing's 3 charts still drawn", n)
	}
	// 120 categories do not fit a readable chart: a table with every row and a note.
	if n := eval[int](t, p, `document.querySelectorAll("#upload-1 table tbody tr").length`); n != 120 {
		t.Errorf("the crowded card's table has %d rows, want 120", n)
	}
	if note := eval[string](t, p, `[...document.querySelectorAll("#upload-1 .card-note")].map(e => e.textContent).join(" ")`); !strings.Contains(note, "as a table") {
		t.Errorf("no note says why the figures are a table: %q", note)
	}
	p.run(t, chromedp.Click(chromedp.CSS(`#upload-1 .remove`)), chromedp.WaitNotPresent(chromedp.CSS(`#upload-1`)))
	if n := eval[int](t, p, briefingCharts); n != 3 {
		t.Errorf("after Remove, %d of the briefing's 3 charts drawn", n)
	}
	p.clean(t)
}

// TestFileNameStaysOutOfTheURL: a file's name never reaches the address bar or the history,
// not after switching its card to a table, nor after Remove, nor after a reload.
func TestFileNameStaysOutOfTheURL(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	p.open(t, u+"/")
	file := filepath.Join(t.TempDir(), "Confidential - casualties Q3 draft.csv")
	if err := os.WriteFile(file, []byte("period,value\n2021,13\n2022,9\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p.run(t, chromedp.SetUploadFiles(chromedp.CSS(`#upload-file`), []string{file}),
		chromedp.WaitVisible(chromedp.CSS(`#upload-1 .chart svg`)),
		chromedp.Click(chromedp.CSS(`#upload-1 .view-table`)),
		chromedp.WaitVisible(chromedp.CSS(`#upload-1 table`)))
	seen := []string{eval[string](t, p, `location.href`)}
	if !strings.Contains(seen[0], "upload-1=table") {
		t.Errorf("the card's view should be in the URL by its number: %s", seen[0])
	}
	p.run(t, chromedp.Click(chromedp.CSS(`#upload-1 .remove`)), chromedp.WaitNotPresent(chromedp.CSS(`#upload-1`)))
	seen = append(seen, eval[string](t, p, `location.href`))
	if strings.Contains(seen[1], "upload-") {
		t.Errorf("a removed card stays in the URL: %s", seen[1])
	}
	p.run(t, chromedp.Evaluate[chromedp.Void](`history.back()`), chromedp.WaitVisible(chromedp.CSS(`html[data-ready="1"]`)))
	seen = append(seen, eval[string](t, p, `location.href`), eval[string](t, p, `document.title`))
	for _, s := range seen {
		l := strings.ToLower(s)
		if strings.Contains(l, "confidential") || strings.Contains(l, "casualties") || strings.Contains(l, "draft") {
			t.Errorf("the file's name leaked: %s", s)
		}
	}
	p.clean(t)
}

// TestLinkToAnotherReadersCard: a link made on a page with a reader's card says plainly that
// those figures stay with the sender, and keeps nothing of them in the URL.
func TestLinkToAnotherReadersCard(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	p.open(t, u+"/?upload-1=table&fatalities=line&v=2")
	note := eval[string](t, p, `(document.querySelector(".link-note") || {}).textContent || ""`)
	if !strings.Contains(note, "sender") {
		t.Errorf("no word about the sender's own figures: %q", note)
	}
	if href := eval[string](t, p, `location.search`); href != "?fatalities=line&v=2" {
		t.Errorf("URL after load: %q", href)
	}
	p.clean(t)
}

// TestOddLinksShowSomething: an embed of a dataset that does not exist and a slide past the
// last show a message in the page's language with a working link, never an empty page; a
// percent-encoded parameter name counts.
func TestOddLinksShowSomething(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 800, 600)
	for _, tc := range []struct{ query, want, then string }{
		{"?embed=key-figures", "does not have", `#fatalities .chart svg`}, // an id of the page, not a dataset's
		{"?embed=nope&controls=0", "does not have", `#fatalities .chart svg`},
		{"?embed=fatalitie&lang=fr", "ne contient pas", `#fatalities .chart svg`},
		{"?slide=8", "has 7 slides", `.slide`},
	} {
		p.open(t, u+"/"+tc.query)
		msg := eval[string](t, p, `(document.querySelector(".link-problem") || {}).innerText || ""`)
		if !strings.Contains(msg, tc.want) {
			t.Errorf("%s: message %q, want %q", tc.query, msg, tc.want)
		}
		if h := eval[float64](t, p, `document.querySelector(".link-problem").getBoundingClientRect().height`); h < 20 {
			t.Errorf("%s: the message is not visible (height %v)", tc.query, h)
		}
		// Nothing else: no card left over from the prerendered page (Vugu leaves the children of
		// an element alone when its template has none).
		if n := eval[int](t, p, `[...document.querySelectorAll("section.card, .slide")].filter(e => e.getBoundingClientRect().height > 0).length`); n != 0 {
			t.Errorf("%s: %d cards or slides shown besides the message", tc.query, n)
		}
		p.run(t, chromedp.Click(chromedp.CSS(`.link-problem a`)), chromedp.WaitVisible(chromedp.CSS(tc.then)))
	}
	p.open(t, u+"/?%6c%61%6e%67=fr")
	if lang := eval[string](t, p, `document.querySelector("#vugu_mount_point").lang`); lang != "fr" {
		t.Errorf("a percent-encoded lang parameter gave %q", lang)
	}
	p.clean(t)
}

// TestBidiLabelsReadAsTyped: a right-to-left override in a reader's label does not reverse
// the text around it in the chart, its tooltip layer or the table.
func TestBidiLabelsReadAsTyped(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	p.open(t, u+"/")
	p.run(t, change(`#upload-text`, "category,value\nAB\u202eCD,3\nplain,4\n"), chromedp.Click(chromedp.CSS(`.upload-go`)),
		chromedp.WaitVisible(chromedp.CSS(`#upload-1 .chart svg`)))
	text := eval[string](t, p, `document.querySelector("#upload-1").innerHTML`)
	if strings.ContainsAny(text, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069") {
		t.Error("a bidirectional control character reached the page")
	}
	if !strings.Contains(eval[string](t, p, `document.querySelector("#upload-1 .hit").getAttribute("aria-label")`), "ABCD") {
		t.Error("the label should read ABCD")
	}
	p.clean(t)
}

// TestNewCardIsShown: after "Chart it" the reader's new card is scrolled into view, has the
// keyboard focus and is announced to screen readers.
func TestNewCardIsShown(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 800)
	p.open(t, u+"/")
	p.run(t, change(`#upload-title`, "Next year’s <b>targets</b>"),
		change(`#upload-text`, "category,value,target\nA,30,25\nB,10,20\nC,5,5\n"), chromedp.Click(chromedp.CSS(`.upload-go`)),
		chromedp.WaitVisible(chromedp.CSS(`#upload-1 .chart svg`)),
		chromedp.Poll[chromedp.Void](`document.activeElement && document.activeElement.id === "upload-1-h"`, chromedp.WithPollingTimeout(0)))
	if h := eval[string](t, p, `document.querySelector("#upload-1-h").textContent`); h != "Next year’s <b>targets</b>" {
		t.Errorf("the card's title is %q, not the one typed", h)
	}
	if v := eval[string](t, p, `document.querySelector("#upload-title").value`); v != "" {
		t.Errorf("the title field still holds %q", v)
	}
	top := eval[float64](t, p, `document.querySelector("#upload-1").getBoundingClientRect().top`)
	if top < -1 || top > 200 {
		t.Errorf("the new card's top is at %v px: not brought into view", top)
	}
	if said := eval[string](t, p, `document.querySelector('[aria-live="polite"]').textContent`); !strings.Contains(said, "Charted") {
		t.Errorf("announced %q", said)
	}
	p.clean(t)
}
