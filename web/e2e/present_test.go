package e2e

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// slideNow is the current slide number from the URL (0 when not presenting).
const slideNow = `(() => { const m = location.search.match(/slide=(\d+)/); return m ? +m[1] : 0; })()`

func TestPresentationByKeys(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1920, 1080)
	p.run(t, chromedp.EmulateViewport(1920, 1080))
	p.open(t, u+"/")
	p.run(t, chromedp.Click(chromedp.CSS(`button.present`)), chromedp.WaitVisible(chromedp.CSS(`.slides`)))
	total := eval[int](t, p, `document.querySelectorAll(".slide").length`)
	if total != 7 {
		t.Errorf("%d slides, want 7 (title, fatalities, COE gaps, parity uniformed and civilian, key figures, sources)", total)
	}
	steps := []struct {
		key  string
		want int
	}{
		{kb.ArrowRight, 2}, {kb.PageDown, 3}, {" ", 4}, {kb.PageUp, 3}, {kb.ArrowLeft, 2},
		{kb.End, total}, {kb.ArrowRight, total}, {kb.Home, 1}, {kb.ArrowLeft, 1},
	}
	for _, s := range steps {
		// Every slide key renders, also one that changes nothing (ArrowRight on the last
		// slide): the render after it says the key was handled.
		n := p.renders(t)
		p.run(t, chromedp.KeyEvent(s.key))
		p.renderedSince(t, n)
		if got := eval[int](t, p, slideNow); got != s.want {
			t.Errorf("after %q: slide %d, want %d", s.key, got, s.want)
		}
		shown := eval[string](t, p, `document.querySelector(".slide:not([hidden])").id + " " + document.querySelector(".slide-number").textContent`)
		if want := fmt.Sprintf("slide-%d %d / %d", s.want, s.want, total); shown != want {
			t.Errorf("after %q the page shows %q, want %q", s.key, shown, want)
		}
	}
	p.run(t, chromedp.KeyEvent("b"), chromedp.WaitVisible(chromedp.CSS(`.slides.blanked .blank-screen`)))
	p.run(t, chromedp.KeyEvent("."), chromedp.WaitNotPresent(chromedp.CSS(`.blank-screen`)))
	p.run(t, chromedp.KeyEvent(kb.Escape), chromedp.WaitNotPresent(chromedp.CSS(`.slides`)),
		chromedp.WaitVisible(chromedp.CSS(`#fatalities`)))
	p.clean(t)

	// Each slide has its own URL.
	q := newPage(t, u, 1920, 1080)
	q.run(t, chromedp.EmulateViewport(1920, 1080))
	q.open(t, u+"/?v=2&slide=3")
	if id := eval[string](t, q, `document.querySelector(".slide:not([hidden])").id`); id != "slide-3" {
		t.Errorf("?slide=3 shows %s", id)
	}
	q.clean(t)
}

// TestSlidesReadableFromTheBack checks every slide on three projectors (1920×1080, 1280×720,
// 1024×768): once the chart is laid out for the room its slide leaves it, no text is smaller
// than 28 px at 1920×1080 (in proportion to the screen elsewhere), a dataset's chart takes at
// least 60 % of the height, and nothing overlaps.
func TestSlidesReadableFromTheBack(t *testing.T) {
	u := site(t)
	screens := []struct {
		w, h int64
		lang string
	}{{1920, 1080, "en"}, {1920, 1080, "fr"}, {1280, 720, "en"}, {1024, 768, "fr"}}
	for _, sc := range screens {
		p := newPage(t, u, sc.w, sc.h)
		p.run(t, chromedp.EmulateViewport(sc.w, sc.h))
		p.open(t, u+"/?v=2&slide=1&theme=projector&lang="+sc.lang)
		total := eval[int](t, p, `document.querySelectorAll(".slide").length`)
		for n := 1; n <= total; n++ {
			if n > 1 {
				p.run(t, chromedp.KeyEvent(kb.ArrowRight))
			}
			p.waitAcrossNavigation(t, fmt.Sprintf(`%s === %d && %s`, slideNow, n, slideFitted))
			for _, s := range eval[[]string](t, p, slideCheck) {
				t.Errorf("%dx%d %s slide %d: %s", sc.w, sc.h, sc.lang, n, s)
			}
		}
		p.clean(t)
	}
}

// slideFitted is true when the current slide's chart (if any) is laid out for its box: its
// width in slide units is the box's (view.SlideAreaOf: 2.8 % of a 1080 px screen per unit of
// the deck's font size, rounded down to 10).
const slideFitted = `(() => {
  const slide = document.querySelector(".slide:not([hidden])"); if (!slide) return false;
  const box = slide.querySelector(".slide-chart"), svg = box && box.querySelector("svg");
  if (!box) return true; if (!svg) return false;
  const font = parseFloat(getComputedStyle(document.querySelector(".slides")).fontSize);
  const want = Math.max(160, Math.floor(box.getBoundingClientRect().width * 30.24 / font / 10) * 10);
  return svg.viewBox.baseVal.width === want;
})()`

