package main

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// report is everything docs/benchmarks.md shows.
type report struct {
	Started, Finished  time.Time
	Dist               string
	Machine            machine
	Wasm               wasmFiles
	Runs, Toggles      int
	Loads              []*loadRun
	RunErrors          []string
	Load               *loadResult
	LoadErr            string
	Go                 goBench
	EndLoad            string
	Startup            []*startupSet  // the start-up loads (startup.go)
	Lighthouse         *lighthouseSet // with -lighthouse
	StartupOnly        bool           // -startup-only: no control loads, load test or go test
	BaselineDir        string         // -baseline: an earlier build, measured in turn with this one
	BaselineStartup    []*startupSet
	BaselineLighthouse *lighthouseSet
	History            string // -history: earlier figures, copied in after the start-up
	HistoryFile        string
	Repeat             []repeatSample // repeat visits served by the service worker (repeat.go)
	RepeatErrs         []string
}

// over collects one figure from every successful load.
func (r *report) over(f func(*loadRun) float64) summary {
	var xs []float64
	for _, l := range r.Loads {
		if v := f(l); v >= 0 {
			xs = append(xs, v)
		}
	}
	return summarize(xs)
}

func (r *report) markdown() string {
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format+"\n", a...) }

	p("# Benchmarks")
	p("")
	p("Measured on %s UTC by `./build.sh bench` (`go run ./web/bench`), which writes this file.", r.Started.Format("2006-01-02 15:04"))
	p("These are measurements for reading, not tests: nothing fails on a slow figure.")
	p("")
	p("## Machine")
	p("")
	p("| | |")
	p("|---|---|")
	p("| CPU | %s, %d logical CPUs (nproc) |", r.Machine.CPU, r.Machine.CPUs)
	p("| Memory | %s |", r.Machine.Memory)
	p("| OS | %s |", r.Machine.OS)
	p("| Go | %s |", r.Machine.Go)
	chromium := r.Machine.Chromium
	if len(r.Loads) > 0 && r.Loads[0].Browser != "" {
		chromium += " (" + r.Loads[0].Browser + ", headless)"
	}
	p("| Chromium | %s |", chromium)
	if r.Machine.Load != "" {
		p("| 1-min load average | %s at the start, %s at the end (other work on the machine slows the figures and widens their ranges) |", r.Machine.Load, orDash(r.EndLoad))
	}
	p("")
	p("## How to reproduce")
	p("")
	p("```sh")
	p("./build.sh bench   # builds dist/, then: go run ./web/bench -dist dist -out docs/benchmarks.md")
	p("./build.sh bench -lighthouse   # the same, and Lighthouse's mobile audit (npm ci --prefix %s when missing)", lighthouseDir)
	p("```")
	p("")
	p("`go run ./web/bench -help` lists the knobs (`-runs`, `-startup-runs`, `-lighthouse-runs`, `-toggles`, `-count`, `-workers`, `-rounds`; `-startup-only` measures only the start-up and Lighthouse). The run took %s.",
		r.Finished.Sub(r.Started).Round(time.Second))
	p("")
	p("How the figures are taken:")
	p("")
	p("- The built `%s/` is served by the production handler (`web/server.New`) on 127.0.0.1 (loopback: no network latency or bandwidth limit, so the times are the browser's and the wasm's own).", r.Dist)
	p("- Each of the %d cold loads starts a new headless Chromium with a fresh profile, window %d×%d, the HTTP cache disabled (`Network.setCacheDisabled`), and the Accept-Encoding Chromium itself sends. A Web Worker the page starts (the loader's, which fetches the wasm) is a target of its own in Chromium, which the page's settings do not reach: the page's session attaches to it while it is held before its first line of script (`Target.setAutoAttach` with `waitForDebuggerOnStart`), and a session of the benchmark's gives it the same settings and listens to its network events before letting it run (`Runtime.runIfWaitingForDebugger`).", r.Runs, windowWidth, windowHeight)
	p("- Bytes are the sum of `Network.loadingFinished` `encodedDataLength` (headers and body as transferred) of every request the page and its workers made until `data-ready` plus %d ms.", settleMs)
	p("- Times are `performance.now()` in the page, from the start of navigation. A script injected before the page's own (`Page.addScriptToEvaluateOnNewDocument`) notes when `<html>` gets `data-ready=\"1\"` (a MutationObserver: the wasm has taken over and the controls work), the first animation frame in which a chart's SVG is laid out in the viewport (the prerendered SVG counts), and the paint entries (`first-contentful-paint`, `largest-contentful-paint`). Inline SVG is not an LCP candidate, so LCP names the largest text block.")
	p("- A control change is measured in the page. After a few animation frames (to learn the frame interval), t0 = `performance.now()` is taken in a `setTimeout(0)` queued from a frame callback, i.e. just after a frame, where an input event between two frames lands, and the click is dispatched (for the select: its value is set and `change` dispatched). A MutationObserver on the card notes when the card reaches the new state (*click→DOM*); a `requestAnimationFrame` loop finds the first frame whose callback sees it, and a `setTimeout(0)` queued there runs just after that frame: t1 (*click→frame* = t1 − t0). *Frames* is the number of frame intervals from the start of the last frame before the click to the moment the DOM reached the new state, rounded up: 1 means the change was ready before the next frame began, so the new chart is in the very next frame. Each control is changed once right after the load (its first change; the page warms likely next charts in the background once it is quiet, so the chart itself is usually drawn by then, but the first event after the load also runs code V8 has not optimised yet, and the first control measured pays for it), then back and forth %d times. The card is scrolled into view first.", r.Toggles)
	p("- Wasm memory is the byte length of the Go instance's linear memory (`instance.exports.mem.buffer`; the instance is caught by wrapping `WebAssembly.instantiateStreaming`); JS heap is `performance.memory.usedJSHeapSize` (with `--enable-precise-memory-info`).")
	p("- Go benchmarks: `go %s`.", strings.Join(r.Go.Args, " "))
	p("")

	r.writeSizes(p)
	r.writeStartup(p)
	r.writeLighthouse(p)
	r.writeBaseline(p)
	if r.History != "" {
		p("<!-- copied from %s, which is written by hand -->", r.HistoryFile)
		p("%s", strings.TrimSpace(r.History))
		p("")
	}
	if r.StartupOnly {
		return b.String()
	}
	r.writeLoad(p)
	if len(r.Repeat) > 0 || len(r.RepeatErrs) > 0 {
		writeRepeat(p, r.Repeat, r.RepeatErrs)
	}
	r.writeControls(p)
	r.writeServer(p)
	r.writeGo(p)
	r.writeNotes(p)
	return b.String()
}

