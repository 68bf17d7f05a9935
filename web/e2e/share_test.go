package e2e

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// change sets a form control's value in the page and fires its change event, as a person
// choosing from a menu does.
func change(sel, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](`(() => { const e = document.querySelector(` + jsString(sel) + `);
	  e.value = ` + jsString(value) + `; e.dispatchEvent(new Event("change", {bubbles: true})); })()`)
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestURLRoundTrip(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	p.open(t, u+"/")
	p.run(t,
		chromedp.Click(chromedp.CSS(`#fatalities .view-table`)),
		chromedp.WaitVisible(chromedp.CSS(`#fatalities table.data`)),
		change(`#parity .variant-select`, "gap"),
		chromedp.WaitVisible(chromedp.CSS(`#parity .chart.only svg`)),
		chromedp.Click(chromedp.CSS(`#coe-gaps .values-toggle`)),
		change(`.lang-select`, "fr"),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="fr"], #vugu_mount_point[lang="fr"]`)),
	)
	link := eval[string](t, p, `location.href`)
	for _, want := range []string{"fatalities=table", "parity=gap", "coe-gaps=novalues", "lang=fr", "v=2"} {
		if !strings.Contains(link, want) {
			t.Errorf("link %s lacks %s", link, want)
		}
	}
	p.clean(t)

	fresh := newPage(t, u, 1280, 900) // a colleague opening the link
	fresh.open(t, link)
	if eval[int](t, fresh, `document.querySelectorAll("#fatalities table.data").length`) != 1 {
		t.Error("the pasted link did not restore the table view")
	}
	if v := eval[string](t, fresh, `document.querySelector("#parity .variant-select").value`); v != "gap" {
		t.Errorf("parity variant %q after opening the link", v)
	}
	if !strings.Contains(eval[string](t, fresh, `document.querySelector("#parity .chart.only svg").textContent`), "pt") {
		t.Error("the parity chart is not the gap-to-target variant in French (no 'pt' axis)")
	}
	if eval[bool](t, fresh, `document.querySelector("#coe-gaps .values-toggle").checked`) {
		t.Error("value labels should be off for coe-gaps")
	}
	if h := eval[string](t, fresh, `document.querySelector("#parity h2").textContent`); !strings.Contains(h, "femmes") {
		t.Errorf("French title expected, got %q", h)
	}
	fresh.clean(t)
}

func TestBackAndForward(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	p.open(t, u+"/")
	p.run(t, chromedp.Click(chromedp.CSS(`#fatalities .view-table`)),
		chromedp.WaitVisible(chromedp.CSS(`#fatalities table.data`)),
		chromedp.Click(chromedp.CSS(`#parity .targets-toggle`)),
		chromedp.WaitNotPresent(chromedp.CSS(`#parity .chart.only svg .target`)))
	p.run(t, chromedp.Evaluate[chromedp.Void](`history.back()`),
		chromedp.WaitVisible(chromedp.CSS(`#parity .chart.only svg .target`)))
	if eval[int](t, p, `document.querySelectorAll("#fatalities table.data").length`) != 1 {
		t.Error("one step back should keep the fatalities table")
	}
	p.run(t, chromedp.Evaluate[chromedp.Void](`history.back()`),
		chromedp.WaitVisible(chromedp.CSS(`#fatalities .chart.only svg`)))
	if s := eval[string](t, p, `location.search`); s != "" {
		t.Errorf("back at the start the URL should have no parameters, has %q", s)
	}
	p.run(t, chromedp.Evaluate[chromedp.Void](`history.forward()`),
		chromedp.WaitVisible(chromedp.CSS(`#fatalities table.data`)))
	p.clean(t)
}

func TestMalformedParameters(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	// (An embed of a dataset that does not exist is a message of its own: TestOddLinksShowSomething.)
	p.open(t, u+"/?fatalities=bogus,,sort-nothing&lang=xx&theme=%3Cscript%3E&slide=abc&embed=no%20pe&v=banana&%zz&parity=gap&parity=table&q="+strings.Repeat("x", 500))
	if n := eval[int](t, p, `document.querySelectorAll("#fatalities .chart.only svg, #coe-gaps .chart.only svg").length`); n != 2 {
		t.Errorf("%d default charts, want 2", n)
	}
	if eval[int](t, p, `document.querySelectorAll("#parity table.data").length`) != 1 {
		t.Error("of duplicated parameters the last (parity=table) should win")
	}
	if l := eval[string](t, p, `document.querySelector("#vugu_mount_point").getAttribute("lang")`); l != "en" {
		t.Errorf("unknown language should fall back to English, got %q", l)
	}
	p.clean(t)
}

