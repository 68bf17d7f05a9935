package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The screens the page is read on: a phone, a tablet, a laptop and a wide desktop.
var readerScreens = []struct{ w, h int64 }{{375, 812}, {768, 1024}, {1440, 900}, {1920, 1080}}

// firstChartTop is the first visible chart's top, in page pixels (-1 when there is none).
const firstChartTop = `(() => { const c = [...document.querySelectorAll("main .chart")].find(e => e.getClientRects().length);
  return c ? c.getBoundingClientRect().top + scrollY : -1; })()`

// sentenceProblems lists the key-figure sentences that are not shown in full: hidden, wider
// than their box, or reaching outside the viewport or out of a box that clips them.
const sentenceProblems = `(() => { const out = [], W = document.documentElement.clientWidth;
  const els = [...document.querySelectorAll("#key-figures .kf-sentence")];
  if (!els.length) return ["no key-figure sentence in the page"];
  for (const e of els) {
    const id = e.closest("[id]").id, rects = [...e.getClientRects()];
    if (!rects.length || getComputedStyle(e).visibility !== "visible") { out.push(id + ": not shown"); continue; }
    for (const b of [e, e.closest("td, th")]) if (b.clientWidth && b.scrollWidth > b.clientWidth + 1) out.push(id + ": " + b.tagName + " scrollWidth " + b.scrollWidth + " > clientWidth " + b.clientWidth);
    const clips = [];
    for (let a = e.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflowX !== "visible") clips.push(a.getBoundingClientRect());
    for (const r of rects) {
      if (r.left < -0.5 || r.right > W + 0.5) out.push(id + ": from " + Math.round(r.left) + " to " + Math.round(r.right) + " in a " + W + " px viewport");
      for (const c of clips) if (r.left < c.left - 0.5 || r.right > c.right + 0.5) out.push(id + ": cut by a scrolling box (" + Math.round(r.right) + " > " + Math.round(c.right) + ")");
    }
  }
  return out.slice(0, 10); })()`

// TestLayoutOnEveryScreen lays the explorer out on every reader's screen: the first chart
// starts in the top half of a phone's first screen, nothing needs horizontal scrolling, and
// every key-figure sentence can be read in full.
func TestLayoutOnEveryScreen(t *testing.T) {
	u := site(t)
	for _, s := range readerScreens {
		t.Run(fmt.Sprint(s.w), func(t *testing.T) {
			p := newPage(t, u, s.w, s.h)
			p.run(t, chromedp.EmulateViewport(s.w, s.h))
			p.open(t, u+"/")
			top := eval[float64](t, p, firstChartTop)
			kf := eval[float64](t, p, `document.querySelector("#key-figures").getBoundingClientRect().height`)
			t.Logf("%d×%d: first chart at %.0f px, key figures %.0f px tall", s.w, s.h, top, kf)
			if top < 0 {
				t.Error("no chart shown")
			}
			if s.w < 600 && top >= float64(s.h)/2 {
				t.Errorf("the first chart starts %.0f px down a %d px tall phone screen: not in its top half", top, s.h)
			}
			if over := eval[string](t, p, `document.documentElement.scrollWidth > innerWidth ? document.documentElement.scrollWidth + " > " + innerWidth : ""`); over != "" {
				t.Errorf("the page scrolls sideways: %s", over)
			}
			for _, pr := range eval[[]string](t, p, sentenceProblems) {
				t.Error(pr)
			}
			// The source references of the tables never break ("S/2020/911, p. 5").
			p.open(t, u+"/?v=2&fatalities=table&parity=table")
			if broken := eval[[]string](t, p, `[...document.querySelectorAll("#fatalities td.src, #parity td.src, #key-figures .cite")]
			  .filter(e => { const r = document.createRange(); r.selectNodeContents(e);
			    return new Set([...r.getClientRects()].filter(x => x.width).map(x => Math.round(x.top))).size > 1; })
			  .map(e => e.textContent)`); len(broken) > 0 {
				t.Errorf("source references broken across lines: %q", broken)
			}
			if n := eval[int](t, p, `document.querySelectorAll("#fatalities td.src").length`); n != 4 {
				t.Errorf("%d source cells in the fatalities table, want 4", n)
			}
			if bad := eval[[]string](t, p, `[...document.querySelectorAll("table.data td.num, table.data th.num")].filter(e => e.getClientRects().length && getComputedStyle(e.closest("table")).display === "table").filter(e => {
			    const s = getComputedStyle(e); return s.textAlign !== "right" || !s.fontVariantNumeric.includes("tabular-nums"); })
			  .map(e => e.textContent)`); len(bad) > 0 {
				t.Errorf("numbers not right-aligned in tabular figures: %q", bad)
			}
			p.clean(t)
		})
	}
}

