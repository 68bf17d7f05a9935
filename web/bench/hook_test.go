package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"briefing/web/chromium"
	"briefing/web/server"
	"briefing/web/view"
)

// TestHookSeesPrerenderedChart loads the built page with its wasm held back, so the page
// stays as prerendered (every chart at every layout width, CSS showing the one that fits),
// and checks that the bench's hook counts a chart on screen by the first paint, and that
// the chart it found is the layout the CSS shows. Counting the first chart SVG in the page
// instead (the hidden 240 px layout) finds nothing until the wasm's take-over.
func TestHookSeesPrerenderedChart(t *testing.T) {
	miss := t.Skip
	if os.Getenv("REQUIRE_BROWSER") == "1" {
		miss = t.Fatal
	}
	if _, err := os.Stat(chromium.Path); err != nil {
		miss("needs Debian's Chromium at " + chromium.Path)
	}
	dist := os.Getenv("DIST_DIR")
	if dist == "" {
		dist = filepath.Join("..", "..", "dist")
	}
	if _, err := os.Stat(filepath.Join(dist, "index.html")); err != nil {
		miss("needs the built site (./build.sh build): " + err.Error())
	}

	// The wasm is answered only when the test ends: the page never takes over.
	hold := make(chan struct{})
	site := server.New(os.DirFS(dist), server.Options{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".wasm") {
			select {
			case <-hold:
			case <-r.Context().Done():
			}
			http.Error(w, "held back", http.StatusServiceUnavailable)
			return
		}
		site.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(hold) }) // runs first: srv.Close waits for the held request

	actx, cancelA := chromedp.NewExecAllocator(context.Background(), chromium.Options(chromium.Path, windowWidth, windowHeight)...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: hookJS}); err != nil {
		t.Fatalf("installing the hook: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatalf("loading the page: %v", err)
	}
	// Frames, not time: the hook looks every animation frame, and a chart that is on screen
	// at first paint is found by then; thirty frames after it is a wide margin.
	type seen struct {
		Chart   float64 `json:"chart"`
		FCP     float64 `json:"fcp"`
		Ready   float64 `json:"ready"`
		Where   string  `json:"where"`
		Layout  int     `json:"layout"`
		Fit     float64 `json:"fit"`
		Layouts int     `json:"layouts"`
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[seen](`new Promise((resolve) => {
  let after = 0;
  const frame = () => {
    const B = window.__bench;
    if (B.fcp !== null) after++;
    if (B.chart === null && after < 30) return requestAnimationFrame(frame);
    const card = B.chartWhere ? document.querySelector(B.chartWhere) : null;
    const svg = card && (`+shownChartJS+`)(card, true);
    const fig = svg && svg.closest(".figure"), cs = fig && getComputedStyle(fig);
    resolve({
      chart: B.chart ?? -1, fcp: B.fcp ?? -1, ready: B.ready ?? -1, where: B.chartWhere,
      layout: svg ? +svg.closest(".chart").dataset.width : 0,
      fit: fig ? fig.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) : 0,
      layouts: card ? card.querySelectorAll(".chart[data-width] svg").length : 0,
    });
  };
  requestAnimationFrame(frame);
})`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("reading the hook: %v", err)
	}
	t.Logf("%+v", got)
	if got.Ready >= 0 {
		t.Fatalf("the page took over (data-ready at %.0f ms) although its wasm was held back", got.Ready)
	}
	if got.Chart < 0 {
		t.Fatalf("no chart on screen 30 frames after first paint (%.0f ms) of the prerendered page", got.FCP)
	}
	if got.Layouts != len(view.Widths) {
		t.Fatalf("%s holds %d chart layouts, want the prerender's %d", got.Where, got.Layouts, len(view.Widths))
	}
	if got.Where == "" {
		t.Errorf("the chart found is not in a card with an id")
	}
	if got.Layout != view.FitWidth(got.Fit) || got.Layout == view.Widths[0] {
		t.Errorf("the chart found is the %d px layout; its box (%.0f px) shows the %d px one", got.Layout, got.Fit, view.FitWidth(got.Fit))
	}
}