func (r *report) writeSizes(p func(string, ...any)) {
	p("## Download size")
	p("")
	p("| `%s` | bytes | |", r.Wasm.Name)
	p("|---|---:|---|")
	p("| raw | %d | %s |", r.Wasm.Raw, size(float64(r.Wasm.Raw)))
	for _, c := range []struct {
		name string
		n    int64
	}{{"gzip (`.gz`)", r.Wasm.Gzip}, {"brotli (`.br`)", r.Wasm.Brotli}} {
		if c.n < 0 {
			p("| %s | – | missing |", c.name)
			continue
		}
		p("| %s | %d | %s, %.1f%% of raw |", c.name, c.n, size(float64(c.n)), 100*float64(c.n)/float64(r.Wasm.Raw))
	}
	p("")
	if len(r.Loads) == 0 {
		return
	}
	l := r.Loads[0]
	p("What the first cold load fetched (Chromium sent `Accept-Encoding: %s`):", l.AcceptEncoding)
	p("")
	p("| request | status | encoding | transferred |")
	p("|---|---:|---|---:|")
	for _, res := range l.Resources {
		st := fmt.Sprint(res.Status)
		if res.Failed != "" {
			st = "failed: " + res.Failed
		}
		enc := res.Encoding
		if enc == "" {
			enc = "identity"
		}
		p("| `%s` | %s | %s | %s |", res.Path, st, enc, size(res.Bytes))
	}
	p("| **total** | | | **%s** (%.0f bytes) |", size(l.Bytes()), l.Bytes())
	p("")
	seen := map[string]int{}
	for _, res := range l.Resources {
		seen[res.Path]++
	}
	for _, res := range l.Resources {
		if n := seen[res.Path]; n > 1 {
			p("`%s` was requested %d times; with the cache disabled each request goes over the wire (with a normal cache a later request can be answered from it).", res.Path, n)
			p("")
			seen[res.Path] = 0
		}
	}
}

