package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/chromedp/chromedp"

	"briefing/web/view"
)

// resizeWidths are the window widths the bench resizes the loaded page through: each layout
// width they call for is drawn the first time (cold) and taken from the chart cache after
// (cached), as when a reader turns a tablet or drags a window's edge back and forth.
var resizeWidths = []int64{800, windowWidth, 800, 1000, windowWidth, 1000, 640, windowWidth, 640}

// resizeSample is one resize of the window, measured in the page.
type resizeSample struct {
	OK     bool    `json:"ok"`
	Window int64   `json:"window"`
	Layout int     `json:"layout"` // the charts' layout width after it
	Cold   bool    `json:"cold"`   // the layout had not been drawn before in this load
	Ms     float64 `json:"ms"`     // resize → every chart laid out anew (includes the pause the page waits for resizing to stop)
	// The renders' steps in that time (User Timing, wasm/main.go): their sum is the page's work.
	BuildMs  float64 `json:"buildMs"`
	RenderMs float64 `json:"renderMs"`
	BlocksMs float64 `json:"blocksMs"`
	Charts   int     `json:"charts"`
}

// Work is the time the page worked for the resize, per chart laid out.
func (s resizeSample) Work() float64 {
	return (s.BuildMs + s.RenderMs + s.BlocksMs) / float64(max(s.Charts, 1))
}

// resizeWaitJS waits (a promise) until every chart shown is laid out for its box (the rule of
// view.FitWidth), then reports the time since window.__resizeT0 and the renders' steps since.
const resizeWaitJS = `new Promise((resolve) => {
  const widths = %s, t0 = window.__resizeT0, limit = t0 + %d;
  const fit = (w) => { let f = widths[0]; for (const x of widths) if (x <= w + 0.01) f = x; return f; };
  const tick = () => {
    const shown = [...document.querySelectorAll(".chart.only")];
    const done = shown.length > 0 && shown.every((b) => +b.dataset.width === fit(b.getBoundingClientRect().width));
    const now = performance.now();
    if (!done && now < limit) { requestAnimationFrame(tick); return; }
    const step = (name) => performance.getEntriesByName("explorer " + name, "measure")
      .filter((e) => e.startTime >= t0).reduce((sum, e) => sum + e.duration, 0);
    resolve({ ok: done, ms: now - t0, layout: shown.length ? +shown[0].dataset.width : 0, charts: shown.length,
      buildMs: step("build"), renderMs: step("render"), blocksMs: step("blocks") });
  };
  requestAnimationFrame(tick);
})`

// measureResizes resizes the window through resizeWidths and measures each re-layout.
func measureResizes(ctx context.Context) ([]resizeSample, error) {
	widths, _ := json.Marshal(view.Widths)
	seen := map[int]bool{firstLayout(ctx): true}
	var out []resizeSample
	for _, w := range resizeWidths {
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.__resizeT0 = performance.now()`),
			chromedp.EmulateViewport(w, windowHeight)); err != nil {
			return out, err
		}
		r, err := chromedp.Run(ctx, chromedp.Evaluate[resizeSample](fmt.Sprintf(resizeWaitJS, widths, actTimeoutMs), chromedp.EvalAwaitPromise))
		if err != nil {
			return out, err
		}
		if !r.OK {
			return out, fmt.Errorf("resizing to %d px: the charts were not laid out anew within %d ms", w, actTimeoutMs)
		}
		r.Window, r.Cold = w, !seen[r.Layout]
		seen[r.Layout] = true
		out = append(out, r)
	}
	return out, chromedp.Do(ctx, chromedp.EmulateViewport(windowWidth, windowHeight))
}

// firstLayout is the charts' layout width as loaded.
func firstLayout(ctx context.Context) int {
	w, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`(() => { const b = document.querySelector(".chart.only"); return b ? +b.dataset.width : 0; })()`))
	return w
}
