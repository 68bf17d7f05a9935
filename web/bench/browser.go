package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"briefing/web/chromium"
)

// Bounds of one cold load: no step waits longer than these.
const (
	runTimeout    = 3 * time.Minute // the whole run of one browser
	readyLimit    = 60 * time.Second
	settleMs      = 750 // quiet time after data-ready before the load is counted
	actTimeoutMs  = 5000
	windowWidth   = 1280
	windowHeight  = 900
	oneFrameMs    = 1000.0 / 60
	maxRepeatStep = 100
)

// step is one change of a control and the state the card must reach.
type step struct {
	Sel, Kind, Value, Want string
}

// control is measured once cold (First) and then alternating Cycle[0], Cycle[1], ….
type control struct {
	Name  string
	Card  string
	What  string // the control, for the report
	First step
	Cycle [2]step
}

var controls = []control{
	{
		Name: "parity-targets", Card: "#parity", What: "parity: targets checkbox (`#parity .targets-toggle`)",
		First: step{".targets-toggle", "click", "", "targets-off"},
		Cycle: [2]step{{".targets-toggle", "click", "", "targets-on"}, {".targets-toggle", "click", "", "targets-off"}},
	},
	{
		Name: "fatalities-table", Card: "#fatalities", What: "fatalities: Table button (`#fatalities .view-table`, back with `.view-chart`)",
		First: step{".view-table", "click", "", "table"},
		Cycle: [2]step{{".view-chart", "click", "", "chart"}, {".view-table", "click", "", "table"}},
	},
	{
		Name: "fatalities-line", Card: "#fatalities", What: "fatalities: chart type select → Line (`#fatalities .variant-select`, back to Bars)",
		First: step{".variant-select", "select", "line", "changed"},
		Cycle: [2]step{{".variant-select", "select", "", "changed"}, {".variant-select", "select", "line", "changed"}},
	},
}

// sample is one in-page measurement of a control change.
type sample struct {
	OK     bool    `json:"ok"`
	Err    string  `json:"err"`
	Ms     float64 `json:"ms"`     // t0 → after the first frame showing the change
	DomMs  float64 `json:"domMs"`  // t0 → DOM in the expected state
	SyncMs float64 `json:"syncMs"` // how long dispatching the event ran (its handlers, synchronously)
	Frames int     `json:"frames"` // frame intervals from the last frame before t0 to the one showing the change (1 = the next frame)
	Frame  float64 `json:"interval"`
	// The render's steps, from the page's User Timing measures (wasm/main.go): Vugu's build
	// (with the state's derived views), its DOM patch, and filling the blocks.
	BuildMs  float64 `json:"buildMs"`
	RenderMs float64 `json:"renderMs"`
	BlocksMs float64 `json:"blocksMs"`
	// Where the rest of the handler's time went: from t0 to the build's start (the event's
	// way into Go, the state update, the URL), and from the patch's end to the DOM in the new
	// state (-1: no render measured).
	PreMs  float64 `json:"preMs"`
	PostMs float64 `json:"postMs"`
	// Background work (wasm/warm.go's measures): warm-up charts and collections overlapping
	// the change, and when the current warm-up's last chart ended, in ms from t0 (negative:
	// before the click; -1e9: it drew none).
	WarmMs  float64 `json:"warmMs"`
	GCMs    float64 `json:"gcMs"`
	WarmEnd float64 `json:"warmEnd"`
}

type controlRun struct {
	First   sample
	Repeats []sample
}

// resource is one request of the page load as the browser saw it.
type resource struct {
	Path     string
	Status   int64
	Encoding string
	Bytes    float64 // Network.loadingFinished encodedDataLength: headers + body as transferred
	Failed   string
	Worker   bool // made by a worker the page started, not by the page
	done     bool
}