func (r *report) writeLoad(p func(string, ...any)) {
	p("## Page load, cold cache")
	p("")
	if len(r.Loads) == 0 {
		p("No load succeeded:")
		p("")
		for _, e := range r.RunErrors {
			p("- %s", e)
		}
		p("")
		return
	}
	p("%d of %d cold loads succeeded; median (min – max).", len(r.Loads), r.Runs)
	p("")
	p("| figure | value |")
	p("|---|---|")
	p("| bytes transferred until data-ready | %s |", triple(r.over(func(l *loadRun) float64 { return l.Bytes() }), size))
	p("| requests | %s |", triple(r.over(func(l *loadRun) float64 { return float64(len(l.Resources)) }), func(v float64) string { return fmt.Sprintf("%.0f", v) }))
	w, _ := r.Loads[0].Wasm()
	p("| wasm transferred (%s) | %s |", orIdentity(w.Encoding), triple(r.over(func(l *loadRun) float64 { w, _ := l.Wasm(); return w.Bytes }), size))
	p("| first paint | %s |", triple(r.over(func(l *loadRun) float64 { return l.Metrics.FP }), ms))
	p("| first contentful paint (FCP) | %s |", triple(r.over(func(l *loadRun) float64 { return l.Metrics.FCP }), ms))
	where := r.Loads[0].Metrics.ChartWhere
	p("| first frame with a chart's SVG laid out in view%s | %s |", prefixed(", ", where), triple(r.over(func(l *loadRun) float64 { return l.Metrics.Chart }), ms))
	p("| **first chart on screen** (the later of the two above) | %s |", triple(r.over(func(l *loadRun) float64 { return l.FirstChart() }), ms))
	p("| largest contentful paint (%s) | %s |", orDash(r.Loads[0].Metrics.LCPWhat), triple(r.over(func(l *loadRun) float64 { return l.Metrics.LCP }), ms))
	p("| DOMContentLoaded | %s |", triple(r.over(func(l *loadRun) float64 { return l.Metrics.DOMContentLoaded }), ms))
	p("| wasm downloaded (its `responseEnd`; fetched by the loader's worker: the page's `explorer wasm downloaded` mark, when the bytes reach it) | %s |", triple(r.over(func(l *loadRun) float64 { return l.Metrics.WasmEnd }), ms))
	p("| **data-ready: the controls work** (wasm running) | %s |", triple(r.over(func(l *loadRun) float64 { return l.Metrics.Ready }), ms))
	p("| data-ready − wasm downloaded (compile, the worker's rehearsal, start, first render) | %s |", triple(r.over(func(l *loadRun) float64 {
		if l.Metrics.WasmEnd < 0 {
			return -1
		}
		return l.Metrics.Ready - l.Metrics.WasmEnd
	}), ms))
	p("| wasm memory at data-ready | %s |", triple(r.over(func(l *loadRun) float64 { return l.Metrics.WasmMem }), size))
	p("| wasm memory after all the control changes | %s |", triple(r.over(func(l *loadRun) float64 { return l.After.WasmMem }), size))
	p("| JS heap used at data-ready | %s |", triple(r.over(func(l *loadRun) float64 { return l.Metrics.JSHeap }), size))
	p("| JS heap used after all the control changes | %s |", triple(r.over(func(l *loadRun) float64 { return l.After.JSHeap }), size))
	p("")
	if len(r.RunErrors) > 0 {
		p("Loads that failed:")
		p("")
		for _, e := range r.RunErrors {
			p("- %s", e)
		}
		p("")
	}
	var problems []string
	for i, l := range r.Loads {
		for _, pr := range l.Problems {
			problems = append(problems, fmt.Sprintf("load %d: %s", i+1, pr))
		}
	}
	if len(problems) > 0 {
		p("Problems the browser reported:")
		p("")
		for _, pr := range problems[:min(len(problems), 10)] {
			p("- %s", pr)
		}
		p("")
	}
}

// controlFigures pools a control's samples over the loads.
type controlFigures struct {
	first, firstDom, firstSync summary
	firstFrames                []int
	rep, repDom, repSync       summary
	repFrames                  []int
	firstFailed, repFailed, n  int
}