// TestThemeCoversViewport samples the page's background at the corners of the viewport,
// outside the content column on wide screens, under every theme: it is the theme's, and the
// browser's own controls and scroll bars follow the theme's colour scheme.
func TestThemeCoversViewport(t *testing.T) {
	u := site(t)
	themes := []struct{ name, bg, scheme string }{
		{"light", "rgb(246, 247, 249)", "light"},
		{"dark", "rgb(17, 21, 28)", "dark"},
		{"projector", "rgb(255, 255, 255)", "light"},
	}
	for _, s := range []struct{ w, h int64 }{{375, 812}, {1440, 900}, {1920, 1080}} {
		t.Run(fmt.Sprint(s.w), func(t *testing.T) {
			p := newPage(t, u, s.w, s.h)
			p.run(t, chromedp.EmulateViewport(s.w, s.h))
			for _, th := range themes {
				p.open(t, u+"/?v=2&theme="+th.name)
				for _, y := range []string{"0", "document.documentElement.scrollHeight"} {
					got := eval[[]string](t, p, `(() => { scrollTo(0, `+y+`);
					  const bg = e => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor;
					    if (c !== "rgba(0, 0, 0, 0)" && c !== "transparent") return c; } return "none"; };
					  const W = innerWidth, H = innerHeight;
					  return [[2, 2], [W - 3, 2], [2, H - 3], [W - 3, H - 3]].map(([x, y]) => {
					    const e = document.elementFromPoint(x, y); return x + "," + y + " " + (e ? e.tagName : "nothing") + " " + bg(e); })
					  .concat(["HTML " + bg(document.documentElement), "BODY " + bg(document.body)]); })()`)
					for _, g := range got {
						if !strings.HasSuffix(g, " "+th.bg) {
							t.Errorf("%s theme, scrolled to %s: background at %s, want %s", th.name, y, g, th.bg)
						}
					}
				}
				if cs := eval[string](t, p, `getComputedStyle(document.documentElement).colorScheme`); cs != th.scheme {
					t.Errorf("%s theme: color-scheme %q, want %q", th.name, cs, th.scheme)
				}
			}
			p.clean(t)
		})
	}
}

// TestShareMenu drives a card's "Download / share" menu the way the WAI-ARIA menu button
// pattern says, from the keyboard and by mouse.
func TestShareMenu(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	p.open(t, u+"/")
	const btn = `#coe-gaps .share-toggle`
	waitFor := func(what, js string) {
		t.Helper()
		p.until(t, what, js)
	}
	attrs := eval[[]string](t, p, `(() => { const b = document.querySelector(`+jsString(btn)+`), m = document.getElementById(b.getAttribute("aria-controls"));
	  return [b.tagName, b.getAttribute("aria-haspopup"), b.getAttribute("aria-expanded"), m ? m.getAttribute("role") : "no menu",
	    m ? String(m.hidden) : "", m ? m.getAttribute("aria-labelledby") === b.id && b.id !== "" ? "labelled" : "unlabelled" : "",
	    [...m.querySelectorAll("li")].map(li => li.getAttribute("role") + ">" + li.firstElementChild.getAttribute("role") + ":" + li.firstElementChild.tabIndex + ":" + li.firstElementChild.textContent).join(" ")]; })()`)
	if want := []string{"BUTTON", "menu", "false", "menu", "true", "labelled", "none>menuitem:-1:CSV none>menuitem:-1:JSON none>menuitem:-1:SVG none>menuitem:-1:PNG none>menuitem:-1:Embed"}; fmt.Sprint(attrs) != fmt.Sprint(want) {
		t.Errorf("menu button and menu:\n got %q\nwant %q", attrs, want)
	}
	focused := func(sel string) string {
		return `document.activeElement && document.activeElement.matches(` + jsString(sel) + `)`
	}
	open := `document.querySelector("` + btn + `").getAttribute("aria-expanded") === "true" && !document.querySelector("#coe-gaps [role=menu]").hidden`
	closed := `document.querySelector("` + btn + `").getAttribute("aria-expanded") === "false" && document.querySelector("#coe-gaps [role=menu]").hidden`

	// Enter opens the menu at its first item; arrows move and wrap; Home and End.
	eval[bool](t, p, `(document.querySelector("`+btn+`").focus(), true)`)
	p.run(t, chromedp.KeyEvent(kb.Enter))
	waitFor("Enter opens the menu", open)
	waitFor("the first item has the focus", focused(`#coe-gaps .dl-csv`))
	p.run(t, chromedp.KeyEvent(kb.ArrowDown))
	waitFor("ArrowDown moves to JSON", focused(`#coe-gaps .dl-json`))
	p.run(t, chromedp.KeyEvent(kb.End))
	waitFor("End moves to the last item", focused(`#coe-gaps .embed-toggle`))
	p.run(t, chromedp.KeyEvent(kb.ArrowDown))
	waitFor("ArrowDown wraps to the first item", focused(`#coe-gaps .dl-csv`))
	p.run(t, chromedp.KeyEvent(kb.ArrowUp))
	waitFor("ArrowUp wraps to the last item", focused(`#coe-gaps .embed-toggle`))
	// Escape closes it and gives the focus back to the button.
	p.run(t, chromedp.KeyEvent(kb.Escape))
	waitFor("Escape closes the menu", closed)
	waitFor("Escape gives the focus back to the button", focused(btn))
	// Space and ArrowDown open it too; Tab closes it and moves on.
	p.run(t, chromedp.KeyEvent(" "))
	waitFor("Space opens the menu", open+" && "+focused(`#coe-gaps .dl-csv`))
	p.run(t, chromedp.KeyEvent(kb.Escape))
	waitFor("Escape closes the menu", closed+" && "+focused(btn))
	p.run(t, chromedp.KeyEvent(kb.ArrowDown))
	waitFor("ArrowDown opens the menu", open+" && "+focused(`#coe-gaps .dl-csv`))
	p.run(t, chromedp.KeyEvent(kb.Tab))
	waitFor("Tab closes the menu", closed)
	// By mouse: a click opens it, choosing Embed shows the code with the focus in it.
	p.run(t, chromedp.Click(chromedp.CSS(btn)))
	waitFor("a click opens the menu", open)
	p.run(t, chromedp.Click(chromedp.CSS(`#coe-gaps .embed-toggle`)))
	waitFor("Embed shows the code and focuses it", closed+` && document.querySelector("#coe-gaps-embed") !== null && `+focused(`#coe-gaps .embed-iframe`))
	// Another card's menu is its own.
	if eval[string](t, p, `document.querySelector("#fatalities .share-toggle").getAttribute("aria-expanded")`) != "false" {
		t.Error("opening one card's menu opened another's")
	}
	p.clean(t)
}

