package e2e

import (
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"briefing/web/server"
)

// swSite serves one site at a time on one loopback address, as a host does across a deploy:
// serve swaps the site, offline makes every connection fail as with no network at all (the
// connection is closed without an answer). It counts the requests that reached it by path.
type swSite struct {
	URL string

	mu      sync.Mutex
	h       http.Handler
	offline bool
	hits    map[string]int
}

func newSWSite(t *testing.T, dist string) *swSite {
	s := &swSite{h: server.New(os.DirFS(dist), server.Options{}), hits: map[string]int{}}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	s.URL = srv.URL
	return s
}

func (s *swSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	h, off := s.h, s.offline
	if !off {
		s.hits[r.URL.Path]++
	}
	s.mu.Unlock()
	if off {
		if hj, ok := w.(http.Hijacker); ok {
			if c, _, err := hj.Hijack(); err == nil {
				c.(*net.TCPConn).SetLinger(0) // a reset, not a polite close
				c.Close()
				return
			}
		}
		panic(http.ErrAbortHandler)
	}
	h.ServeHTTP(w, r)
}

func (s *swSite) serve(dist string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.h = server.New(os.DirFS(dist), server.Options{})
}

func (s *swSite) setOffline(off bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.offline = off
}

// takeHits returns the requests that reached the site since the last call.
func (s *swSite) takeHits() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	h := s.hits
	s.hits = map[string]int{}
	return h
}

// controlled waits until the page's service worker controls it (sw.js claims the page it
// was registered from once it is active).
func (p *page) controlled(t *testing.T) {
	t.Helper()
	p.waitAcrossNavigation(t, `!!(navigator.serviceWorker && navigator.serviceWorker.controller)`)
}

// waitPromise evaluates a condition that is a promise until it resolves to true.
func (p *page) waitPromise(t *testing.T, cond string) {
	t.Helper()
	p.waitAcrossNavigation(t, cond, chromedp.EvalAwaitPromise)
}

// worksOffline checks the explorer the page shows: charts drawn and a control that redraws one.
func worksOffline(t *testing.T, p *page) {
	t.Helper()
	if n := eval[int](t, p, `document.querySelectorAll("#fatalities .chart.only svg .bar").length`); n == 0 {
		t.Error("no fatalities chart")
	}
	if n := eval[int](t, p, `document.querySelectorAll("#parity .chart.only svg .target").length`); n == 0 {
		t.Fatal("the parity chart shows no target markers")
	}
	p.run(t, chromedp.Click(chromedp.CSS(`#parity .targets-toggle`)),
		chromedp.WaitNotPresent(chromedp.CSS(`#parity .chart.only svg .target`)))
	if eval[bool](t, p, `document.documentElement.hasAttribute("data-failed")`) {
		t.Errorf("the explorer stopped: %s", eval[string](t, p, `document.querySelector("#fatal").innerText`))
	}
}

// TestRepeatVisitWorksOffline loads the explorer once, then with no network at all: the page,
// the wasm and everything else come from the service worker's cache and the explorer works.
// Online, a repeat visit asks the network for the page and the few files with plain names
// only, never for the wasm or a script or style sheet.
func TestRepeatVisitWorksOffline(t *testing.T) {
	s := newSWSite(t, need(t))
	p := newPage(t, s.URL, 1280, 900)
	p.open(t, s.URL+"/")
	p.controlled(t)

	s.takeHits()
	p.open(t, s.URL+"/?lang=fr")
	for path := range s.takeHits() {
		if strings.HasSuffix(path, ".wasm") || strings.HasSuffix(path, ".js") || strings.HasSuffix(path, ".css") {
			t.Errorf("a repeat visit fetched %s from the network", path)
		}
	}

	s.setOffline(true)
	p.open(t, s.URL+"/")
	if got := eval[string](t, p, `document.documentElement.lang`); got != "en" {
		t.Errorf("offline page in %q, want en", got)
	}
	worksOffline(t, p)
	// The French page too, as the server gives it for ?lang=fr.
	p.open(t, s.URL+"/?lang=fr")
	if got := eval[string](t, p, `document.querySelector("#fatalities h2, #fatalities h3").textContent`); !strings.Contains(got, "Décès") && !strings.Contains(got, "décès") {
		t.Errorf("offline French page's fatalities title %q", got)
	}
	if n := eval[int](t, p, `performance.getEntriesByType("navigation")[0].transferSize`); n != 0 {
		t.Errorf("the offline page came over the network (%d bytes)", n)
	}
	// An embed is a page of the same folder: the same worker and cache serve it.
	p.open(t, s.URL+"/index.html?embed=parity&controls=0")
	if !eval[bool](t, p, `!!navigator.serviceWorker.controller && document.querySelectorAll("#parity .chart.only svg .bar").length > 0`) {
		t.Error("the embed did not load from the worker's cache")
	}
	p.cleanConsole(t)
}