func (r *report) controlFigures(name string) controlFigures {
	var f controlFigures
	var firsts, repeats []sample
	for _, l := range r.Loads {
		cr, ok := l.Controls[name]
		if !ok {
			continue
		}
		firsts = append(firsts, cr.First)
		repeats = append(repeats, cr.Repeats...)
	}
	msF, domF, syncF, frF, failF := okMs(firsts)
	msR, domR, syncR, frR, failR := okMs(repeats)
	f.first, f.firstDom, f.firstSync, f.firstFrames, f.firstFailed = summarize(msF), summarize(domF), summarize(syncF), frF, failF
	f.rep, f.repDom, f.repSync, f.repFrames, f.repFailed = summarize(msR), summarize(domR), summarize(syncR), frR, failR
	f.n = len(repeats)
	return f
}

func nextFrame(frames []int) string {
	if len(frames) == 0 {
		return "–"
	}
	s := fmt.Sprintf("%d of %d", count(frames, 1), len(frames))
	if m := maxInt(frames); m > 1 {
		s += fmt.Sprintf(" (median %d, at worst %d frames)", medianInt(frames), m)
	}
	return s
}

func medianInt(xs []int) int {
	f := make([]float64, len(xs))
	for i, x := range xs {
		f[i] = float64(x)
	}
	return int(median(f) + 0.5)
}

func (r *report) writeControls(p func(string, ...any)) {
	if len(r.Loads) == 0 {
		return
	}
	p("## Changing a control: click to next frame")
	p("")
	p("One frame is %s here (the median interval between animation frames the page saw; %.1f ms at 60 Hz). *click→DOM* is the work itself (the event into Go, the state update, the chart render or cache hit, Vugu's DOM patch); *of which in the event handler* is how long dispatching the event ran synchronously (the Go handler called from JS); *click→frame* adds the wait for the frame that shows it (the click lands just after a frame, so even an instant change takes about one interval); *in next frame* counts the changes shown in the very next frame.", ms(r.frameInterval()), oneFrameMs)
	p("")
	p("First change after the load (in the order listed, so the first row is the page's first event), over %d loads, median (min – max):", len(r.Loads))
	p("")
	p("| control | click→frame | click→DOM | of which in the event handler | in next frame |")
	p("|---|---|---|---|---|")
	for _, c := range controls {
		f := r.controlFigures(c.Name)
		p("| %s | %s | %s | %s | %s |", c.What, triple(f.first, ms), triple(f.firstDom, ms), triple(f.firstSync, ms), nextFrame(f.firstFrames))
	}
	p("")
	p("Repeated changes (back and forth %d times per load, all %d loads pooled), median (min – max):", r.Toggles, len(r.Loads))
	p("")
	p("| control | click→frame | click→DOM | of which in the event handler | in next frame |")
	p("|---|---|---|---|---|")
	for _, c := range controls {
		f := r.controlFigures(c.Name)
		extra := ""
		if f.repFailed > 0 {
			extra = fmt.Sprintf(" (%d saw no change within %d ms)", f.repFailed, actTimeoutMs)
		}
		p("| %s | %s | %s | %s | %s%s |", c.What, triple(f.rep, ms), triple(f.repDom, ms), triple(f.repSync, ms), nextFrame(f.repFrames), extra)
	}
	p("")
	r.writeSteps(p)
	r.writeResizes(p)
}

// writeResizes reports what laying the charts out again for a resized window costs.
func (r *report) writeResizes(p func(string, ...any)) {
	var cold, cached, coldMs, cachedMs []float64
	for _, l := range r.Loads {
		for _, s := range l.Resizes {
			if s.Cold {
				cold, coldMs = append(cold, s.Work()), append(coldMs, s.Ms)
			} else {
				cached, cachedMs = append(cached, s.Work()), append(cachedMs, s.Ms)
			}
		}
	}
	if len(cold)+len(cached) == 0 {
		return
	}
	p("## Resizing the window: charts laid out again")
	p("")
	p("The window is resized through %v px after the controls; each chart is laid out for its box (`view.FitWidth`). *cold* is a layout width not drawn before in that load (every chart drawn), *cached* one drawn before (charts from the cache). *work per chart* is the page's renders in that time (`explorer build` + `render` + `blocks`) divided by the charts shown; *resize→laid out* includes the %d ms the page waits for the resizing to stop. Medians (min – max) over all loads:", resizeWidths, 150)
	p("")
	p("| | resizes | work per chart | resize→laid out |")
	p("|---|---:|---:|---:|")
	p("| cold | %d | %s | %s |", len(cold), triple(summarize(cold), ms), triple(summarize(coldMs), ms))
	p("| cached | %d | %s | %s |", len(cached), triple(summarize(cached), ms), triple(summarize(cachedMs), ms))
	p("")
}