// TestHonestWithoutJavaScript opens the page with JavaScript disabled: no button, menu, field
// or checkbox is shown that could not do anything. The bars' focus boxes stay: their tooltips
// are CSS. What the controls would give is there as links (the <noscript> block).
func TestHonestWithoutJavaScript(t *testing.T) {
	u := site(t)
	for _, s := range []struct{ w, h int64 }{{375, 812}, {1440, 900}} {
		t.Run(fmt.Sprint(s.w), func(t *testing.T) {
			p := newPage(t, u, s.w, s.h)
			if _, err := chromedp.Call(p.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
				t.Fatal(err)
			}
			p.run(t, chromedp.EmulateViewport(s.w, s.h), chromedp.Navigate(u+"/"), chromedp.WaitVisible(chromedp.CSS(`#fatalities .figure`)))
			if eval[bool](t, p, `document.documentElement.hasAttribute("data-ready")`) {
				t.Fatal("scripts ran although disabled")
			}
			inert := eval[[]string](t, p, `[...document.querySelectorAll("button, select, input, textarea, [role=button], [role=menuitem], [tabindex]")]
			  .filter(e => e.getClientRects().length && getComputedStyle(e).visibility === "visible")
			  .filter(e => !(e.matches(".hit") && e.querySelector(".tip"))) // a tooltip, in CSS
			  .filter(e => !e.matches(".table-wrap[role=region]")) // a box that scrolls by keyboard
			  .map(e => e.tagName + "." + e.className + (e.closest("section") ? " in #" + e.closest("section").id : ""))`)
			for _, e := range inert {
				t.Errorf("without JavaScript %s is shown but cannot work", e)
			}
			if n := eval[int](t, p, `document.querySelectorAll(".hit").length`); n == 0 {
				t.Error("the bars' tooltips are gone without JavaScript")
			}
			links := eval[string](t, p, `[...document.querySelectorAll("noscript ~ * a, .noscript a")].filter(a => a.getClientRects().length).map(a => a.getAttribute("href")).join(" ")`)
			for _, want := range []string{"data/fatalities.csv", "charts/fatalities-en-light.svg", "charts/fatalities-en-light.png"} {
				if !strings.Contains(links, want) {
					t.Errorf("without JavaScript there is no link to %s (links: %s)", want, links)
				}
			}
		})
	}
}

// TestLayoutScreenshots writes the screenshots of docs/ that show the layout on each screen,
// when SCREENSHOTS names a folder: SCREENSHOTS=docs go test -timeout 20m ./web/e2e -run LayoutScreenshots
func TestLayoutScreenshots(t *testing.T) {
	dir := os.Getenv("SCREENSHOTS")
	if dir == "" {
		t.Skip("set SCREENSHOTS=<folder> to write screenshots")
	}
	u := site(t)
	shots := []struct {
		name          string
		query         string
		width, height int64
		element       string // this element only (on a phone, the first screen of it); "" = the first screen
	}{
		{"phone-375", "", 375, 812, ""},
		{"key-figures-375", "", 375, 812, "#key-figures"},
		{"key-figures-1440", "", 1440, 900, "#key-figures"},
		{"dark-1920", "?v=2&theme=dark", 1920, 1080, ""},
	}
	for _, s := range shots {
		p := newPage(t, u, s.width, s.height)
		p.run(t, chromedp.EmulateViewport(s.width, s.height))
		p.open(t, u+"/"+s.query)
		shot := chromedp.CaptureScreenshot()
		if s.element == "#key-figures" && s.width < 600 { // a phone: the key figures' first screen
			eval[bool](t, p, `(document.querySelector("#key-figures").scrollIntoView(), true)`)
		} else if s.element != "" {
			shot = chromedp.Screenshot(chromedp.CSS(s.element))
		}
		png, err := chromedp.Run(p.ctx, shot)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, s.name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