// pageMetrics is what metricsJS returns.
type pageMetrics struct {
	Ready            float64 `json:"ready"`
	Failed           float64 `json:"failed"`
	Chart            float64 `json:"chart"`
	ChartWhere       string  `json:"chartWhere"`
	FP               float64 `json:"fp"`
	FCP              float64 `json:"fcp"`
	LCP              float64 `json:"lcp"`
	LCPWhat          string  `json:"lcpWhat"`
	DOMContentLoaded float64 `json:"domContentLoaded"`
	Load             float64 `json:"load"`
	WasmStart        float64 `json:"wasmStart"`
	WasmEnd          float64 `json:"wasmEnd"`
	WasmMem          float64 `json:"wasmMem"`
	JSHeap           float64 `json:"jsHeap"`
	Fatal            string  `json:"fatal"`
}

type memory struct {
	WasmMem float64 `json:"wasmMem"`
	JSHeap  float64 `json:"jsHeap"`
}

// loadRun is one cold load in a fresh browser.
type loadRun struct {
	Browser        string
	AcceptEncoding string
	Resources      []resource // requests finished by data-ready + settle, in request order
	Late           int        // requests that started after that point (during the interactions)
	Metrics        pageMetrics
	After          memory // after all the control changes
	Controls       map[string]controlRun
	Resizes        []resizeSample // the window resized after the controls
	Problems       []string       // console errors, failed requests: reported, never fatal
}

func (r *loadRun) Bytes() (total float64) {
	for _, res := range r.Resources {
		total += res.Bytes
	}
	return total
}

// FirstChart is when a chart was first on screen: the first paint with content (FCP) that
// came at or after the first frame in which a chart's SVG was laid out in the viewport.
func (r *loadRun) FirstChart() float64 {
	m := r.Metrics
	if m.Chart < 0 || m.FCP < 0 {
		return -1
	}
	return max(m.Chart, m.FCP)
}

func (r *loadRun) Wasm() (resource, bool) {
	for _, res := range r.Resources {
		if strings.HasSuffix(res.Path, ".wasm") {
			return res, true
		}
	}
	return resource{}, false
}

// netLog collects network events; Listen calls it on the reader goroutine, so it only records.
// It collects those of the page and of the workers it starts (see tab): each request is known
// by its target and its ID, as two targets may number their requests alike.
type netLog struct {
	mu     sync.Mutex
	order  []reqKey
	byID   map[reqKey]*resource
	ae     string
	frozen bool // set at data-ready + settle: later requests only count as Late
	late   int
	errs   []string
}

// reqKey is a request: the target that made it ("" for the page, else a worker's target ID) and its ID there.
type reqKey struct {
	src string
	id  network.RequestID
}

func newNetLog() *netLog { return &netLog{byID: map[reqKey]*resource{}} }

// event records ev, an event of the target src ("": the page).
func (n *netLog) event(src string, ev any) {
	n.mu.Lock()
	defer n.mu.Unlock()
	switch e := ev.(type) {
	case *network.EventRequestWillBeSent:
		if n.frozen {
			n.late++
			return
		}
		k := reqKey{src, e.RequestID}
		if _, ok := n.byID[k]; !ok {
			n.order = append(n.order, k)
			n.byID[k] = &resource{Path: pathOf(e.Request.URL), Worker: src != ""}
		}
	case *network.EventRequestWillBeSentExtraInfo:
		if v := header(e.Headers, "accept-encoding"); v != "" && n.ae == "" {
			n.ae = v
		}
	case *network.EventResponseReceived:
		if r := n.byID[reqKey{src, e.RequestID}]; r != nil {
			r.Status = e.Response.Status
			r.Encoding = header(e.Response.Headers, "content-encoding")
			if v := header(e.Response.RequestHeaders, "accept-encoding"); v != "" && n.ae == "" {
				n.ae = v
			}
		}
	case *network.EventLoadingFinished:
		if r := n.byID[reqKey{src, e.RequestID}]; r != nil && !r.done {
			r.Bytes, r.done = e.EncodedDataLength, true
		}
	case *network.EventLoadingFailed:
		if r := n.byID[reqKey{src, e.RequestID}]; r != nil {
			r.Failed, r.done = e.ErrorText, true
		}
	}
}