// writeSteps splits the event handler's time of each first change and of the repeated changes
// into the render's steps.
func (r *report) writeSteps(p func(string, ...any)) {
	p("First changes, each load: the event handler's time split into its way to the build (the event into Go, the state update, the URL), the build, the DOM patch (with the blocks) and what follows until the DOM is in the new state; the background work overlapping the change (`explorer warm` and `explorer gc` measures, wasm/warm.go), and when the warm-up's last chart ended, from the click:")
	p("")
	p("| control | load | event handler | before build | build | DOM patch | after | warm-up | collection | last warm-up chart ended |")
	p("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, c := range controls {
		for i, l := range r.Loads {
			s := l.Controls[c.Name].First
			if !s.OK {
				continue
			}
			p("| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s |", c.Name, i+1, ms(s.SyncMs), ms(s.PreMs), ms(s.BuildMs), ms(s.RenderMs+s.BlocksMs), ms(s.PostMs), ms(s.WarmMs), ms(s.GCMs), warmEnd(s.WarmEnd))
		}
	}
	p("")
	p("Where the event handler's time goes (repeated changes, medians; *build*, *DOM patch* and *blocks* are the page's own User Timing measures, `explorer build`, `explorer render` and `explorer blocks`; *the rest* is the event's way into Go, the state update and the URL):")
	p("")
	p("| control | event handler | build | DOM patch | blocks | the rest |")
	p("|---|---:|---:|---:|---:|---:|")
	for _, c := range controls {
		var build, render, blocks, rest, sync []float64
		for _, l := range r.Loads {
			for _, s := range l.Controls[c.Name].Repeats {
				if !s.OK {
					continue
				}
				build, render, blocks = append(build, s.BuildMs), append(render, s.RenderMs), append(blocks, s.BlocksMs)
				sync, rest = append(sync, s.SyncMs), append(rest, s.SyncMs-s.BuildMs-s.RenderMs-s.BlocksMs)
			}
		}
		if len(sync) == 0 {
			continue
		}
		p("| %s | %s | %s | %s | %s | %s |", c.What, ms(median(sync)), ms(median(build)), ms(median(render)), ms(median(blocks)), ms(median(rest)))
	}
	p("")
}

// frameInterval is the median frame interval the page measured.
func (r *report) frameInterval() float64 {
	var xs []float64
	for _, l := range r.Loads {
		for _, cr := range l.Controls {
			for _, s := range append([]sample{cr.First}, cr.Repeats...) {
				if s.OK && s.Frame > 0 {
					xs = append(xs, s.Frame)
				}
			}
		}
	}
	if len(xs) == 0 {
		return oneFrameMs
	}
	return median(xs)
}

func (r *report) writeServer(p func(string, ...any)) {
	p("## Serving under concurrent load")
	p("")
	if r.Load == nil {
		p("The load test did not run: %s", r.LoadErr)
		p("")
	} else {
		l := r.Load
		p("`web/bench` serves `%s/` with `server.New` on 127.0.0.1 and has %d clients each fetch the page load above (%d requests: %s) %d times with `Accept-Encoding: %s`; every answer is checked against a first fetch (status, Content-Encoding, SHA-256 of the body).",
			r.Dist, l.Workers, len(l.Paths), strings.Join(codes(l.Paths), ", "), l.Rounds, l.AcceptEncoding)
		p("")
		p("| requests | errors | time | requests/s | page loads/s | throughput |")
		p("|---:|---:|---:|---:|---:|---:|")
		p("| %d | **%d** | %s | **%.0f** | %.0f | %s/s |", l.Requests, l.Errors, l.Elapsed.Round(time.Millisecond),
			l.ReqPerSec(), float64(l.Requests)/float64(len(l.Paths))/l.Elapsed.Seconds(), size(float64(l.Bytes)/l.Elapsed.Seconds()))
		p("")
		if l.TimedOut {
			p("The load test hit its time limit before every request was made.")
			p("")
		}
		for _, e := range l.FirstErrors {
			p("- %s", e)
		}
	}
	pass, fail := r.Go.LoadPass, r.Go.LoadFail
	p("`TestConcurrentLoad` (web/server: 16 clients × 250 requests of a mixed workload, correctness only) passed %d of %d runs. `BenchmarkServe` (same mix, `b.RunParallel`) is in the table below, in req/s.", pass, pass+fail)
	p("")
}

