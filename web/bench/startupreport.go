package main

import (
	"fmt"
	"strings"
)

// writeStartup reports the start-up loads: per profile and kind, the times, the blocking time
// and the long tasks, and what ran in the long tasks of a median load.
func (r *report) writeStartup(p func(string, ...any)) {
	if len(r.Startup) == 0 {
		return
	}
	p("## Start-up: long tasks while the wasm takes over")
	p("")
	p("Each load is a new headless Chromium (window %d×%d). *cold*: fresh profile, HTTP cache disabled. *repeat*: the second visit in the same browser, with the caches (and any service worker) as an unthrottled first visit left them. *early click*: cold, and a click on \"Show 2020 targets\" (`#parity .targets-toggle`) made at first paint. *slow 4G, CPU ×4* is applied by Chromium itself (`Network.emulateNetworkConditionsByRule`: 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up; `Emulation.setCPUThrottlingRate` 4), the conditions Lighthouse's mobile run simulates. The network conditions and the disabled cache also reach the dedicated Web Worker the page starts (its loader's, which fetches the wasm), a target of its own in Chromium: it is held at its start until a session of the benchmark's has given it the page's settings (`Target.setAutoAttach` with `waitForDebuggerOnStart`, then `Runtime.runIfWaitingForDebugger`). The page and the worker share the emulated bandwidth, as on one link (measured: a 192 KiB fetch by each at the same time, at 64 KiB/s, took 5.9 s each, the time of both together). The CPU slowdown does not reach the worker: Chromium applies it to the page's main thread only and refuses it on a worker's session (\"Operation is only supported for pages, not workers\"), so the worker's own work (the wasm's rehearsal) runs at the machine's speed. The service worker is not followed: its requests are neither throttled nor counted.", windowWidth, windowHeight)
	p("")
	p("- **Controls working** is when `<html>` gets `data-ready=\"1\"` (a MutationObserver in the page): the wasm has adopted the prerendered page and Vugu's handlers are attached. From then on a click on \"Show 2020 targets\" is handled by Go in its own task; a click made earlier is kept by `early.js` and replayed in that same moment, so this is the first time such a click takes effect.")
	p("- **Total blocking time (TBT)** sums, over the main-thread long tasks (a `PerformanceObserver` of type `longtask` installed before the page's scripts with `Page.addScriptToEvaluateOnNewDocument`), each task's part between first contentful paint and controls working beyond 50 ms, as Lighthouse counts it up to its time to interactive. **Longest task** is over the whole load, until %d ms × the CPU slowdown after controls working.", settleMs)
	p("- **Click at first paint → on screen**: the click is dispatched in a `setTimeout(0)` queued from the first animation frame after first-contentful-paint (as an input between two frames); its effect is the parity chart without its target marks; on screen is just after the first animation frame that sees it.")
	p("- Bytes: `Network.loadingFinished` `encodedDataLength` of every request of the page and its dedicated workers until controls working plus the settle time; a worker's own script (`loader.js` a second time, about 6 KB) is left out: the page's session reports its request without its end, and the worker's session begins after it.")
	p("")
	p("Median (min – max) of the successful loads:")
	p("")
	p("| network, CPU | load | runs | first chart | controls working | TBT (FCP → controls) | longest task | long tasks | click at first paint → on screen | bytes |")
	p("|---|---|---:|---|---|---|---|---:|---|---|")
	for _, s := range r.Startup {
		click := "–"
		if s.Kind == kindClick {
			click = triple(s.over(func(r *startupRun) float64 { return r.ClickToScreen() }), ms)
		}
		p("| %s | %s | %d of %d | %s | %s | %s | %s | %s | %s | %s |", s.Profile.Name, s.Kind, len(s.Runs), len(s.Runs)+len(s.Errors),
			triple(s.over(func(r *startupRun) float64 { return r.FirstChart() }), ms),
			triple(s.over(func(r *startupRun) float64 { return r.M.Ready }), ms),
			triple(s.over(func(r *startupRun) float64 { return r.TBT() }), ms),
			triple(s.over(func(r *startupRun) float64 { return r.Longest() }), ms),
			triple(s.over(func(r *startupRun) float64 { return float64(len(r.M.LongTasks)) }), func(v float64) string { return fmt.Sprintf("%.0f", v) }),
			click,
			triple(s.over(func(r *startupRun) float64 { return r.Bytes() }), size))
	}
	p("")
	var held []float64
	for _, s := range r.Startup {
		for _, run := range s.Runs {
			if run.Workers > 0 {
				held = append(held, float64(run.Held.Microseconds())/1000)
			}
		}
	}
	if len(held) > 0 {
		p("The workers were held at their start, to be given the page's settings, for %s (median, min – max of the loads that started one): time the page would not have waited without the benchmark.", triple(summarize(held), ms))
		p("")
	}
	for _, s := range r.Startup {
		for _, e := range s.Errors {
			p("- %s, %s: failed: %s", s.Profile.Name, s.Kind, e)
		}
	}
	p("")
	for _, s := range r.Startup {
		if s.Kind != kindCold {
			continue
		}
		m := s.medianRun()
		if m == nil {
			continue
		}
		p("Long tasks of the median cold load (by TBT), %s: FCP %s, controls working %s, TBT %s. Each task is cut at the wasm's User Timing marks inside it (`performance.mark`, wasm/startup.go), so each stretch is named by the step it ran in (*…* before the first mark is the task's start: for the first wasm task, the instantiation's callback, Go's runtime and package initialisation):", s.Profile.Name, ms(m.M.FCP), ms(m.M.Ready), ms(m.TBT()))
		p("")
		p("| task start | duration | what ran in it |")
		p("|---:|---:|---|")
		for _, t := range m.M.LongTasks {
			var parts []string
			for _, seg := range splitTask(t, m.M.Marks) {
				from, to := strings.TrimPrefix(seg.From, "explorer "), strings.TrimPrefix(seg.To, "explorer ")
				if from == "" {
					from = "…"
				}
				if to == "" {
					to = "…"
				}
				parts = append(parts, fmt.Sprintf("%s → %s %s", from, to, ms(seg.Ms)))
			}
			p("| %s | %s | %s |", ms(t.S), ms(t.D), strings.Join(parts, "; "))
		}
		p("")
		if len(m.M.Marks) > 0 {
			var ms_ []string
			for _, mk := range m.M.Marks {
				ms_ = append(ms_, fmt.Sprintf("%s %s", strings.TrimPrefix(mk.Name, "explorer "), ms(mk.T)))
			}
			p("The wasm's marks in that load: %s.", strings.Join(ms_, ", "))
			p("")
		}
	}
}

