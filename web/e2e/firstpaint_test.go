package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestChartsWithoutJavaScript opens the page with JavaScript disabled: the prerendered charts
// and figures must be there at first paint, with native tooltips on the bars.
func TestChartsWithoutJavaScript(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	if _, err := chromedp.Call(p.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	p.run(t, chromedp.Navigate(u+"/"))
	html, err := chromedp.Run(p.ctx, chromedp.OuterHTML(chromedp.CSS(`html`)))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(html, `data-ready="1"`) {
		t.Fatal("scripts ran although disabled")
	}
	for _, want := range []string{`id="fatalities"`, `id="coe-gaps"`, `id="parity"`, `59 in 2017 → 25 in 2019`,
		`<title>2017: 59 fatalities</title>`, `role="img"`, `S/2020/911, Annex I, p. 5`} {
		if !strings.Contains(html, want) {
			t.Errorf("without JavaScript the page lacks %q", want)
		}
	}
	if n := strings.Count(html, `class="bar bar-`); n < 2*(4+2+9)-4 {
		t.Errorf("%d bars in the page without JavaScript", n)
	}
}

// TestNoLayoutShift measures the cumulative layout shift while the wasm adopts the
// prerendered page, on a desktop, a phone and in a 600 px intranet column (the page and an
// embed): the charts it draws are the layouts CSS showed, so the reader sees nothing jump.
func TestNoLayoutShift(t *testing.T) {
	u := site(t)
	for _, room := range []struct {
		width int64
		path  string
	}{{1280, "/"}, {375, "/"}, {600, "/"}, {600, "/?v=2&embed=parity"}} {
		width := room.width
		p := newPage(t, u, width, 900)
		p.run(t, chromedp.EmulateViewport(width, 900))
		if _, err := chromedp.Call(p.ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: `
			window.__cls = 0; window.__shifts = []; window.__before = [];
			// Only shifts from the wasm's start on are the take-over's; earlier ones (the page
			// font swapping in, before any Go runs) are logged, not counted.
			const started = () => { const m = performance.getEntriesByName("explorer wasm start")[0]; return m ? m.startTime : Infinity; };
			const add = entries => { for (const e of entries) if (!e.hadRecentInput) {
				const what = e.value.toFixed(4) + " " + e.sources.map(s => s.node && (s.node.id || s.node.className || s.node.nodeName)).join(",") + " at " + e.startTime.toFixed(0) + " ms";
				if (e.startTime < started()) { window.__before.push(what); continue; }
				window.__cls += e.value;
				window.__shifts.push(what);
			} };
			window.__clsObserver = new PerformanceObserver(l => add(l.getEntries()));
			window.__clsObserver.observe({type: "layout-shift", buffered: true});
			window.__takeShifts = () => { add(window.__clsObserver.takeRecords()); return window.__cls; };`}); err != nil {
			t.Fatal(err)
		}
		p.open(t, u+room.path)
		if !eval[bool](t, p, `PerformanceObserver.supportedEntryTypes.includes("layout-shift")`) {
			t.Fatal("this Chromium does not report layout shifts: the measurement would prove nothing")
		}
		// The take-over is over once the explorer has checked its layout against the box the
		// browser laid out (a changed layout renders again) and that has been painted; the
		// shifts recorded but not yet delivered to the observer are taken too.
		p.settled(t)
		cls := eval[float64](t, p, `window.__takeShifts()`)
		if cls > 0.01 {
			t.Errorf("%s at %d px: cumulative layout shift %.4f while the wasm took over: %v", room.path, width, cls, eval[[]string](t, p, `window.__shifts`))
		}
		t.Logf("%s at %d px: CLS %.4f during the take-over; before the wasm started: %v", room.path, width, cls, eval[[]string](t, p, `window.__before`))
		p.clean(t)
	}
}

// TestTakeOverKeepsTheShownCharts: the chart layouts the page's CSS shows before the wasm
// starts are the very elements the explorer shows after its take-over, not copies of them
// moved into another element, which had the browser lay every chart out again (wasm/blocks.go,
// shownFirst); and the take-over draws none of them again (view.Cache.Shown: drawing them was
// the largest part of its work). On a desktop, a phone (in French) and in a 600 px intranet
// column. (An embed link is served the whole prerendered page, which its take-over reduces to
// one card: its elements are Vugu's to rearrange.)
func TestTakeOverKeepsTheShownCharts(t *testing.T) {
	u := site(t)
	for _, room := range []struct {
		width int64
		path  string
	}{{1280, "/"}, {375, "/?lang=fr"}, {600, "/"}} {
		p := newPage(t, u, room.width, 900)
		p.run(t, chromedp.EmulateViewport(room.width, 900))
		before(t, p, `document.addEventListener("DOMContentLoaded", () => {
			window.__shown = [...document.querySelectorAll(".chart[data-width]")].filter(c => c.getClientRects().length > 0);
		});`)
		p.open(t, u+room.path)
		p.settled(t)
		got := eval[[]string](t, p, `(() => {
			const shown = window.__shown || [];
			const live = [...document.querySelectorAll(".chart.only")];
			const out = [];
			if (!shown.length) out.push("no chart layout shown before the take-over");
			if (live.length !== shown.length) out.push(live.length + " charts after the take-over, " + shown.length + " before");
			for (const c of live) if (!shown.includes(c)) out.push(c.closest("section, body").id + ": another element (data-width " + c.dataset.width + ")");
			return out; })()`)
		for _, g := range got {
			t.Errorf("%s at %d px: %s", room.path, room.width, g)
		}
		if n := eval[int](t, p, `window.explorerTakeOverCharts ?? -1`); n != 0 {
			t.Errorf("%s at %d px: the take-over drew %d charts, want none: the page shows them all", room.path, room.width, n)
		}
		p.clean(t)
	}
}

// TestZoom200 lays the explorer out at the width a 1280 px screen has at 200 % zoom (640 CSS
// px) and at a phone's: nothing may need horizontal scrolling of the page (wide tables
// scroll inside their own box).
func TestZoom200(t *testing.T) {
	u := site(t)
	for _, width := range []int64{640, 375} {
		p := newPage(t, u, width, 800)
		p.run(t, chromedp.EmulateViewport(width, 800))
		p.open(t, u+"/?v=2&parity=table")
		over := eval[[]string](t, p, `(() => { const w = document.documentElement.clientWidth; const out = [];
		  if (document.documentElement.scrollWidth > w + 1) out.push("page " + document.documentElement.scrollWidth + " > " + w);
		  for (const e of document.querySelectorAll("main *")) { const r = e.getBoundingClientRect();
		    if (r.width && r.right > w + 1 && !e.closest(".table-wrap") && !e.closest(".hits")) out.push((e.className || e.tagName) + " right " + Math.round(r.right)); }
		  return out.slice(0, 10); })()`)
		for _, o := range over {
			t.Errorf("width %d: %s", width, o)
		}
		// The charts are there, in the layout for this width, and drawn.
		drawn := eval[int](t, p, `[...document.querySelectorAll(".chart svg")].filter(s => s.getBoundingClientRect().width > 100 && s.querySelector(".bar")).length`)
		if drawn != 2 { // fatalities and COE gaps; parity is a table in this view
			t.Errorf("width %d: %d charts drawn, want 2", width, drawn)
		}
		p.clean(t)
	}
}