func (r *report) writeGo(p func(string, ...any)) {
	p("## Go benchmarks")
	p("")
	if r.Go.Err != nil {
		p("`go test` failed: %v (its output is below).", r.Go.Err)
		p("")
	}
	sums := summarizeBench(r.Go.Results)
	if len(sums) > 0 {
		p("Native (%s), median of the `-count` runs; these are the renderer's costs outside the browser, where wasm is slower.", r.Machine.OS)
		p("")
		p("| package | benchmark | runs | time/op | B/op | allocs/op | other |")
		p("|---|---|---:|---:|---:|---:|---|")
		for _, s := range sums {
			var other []string
			for _, u := range s.Units {
				if u != "ns/op" && u != "B/op" && u != "allocs/op" {
					other = append(other, fmt.Sprintf("%.0f %s", s.Metrics[u].Median, u))
				}
			}
			p("| %s | %s | %d | %s | %.0f | %.0f | %s |", strings.TrimPrefix(s.Pkg, "briefing/"), s.Name, s.Runs,
				nsop(s.Metrics["ns/op"].Median), s.Metrics["B/op"].Median, s.Metrics["allocs/op"].Median, strings.Join(other, ", "))
		}
		p("")
	}
	p("<details><summary>go test output</summary>")
	p("")
	p("```")
	for _, line := range strings.Split(strings.TrimSpace(r.Go.Output), "\n") {
		if strings.HasPrefix(line, "Benchmark") || strings.HasPrefix(line, "--- ") || strings.HasPrefix(line, "ok ") ||
			strings.HasPrefix(line, "FAIL") || strings.HasPrefix(line, "pkg: ") || strings.HasPrefix(line, "cpu: ") || r.Go.Err != nil {
			p("%s", line)
		}
	}
	p("```")
	p("")
	p("</details>")
	p("")
}

// writeNotes reads the figures back in words.
func (r *report) writeNotes(p func(string, ...any)) {
	p("## Reading the figures")
	p("")
	if len(r.Loads) == 0 {
		p("No page load succeeded, so there is nothing to read; see the errors above.")
		return
	}
	bytes := r.over(func(l *loadRun) float64 { return l.Bytes() })
	wasm := r.over(func(l *loadRun) float64 { w, _ := l.Wasm(); return w.Bytes })
	w, _ := r.Loads[0].Wasm()
	p("- **Size.** The wasm is %.0f%% of the bytes of a cold load (%s of %s, sent as %s). The page itself with the prerendered charts is the rest.",
		100*wasm.Median/bytes.Median, size(wasm.Median), size(bytes.Median), orIdentity(w.Encoding))
	chart, ready := r.over(func(l *loadRun) float64 { return l.FirstChart() }), r.over(func(l *loadRun) float64 { return l.Metrics.Ready })
	p("- **First chart vs. working controls.** A chart is on screen after %s, from the prerendered HTML, before the wasm has arrived; the controls work after %s, once the wasm is downloaded, compiled and started. On a real network the gap grows with the wasm's transfer time; on loopback it is mostly compile and start-up.",
		ms(chart.Median), ms(ready.Median))
	for _, c := range controls {
		f := r.controlFigures(c.Name)
		if f.rep.N == 0 {
			continue
		}
		repNext := count(f.repFrames, 1)
		firstNext := count(f.firstFrames, 1)
		verdict := "lands in the next frame every time"
		if repNext == 0 {
			verdict = fmt.Sprintf("never lands in the next frame (median %d, at worst %d frames)", medianInt(f.repFrames), maxInt(f.repFrames))
		} else if repNext < len(f.repFrames) {
			verdict = fmt.Sprintf("lands in the next frame %d of %d times (median %d, at worst %d frames)", repNext, len(f.repFrames), medianInt(f.repFrames), maxInt(f.repFrames))
		}
		first := fmt.Sprintf("the first change did too (click→DOM %s median)", ms(f.firstDom.Median))
		if firstNext == 0 {
			first = fmt.Sprintf("the first change took click→DOM %s median (median %d frames)", ms(f.firstDom.Median), medianInt(f.firstFrames))
		} else if firstNext < len(f.firstFrames) {
			first = fmt.Sprintf("the first change took click→DOM %s median and was in the next frame %d of %d times (median %d frames)",
				ms(f.firstDom.Median), firstNext, len(f.firstFrames), medianInt(f.firstFrames))
		}
		budget := "within"
		if f.repDom.Median > r.frameInterval() {
			budget = "over"
		}
		p("- **%s** — repeated changes: click→DOM %s median (max %s), %s the %s frame; the new chart %s; %s.",
			c.What, ms(f.repDom.Median), ms(f.repDom.Max), budget, ms(r.frameInterval()), verdict, first)
	}
	if h := r.handlerShare(); h != "" {
		p("- **Where the time goes.** %s", h)
	}
	wm := r.over(func(l *loadRun) float64 { return l.After.WasmMem })
	p("- **Memory.** The Go heap lives in the wasm linear memory: %s at data-ready, %s after all the control changes; linear memory only grows, so this is the peak.",
		size(r.over(func(l *loadRun) float64 { return l.Metrics.WasmMem }).Median), size(wm.Median))
	if r.Load != nil {
		p("- **Server.** %d concurrent clients made %d requests of the real site in %s: %d errors, %.0f requests/s on this machine (%d CPUs), the wasm included.",
			r.Load.Workers, r.Load.Requests, r.Load.Elapsed.Round(time.Millisecond), r.Load.Errors, r.Load.ReqPerSec(), r.Machine.CPUs)
	}
	p("")
}

