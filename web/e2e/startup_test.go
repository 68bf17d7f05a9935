package e2e

import (
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"briefing/web/server"
)

// marksJS lists the page's User Timing marks that start with "explorer ", in order.
const marksJS = `performance.getEntriesByType("mark").filter(m => m.name.startsWith("explorer ")).map(m => m.name).join(",")`

// fullProgressJS holds when the loader's progress line counts every byte of the wasm: "… 6.4 MB
// of 6.4 MB" (loader.js writes the two sizes the same way).
const fullProgressJS = `(() => { const m = document.querySelector(".loader-text").textContent.match(/([\d.]+)\u00a0MB of ([\d.]+)\u00a0MB$/);
	return !!m && m[1] === m[2]; })()`

// TestStartUpOffThePageThread: the wasm is downloaded by a Web Worker, not by the page (the
// page's resource timing has no .wasm; the page marks when the bytes reach it), its progress
// still reaches the loader's line, and the worker rehearses the Go program on the compiled module before the page runs it (the mark
// "explorer rehearsed" comes before "explorer wasm start"): loader.js, wasm/rehearse.go.
func TestStartUpOffThePageThread(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	p.open(t, u+"/")
	marks := eval[string](t, p, marksJS)
	d, r, s := strings.Index(marks, "explorer wasm downloaded"), strings.Index(marks, "explorer rehearsed"), strings.Index(marks, "explorer wasm start")
	if d < 0 || r < 0 || s < 0 || d > r || r > s {
		t.Errorf("marks %q: want explorer wasm downloaded, then explorer rehearsed, then explorer wasm start", marks)
	}
	if n := eval[int](t, p, `performance.getEntriesByType("resource").filter(e => e.name.includes(".wasm")).length`); n != 0 {
		t.Errorf("the page itself fetched the wasm %d times; the worker should have", n)
	}
	if !eval[bool](t, p, fullProgressJS) {
		t.Errorf("progress line %q: want every byte counted", eval[string](t, p, `document.querySelector(".loader-text").textContent`))
	}
	p.clean(t)
}

// TestRehearsalGoesOnOnceTheControlsWork: the worker's rehearsal has a second act, the code
// the page runs once its controls work (the warm-up's charts, the first collection). The page
// takes over at the end of the first act ("explorer rehearsed"); the second begins once the
// controls work, as it stalled the page's own compiling when run during the take-over, and
// the page is told when it is over ("explorer rehearsal over"), then ends the worker
// (wasm/rehearse.go, loader.js).
func TestRehearsalGoesOnOnceTheControlsWork(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	p.open(t, u+"/")
	p.until(t, "the rehearsal's end", `performance.getEntriesByName("explorer rehearsal over").length > 0`)
	marks := eval[string](t, p, marksJS)
	r, c, o := strings.Index(marks, "explorer rehearsed"), strings.Index(marks, "explorer controls live"), strings.Index(marks, "explorer rehearsal over")
	if r < 0 || c < r || o < c {
		t.Errorf("marks %q: want explorer rehearsed, explorer controls live, then explorer rehearsal over", marks)
	}
	p.clean(t)
}

// TestStartUpWithoutWorker: where there can be no worker, the page downloads and compiles the
// wasm itself, with its progress line, as before.
func TestStartUpWithoutWorker(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	before(t, p, `window.Worker = undefined;`)
	p.open(t, u+"/")
	if marks := eval[string](t, p, marksJS); strings.Contains(marks, "explorer rehearsed") {
		t.Errorf("marks %q: no worker, no rehearsal", marks)
	}
	if !eval[bool](t, p, fullProgressJS) {
		t.Errorf("progress line %q: want every byte counted", eval[string](t, p, `document.querySelector(".loader-text").textContent`))
	}
	p.clean(t)
}

