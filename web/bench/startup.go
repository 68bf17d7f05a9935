package main

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"briefing/web/chromium"
)

// netProfile is the network and CPU a start-up load runs under.
type netProfile struct {
	Name           string
	LatencyMs      float64 // added to every request's response
	DownBps, UpBps float64 // bytes per second; 0: no limit
	CPU            float64 // CPU slowdown; 1: none
}

// profiles: loopback as it is, and the slow 4G and CPU ×4 that Lighthouse's mobile run
// simulates (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, a CPU four times slower), here
// applied for real by Chromium (Network.emulateNetworkConditionsByRule, Emulation.setCPUThrottlingRate).
var profiles = []netProfile{
	{Name: "loopback", CPU: 1},
	{Name: "slow 4G, CPU ×4", LatencyMs: 150, DownBps: 1.6 * 1024 * 1024 / 8, UpBps: 750 * 1024 / 8, CPU: 4},
}

// Kinds of start-up load.
const (
	kindCold   = "cold"        // a new profile, the HTTP cache disabled
	kindRepeat = "repeat"      // the second load in the same browser: caches (and any service worker) as the first left them
	kindClick  = "early click" // cold, with a click on "Show 2020 targets" at first paint
)

var startupKinds = []string{kindCold, kindRepeat, kindClick}

// longTask is one main-thread task over 50 ms (PerformanceObserver 'longtask').
type longTask struct {
	S float64 `json:"s"` // start, performance.now() time
	D float64 `json:"d"` // duration
}

// userMark is one of the wasm's performance.mark calls (wasm/startup.go).
type userMark struct {
	Name string  `json:"name"`
	T    float64 `json:"t"`
}

type earlyClick struct {
	At     *float64 `json:"at"`
	DOM    *float64 `json:"dom"`
	Screen *float64 `json:"screen"`
	Err    string   `json:"err"`
}

type startupMetrics struct {
	Ready            float64     `json:"ready"`
	Chart            float64     `json:"chart"`
	FCP              float64     `json:"fcp"`
	LCP              float64     `json:"lcp"`
	DOMContentLoaded float64     `json:"domContentLoaded"`
	WasmEnd          float64     `json:"wasmEnd"`
	WasmCached       bool        `json:"wasmCached"`
	LongTasks        []longTask  `json:"longtasks"`
	Marks            []userMark  `json:"marks"`
	Click            *earlyClick `json:"click"`
	Fatal            string      `json:"fatal"`
}

// startupRun is one start-up load.
type startupRun struct {
	Profile   string
	Kind      string
	Resources []resource // of the page and of its workers
	M         startupMetrics
	Workers   int           // targets the page started (its loader's worker)
	Held      time.Duration // the longest any of them was held at its start to be given the page's conditions
}

func (r *startupRun) Bytes() (total float64) {
	for _, res := range r.Resources {
		total += res.Bytes
	}
	return total
}

// FirstChart: as loadRun.FirstChart, the later of FCP and the first frame with a chart in view.
func (r *startupRun) FirstChart() float64 {
	if r.M.Chart < 0 || r.M.FCP < 0 {
		return -1
	}
	return max(r.M.Chart, r.M.FCP)
}

// TBT is the total blocking time from first contentful paint to controls working, as
// Lighthouse counts it up to its time to interactive: each long task's part after FCP (and
// before controls working) beyond 50 ms.
func (r *startupRun) TBT() float64 {
	if r.M.FCP < 0 || r.M.Ready < 0 {
		return -1
	}
	return blockingTime(r.M.LongTasks, r.M.FCP, r.M.Ready)
}

// blockingTime sums, over the tasks, the part of each inside [from, to] beyond 50 ms.
func blockingTime(tasks []longTask, from, to float64) float64 {
	var sum float64
	for _, t := range tasks {
		s, e := max(t.S, from), min(t.S+t.D, to)
		if e-s > 50 {
			sum += e - s - 50
		}
	}
	return sum
}

