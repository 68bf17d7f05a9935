package e2e

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

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
		p.run(t, chromedp.KeyEvent(s.key))
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

// TestSlidesReadableFromTheBack checks that at 1920×1080 no text on any slide, the chart
// text included, is smaller than 28 px.
func TestSlidesReadableFromTheBack(t *testing.T) {
	u := site(t)
	for _, lang := range []string{"en", "fr"} {
		p := newPage(t, u, 1920, 1080)
		p.run(t, chromedp.EmulateViewport(1920, 1080))
		p.open(t, u+"/?v=2&slide=1&theme=projector&lang="+lang)
		total := eval[int](t, p, `document.querySelectorAll(".slide").length`)
		for n := 1; n <= total; n++ {
			if n > 1 {
				p.run(t, chromedp.KeyEvent(kb.ArrowRight))
			}
			small := eval[[]string](t, p, smallestText)
			for _, s := range small {
				t.Errorf("%s slide %d: %s", lang, n, s)
			}
		}
		p.clean(t)
	}
}

// smallestText lists visible text under 28 px on the current slide, SVG text at its drawn size.
const smallestText = `(() => {
  const out = [];
  const slide = document.querySelector(".slide:not([hidden])");
  const check = (el, px) => { const t = el.textContent.trim();
    if (t && px < 27.5) out.push(JSON.stringify(t.slice(0, 40)) + " at " + px.toFixed(1) + " px"); };
  for (const el of slide.querySelectorAll("h1,h2,p,li span,span")) {
    if (el.closest("svg") || !el.getClientRects().length) continue;
    check(el, parseFloat(getComputedStyle(el).fontSize));
  }
  for (const svg of slide.querySelectorAll("svg")) {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    for (const tx of svg.querySelectorAll("text")) check(tx, parseFloat(getComputedStyle(tx).fontSize) * scale);
  }
  for (const el of document.querySelectorAll(".slide-bar span, .slide-bar button")) check(el, parseFloat(getComputedStyle(el).fontSize));
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
