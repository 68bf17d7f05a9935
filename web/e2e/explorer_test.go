package e2e

import (
	"fmt"
	"strings"
	"testing"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"briefing/data"
)

func TestExplorerLoadsCleanly(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	p.open(t, u+"/")
	p.settled(t) // errors of the take-over's last step (the layout check) count too
	if cards := eval[int](t, p, `document.querySelectorAll("#fatalities, #coe-gaps, #parity").length`); cards != 3 {
		t.Errorf("cards: got %d, want 3", cards)
	}
	if eval[bool](t, p, `document.documentElement.hasAttribute("data-failed")`) {
		t.Error("the error banner is showing")
	}
	p.clean(t)
}

// TestChartsMatchData checks each chart draws one bar per figure and that every bar's
// tooltip carries the figure from the data files (whose provenance data/ tests prove).
func TestChartsMatchData(t *testing.T) {
	b, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	u := site(t)
	p := newPage(t, u, 1280, 900)
	p.open(t, u+"/")
	for _, ds := range b.Datasets {
		tips := eval[[]string](t, p, fmt.Sprintf(`[...document.querySelectorAll("#%s .chart.only .hit")].map(e => e.getAttribute("aria-label"))`, ds.ID))
		if len(tips) != len(ds.Rows) {
			t.Errorf("%s: %d bars, want %d", ds.ID, len(tips), len(ds.Rows))
			continue
		}
		drawn := eval[int](t, p, fmt.Sprintf(`document.querySelectorAll("#%s .chart.only svg .bar:not(.missing)").length`, ds.ID))
		withValue := 0
		for i, r := range ds.Rows {
			if r.HasValue {
				withValue++
				if !strings.Contains(tips[i], r.ValueText) {
					t.Errorf("%s bar %d: tooltip %q lacks the figure %s", ds.ID, i, tips[i], r.ValueText)
				}
			} else if !strings.Contains(tips[i], "no figure given") {
				t.Errorf("%s bar %d: tooltip %q should say no figure is given", ds.ID, i, tips[i])
			}
		}
		if drawn != withValue {
			t.Errorf("%s: %d bars drawn in the SVG, want %d (one per figure given)", ds.ID, drawn, withValue)
		}
	}
	// The partial year is stated apart, never the end of a change (issue 11).
	if h := eval[string](t, p, `document.querySelector("#fatalities .headline").textContent`); h != "59 in 2017 → 25 in 2019, −58% (our calculation); 8 so far in 2020, to 14 September" {
		t.Errorf("fatalities headline %q", h)
	}
	if h := eval[string](t, p, `document.querySelector("#parity .headline").textContent`); !strings.HasPrefix(h, "Most 2020 targets for uniformed personnel met or surpassed, the briefing says") {
		t.Errorf("parity headline %q", h)
	}
	p.clean(t)
}

// tipShown is the text of the tooltip of the hit under a selector if it is displayed, else "".
const tipShown = `(() => { const t = %s.querySelector(".tip");
  return getComputedStyle(t).display !== "none" ? t.textContent : ""; })()`

func TestHoverShowsValue(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	p.open(t, u+"/")
	el := fmt.Sprintf(`document.querySelector(%q)`, `#fatalities .chart.only .hit[data-index="0"]`)
	box := eval[[]float64](t, p, `(() => { const e = `+el+`; e.scrollIntoView({block: "center"});
	  const r = e.getBoundingClientRect(); return [r.x + r.width/2, r.y + r.height/2]; })()`)
	if before := eval[string](t, p, fmt.Sprintf(tipShown, el)); before != "" {
		t.Fatalf("tooltip visible before hovering: %q", before)
	}
	p.run(t, chromedp.MouseEvent(chromedp.MouseMoved, box[0], box[1]))
	if shown := eval[string](t, p, fmt.Sprintf(tipShown, el)); shown != "2017: 59 fatalities" {
		t.Errorf("hover tooltip: got %q, want %q", shown, "2017: 59 fatalities")
	}
	p.clean(t)
}

func TestKeyboardFocusShowsValue(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	p.open(t, u+"/")
	// Tab from the top of the page until a bar is focused: the bars must be in the tab order.
	label := ""
	for i := 0; i < 60 && !strings.HasPrefix(label, "Q4 2018"); i++ {
		p.run(t, chromedp.KeyEvent(kb.Tab))
		label = eval[string](t, p, `document.activeElement.classList.contains("hit") ? document.activeElement.getAttribute("aria-label") : ""`)
	}
	if !strings.HasPrefix(label, "Q4 2018") {
		t.Fatal("the Q4 2018 bar is not reachable with Tab")
	}
	if shown := eval[string](t, p, fmt.Sprintf(tipShown, "document.activeElement")); shown != "Q4 2018: 23 units" {
		t.Errorf("focused tooltip: got %q, want %q", shown, "Q4 2018: 23 units")
	}
	p.clean(t)
}