// freeze stops counting new requests and returns the ones seen so far.
func (n *netLog) freeze() []resource {
	n.mu.Lock()
	n.frozen = true
	n.mu.Unlock()
	return n.snapshot()
}

// snapshot returns the requests seen so far.
func (n *netLog) snapshot() []resource {
	n.mu.Lock()
	defer n.mu.Unlock()
	out := make([]resource, 0, len(n.order))
	for _, id := range n.order {
		out = append(out, *n.byID[id])
	}
	return out
}

func header(h network.Headers, name string) string {
	for k, v := range h {
		if strings.EqualFold(k, name) {
			return fmt.Sprint(v)
		}
	}
	return ""
}

func pathOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "data" || u.Scheme == "blob" {
		if len(raw) > 40 {
			return raw[:40] + "…"
		}
		return raw
	}
	if u.RawQuery != "" {
		return u.Path + "?" + u.RawQuery
	}
	return u.Path
}

// coldLoad opens the site in a new Chromium with a fresh profile and the HTTP cache disabled,
// measures the load, then each control.
func coldLoad(ctx context.Context, chromiumPath, site string, toggles int) (*loadRun, error) {
	ctx, cancel := context.WithTimeout(ctx, runTimeout)
	defer cancel()
	opts := chromium.Options(chromiumPath, windowWidth, windowHeight,
		// Unquantised performance.memory figures.
		chromedp.Flag("enable-precise-memory-info", true))
	actx, cancelA := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelA()
	bctx, cancelB := chromedp.NewContext(actx)
	defer cancelB()

	var consoleMu sync.Mutex
	var console []string
	tb, err := openTab(bctx, func(ev any) {
		if msg := consoleProblem(ev); msg != "" {
			consoleMu.Lock()
			console = append(console, msg)
			consoleMu.Unlock()
		}
	})
	if err != nil {
		return nil, err
	}
	defer tb.close()
	run := &loadRun{Controls: map[string]controlRun{}}
	if v, err := chromedp.CallBrowser(bctx, browser.GetVersion, cdp.Empty{}); err == nil {
		run.Browser = v.Product
	}
	if _, err := chromedp.Call(bctx, log.Enable, cdp.Empty{}); err != nil {
		return nil, fmt.Errorf("enabling the log: %w", err)
	}
	if err := tb.setCacheDisabled(true); err != nil {
		return nil, fmt.Errorf("disabling the cache: %w", err)
	}
	if _, err := chromedp.Call(bctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: hookJS}); err != nil {
		return nil, fmt.Errorf("installing the page hooks: %w", err)
	}
	if err := chromedp.Do(bctx, chromedp.Navigate(site+"/")); err != nil {
		return nil, fmt.Errorf("loading the page: %w", err)
	}
	ok, err := chromedp.Run(bctx, chromedp.Evaluate[bool](fmt.Sprintf(waitReadyJS, readyLimit.Milliseconds()), chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("waiting for data-ready: %w", err)
	}
	if !ok {
		return nil, fmt.Errorf("the page did not set data-ready within %s", readyLimit)
	}
	if err := chromedp.Do(bctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(settleJS, settleMs), chromedp.EvalAwaitPromise)); err != nil {
		return nil, fmt.Errorf("settling: %w", err)
	}
	run.Resources = tb.freeze()
	if err := tb.err(); err != nil {
		return nil, fmt.Errorf("giving the page's conditions to its workers: %w", err)
	}
	run.Metrics, err = chromedp.Run(bctx, chromedp.Evaluate[pageMetrics](metricsJS))
	if err != nil {
		return nil, fmt.Errorf("reading the load metrics: %w", err)
	}
	if run.Metrics.Ready < 0 {
		return nil, fmt.Errorf("the explorer stopped: %s", run.Metrics.Fatal)
	}
	for _, c := range controls {
		cr, err := measureControl(bctx, c, toggles)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", c.Name, err)
		}
		run.Controls[c.Name] = cr
	}
	if run.Resizes, err = measureResizes(bctx); err != nil {
		return nil, fmt.Errorf("resizing: %w", err)
	}
	run.After, err = chromedp.Run(bctx, chromedp.Evaluate[memory](memoryJS))
	if err != nil {
		return nil, fmt.Errorf("reading memory: %w", err)
	}
	n := tb.current()
	n.mu.Lock()
	run.AcceptEncoding, run.Late = n.ae, n.late
	n.mu.Unlock()
	for _, r := range run.Resources {
		switch {
		case r.Failed != "":
			run.Problems = append(run.Problems, fmt.Sprintf("request %s failed: %s", r.Path, r.Failed))
		case r.Status >= 400:
			run.Problems = append(run.Problems, fmt.Sprintf("request %s: HTTP %d", r.Path, r.Status))
		}
	}
	consoleMu.Lock()
	run.Problems = append(run.Problems, console...)
	consoleMu.Unlock()
	return run, nil
}

