package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"briefing/web/view"
)

// roomWidths are the window widths a chart must be readable at: a small phone to a wide
// screen, with a 600 px intranet column among them.
var roomWidths = []int64{280, 320, 375, 600, 768, 1024, 1440, 1920}

// chartCheck lists what is wrong with the charts shown (not hidden by CSS) in the page: chart
// text drawn under 12 CSS px, text overlapping other text, text outside its chart, and on a
// desktop screen a chart taller than the window. It returns the problems, the smallest text
// size found and each chart's layout width and box width, which Go checks against
// view.FitWidth (layoutProblems).
const chartCheck = `((desktop) => {
  const out = [], boxes = []; let smallest = 1e9;
  for (const box of document.querySelectorAll(".chart")) {
    if (getComputedStyle(box).display === "none" || !box.getClientRects().length) continue;
    const svg = box.querySelector("svg"); if (!svg) continue;
    const id = (box.closest(".card") || {}).id + "@" + box.dataset.width;
    boxes.push({id: id, layout: +box.dataset.width, box: box.getBoundingClientRect().width});
    const r = svg.getBoundingClientRect(), vb = svg.viewBox.baseVal;
    const scale = Math.min(r.width / vb.width, r.height / vb.height);
    if (desktop && r.height > innerHeight) out.push(id + ": " + r.height.toFixed(0) + " px tall in a window of " + innerHeight);
    const texts = [];
    for (const t of svg.querySelectorAll("text")) {
      if (!t.textContent.trim()) continue;
      const px = parseFloat(getComputedStyle(t).fontSize) * scale;
      smallest = Math.min(smallest, px);
      if (px < 11.95) out.push(id + ": " + JSON.stringify(t.textContent.slice(0, 30)) + " at " + px.toFixed(1) + " px");
      const b = t.getBoundingClientRect();
      if (b.left < r.left - 1 || b.right > r.right + 1 || b.top < r.top - 1 || b.bottom > r.bottom + 1)
        out.push(id + ": " + JSON.stringify(t.textContent.slice(0, 30)) + " falls outside the chart");
      texts.push([t.textContent.slice(0, 30), b]);
    }
    // Text boxes include the font's line gap: two texts overlap when their boxes share more
    // than a sliver (2 px each way), which a reader would see as letters running together.
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
      const [ta, a] = texts[i], [tb, b] = texts[j];
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 2 && h > 2) out.push(id + ": " + JSON.stringify(ta) + " overlaps " + JSON.stringify(tb));
    }
  }
  if (!boxes.length) out.push("no chart shown");
  return {problems: out, smallest: smallest, boxes: boxes};
})`

// chartBox is a chart shown in the page: its layout width (data-width) and its box's width.
type chartBox struct {
	ID     string  `json:"id"`
	Layout int     `json:"layout"`
	Box    float64 `json:"box"`
}

type chartReport struct {
	Problems []string
	Smallest float64
	Boxes    []chartBox
}

func checkCharts(t *testing.T, p *page, desktop bool) chartReport {
	t.Helper()
	r := eval[chartReport](t, p, fmt.Sprintf("%s(%v)", chartCheck, desktop))
	r.Problems = append(r.Problems, layoutProblems(r.Boxes)...)
	return r
}

// layoutProblems lists the charts not laid out at the width their box calls for: the rule is
// view.FitWidth itself, given the box's width with a hundredth of a pixel for the browser's
// rounding of it.
func layoutProblems(boxes []chartBox) []string {
	var out []string
	for _, b := range boxes {
		if want := view.FitWidth(b.Box + 0.01); b.Layout != want {
			out = append(out, fmt.Sprintf("%s: laid out at %d in a box of %.1f px (want %d)", b.ID, b.Layout, b.Box, want))
		}
	}
	return out
}

// chartBoxesShown are the charts the browser build lays out for their box: a card's only
// chart (a card shown as a table has none).
const chartBoxesShown = `[...document.querySelectorAll(".chart.only")].map(b => ({id: (b.closest(".card") || {}).id, layout: +b.dataset.width, box: b.getBoundingClientRect().width}))`

// waitLaidOut waits until every chart shown is laid out for its box: the browser build
// follows a resize after a short pause.
func (p *page) waitLaidOut(t *testing.T) {
	t.Helper()
	p.eventually(t, "every chart laid out for its box (view.FitWidth)", func() bool {
		boxes, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]chartBox](chartBoxesShown))
		return err == nil && len(layoutProblems(boxes)) == 0
	})
}

// TestChartsReadableInEveryRoom resizes the explorer and an embed of each dataset through
// every room's width: each chart is laid out again for its box, and none has text under
// 12 px, overlapping text or text outside it; on a desktop no chart is taller than the window.
func TestChartsReadableInEveryRoom(t *testing.T) {
	u := site(t)
	pages := []string{"/"}
	for _, id := range []string{"fatalities", "coe-gaps", "parity"} {
		pages = append(pages, "/?v=2&embed="+id)
	}
	for _, path := range pages {
		p := newPage(t, u, 1280, 900)
		p.open(t, u+path)
		for _, w := range roomWidths {
			height := int64(900)
			if w < 600 {
				height = 800
			}
			p.run(t, chromedp.EmulateViewport(w, height))
			p.waitLaidOut(t)
			r := checkCharts(t, p, w >= 1024 && path == "/")
			for _, problem := range r.Problems {
				t.Errorf("%s at %d px: %s", path, w, problem)
			}
			t.Logf("%s at %d px: smallest chart text %.1f px", path, w, r.Smallest)
		}
		p.clean(t)
	}
}

// TestPrerenderedChartsFitEveryRoom opens the page without JavaScript at each width: CSS
// alone shows, for every chart, the layout the browser build would draw for its box, and it
// meets the same rules.
func TestPrerenderedChartsFitEveryRoom(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	if _, err := chromedp.Call(p.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/", "/?v=2&lang=fr"} {
		p.run(t, chromedp.Navigate(u+path), chromedp.WaitReady(chromedp.CSS(`#parity .chart svg`)))
		for _, w := range roomWidths {
			p.run(t, chromedp.EmulateViewport(w, 900))
			r := checkCharts(t, p, false)
			for _, problem := range r.Problems {
				t.Errorf("prerendered %s at %d px: %s", path, w, problem)
			}
			t.Logf("prerendered %s at %d px: smallest chart text %.1f px", path, w, r.Smallest)
		}
	}
}
