package e2e

import (
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"briefing/web/server"
)

// gatedSite serves the built site with the production handler, but holds every request for
// the wasm until release is called: the test acts on the prerendered page knowing for certain
// that the explorer has not taken over yet (a throttled connection, made deterministic).
func gatedSite(t *testing.T) (string, func()) {
	dist := need(t)
	gate := make(chan struct{})
	var once sync.Once
	release := func() { once.Do(func() { close(gate) }) }
	h := server.New(os.DirFS(dist), server.Options{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".wasm") {
			select {
			case <-gate:
			case <-r.Context().Done():
				return
			}
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(func() { release(); srv.Close() })
	return srv.URL, release
}

// openEarly loads the page and waits for the prerendered explorer, not for the wasm.
func openEarly(t *testing.T, p *page, u string) {
	t.Helper()
	p.run(t, chromedp.Navigate(u), chromedp.WaitVisible(chromedp.CSS(`#parity .targets-toggle`)))
	notReady(t, p)
}

func notReady(t *testing.T, p *page) {
	t.Helper()
	if eval[bool](t, p, `document.documentElement.hasAttribute("data-ready")`) {
		t.Fatal("the wasm took over although its download is held: the test would prove nothing")
	}
}

// framesScript samples, at every frame painted from now on, what the reader sees of the three
// controls, so the test can tell whether anything flipped back on screen.
const framesScript = `(() => { window.__frames = []; const q = s => document.querySelector(s);
	const sample = () => { const t = q("#parity .targets-toggle"), tb = q("#fatalities .view-table"), l = q(".lang-select");
	  window.__frames.push([t ? String(t.checked) : "-", tb ? tb.getAttribute("aria-pressed") : "-", l ? l.value : "-", q(".kf-search") ? q(".kf-search").value : "-"]); };
	const tick = () => { sample(); requestAnimationFrame(tick); };
	sample(); requestAnimationFrame(tick); })()`

// TestEarlyInputKept makes three changes on the prerendered page while the wasm is still
// downloading: they show as pending, and each takes effect once the explorer is ready,
// through the explorer's own handlers (the URL says so too), without anything flipping back.
func TestEarlyInputKept(t *testing.T) {
	u, release := gatedSite(t)
	p := newPage(t, u, 1280, 900)
	openEarly(t, p, u+"/")
	if !eval[bool](t, p, `document.querySelector("#parity .targets-toggle").checked`) ||
		eval[int](t, p, `document.querySelectorAll("#parity svg .target").length`) == 0 {
		t.Fatal("the prerendered parity chart should start with its targets shown")
	}
	p.run(t, chromedp.Evaluate[chromedp.Void](framesScript))
	rows := eval[int](t, p, `document.querySelectorAll("#key-figures tbody tr").length`)

	p.run(t, chromedp.Click(chromedp.CSS(`#parity .targets-toggle`)),
		chromedp.Click(chromedp.CSS(`#fatalities .view-table`)),
		change(`.lang-select`, "fr"),
		chromedp.Click(chromedp.CSS(`.kf-search`)), chromedp.SendKeys(chromedp.CSS(`.kf-search`), "PCRS"))
	notReady(t, p)
	// Pending, not flipped: the tick stays until the explorer applies the click.
	if !eval[bool](t, p, `document.querySelector("#parity .targets-toggle").checked`) {
		t.Error("the targets checkbox flipped before the explorer could act on it (it would flip back)")
	}
	for _, sel := range []string{`#parity .targets-toggle`, `#fatalities .view-table`, `.lang-select`, `.kf-search`} {
		busy := eval[string](t, p, `(() => { const e = document.querySelector(`+jsString(sel)+`);
		  return e.getAttribute("aria-busy") + " " + e.classList.contains("early-pending"); })()`)
		if busy != "true true" {
			t.Errorf("%s before the wasm is ready: aria-busy and pending class %q, want \"true true\"", sel, busy)
		}
	}
	// Announced once, politely, in the page's language at the time (English).
	if err := chromedp.Do(p.ctx, chromedp.Poll[chromedp.Void](`(() => { const s = document.querySelectorAll(".early-status");
	  return s.length === 1 && s[0].getAttribute("aria-live") === "polite" && s[0].textContent === "Working…"; })()`,
		chromedp.WithPollingTimeout(0))); err != nil {
		t.Errorf("no polite \"Working…\" announcement while the changes wait: %v", err)
	}
	notReady(t, p)

	release()
	p.run(t, chromedp.WaitVisible(chromedp.CSS(`html[data-ready="1"], html[data-failed="1"]`)))
	if eval[bool](t, p, `document.documentElement.hasAttribute("data-failed")`) {
		t.Fatalf("the explorer stopped: %s", eval[string](t, p, `document.querySelector("#fatal").innerText`))
	}
	// Two more frames, so the sampler has seen the page as the explorer left it.
	p.run(t, chromedp.Poll[chromedp.Void](`(() => { window.__n = window.__n || window.__frames.length; return window.__frames.length > window.__n + 1; })()`, chromedp.WithPollingTimeout(0)))

	checks := map[string]string{
		`String(document.querySelector("#parity .targets-toggle").checked)`:                                  "false",
		`String(document.querySelectorAll("#parity svg .target").length)`:                                    "0",
		`document.querySelector("#fatalities .view-table").getAttribute("aria-pressed")`:                     "true",
		`String(!!document.querySelector("#fatalities table"))`:                                              "true",
		`document.querySelector("#vugu_mount_point").getAttribute("lang")`:                                   "fr",
		`document.querySelector(".lang-select").value`:                                                       "fr",
		`document.querySelector("h1").textContent`:                                                           "La réforme du maintien de la paix en chiffres",
		`String(document.querySelectorAll("[aria-busy], .early-pending").length)`:                            "0",
		`document.querySelector(".early-status") ? document.querySelector(".early-status").textContent : ""`: "",
	}
	for js, want := range checks {
		if got := eval[string](t, p, js); got != want {
			t.Errorf("after take-over: %s = %q, want %q", js, got, want)
		}
	}
	if got := eval[string](t, p, `document.querySelector(".kf-search").value`); got != "PCRS" {
		t.Errorf("after take-over the key-figures search holds %q, want PCRS", got)
	}
	if n := eval[int](t, p, `document.querySelectorAll("#key-figures tbody tr").length`); n == 0 || n >= rows {
		t.Errorf("the search typed early left %d of %d key figures: it was not applied", n, rows)
	}
	search := eval[string](t, p, `location.search`)
	for _, want := range []string{"fatalities=table", "parity=notargets", "lang=fr", "q=PCRS"} {
		if !strings.Contains(search, want) {
			t.Errorf("URL %q lacks %s: the change did not go through the explorer's state", search, want)
		}
	}
	// Nothing flipped back on screen: each control changed at most once, to its new value.
	frames := eval[[][]string](t, p, `window.__frames`)
	for i, name := range []string{"targets checked", "table pressed", "language", "search"} {
		var seen []string
		for _, f := range frames {
			if len(seen) == 0 || seen[len(seen)-1] != f[i] {
				seen = append(seen, f[i])
			}
		}
		// Typed text may show letter by letter; it flips back only if a value is not the one
		// before it with more typed.
		if name == "search" {
			for k := 1; k < len(seen); k++ {
				if !strings.HasPrefix(seen[k], seen[k-1]) {
					t.Errorf("search went %v on screen: it flipped back", seen)
					break
				}
			}
			continue
		}
		if len(seen) > 2 {
			t.Errorf("%s went %v on screen: it flipped back", name, seen)
		}
	}
	p.clean(t)
}

// TestEarlyPresentationKeys starts a presentation and moves to the next slide while the wasm
// is still downloading: both happen once it is ready.
func TestEarlyPresentationKeys(t *testing.T) {
	u, release := gatedSite(t)
	p := newPage(t, u, 1280, 900)
	openEarly(t, p, u+"/")
	p.run(t, chromedp.Click(chromedp.CSS(`button.present`)), chromedp.KeyEvent(kb.ArrowRight))
	notReady(t, p)
	if got := eval[string](t, p, `String(document.querySelector("button.present").getAttribute("aria-busy"))`); got != "true" {
		t.Errorf("Present before the wasm is ready: aria-busy %q", got)
	}
	release()
	p.run(t, chromedp.WaitVisible(chromedp.CSS(`html[data-ready="1"]`)))
	if err := chromedp.Do(p.ctx, chromedp.Poll[chromedp.Void](`!!document.querySelector(".slides")`, chromedp.WithPollingTimeout(0))); err != nil {
		t.Fatalf("the Present click made before the wasm was ready was lost: %v", err)
	}
	if got := eval[int](t, p, slideNow); got != 2 {
		t.Errorf("after Present and ArrowRight made early: slide %d, want 2", got)
	}
	p.clean(t)
}
