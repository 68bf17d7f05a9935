package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"briefing/web/chromium"
	"briefing/web/server"
)

// Repeat visits: the page loaded again in a browser that has been to it once, so that its
// service worker (web/static/sw.js) serves the page, the wasm and the assets from its cache.
// Three ways: on loopback, with no network at all (the server closes every connection), and
// with no network and the CPU slowed four times (DevTools' CPU throttling, as Lighthouse's
// mobile emulation). Each browser makes one first visit, waits until the worker controls the
// page, then makes one visit of each way.

// repeatModes are the ways of a repeat visit, in the order measured.
var repeatModes = []struct {
	Name     string
	Offline  bool
	Throttle float64
	Bypass   bool // the worker bypassed: the browser's HTTP cache only, as before it existed
}{
	{"loopback, HTTP cache only (worker bypassed)", false, 1, true},
	{"loopback", false, 1, false},
	{"offline", true, 1, false},
	{"offline, CPU ×4", true, 4, false},
}

// repeatSample is one repeat visit.
type repeatSample struct {
	Mode         string
	Chart, Ready float64 // ms from navigation: first chart on screen; data-ready (the controls work)
	Requests     int     // requests that reached the server during the visit
}

// switchable serves the site, or, when off, answers no connection at all.
type switchable struct {
	h        http.Handler
	mu       sync.Mutex
	off      bool
	requests int
}

func (s *switchable) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	off := s.off
	if !off {
		s.requests++
	}
	s.mu.Unlock()
	if off {
		if hj, ok := w.(http.Hijacker); ok {
			if c, _, err := hj.Hijack(); err == nil {
				if tc, ok := c.(*net.TCPConn); ok {
					tc.SetLinger(0)
				}
				c.Close()
				return
			}
		}
		panic(http.ErrAbortHandler)
	}
	s.h.ServeHTTP(w, r)
}

// set turns the network on or off and returns the requests served since the last call.
func (s *switchable) set(off bool) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.requests
	s.requests, s.off = 0, off
	return n
}

// repeatVisits runs browsers times: a first visit, then one repeat visit of each way.
func repeatVisits(ctx context.Context, chromiumPath, dist string, browsers int) ([]repeatSample, []string) {
	sw := &switchable{h: server.New(os.DirFS(dist), server.Options{})}
	srv := httptest.NewServer(sw)
	defer srv.Close()
	var out []repeatSample
	var errs []string
	for i := range browsers {
		logf("repeat visits %d/%d in a new Chromium", i+1, browsers)
		ss, err := repeatRun(ctx, chromiumPath, srv.URL, sw)
		if err != nil {
			logf("  failed: %v", err)
			errs = append(errs, fmt.Sprintf("browser %d: %v", i+1, err))
			continue
		}
		for _, s := range ss {
			logf("  %s: first chart %s, data-ready %s, %d requests to the server", s.Mode, ms(s.Chart), ms(s.Ready), s.Requests)
		}
		out = append(out, ss...)
	}
	return out, errs
}

func repeatRun(ctx context.Context, chromiumPath, site string, sw *switchable) ([]repeatSample, error) {
	ctx, cancel := context.WithTimeout(ctx, runTimeout)
	defer cancel()
	defer sw.set(false)
	actx, cancelA := chromedp.NewExecAllocator(ctx, chromium.Options(chromiumPath, windowWidth, windowHeight)...)
	defer cancelA()
	bctx, cancelB := chromedp.NewContext(actx)
	defer cancelB()
	if _, err := chromedp.Call(bctx, network.Enable, network.EnableParams{}); err != nil {
		return nil, fmt.Errorf("enabling the network domain: %w", err)
	}
	if _, err := chromedp.Call(bctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: hookJS}); err != nil {
		return nil, fmt.Errorf("installing the page hooks: %w", err)
	}
	visit := func() (pageMetrics, error) {
		if err := chromedp.Do(bctx, chromedp.Navigate(site+"/")); err != nil {
			return pageMetrics{}, fmt.Errorf("loading the page: %w", err)
		}
		ok, err := chromedp.Run(bctx, chromedp.Evaluate[bool](fmt.Sprintf(waitReadyJS, readyLimit.Milliseconds()), chromedp.EvalAwaitPromise))
		if err != nil || !ok {
			return pageMetrics{}, fmt.Errorf("waiting for data-ready: %v", err)
		}
		m, err := chromedp.Run(bctx, chromedp.Evaluate[pageMetrics](metricsJS))
		if err == nil && m.Ready < 0 {
			err = fmt.Errorf("the explorer stopped: %s", m.Fatal)
		}
		return m, err
	}
	if _, err := visit(); err != nil {
		return nil, fmt.Errorf("first visit: %w", err)
	}
	ok, err := chromedp.Run(bctx, chromedp.Evaluate[bool](controlledJS, chromedp.EvalAwaitPromise))
	if err != nil || !ok {
		return nil, fmt.Errorf("the service worker did not take the page within %s (%v)", readyLimit, err)
	}
	var out []repeatSample
	for _, mode := range repeatModes {
		sw.set(mode.Offline)
		if _, err := chromedp.Call(bctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: mode.Throttle}); err != nil {
			return nil, fmt.Errorf("CPU throttling: %w", err)
		}
		if _, err := chromedp.Call(bctx, network.SetBypassServiceWorker, network.SetBypassServiceWorkerParams{Bypass: mode.Bypass}); err != nil {
			return nil, fmt.Errorf("bypassing the service worker: %w", err)
		}
		m, err := visit()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", mode.Name, err)
		}
		chart := m.Chart
		if m.FCP > chart {
			chart = m.FCP
		}
		out = append(out, repeatSample{Mode: mode.Name, Chart: chart, Ready: m.Ready, Requests: sw.set(false)})
	}
	return out, nil
}

// controlledJS resolves true once a service worker controls the page.
var controlledJS = fmt.Sprintf(`new Promise((resolve) => {
  const start = performance.now();
  const poll = () => {
    if (navigator.serviceWorker && navigator.serviceWorker.controller) return resolve(true);
    if (performance.now() - start > %d) return resolve(false);
    setTimeout(poll, 20);
  };
  poll();
})`, readyLimit.Milliseconds())

// writeRepeat is the report's section on repeat visits.
func writeRepeat(p func(string, ...any), samples []repeatSample, errs []string) {
	p("## Repeat visits (service worker)")
	p("")
	p("A browser that has loaded the page once loads it again; its service worker (`web/static/sw.js`) serves the page, the wasm and the assets from its cache. The first row bypasses the worker (DevTools' `Network.setBypassServiceWorker`): the browser's HTTP cache only, as a repeat visit was before. *Offline*: the server closes every connection. *CPU ×4*: DevTools' CPU throttling. Times from the start of navigation; median (min – max) over the browsers.")
	p("")
	p("| visit | first chart on screen | **data-ready: the controls work** | requests to the server |")
	p("|---|---|---|---|")
	for _, mode := range repeatModes {
		var chart, ready, reqs []float64
		for _, s := range samples {
			if s.Mode == mode.Name {
				chart, ready, reqs = append(chart, s.Chart), append(ready, s.Ready), append(reqs, float64(s.Requests))
			}
		}
		p("| %s | %s | %s | %s |", mode.Name, triple(summarize(chart), ms), triple(summarize(ready), ms),
			triple(summarize(reqs), func(v float64) string { return fmt.Sprintf("%.0f", v) }))
	}
	p("")
	if len(errs) > 0 {
		p("Runs that failed: %s", strings.Join(errs, "; "))
		p("")
	}
}