func TestTargetsControlRedrawsParity(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	p.open(t, u+"/")
	count := func() int {
		return eval[int](t, p, `document.querySelectorAll("#parity .chart.only svg .target").length`)
	}
	on := count()
	if on == 0 {
		t.Fatal("parity chart shows no target markers by default")
	}
	label := eval[string](t, p, `document.querySelector("#parity .targets-toggle").closest("label").textContent`)
	if !strings.Contains(strings.ToLower(label), "targets") {
		t.Errorf("targets control label %q does not say targets", label)
	}
	p.run(t, chromedp.Click(chromedp.CSS(`#parity .targets-toggle`)),
		chromedp.WaitNotPresent(chromedp.CSS(`#parity .chart.only svg .target`)))
	if n := count(); n != 0 {
		t.Errorf("targets still drawn after switching them off: %d", n)
	}
	p.run(t, chromedp.Click(chromedp.CSS(`#parity .targets-toggle`)),
		chromedp.WaitVisible(chromedp.CSS(`#parity .chart.only svg .target`)))
	if n := count(); n != on {
		t.Errorf("targets after switching back on: %d, want %d", n, on)
	}
	p.clean(t)
}

// TestChartsComeBackFromKeptNodes: going back to a chart shown before puts its nodes back
// (wasm/blocks.go) instead of parsing its SVG again, and they are the right chart with working
// tooltips; a chart never shown is parsed from its HTML.
func TestChartsComeBackFromKeptNodes(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	p.open(t, u+"/")
	const svg = `document.querySelector("#parity .chart.only svg")`
	p.run(t, chromedp.Evaluate[chromedp.Void](svg+`.__mark = "with targets"`))
	p.run(t, chromedp.Click(chromedp.CSS(`#parity .targets-toggle`)),
		chromedp.WaitNotPresent(chromedp.CSS(`#parity .chart.only svg .target`)))
	if m := eval[string](t, p, `String(`+svg+`.__mark)`); m != "undefined" {
		t.Fatalf("the chart without targets is the old SVG element (%s)", m)
	}
	p.run(t, chromedp.Evaluate[chromedp.Void](svg+`.__mark = "without targets"`))
	p.run(t, chromedp.Click(chromedp.CSS(`#parity .targets-toggle`)),
		chromedp.WaitVisible(chromedp.CSS(`#parity .chart.only svg .target`)))
	if m := eval[string](t, p, `String(`+svg+`.__mark)`); m != "with targets" {
		t.Errorf("back to targets: the SVG is %q, want the kept element", m)
	}
	if n := eval[int](t, p, `document.querySelectorAll("#parity .chart.only svg").length`); n != 1 {
		t.Errorf("%d SVGs in the parity chart box, want 1", n)
	}
	hits := eval[int](t, p, `document.querySelectorAll("#parity .chart.only .hit").length`)
	label := eval[string](t, p, `document.querySelector("#parity .chart.only .hit").getAttribute("aria-label")`)
	if hits != 9 || !strings.Contains(label, "%") {
		t.Errorf("kept chart has %d hit boxes, first labelled %q", hits, label)
	}
	p.run(t, chromedp.Click(chromedp.CSS(`#parity .targets-toggle`)),
		chromedp.WaitNotPresent(chromedp.CSS(`#parity .chart.only svg .target`)))
	if m := eval[string](t, p, `String(`+svg+`.__mark)`); m != "without targets" {
		t.Errorf("off again: the SVG is %q, want the kept element", m)
	}
	// A chart whose box Vugu removed (the table took its place) comes back too.
	const fat = `document.querySelector("#fatalities .chart.only svg")`
	p.run(t, chromedp.Evaluate[chromedp.Void](fat+`.__mark = "bars"`),
		chromedp.Click(chromedp.CSS(`#fatalities .view-table`)), chromedp.WaitVisible(chromedp.CSS(`#fatalities table.data`)),
		chromedp.Click(chromedp.CSS(`#fatalities .view-chart`)), chromedp.WaitVisible(chromedp.CSS(`#fatalities .chart.only svg`)))
	if m := eval[string](t, p, `String(`+fat+`.__mark)`); m != "bars" {
		t.Errorf("back from the table: the SVG is %q, want the kept element", m)
	}
	if n := eval[int](t, p, `document.querySelectorAll("#fatalities .chart.only .hit").length`); n != 4 {
		t.Errorf("back from the table: %d hit boxes, want 4", n)
	}
	p.clean(t)
}

// TestPrerenderedBlocksAdopted: a block the prerendered page already shows with the key the
// browser asks for is adopted as it is — the same nodes, not drawn again: the key figures'
// rows, and each chart at the width the screen shows, though Vugu's patch keeps the element of
// the first prerendered layout (240 px) and removes the others. Blocks reach the page through
// Vugu's vg-js-populate hook (wasm/blocks.go).
func TestPrerenderedBlocksAdopted(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	if _, err := chromedp.Call(p.ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: `
		document.addEventListener("DOMContentLoaded", () => {
			window.__pre = 0;
			for (const el of document.querySelectorAll("tr[id^=kf-], .chart svg")) { el.__pre = true; window.__pre++; }
		});`}); err != nil {
		t.Fatal(err)
	}
	p.open(t, u+"/")
	if n := eval[int](t, p, `window.__pre || 0`); n < 10 {
		t.Fatalf("marked %d prerendered rows and charts before the wasm started, want them all", n)
	}
	if adopted := eval[bool](t, p, `(() => { const rows = document.querySelectorAll("tbody[data-block] tr[id^=kf-]");
		return rows.length > 0 && [...rows].every(r => r.__pre === true); })()`); !adopted {
		t.Error("the key-figure rows were drawn again though the prerendered page had them")
	}
	if adopted := eval[bool](t, p, `(() => { const svgs = [...document.querySelectorAll(".chart.only svg")];
		return svgs.length > 0 && svgs.every(s => s.__pre === true); })()`); !adopted {
		t.Error("a chart the prerendered page had at the width shown was drawn again from its HTML")
	}
	p.clean(t)
}