// handlerShare compares the time the Go event handler ran in the page with the native renderer.
func (r *report) handlerShare() string {
	var sync, dom []float64
	for _, c := range controls {
		f := r.controlFigures(c.Name)
		if f.repSync.N > 0 {
			sync, dom = append(sync, f.repSync.Median), append(dom, f.repDom.Median)
		}
	}
	if len(sync) == 0 {
		return ""
	}
	var syncSum, domSum float64
	for i := range sync {
		syncSum, domSum = syncSum+sync[i], domSum+dom[i]
	}
	msg := fmt.Sprintf("%.0f%% of click→DOM (repeated changes, medians) is spent synchronously inside the event dispatch, i.e. in the Go handler called from JS: %s – %s per control.",
		100*syncSum/domSum, ms(slices.Min(sync)), ms(slices.Max(sync)))
	var native []string
	for _, s := range summarizeBench(r.Go.Results) {
		switch s.Name {
		case "BenchmarkRenderColumns":
			native = append(native, "rendering a chart takes "+nsop(s.Metrics["ns/op"].Median)+" (`"+s.Name+"`)")
		case "BenchmarkCardsCached":
			native = append(native, "building the cards from the cache "+nsop(s.Metrics["ns/op"].Median)+" (`"+s.Name+"`)")
		}
	}
	if len(native) > 0 {
		msg += " Natively, " + strings.Join(native, " and ") + ", far under a frame; the rest is Go running as wasm and Vugu rebuilding and patching the DOM (split into steps in the last table of the section above)."
	}
	return msg
}

func count(xs []int, v int) int {
	n := 0
	for _, x := range xs {
		if x == v {
			n++
		}
	}
	return n
}

// codes shortens the paths of a page load for one line: directories collapse to "dir/*".
func codes(paths []string) []string {
	var out []string
	for _, p := range paths {
		if i := strings.LastIndexByte(p, '/'); i > 0 {
			p = p[:i] + "/*"
		}
		if !slices.Contains(out, "`"+p+"`") {
			out = append(out, "`"+p+"`")
		}
	}
	return out
}

func orIdentity(s string) string {
	if s == "" {
		return "identity"
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func prefixed(pre, s string) string {
	if s == "" {
		return ""
	}
	return pre + "`" + s + "`"
}

// warmEnd formats when the warm-up's last chart ended, relative to the click.
func warmEnd(v float64) string {
	if v <= -1e8 {
		return "none drawn"
	}
	if v < 0 {
		return ms(-v) + " before"
	}
	return ms(v) + " after"
}
