package main

import (
	"context"
	"fmt"
	"time"

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

// resizeWatchJS starts watching the charts in the page, every frame, once the window has been
// resized at window.__resizeT0: each time a chart's layout width or its box's width changes it
// records the boxes then ([layout, box] per chart shown), the time since t0 and the renders'
// steps since t0, in window.__resizeSnaps. Whether a snapshot is laid out for its boxes is
// decided in Go, by view.FitWidth itself (layoutFits): the page does not restate the rule.
const resizeWatchJS = `(() => {
  const t0 = window.__resizeT0, snaps = window.__resizeSnaps = [];
  let last = "";
  const step = (name) => performance.getEntriesByName("explorer " + name, "measure")
    .filter((e) => e.startTime >= t0).reduce((sum, e) => sum + e.duration, 0);
  const tick = () => {
    if (window.__resizeSnaps !== snaps) return; // a newer watch has started
    const boxes = [...document.querySelectorAll(".chart.only")].map((b) => [+b.dataset.width, b.getBoundingClientRect().width]);
    const key = JSON.stringify(boxes);
    if (key !== last) {
      last = key;
      snaps.push({ ms: performance.now() - t0, boxes, buildMs: step("build"), renderMs: step("render"), blocksMs: step("blocks") });
    }
    requestAnimationFrame(tick);
  };
  tick();
})()`

// resizeSnap is a snapshot resizeWatchJS recorded.
type resizeSnap struct {
	Ms       float64      `json:"ms"`
	Boxes    [][2]float64 `json:"boxes"`
	BuildMs  float64      `json:"buildMs"`
	RenderMs float64      `json:"renderMs"`
	BlocksMs float64      `json:"blocksMs"`
}

// layoutFits reports whether every chart shown is laid out for its box (view.FitWidth of the
// box's width, with a hundredth of a pixel for the browser's rounding of the box).
func layoutFits(boxes [][2]float64) bool {
	for _, b := range boxes {
		if int(b[0]) != view.FitWidth(b[1]+0.01) {
			return false
		}
	}
	return len(boxes) > 0
}

// waitResized takes the snapshots resizeWatchJS records until one is laid out for its boxes,
// and returns it as the resize's sample, or ok false after actTimeoutMs. The times are the
// page's own, so how often Go looks changes nothing measured.
func waitResized(ctx context.Context) (resizeSample, error) {
	limit := time.Now().Add(actTimeoutMs * time.Millisecond)
	for {
		snaps, err := chromedp.Run(ctx, chromedp.Evaluate[[]resizeSnap](`window.__resizeSnaps.splice(0)`))
		if err != nil {
			return resizeSample{}, err
		}
		for _, sn := range snaps {
			if layoutFits(sn.Boxes) {
				chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`window.__resizeSnaps = null`))
				return resizeSample{OK: true, Ms: sn.Ms, Layout: int(sn.Boxes[0][0]), Charts: len(sn.Boxes),
					BuildMs: sn.BuildMs, RenderMs: sn.RenderMs, BlocksMs: sn.BlocksMs}, nil
			}
		}
		if time.Now().After(limit) {
			chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`window.__resizeSnaps = null`))
			return resizeSample{}, nil
		}
		select {
		case <-ctx.Done():
			return resizeSample{}, ctx.Err()
		case <-time.After(20 * time.Millisecond): // how often Go looks; the page keeps the times
		}
	}
}

// measureResizes resizes the window through resizeWidths and measures each re-layout.
func measureResizes(ctx context.Context) ([]resizeSample, error) {
	seen := map[int]bool{firstLayout(ctx): true}
	var out []resizeSample
	for _, w := range resizeWidths {
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.__resizeT0 = performance.now()`),
			chromedp.EmulateViewport(w, windowHeight), chromedp.Evaluate[chromedp.Void](resizeWatchJS)); err != nil {
			return out, err
		}
		r, err := waitResized(ctx)
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