// Longest is the longest task of the whole load (to controls working plus the settle time).
func (r *startupRun) Longest() float64 {
	var m float64
	for _, t := range r.M.LongTasks {
		m = max(m, t.D)
	}
	return m
}

// ClickToScreen is how long the click made at first paint took to be on screen.
func (r *startupRun) ClickToScreen() float64 {
	c := r.M.Click
	if c == nil || c.At == nil || c.Screen == nil {
		return -1
	}
	return *c.Screen - *c.At
}

// segment is a stretch of a long task between two of the wasm's marks (or the task's ends).
type segment struct {
	From, To string // mark names; "" is the task's start or end
	Ms       float64
}

// splitTask cuts a long task at the marks that fall inside it, so that each stretch can be
// named by the start-up step it belongs to.
func splitTask(t longTask, marks []userMark) []segment {
	var in []userMark
	for _, m := range marks {
		if m.T >= t.S && m.T <= t.S+t.D {
			in = append(in, m)
		}
	}
	slices.SortStableFunc(in, func(a, b userMark) int {
		switch {
		case a.T < b.T:
			return -1
		case a.T > b.T:
			return 1
		}
		return 0
	})
	var out []segment
	from, at := "", t.S
	for _, m := range in {
		out = append(out, segment{From: from, To: m.Name, Ms: m.T - at})
		from, at = m.Name, m.T
	}
	return append(out, segment{From: from, Ms: t.S + t.D - at})
}

// startupLoad loads the site once in a new Chromium under prof, as kind.
func startupLoad(ctx context.Context, chromiumPath, site string, prof netProfile, kind string) (*startupRun, error) {
	ctx, cancel := context.WithTimeout(ctx, runTimeout)
	defer cancel()
	actx, cancelA := chromedp.NewExecAllocator(ctx, chromium.Options(chromiumPath, windowWidth, windowHeight)...)
	defer cancelA()
	bctx, cancelB := chromedp.NewContext(actx)
	defer cancelB()

	tb, err := openTab(bctx, nil)
	if err != nil {
		return nil, err
	}
	defer tb.close()
	if kind != kindRepeat {
		if err := tb.setCacheDisabled(true); err != nil {
			return nil, fmt.Errorf("disabling the cache: %w", err)
		}
	}
	hooks := hookJS + "\n" + longtaskJS
	if kind == kindClick {
		hooks += "\n" + earlyClickJS
	}
	if _, err := chromedp.Call(bctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: hooks}); err != nil {
		return nil, fmt.Errorf("installing the page hooks: %w", err)
	}
	waitReady := func() error {
		ok, err := chromedp.Run(bctx, chromedp.Evaluate[bool](fmt.Sprintf(waitReadyJS, readyLimit.Milliseconds()), chromedp.EvalAwaitPromise))
		if err != nil {
			return fmt.Errorf("waiting for data-ready: %w", err)
		}
		if !ok {
			return fmt.Errorf("the page did not set data-ready within %s", readyLimit)
		}
		return nil
	}
	if kind == kindRepeat {
		// The first visit, unthrottled: it fills the caches the measured load finds.
		if err := chromedp.Do(bctx, chromedp.Navigate(site+"/")); err != nil {
			return nil, fmt.Errorf("loading the page: %w", err)
		}
		if err := waitReady(); err != nil {
			return nil, err
		}
		if err := chromedp.Do(bctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(settleJS, 2000), chromedp.EvalAwaitPromise)); err != nil {
			return nil, fmt.Errorf("settling: %w", err)
		}
		if err := chromedp.Do(bctx, chromedp.Navigate("about:blank")); err != nil {
			return nil, fmt.Errorf("leaving the page: %w", err)
		}
		tb.newLog()
	}
	if err := tb.throttle(prof); err != nil {
		return nil, err
	}
	if err := chromedp.Do(bctx, chromedp.Navigate(site+"/")); err != nil {
		return nil, fmt.Errorf("loading the page: %w", err)
	}
	if err := waitReady(); err != nil {
		return nil, err
	}
	if kind == kindClick {
		if _, err := chromedp.Run(bctx, chromedp.Evaluate[bool](fmt.Sprintf(waitClickJS, 30000), chromedp.EvalAwaitPromise)); err != nil {
			return nil, fmt.Errorf("waiting for the early click: %w", err)
		}
	}
	// Long tasks right after the take-over (warm-up, the replayed click) count for the longest task.
	if err := chromedp.Do(bctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(settleJS, int(settleMs*prof.CPU)), chromedp.EvalAwaitPromise)); err != nil {
		return nil, fmt.Errorf("settling: %w", err)
	}
	run := &startupRun{Profile: prof.Name, Kind: kind, Resources: tb.freeze()}
	if err := tb.err(); err != nil {
		return nil, fmt.Errorf("giving the page's conditions to its workers: %w", err)
	}
	run.Workers, run.Held = tb.started()
	if run.M, err = chromedp.Run(bctx, chromedp.Evaluate[startupMetrics](startupMetricsJS)); err != nil {
		return nil, fmt.Errorf("reading the metrics: %w", err)
	}
	if run.M.Ready < 0 {
		return nil, fmt.Errorf("the explorer stopped: %s", run.M.Fatal)
	}
	if kind == kindClick && run.ClickToScreen() < 0 {
		msg := "no click made"
		if run.M.Click != nil && run.M.Click.Err != "" {
			msg = run.M.Click.Err
		}
		return nil, fmt.Errorf("early click: %s", msg)
	}
	return run, nil
}

