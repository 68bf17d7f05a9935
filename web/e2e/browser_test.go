// Package e2e tests the built explorer in a real headless Chromium against the built site
// served by the project's own handler on loopback.
package e2e

import (
	"context"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"briefing/web/chromium"
	"briefing/web/deadline"
	"briefing/web/server"
)

// need skips (or, under ./build.sh test, fails) when the browser or the built site is missing.
func need(t *testing.T) string {
	t.Helper()
	strict := os.Getenv("REQUIRE_BROWSER") == "1"
	miss := func(msg string) {
		if strict {
			t.Fatal(msg)
		}
		t.Skip(msg + " (./build.sh test installs and builds everything)")
	}
	if _, err := os.Stat(chromium.Path); err != nil {
		miss("browser tests need Debian's Chromium at " + chromium.Path)
	}
	dist := os.Getenv("DIST_DIR")
	if dist == "" {
		dist = filepath.Join("..", "..", "dist")
	}
	if _, err := os.Stat(filepath.Join(dist, "index.html")); err != nil {
		miss("browser tests need the built site: " + dist + "/index.html is missing (run ./build.sh build)")
	}
	return dist
}

// site serves the built site with the production handler on 127.0.0.1.
func site(t *testing.T) string {
	dist := need(t)
	srv := httptest.NewServer(server.New(os.DirFS(dist), server.Options{}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// page is a browser tab that records console errors and requests leaving the site's origin.
type page struct {
	ctx     context.Context
	mu      sync.Mutex
	errors  []string
	foreign []string
}

func newPage(t *testing.T, origin string, width, height int64, extra ...chromedp.ExecAllocatorOption) *page {
	t.Helper()
	opts := chromium.Options(chromium.Path, int(width), int(height), extra...)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	// Every wait in the tab is for a condition and ends with the tab, a margin before go
	// test's -timeout: on a machine busy with other work (2 cores at a load of 10 to 20) any
	// fixed limit was either too short (90 s, then 8 minutes for a shared tab) or meaningless.
	ctx, cancelT := deadline.Context(t, ctx)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	p := &page{ctx: ctx}
	if err := chromedp.Listen(ctx, func(ev any) { p.record(ev, origin) }); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	if _, err := chromedp.Call(ctx, log.Enable, cdp.Empty{}); err != nil {
		t.Fatalf("enabling the log: %v", err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatalf("enabling network events: %v", err)
	}
	return p
}

func (p *page) record(ev any, origin string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning {
			var parts []string
			for _, a := range e.Args {
				parts = append(parts, string(a.Value)+a.Description)
			}
			p.errors = append(p.errors, string(e.Type)+": "+strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		d := e.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		p.errors = append(p.errors, "exception: "+msg)
	case *log.EventEntryAdded:
		if e.Entry.Level == log.EntryLevelError {
			p.errors = append(p.errors, "log: "+e.Entry.Text+" "+e.Entry.URL)
		}
	case *network.EventRequestWillBeSent:
		if !sameOrigin(e.Request.URL, origin) {
			p.foreign = append(p.foreign, e.Request.URL)
		}
	}
}

// sameOrigin allows the page's own origin and the local schemes that never touch a network.
func sameOrigin(raw, origin string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "data", "blob", "about":
		return true
	}
	o, _ := url.Parse(origin)
	return u.Scheme == o.Scheme && u.Host == o.Host
}

func (p *page) run(t *testing.T, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(p.ctx, actions...); err != nil {
		t.Fatalf("browser: %v", err)
	}
}

// open loads the explorer and waits until the wasm has taken over the page, failing with the
// error banner's text if the explorer stopped instead.
func (p *page) open(t *testing.T, u string) {
	t.Helper()
	p.run(t, chromedp.Navigate(u),
		chromedp.WaitVisible(chromedp.CSS(`html[data-ready="1"], html[data-failed="1"]`)))
	failure := eval[string](t, p, `document.documentElement.hasAttribute("data-failed") ? document.querySelector("#fatal").innerText : ""`)
	if failure != "" {
		p.clean(t)
		t.Fatalf("the explorer stopped: %s", failure)
	}
}

// clean fails the test on any console error or request outside the site's origin.
func (p *page) clean(t *testing.T) {
	t.Helper()
	p.cleanConsole(t)
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, u := range p.foreign {
		t.Errorf("request outside the page's origin: %s", u)
	}
}

// cleanConsole fails the test on any console error.
func (p *page) cleanConsole(t *testing.T) {
	t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, e := range p.errors {
		t.Errorf("console: %s", e)
	}
}

// eval runs JavaScript in the page and returns its value as T.
func eval[T any](t *testing.T, p *page, js string) T {
	t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// waitAcrossNavigation evaluates a condition until it holds, through a navigation that
// replaces the page (an evaluation then fails with a lost context, and is tried again).
func (p *page) waitAcrossNavigation(t *testing.T, cond string, opts ...chromedp.EvaluateOption) {
	t.Helper()
	for {
		ok, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](cond, opts...))
		if err == nil && ok {
			return
		}
		if p.ctx.Err() != nil {
			t.Fatalf("waiting for %s: %v", cond, p.ctx.Err())
		}
		select {
		case <-p.ctx.Done():
		case <-time.After(50 * time.Millisecond): // the poll's interval, not a wait for quiet
		}
	}
}

// until waits until a JavaScript condition holds in the page (polled every frame), failing
// with what was awaited when the tab's time runs out (a margin before go test's -timeout). It does not survive a navigation
// (waitAcrossNavigation does).
func (p *page) until(t *testing.T, what, cond string) {
	t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.Poll[chromedp.Void](cond, chromedp.WithPollingTimeout(0))); err != nil {
		t.Fatalf("waiting for %s (%s): %v", what, cond, err)
	}
}

// renders is how many times the explorer has rendered (window.explorerRenders, set by
// wasm/main.go after each render; idle.Renders).
func (p *page) renders(t *testing.T) int {
	t.Helper()
	return eval[int](t, p, `window.explorerRenders || 0`)
}

// renderedSince waits for a render after the n-th: the explorer has handled an input made
// after renders returned n and updated the page for it. A test that expects an input to
// change nothing waits for this, then checks nothing changed.
func (p *page) renderedSince(t *testing.T, n int) {
	t.Helper()
	p.until(t, fmt.Sprintf("a render after the %d-th", n), fmt.Sprintf(`(window.explorerRenders || 0) > %d`, n))
}

// settled waits until the explorer has taken the page over and checked the charts' layout
// against the box the browser reports for it (wasm/screen.go, followLayout), then for two
// frames, so that the render it may have caused is painted and any layout shift recorded.
func (p *page) settled(t *testing.T) {
	t.Helper()
	p.until(t, "the explorer's first layout check", `(window.explorerLayoutChecks || 0) >= 1`)
	if _, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](`new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatalf("waiting for two frames: %v", err)
	}
}

// eventually polls a check made from Go until it holds, failing with what was awaited when
// the tab's time runs out.
func (p *page) eventually(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for !ok() {
		select {
		case <-p.ctx.Done():
			t.Fatalf("waiting for %s: %v", what, p.ctx.Err())
		case <-time.After(50 * time.Millisecond): // the poll's interval, not a wait for quiet
		}
	}
}