// TestStartUpWithWrongWasmType: a server that sends the wasm with another Content-Type than
// application/wasm makes the browser's streaming compile fail; where the page compiles it
// itself (no worker), it then fetches the bytes again and compiles them.
func TestStartUpWithWrongWasmType(t *testing.T) {
	h := server.New(os.DirFS(need(t)), server.Options{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".wasm") {
			w.Header().Set("Content-Type", "application/octet-stream")
			h.ServeHTTP(typeKeeper{w}, r)
			return
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	p := newPage(t, srv.URL, 1280, 900)
	before(t, p, `window.Worker = undefined;`)
	p.open(t, srv.URL+"/")
	if got := eval[string](t, p, `performance.getEntriesByType("resource").filter(e => e.name.includes(".wasm")).map(e => e.name).join(" ")`); strings.Count(got, ".wasm") != 2 {
		t.Errorf("wasm requests %q: want the streamed one, then the bytes fetched again", got)
	}
	if !eval[bool](t, p, fullProgressJS) {
		t.Errorf("progress line %q: want every byte counted", eval[string](t, p, `document.querySelector(".loader-text").textContent`))
	}
	p.clean(t)
}

// typeKeeper keeps the Content-Type its caller set: the handler's own is not written.
type typeKeeper struct{ http.ResponseWriter }

func (k typeKeeper) WriteHeader(code int) {
	k.Header().Set("Content-Type", "application/octet-stream")
	k.ResponseWriter.WriteHeader(code)
}

// TestStartUpSurvivesItsWorker: a worker that fails, one that never starts, or one that never
// finishes its rehearsal, costs the reader nothing but time: the page then does the rest
// itself.
func TestStartUpSurvivesItsWorker(t *testing.T) {
	// failing: every worker reports an error as soon as it is asked for anything.
	failing := `window.Worker = function () {
		const w = { terminate() {}, postMessage() { setTimeout(() => w.onerror({ preventDefault() {} }), 0); } };
		return w;
	};`
	// silent: a worker that fetches the bytes as asked (the page's own fetch standing in for
	// it), then never answers the rehearsal; the page waits for it for a limited time only.
	silent := `window.Worker = function () {
		const w = { terminate() {}, postMessage(m) {
			if (!m.fetch) return;
			fetch(m.fetch).then(r => r.arrayBuffer()).then(b => w.onmessage({ data: { bytes: b } }));
		} };
		return w;
	};`
	// broken: a worker that could not start (its script blocked, say) reports one error and
	// then nothing; the page must not wait for a rehearsal from it.
	broken := `window.Worker = function () {
		const w = { terminate() {}, postMessage() {} };
		setTimeout(() => w.onerror && w.onerror({ preventDefault() {} }), 0);
		return w;
	};`
	for name, stub := range map[string]string{"failing": failing, "silent": silent, "broken": broken} {
		t.Run(name, func(t *testing.T) {
			u := site(t)
			p := newPage(t, u, 1280, 900)
			before(t, p, stub)
			p.open(t, u+"/")
			if marks := eval[string](t, p, marksJS); name == "broken" && strings.Contains(marks, "explorer rehearsed") {
				t.Errorf("marks %q: the page waited for a rehearsal from a worker that never started", marks)
			}
			p.run(t, chromedp.Click(chromedp.CSS(`#parity .targets-toggle`)))
			p.until(t, "the targets hidden", `!document.querySelector("#parity .targets-toggle").checked &&
				!!document.querySelector("#parity .chart.only svg") && !document.querySelector("#parity .chart.only svg .target")`)
			p.clean(t)
		})
	}
}

// before runs script in every document the tab opens, before the page's own scripts.
func before(t *testing.T, p *page, script string) {
	t.Helper()
	if _, err := chromedp.Call(p.ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: script}); err != nil {
		t.Fatal(err)
	}
}

// TestTakeOverGivesTheThreadBack: the take-over's first pause, right after "explorer data
// ready", ends the browser task (wasm/startup.go, pause): a timer queued at that mark runs
// before the take-over goes on to draw the first view's charts. With a Go sleep as the pause
// it often did not (2 runs in 5): the Go scheduler hands the thread back only when it has
// nothing to run and the sleep is not yet over.
func TestTakeOverGivesTheThreadBack(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	before(t, p, `(() => {
		const mark = performance.mark.bind(performance);
		performance.mark = function (name, ...rest) {
			const m = mark(name, ...rest);
			if (name === "explorer data ready") {
				setTimeout(() => { window.__beforeCharts = performance.getEntriesByName("explorer charts drawn ahead").length === 0; }, 0);
			}
			return m;
		};
	})();`)
	p.open(t, u+"/")
	p.until(t, "the timer queued at data ready", `window.__beforeCharts !== undefined`)
	if !eval[bool](t, p, `window.__beforeCharts`) {
		t.Error("the take-over drew the first view's charts in the task of \"explorer data ready\": its pause did not give the thread back")
	}
	p.clean(t)
}