// startupSet are the start-up loads of one profile and kind.
type startupSet struct {
	Profile netProfile
	Kind    string
	Runs    []*startupRun
	Errors  []string
}

func (s *startupSet) over(f func(*startupRun) float64) summary {
	var xs []float64
	for _, r := range s.Runs {
		if v := f(r); v >= 0 {
			xs = append(xs, v)
		}
	}
	return summarize(xs)
}

// medianRun is the run whose TBT is the median (the lower middle for an even count).
func (s *startupSet) medianRun() *startupRun {
	if len(s.Runs) == 0 {
		return nil
	}
	rs := slices.Clone(s.Runs)
	slices.SortFunc(rs, func(a, b *startupRun) int {
		switch {
		case a.TBT() < b.TBT():
			return -1
		case a.TBT() > b.TBT():
			return 1
		}
		return 0
	})
	return rs[(len(rs)-1)/2]
}

// runStartup makes runs loads of every profile and kind of each site, taking turns (a load
// of the first site, then of the second, …), so that on a shared machine the sites meet the
// same load. It returns each site's sets.
func runStartup(ctx context.Context, chromiumPath string, sites []string, runs int) [][]*startupSet {
	out := make([][]*startupSet, len(sites))
	for _, prof := range profiles {
		for _, kind := range startupKinds {
			sets := make([]*startupSet, len(sites))
			for si := range sites {
				sets[si] = &startupSet{Profile: prof, Kind: kind}
			}
			for i := range runs {
				for si, site := range sites {
					logf("start-up, site %d, %s, %s load %d/%d", si+1, prof.Name, kind, i+1, runs)
					t0 := time.Now()
					r, err := startupLoad(ctx, chromiumPath, site, prof, kind)
					if err != nil {
						logf("  failed: %v", err)
						sets[si].Errors = append(sets[si].Errors, err.Error())
						continue
					}
					logf("  %s: first chart %s, controls %s, TBT %s, longest task %s, %s; %d workers, held ≤ %s", time.Since(t0).Round(time.Millisecond),
						ms(r.FirstChart()), ms(r.M.Ready), ms(r.TBT()), ms(r.Longest()), size(r.Bytes()), r.Workers, r.Held.Round(time.Millisecond))
					sets[si].Runs = append(sets[si].Runs, r)
				}
			}
			for si := range sites {
				out[si] = append(out[si], sets[si])
			}
		}
	}
	return out
}