// slideCheck lists what is wrong with the current slide: visible text under 28 px at
// 1920×1080 (SVG text at its drawn size, all in proportion to the deck's font), a chart under
// 60 % of the screen's height, and overlapping blocks or chart texts.
const slideCheck = `(() => {
  const out = [];
  const slide = document.querySelector(".slide:not([hidden])");
  const font = parseFloat(getComputedStyle(document.querySelector(".slides")).fontSize);
  const least = 27.5 * font / 30.24;
  const check = (el, px) => { const t = el.textContent.trim();
    if (t && px < least) out.push(JSON.stringify(t.slice(0, 40)) + " at " + px.toFixed(1) + " px (least " + least.toFixed(1) + ")"); };
  for (const el of slide.querySelectorAll("h1,h2,p,li span,span")) {
    if (el.closest("svg") || !el.getClientRects().length) continue;
    check(el, parseFloat(getComputedStyle(el).fontSize));
  }
  const shown = el => el.getClientRects().length && getComputedStyle(el).visibility !== "hidden" && +getComputedStyle(el).opacity > 0;
  const blocks = [...slide.querySelectorAll(".slide-body > *")].filter(shown);
  for (const el of document.querySelectorAll(".slide-help, .slide-bar button, .slide-number")) if (shown(el)) blocks.push(el);
  for (const el of document.querySelectorAll(".slide-bar span, .slide-bar button")) if (shown(el)) check(el, parseFloat(getComputedStyle(el).fontSize));
  const over = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  for (let i = 0; i < blocks.length; i++) for (let j = i + 1; j < blocks.length; j++) {
    if (blocks[i].contains(blocks[j]) || blocks[j].contains(blocks[i])) continue;
    if (over(blocks[i].getBoundingClientRect(), blocks[j].getBoundingClientRect())) out.push(blocks[i].className + " overlaps " + blocks[j].className);
  }
  const box = slide.querySelector(".slide-chart");
  if (box && box.getBoundingClientRect().height < 0.6 * innerHeight)
    out.push("the chart's room is " + (100 * box.getBoundingClientRect().height / innerHeight).toFixed(0) + " % of the height");
  for (const svg of slide.querySelectorAll("svg")) {
    const r = svg.getBoundingClientRect(), vb = svg.viewBox.baseVal;
    const scale = Math.min(r.width / vb.width, r.height / vb.height);
    const texts = [...svg.querySelectorAll("text")].filter(t => t.textContent.trim());
    for (const tx of texts) check(tx, parseFloat(getComputedStyle(tx).fontSize) * scale);
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i].getBoundingClientRect(), b = texts[j].getBoundingClientRect();
      if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2)
        out.push(JSON.stringify(texts[i].textContent.slice(0, 30)) + " overlaps " + JSON.stringify(texts[j].textContent.slice(0, 30)));
    }
  }
  return out;
})()`

// TestPresentationPrintsOneSlidePerPage prints the presentation to PDF, as a handout.
func TestPresentationPrintsOneSlidePerPage(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1920, 1080)
	p.open(t, u+"/?v=2&slide=2")
	yes := true
	res, err := chromedp.Call(p.ctx, cdppage.PrintToPDF, cdppage.PrintToPDFParams{Landscape: &yes, PreferCSSPageSize: &yes, PrintBackground: &yes})
	if err != nil {
		t.Fatal(err)
	}
	pages := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(res.Data, -1))
	total := eval[int](t, p, `document.querySelectorAll(".slide").length`)
	if pages != total {
		t.Errorf("the PDF has %d pages for %d slides", pages, total)
	}
	if !bytes.HasPrefix(res.Data, []byte("%PDF")) {
		t.Error("not a PDF")
	}
	if !strings.Contains(eval[string](t, p, `getComputedStyle(document.querySelector(".slide-bar")).display`), "flex") {
		t.Error("the slide bar should show on screen")
	}
	p.clean(t)
}

// TestSlideHintsFade: after a few seconds without input the slide's navigation and hints fade
// out, and a mouse move or a key brings them back.
func TestSlideHintsFade(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 720)
	p.run(t, chromedp.EmulateViewport(1280, 720))
	p.open(t, u+"/?v=2&slide=2")
	faded := `document.querySelector(".slides.quiet") !== null && getComputedStyle(document.querySelector(".slide-bar")).opacity === "0"`
	p.waitAcrossNavigation(t, faded)
	p.run(t, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, 300, 300))
	p.waitAcrossNavigation(t, `document.querySelector(".slides:not(.quiet)") !== null`)
	p.waitAcrossNavigation(t, faded) // and away again
	p.run(t, chromedp.KeyEvent(kb.ArrowRight))
	p.waitAcrossNavigation(t, `document.querySelector(".slides:not(.quiet)") !== null && `+slideNow+` === 3`)
	p.clean(t)
}