// measureControl scrolls the control's card into view, changes the control once (its first,
// cold use) and then back and forth toggles times, and leaves it as it found it.
func measureControl(ctx context.Context, c control, toggles int) (controlRun, error) {
	var cr controlRun
	if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(scrollJS, c.Card), chromedp.EvalAwaitPromise)); err != nil || !ok {
		return cr, errors.Join(fmt.Errorf("scrolling to %s", c.Card), err)
	}
	act := func(s step) (sample, error) {
		js := fmt.Sprintf(actJS, c.Card, s.Sel, s.Kind, s.Value, s.Want, actTimeoutMs)
		return chromedp.Run(ctx, chromedp.Evaluate[sample](js, chromedp.EvalAwaitPromise))
	}
	var err error
	if cr.First, err = act(c.First); err != nil {
		return cr, err
	}
	if !cr.First.OK {
		return cr, fmt.Errorf("first change: %s", cr.First.Err)
	}
	toggles = min(max(toggles, 0), maxRepeatStep)
	for i := range toggles {
		s, err := act(c.Cycle[i%2])
		if err != nil {
			return cr, err
		}
		cr.Repeats = append(cr.Repeats, s)
	}
	// After an even number of toggles the card is in its First state: go back to the start.
	if toggles%2 == 0 {
		if _, err := act(c.Cycle[0]); err != nil {
			return cr, err
		}
	}
	return cr, nil
}

// consoleProblem describes a console error or warning, an uncaught exception or a logged error.
func consoleProblem(ev any) string {
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning {
			var parts []string
			for _, a := range e.Args {
				parts = append(parts, string(a.Value)+a.Description)
			}
			return "console " + string(e.Type) + ": " + strings.Join(parts, " ")
		}
	case *runtime.EventExceptionThrown:
		msg := e.ExceptionDetails.Text
		if e.ExceptionDetails.Exception != nil {
			msg += " " + e.ExceptionDetails.Exception.Description
		}
		return "exception: " + msg
	case *log.EventEntryAdded:
		if e.Entry.Level == log.EntryLevelError {
			return "log: " + e.Entry.Text + " " + e.Entry.URL
		}
	}
	return ""
}

// okMs returns the click-to-frame times of the samples that saw the change.
func okMs(ss []sample) (ms, dom, sync []float64, frames []int, failed int) {
	for _, s := range ss {
		if !s.OK {
			failed++
			continue
		}
		ms, dom, sync, frames = append(ms, s.Ms), append(dom, s.DomMs), append(sync, s.SyncMs), append(frames, s.Frames)
	}
	return ms, dom, sync, frames, failed
}

func maxInt(xs []int) int {
	if len(xs) == 0 {
		return 0
	}
	return slices.Max(xs)
}