// writeLighthouse reports the Lighthouse runs, when -lighthouse asked for them.
func (r *report) writeLighthouse(p func(string, ...any)) {
	if r.Lighthouse == nil {
		return
	}
	l := r.Lighthouse
	p("## Lighthouse")
	p("")
	if len(l.Runs) == 0 {
		p("No Lighthouse run succeeded:")
		p("")
		for _, e := range l.Errors {
			p("- %s", e)
		}
		p("")
		return
	}
	first := l.Runs[0]
	p("Lighthouse %s (pinned in `%s/package.json`), performance category, its default configuration (%s), against the built site served as above; %d of %d runs, median (min – max):", first.LighthouseVersion, lighthouseDir, first.Config, len(l.Runs), len(l.Runs)+len(l.Errors))
	p("")
	p("```sh")
	p("%s", l.Command)
	p("```")
	p("")
	p("| performance score | total blocking time | first contentful paint | largest contentful paint | speed index | time to interactive | max potential FID | CLS |")
	p("|---|---|---|---|---|---|---|---|")
	score := func(v float64) string { return fmt.Sprintf("%.0f", v) }
	p("| **%s** | **%s** | %s | %s | %s | %s | %s | %s |",
		triple(l.over(func(r lighthouseRun) float64 { return r.Score }), score),
		triple(l.over(func(r lighthouseRun) float64 { return r.TBT }), ms),
		triple(l.over(func(r lighthouseRun) float64 { return r.FCP }), ms),
		triple(l.over(func(r lighthouseRun) float64 { return r.LCP }), ms),
		triple(l.over(func(r lighthouseRun) float64 { return r.SI }), ms),
		triple(l.over(func(r lighthouseRun) float64 { return r.TTI }), ms),
		triple(l.over(func(r lighthouseRun) float64 { return r.MaxPotentialFID }), ms),
		triple(l.over(func(r lighthouseRun) float64 { return r.CLS }), func(v float64) string { return fmt.Sprintf("%.3f", v) }))
	p("")
	p("Lighthouse simulates the throttling (Lantern) from a trace taken unthrottled on this machine, so a busy machine also moves these figures.")
	p("")
	for _, e := range l.Errors {
		p("- failed: %s", e)
	}
}

// writeBaseline reports the -baseline build, measured in turn with this one.
func (r *report) writeBaseline(p func(string, ...any)) {
	if r.BaselineDir == "" {
		return
	}
	p("## The same, for the baseline build (`-baseline %s`)", r.BaselineDir)
	p("")
	p("Each start-up load and Lighthouse run of the baseline was made right after the same one of `%s/` above, so that both met the same load on the machine.", r.Dist)
	p("")
	b := *r
	b.Startup, b.Lighthouse = r.BaselineStartup, r.BaselineLighthouse
	var inner strings.Builder
	q := func(format string, a ...any) { fmt.Fprintf(&inner, format+"\n", a...) }
	b.writeStartup(q)
	b.writeLighthouse(q)
	// One level down: these are subsections of this section.
	for _, line := range strings.Split(strings.TrimRight(inner.String(), "\n"), "\n") {
		if strings.HasPrefix(line, "## ") {
			line = "#" + line
		}
		p("%s", line)
	}
	p("")
}