// rebuild builds the site again into a temporary folder with one figure changed in
// data/fatalities.csv (2019: 25 → 26): the wasm and the site, as ./build.sh build does, with
// go's -overlay standing in for the edited file. It returns the new site's folder.
func rebuild(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	csv, err := os.ReadFile(filepath.Join(root, "data", "fatalities.csv"))
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(csv), "\n2019,25,", "\n2019,26,", 1)
	if changed == string(csv) {
		t.Fatal("data/fatalities.csv has no 2019,25 row to change")
	}
	if err := os.WriteFile(filepath.Join(tmp, "fatalities.csv"), []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	overlay := filepath.Join(tmp, "overlay.json")
	replace := jsString(filepath.Join(root, "data", "fatalities.csv")) + `:` + jsString(filepath.Join(tmp, "fatalities.csv"))
	writeOverlay := func() {
		if err := os.WriteFile(overlay, []byte(`{"Replace":{`+replace+`}}`), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeOverlay()
	run := func(env []string, name string, args ...string) string {
		cmd := exec.Command(name, args...)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), env...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
		return strings.TrimSpace(string(out))
	}
	goroot := run(nil, "go", "env", "GOROOT")
	vugu := run(nil, "go", "list", "-m", "-f", "{{.Dir}}", "github.com/vugu/vugu")
	// The wasm starts with the data as a Go literal (data/built), written from the CSV files
	// as ./build.sh build does; the new literal stands in for the committed one.
	gen := filepath.Join(tmp, "briefing_gen.go")
	run([]string{"CGO_ENABLED=0"}, "go", "run", "-overlay", overlay, "./data/built/gen", "-out", gen)
	replace += `,` + jsString(filepath.Join(root, "data", "built", "briefing_gen.go")) + `:` + jsString(gen)
	writeOverlay()
	wasm := filepath.Join(tmp, "app.wasm")
	run([]string{"GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0"}, "go", "build", "-overlay", overlay, "-trimpath",
		"-ldflags=-s -w", "-o", wasm, "./wasm")
	dist := filepath.Join(tmp, "dist")
	// The changed figure changes the wasm's size by a few bytes: this build is not the one
	// the size budget is for (./build.sh build checks that), so it gets a budget of its own.
	budget := filepath.Join(tmp, "budget.txt")
	if err := os.WriteFile(budget, []byte("100000000\nno limit: a test build\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run([]string{"CGO_ENABLED=0"}, "go", "run", "-overlay", overlay, "./web/site", "-wasm", wasm,
		"-wasm-exec", filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"), "-vugu-dir", vugu, "-out", dist,
		"-budget", budget)
	return dist
}

// TestNewDeployReachesReaders: a reader has the explorer open (in French) when a new build
// with a changed figure is deployed at the same address. The reader opening it in another tab
// gets the new figure at once; the open page says, in its language, that a newer version is
// available; its Reload shows the new figure; the old build's cache is gone, and the new
// build works offline.
func TestNewDeployReachesReaders(t *testing.T) {
	dist := need(t)
	next := rebuild(t)
	s := newSWSite(t, dist)
	p := newPage(t, s.URL, 1280, 900)
	p.open(t, s.URL+"/?lang=fr")
	p.controlled(t)
	const figure = `[...document.querySelectorAll("#fatalities .chart.only .hit")].map(e => e.getAttribute("aria-label")).join(" | ").replace(/[\u202f\u00a0]/g, " ")`
	if got := eval[string](t, p, figure); !strings.Contains(got, "2019 : 25 décès") {
		t.Fatalf("before the deploy: %s", got)
	}

	s.serve(next)

	// Another tab: its load is the next one, and it shows the new build.
	tab, cancel := chromedp.NewContext(p.ctx)
	defer cancel()
	other := &page{ctx: tab}
	other.open(t, s.URL+"/?lang=fr")
	if got := eval[string](t, other, figure); !strings.Contains(got, "2019 : 26 décès") {
		t.Errorf("the next load after the deploy shows: %s", got)
	}

	// The open page was told, in French, as a status message.
	p.run(t, chromedp.WaitVisible(chromedp.CSS(`#sw-notice[role="status"] button`)))
	if got := eval[string](t, p, `document.getElementById("sw-notice").textContent`); !strings.Contains(got, "Une version plus récente") {
		t.Errorf("notice %q, want it in French", got)
	}
	if got := eval[string](t, p, figure); !strings.Contains(got, "2019 : 25 décès") {
		t.Errorf("the open page changed under the reader: %s", got)
	}
	cancel()

	p.run(t, chromedp.Click(chromedp.CSS(`#sw-notice button`)))
	p.waitAcrossNavigation(t, `document.documentElement.getAttribute("data-ready") === "1" && !document.getElementById("sw-notice")`)
	if got := eval[string](t, p, figure); !strings.Contains(got, "2019 : 26 décès") {
		t.Errorf("after Reload: %s", got)
	}
	p.waitPromise(t, `caches.keys().then(k => k.filter(n => n.startsWith("s2020911-explorer-")).length === 1)`)

	s.setOffline(true)
	p.open(t, s.URL+"/?lang=fr")
	if got := eval[string](t, p, figure); !strings.Contains(got, "2019 : 26 décès") {
		t.Errorf("offline after the deploy: %s", got)
	}
	worksOffline(t, p)
	p.cleanConsole(t)
}

// TestOneFileRegistersNoWorker: the one-file edition carries no service worker and, opened
// from file://, registers none (a lone file has no origin whose files could be kept).
func TestOneFileRegistersNoWorker(t *testing.T) {
	dist := need(t)
	abs, err := filepath.Abs(filepath.Join(dist, singleFile))
	if err != nil {
		t.Fatal(err)
	}
	one, err := os.ReadFile(abs)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`src="offline.js`, "serviceWorker.register"} {
		if strings.Contains(string(one), s) {
			t.Errorf("the one file has %q in it", s)
		}
	}
	p := newPage(t, "file://", 1280, 900)
	p.open(t, "file://"+filepath.ToSlash(abs))
	n, err := chromedp.Run(p.ctx, chromedp.Evaluate[int](`navigator.serviceWorker ? navigator.serviceWorker.getRegistrations().then(r => r.length, () => 0) : 0`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("%d service workers registered", n)
	}
}

// TestWorkerWithoutPause: a reader who never leaves the explorer alone for the 2 s that
// <html data-quiet> waits for (a click every 400 ms here) still gets the service worker, and
// so the offline copy: offline.js registers it at the latest 30 s after data-ready, and not
// before, so that its install does not land on the reader's first clicks. The page's own
// timeline is read from a script injected before the page's: when data-ready and data-quiet
// are set and when navigator.serviceWorker.register is called.
func TestWorkerWithoutPause(t *testing.T) {
	s := newSWSite(t, need(t))
	p := newPage(t, s.URL, 1280, 900)
	if _, err := chromedp.Call(p.ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: `(() => {
  const W = window.__sw = { ready: null, quiet: null, registered: null, clicks: 0 };
  const register = ServiceWorkerContainer.prototype.register;
  ServiceWorkerContainer.prototype.register = function (...args) {
    if (W.registered === null) W.registered = performance.now();
    return register.apply(this, args);
  };
  let reader = 0;
  new MutationObserver(() => {
    const de = document.documentElement;
    if (W.quiet === null && de.getAttribute("data-quiet") === "1") W.quiet = performance.now();
    if (W.ready === null && de.getAttribute("data-ready") === "1") {
      W.ready = performance.now();
      // The busy reader: "Show 2020 targets" every 400 ms, each a render, until the worker is registered.
      reader = setInterval(() => {
        if (W.registered !== null) return clearInterval(reader);
        const b = document.querySelector("#parity .targets-toggle");
        if (b) { b.click(); W.clicks++; }
      }, 400);
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-ready", "data-quiet"] });
})();`}); err != nil {
		t.Fatalf("installing the timeline script: %v", err)
	}
	p.open(t, s.URL+"/")
	// Registered, gone quiet (the test's reader failed to keep it busy), or 90 s after
	// data-ready: three times the limit, for a machine busy with other work.
	p.waitAcrossNavigation(t, `__sw.registered !== null || __sw.quiet !== null || performance.now() - __sw.ready > 90000`)
	type timeline struct {
		Ready      float64 `json:"ready"`
		Quiet      float64 `json:"quiet"`
		Registered float64 `json:"registered"`
		Clicks     int     `json:"clicks"`
	}
	got := eval[timeline](t, p, `({ ready: __sw.ready, quiet: __sw.quiet ?? -1, registered: __sw.registered ?? -1, clicks: __sw.clicks })`)
	t.Logf("data-ready at %.0f ms, registered at %.0f ms, data-quiet at %.0f ms (-1: not), %d clicks", got.Ready, got.Registered, got.Quiet, got.Clicks)
	if got.Quiet >= 0 && (got.Registered < 0 || got.Quiet <= got.Registered) {
		t.Fatalf("the page went quiet %.0f ms after data-ready although the reader clicked every 400 ms (%d clicks): the test did not keep it busy", got.Quiet-got.Ready, got.Clicks)
	}
	if got.Registered < 0 {
		t.Fatalf("no service worker registered %.0f ms after data-ready for a reader who never paused (%d clicks)", 90000.0, got.Clicks)
	}
	if after := got.Registered - got.Ready; after < 29500 {
		t.Errorf("the worker was registered %.0f ms after data-ready, among the reader's first clicks; want 30 s", after)
	}
	// It installs and takes the page over: the next visit has the offline copy.
	p.controlled(t)
	s.setOffline(true)
	p.open(t, s.URL+"/")
	worksOffline(t, p)
	p.cleanConsole(t)
}