// downloads collects the files the page offers, saved by Chromium into a folder.
type downloads struct {
	dir   string
	mu    sync.Mutex
	names map[string]string // guid -> suggested name
	done  map[string]bool
}

func allowDownloads(t *testing.T, p *page) *downloads {
	d := &downloads{dir: t.TempDir(), names: map[string]string{}, done: map[string]bool{}}
	yes := true
	if _, err := chromedp.CallBrowser(p.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: d.dir, EventsEnabled: &yes}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.ListenBrowser(p.ctx, func(ev any) {
		d.mu.Lock()
		defer d.mu.Unlock()
		switch e := ev.(type) {
		case *browser.EventDownloadWillBegin:
			d.names[e.GUID] = e.SuggestedFilename
		case *browser.EventDownloadProgress:
			if e.State == browser.DownloadProgressStateCompleted {
				d.done[e.GUID] = true
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	return d
}

// take clicks a download button and returns the file's suggested name and content.
func (d *downloads) take(t *testing.T, p *page, button string) (string, []byte) {
	t.Helper()
	d.mu.Lock()
	before := len(d.done)
	d.mu.Unlock()
	// The downloads are items of the card's "Download / share" menu: open it first.
	card, _, _ := strings.Cut(button, " ")
	p.run(t, chromedp.Click(chromedp.CSS(card+` .share-toggle`)), chromedp.WaitVisible(chromedp.CSS(button)), chromedp.Click(chromedp.CSS(button)))
	var name string
	var b []byte
	p.eventually(t, "a download after clicking "+button, func() bool {
		d.mu.Lock()
		defer d.mu.Unlock()
		if len(d.done) <= before {
			return false
		}
		for guid := range d.done {
			name = d.names[guid]
			delete(d.done, guid)
			var err error
			if b, err = os.ReadFile(filepath.Join(d.dir, guid)); err != nil {
				t.Fatal(err)
			}
			break
		}
		return true
	})
	return name, b
}

func TestDownloads(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	p.open(t, u+"/")
	d := allowDownloads(t, p)

	name, b := d.take(t, p, `#fatalities .dl-csv`)
	if name != "s-2020-911-fatalities-chart-2020-09-14.csv" {
		t.Errorf("CSV file name %q", name)
	}
	if !bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
		t.Error("CSV has no UTF-8 byte order mark")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")))).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	var got []string
	for _, r := range rows[1:] {
		got = append(got, r[0]+"="+r[1])
	}
	if strings.Join(got, " ") != "2017=59 2018=27 2019=25 2020=8" || !strings.Contains(strings.Join(rows[0], ","), "quote") {
		t.Errorf("CSV rows %v header %v", got, rows[0])
	}

	_, b = d.take(t, p, `#parity .dl-json`)
	var doc struct {
		Rows []struct {
			Category string   `json:"category"`
			Value    *float64 `json:"value"`
			Target   *float64 `json:"target"`
		} `json:"rows"`
	}
	if err := json.Unmarshal(b, &doc); err != nil || len(doc.Rows) != 9 || *doc.Rows[0].Value != 22.6 || *doc.Rows[0].Target != 17 || doc.Rows[5].Value != nil {
		t.Errorf("JSON: %v %+v", err, doc.Rows)
	}

	name, b = d.take(t, p, `#coe-gaps .dl-svg`)
	var svg struct {
		XMLName xml.Name
		Title   string `xml:"title"`
	}
	if err := xml.Unmarshal(b, &svg); err != nil || svg.XMLName.Local != "svg" || !strings.Contains(svg.Title, "gaps") || !strings.HasSuffix(name, ".svg") {
		t.Errorf("SVG %s: %v, title %q", name, err, svg.Title)
	}
	if !bytes.Contains(b, []byte("S/2020/911")) {
		t.Error("the SVG carries no source line")
	}

	name, b = d.take(t, p, `#fatalities .dl-png`)
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil || !strings.HasSuffix(name, ".png") {
		t.Fatalf("PNG %s: %v", name, err)
	}
	if w := img.Bounds().Dx(); w < 1920 {
		t.Errorf("PNG is %d px wide, want at least 1920 for slides", w)
	}
	p.clean(t)
}

func TestOwnFigures(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	p.open(t, u+"/")
	hostile := "category,value\n\"<img src=x onerror=\"\"window.__pwned=1\"\">\",12\nSafe label,30\n"
	p.run(t, change(`#upload-text`, hostile), chromedp.Click(chromedp.CSS(`.upload-go`)),
		chromedp.WaitVisible(chromedp.CSS(`section.card[id^="upload-"] .chart.only svg`)))
	if n := eval[int](t, p, `document.querySelectorAll('section.card[id^="upload-"] img').length`); n != 0 {
		t.Errorf("markup from the file became %d elements", n)
	}
	if eval[bool](t, p, `window.__pwned === 1`) {
		t.Fatal("script from a CSV label ran")
	}
	label := eval[string](t, p, `document.querySelector('section.card[id^="upload-"] .hit').getAttribute("aria-label")`)
	if !strings.Contains(label, "<img src=x") {
		t.Errorf("the label should show as text, got %q", label)
	}
	// Pasted text is titled as the reader's, and its headline claims nothing the file does not
	// say (no "2020", no "uniformed", no count of targets it does not have).
	if got := eval[string](t, p, `document.querySelector('section.card[id^="upload-"] h2').textContent`); got != "Your figures" {
		t.Errorf("pasted file titled %q", got)
	}
	if got := eval[string](t, p, `document.querySelector('section.card[id^="upload-"] .headline').textContent`); got != "No target in your file to compare with" {
		t.Errorf("pasted file headline %q", got)
	}

	// A file chosen with the file input, with a mistake on line 3.
	bad := filepath.Join(t.TempDir(), "next-year.csv")
	if err := os.WriteFile(bad, []byte("period,value\n2021,13\n2022,seven\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p.run(t, chromedp.SetUploadFiles(chromedp.CSS(`#upload-file`), []string{bad}),
		chromedp.WaitVisible(chromedp.CSS(`.upload-error`)))
	msg := eval[string](t, p, `document.querySelector(".upload-error").textContent`)
	if !strings.Contains(msg, `line 3, column value: "seven" is not a number`) {
		t.Errorf("error message %q does not name line and column", msg)
	}
	if eval[int](t, p, `document.querySelectorAll('section.card[id^="upload-"]').length`) != 1 {
		t.Error("a bad file must not lose the data already charted")
	}
	// The same problem, said in French once the reader switches language.
	p.run(t, change(`.lang-select`, "fr"), chromedp.WaitVisible(chromedp.CSS(`html[lang="fr"], #vugu_mount_point[lang="fr"]`)))
	msg = eval[string](t, p, `document.querySelector(".upload-error").textContent`)
	if want := "ligne 3, colonne value\u202f: «\u202fseven\u202f» n’est pas un nombre"; !strings.Contains(msg, want) {
		t.Errorf("French error message %q, want %q", msg, want)
	}
	good := filepath.Join(t.TempDir(), "next-year.csv")
	os.WriteFile(good, []byte("period,value\n2021,13\n2022,9\n"), 0o644)
	p.run(t, chromedp.SetUploadFiles(chromedp.CSS(`#upload-file`), []string{good}),
		chromedp.WaitVisible(chromedp.CSS(`#upload-2 .chart.only svg`)))
	if n := eval[int](t, p, `document.querySelectorAll("#upload-2 .chart.only .hit").length`); n != 2 {
		t.Errorf("uploaded file charts %d bars, want 2", n)
	}
	if got := eval[string](t, p, `document.querySelector("#upload-2 h2").textContent`); got != "next-year" {
		t.Errorf("file titled %q, want its name", got)
	}
	if got := eval[string](t, p, `document.querySelector("#upload-2 .headline").textContent`); got != "13 en 2021 → 9 en 2022, −31\u202f% (notre calcul)" {
		t.Errorf("French headline of a reader's file %q", got)
	}
	p.clean(t)
}

// TestUploadNotes: a file that charts but was changed on the way (rows reordered, a column
// ignored) says so under the upload area, in the page's language; the pasted text stays.
func TestUploadNotes(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	p.open(t, u+"/")
	const csv = "period,value,extra\n2022,9,x\n2021,13,y\n"
	p.run(t, chromedp.Evaluate[chromedp.Void](`document.querySelector("#your-data").__mark = 1`),
		change(`#upload-text`, csv), chromedp.Click(chromedp.CSS(`.upload-go`)),
		chromedp.WaitVisible(chromedp.CSS(`.upload-notes`)))
	// The new card goes in before the upload area, which stays the same element with its text.
	if !eval[bool](t, p, `document.querySelector("#your-data").__mark === 1`) {
		t.Error("the upload area was rebuilt when the reader's card was added")
	}
	if got := eval[string](t, p, `document.querySelector("#upload-text").value`); got != csv {
		t.Errorf("pasted text after charting: %q", got)
	}
	notes := eval[string](t, p, `document.querySelector(".upload-notes").textContent`)
	for _, want := range []string{"rows were put in period order", `ignored columns: "extra"`} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes %q lack %q", notes, want)
		}
	}
	if got := eval[string](t, p, `[...document.querySelectorAll('section.card[id^="upload-"] .hit')].map(e => e.getAttribute("aria-label")).join(" | ")`); !strings.HasPrefix(got, "2021") {
		t.Errorf("bars not in period order: %s", got)
	}
	p.run(t, change(`.lang-select`, "fr"), chromedp.WaitVisible(chromedp.CSS(`#vugu_mount_point[lang="fr"]`)))
	if notes := eval[string](t, p, `document.querySelector(".upload-notes").textContent`); !strings.Contains(notes, "colonnes ignorées") {
		t.Errorf("French notes: %q", notes)
	}
	p.clean(t)
}

func TestKeyFiguresSearch(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	p.open(t, u+"/")
	total := eval[int](t, p, `document.querySelectorAll("#key-figures tbody tr").length`)
	n := p.renders(t)
	p.run(t, chromedp.Click(chromedp.CSS(`.kf-search`)), chromedp.SendKeys(chromedp.CSS(`.kf-search`), "PCRS"))
	// The URL follows the state as each key is handled; the render for that state has run by
	// the time the page's script sees it (a Go event handler runs every goroutine it wakes).
	p.until(t, "the search for PCRS to be handled", fmt.Sprintf(`location.search.includes("q=PCRS") && window.explorerRenders > %d`, n))
	rows := eval[[]string](t, p, `[...document.querySelectorAll("#key-figures tbody tr")].map(r => r.textContent)`)
	if len(rows) == 0 || len(rows) >= total {
		t.Fatalf("search for PCRS left %d of %d rows", len(rows), total)
	}
	for _, r := range rows {
		if !strings.Contains(r, "PCRS") && !strings.Contains(r, "Peacekeeping Capability Readiness System") {
			t.Errorf("row does not match PCRS: %q", r)
		}
	}
	if !strings.Contains(strings.Join(rows, " "), "200") {
		t.Error("the 200 capabilities registered in the PCRS are not found")
	}
	if q := eval[string](t, p, `location.search`); !strings.Contains(q, "q=PCRS") {
		t.Errorf("search not in the URL: %q", q)
	}
	p.clean(t)
}

// TestKeyboardOnly switches to the table, sorts it and downloads nothing by mouse.
func TestKeyboardOnly(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	p.open(t, u+"/")
	focusOn := func(sel string) {
		t.Helper()
		for i := 0; i < 80; i++ {
			if eval[bool](t, p, `document.activeElement.matches(`+jsString(sel)+`)`) {
				return
			}
			p.run(t, chromedp.KeyEvent(kb.Tab))
		}
		t.Fatalf("%s not reachable with Tab", sel)
	}
	focusOn(`#fatalities .view-table`)
	p.run(t, chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(chromedp.CSS(`#fatalities table.data`)))
	focusOn(`#fatalities button.sort[data-col="value"]`)
	n := p.renders(t)
	p.run(t, chromedp.KeyEvent(" "))
	p.renderedSince(t, n)
	if s := eval[string](t, p, `document.querySelector("#fatalities tbody th").textContent`); s != "2020" {
		t.Errorf("after sorting by value with the keyboard the first row is %q", s)
	}
	focusOn(`#parity .targets-toggle`)
	p.run(t, chromedp.KeyEvent(" "), chromedp.WaitNotPresent(chromedp.CSS(`#parity .chart.only svg .target`)))
	p.clean(t)
}

// TestLateFocusKeepsTheReadersFocus: a menu gives the focus back to its button a moment after
// an item is chosen. A reader (or a test) quicker than that moment, who has already opened
// another card's menu, keeps it open: the late focus does not take the focus from where the
// reader moved it (it closed the other menu, and a download test waited for it for good).
func TestLateFocusKeepsTheReadersFocus(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	p.open(t, u+"/")
	p.run(t, chromedp.Click(chromedp.CSS(`#parity .share-toggle`)), chromedp.WaitVisible(chromedp.CSS(`#parity .dl-csv`)))
	// One task: choose an item, then at once open the other menu, before any timer runs.
	p.run(t, chromedp.Evaluate[chromedp.Void](`document.querySelector("#parity .dl-csv").click();
		const b = document.querySelector("#coe-gaps .share-toggle"); b.focus(); b.click();`))
	p.until(t, "the first item of the opened menu focused", `document.activeElement.matches("#coe-gaps .menu button")`)
	if !eval[bool](t, p, `!document.querySelector("#coe-gaps .menu").hidden && document.querySelector("#parity .menu").hidden`) {
		t.Error("the late focus closed the menu the reader had opened")
	}
	p.clean(t)
}
