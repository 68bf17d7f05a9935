package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// tab is the page a load measures together with the dedicated workers it starts. Chromium
// makes each Web Worker a target of its own: the network conditions, the disabled cache and
// the network events of the page's session do not reach the requests a worker makes, and the
// explorer's loader fetches the wasm in a worker (web/static/loader.js). So the page's session
// auto-attaches to each dedicated worker the page starts, held before its first line of
// script (Target.setAutoAttach waitForDebuggerOnStart); the tab attaches a session of its own
// to it (chromedp.WithTargetID: chromedp routes no commands to the auto-attached session),
// gives it the page's conditions, collects its network events with the page's, and only then
// lets it run (Runtime.runIfWaitingForDebugger).
//
// Not followed: the service worker (see openTab), whose requests stay unthrottled and
// uncounted, and the worker's own script request, which the page's session reports without
// its end (0 bytes) and the worker's session, enabled later, does not report.
//
// The CPU slowdown cannot follow: Chromium 156 refuses Emulation.setCPUThrottlingRate on a
// worker's session ("Operation is only supported for pages, not workers"; TestWorkerCPURefused),
// and the page's rate slows the page's main thread only, not a worker's thread.
type tab struct {
	ctx context.Context // the page's chromedp context

	// applying is held while conditions are given to the page or a worker, so that a worker
	// that starts during throttle gets the new conditions, not the old ones after them.
	applying sync.Mutex

	mu      sync.Mutex
	prof    *netProfile // the network conditions in force; nil: none
	noCache bool
	log     *netLog
	workers []*tabWorker
	errs    []error
	closed  bool           // by close: targets started later are left as they are
	wg      sync.WaitGroup // adopt calls under way
}

// tabWorker is a target the page started (a dedicated worker, in practice).
type tabWorker struct {
	info   *target.Info
	log    *netLog // the log current when it started
	ctx    context.Context
	cancel context.CancelFunc
	held   time.Duration // from its attachment to Runtime.runIfWaitingForDebugger
}

// openTab starts following the page of ctx (a chromedp context whose browser is started) and
// the targets it starts. also, when not nil, sees every event of the page's session, as a
// chromedp.Listen func does.
func openTab(ctx context.Context, also func(ev any)) (*tab, error) {
	t := &tab{ctx: ctx, log: newNetLog()}
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*target.EventAttachedToTarget); ok && e.WaitingForDebugger {
			t.mu.Lock()
			if !t.closed {
				t.wg.Add(1)
				go t.adopt(e.TargetInfo)
			}
			t.mu.Unlock()
		}
		t.current().event("", ev)
		if also != nil {
			also(ev)
		}
	}); err != nil {
		return nil, fmt.Errorf("starting Chromium: %w", err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		return nil, fmt.Errorf("enabling network events: %w", err)
	}
	// chromedp auto-attaches to every related target without holding it; this replaces its
	// setting. Dedicated workers only: a service worker held at its start could not be
	// attached to by chromedp (its attach waits on the paused worker, measured: for ever, with
	// the install of the offline copy held, so a repeat visit found none), and an iframe the
	// explorer has not.
	filter := target.Filter{{Type: "worker"}, {Exclude: true}}
	if _, err := chromedp.Call(ctx, target.SetAutoAttach, target.SetAutoAttachParams{AutoAttach: true, WaitForDebuggerOnStart: true, Flatten: ptrTo(true), Filter: filter}); err != nil {
		return nil, fmt.Errorf("attaching to the page's workers: %w", err)
	}
	return t, nil
}

func ptrTo[T any](v T) *T { return &v }

func (t *tab) current() *netLog {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.log
}

// newLog starts counting the requests of the page and its workers afresh.
func (t *tab) newLog() *netLog {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.log = newNetLog()
	return t.log
}

// adopt attaches to a target the page started and is holding, gives it the page's network
// conditions and cache setting, and lets it run. A failure is kept for err: a worker left
// unthrottled would make the load's figures wrong without a sign.
func (t *tab) adopt(info *target.Info) {
	defer t.wg.Done()
	start := time.Now()
	src := string(info.TargetID)
	// WithDetachOnCancel: cancelling the context must not close the target (a worker the page still uses).
	ctx, cancel := chromedp.NewContext(t.ctx, chromedp.WithTargetID(info.TargetID), chromedp.WithDetachOnCancel(),
		chromedp.WithListener(func(ev any) { t.current().event(src, ev) }))
	w := &tabWorker{info: info, ctx: ctx, cancel: cancel}
	fail := func(err error) {
		t.mu.Lock()
		t.errs = append(t.errs, fmt.Errorf("%s %s: %w", info.Type, info.URL, err))
		t.mu.Unlock()
	}
	t.applying.Lock()
	err := chromedp.Do(ctx) // attaches, and enables the network events
	if err == nil {
		t.mu.Lock()
		w.log = t.log
		t.workers = append(t.workers, w)
		prof, noCache := t.prof, t.noCache
		t.mu.Unlock()
		err = apply(ctx, prof, noCache)
	}
	t.applying.Unlock()
	if err != nil {
		fail(err)
	}
	// Run it even after a failure: a target held for ever would hang the page instead.
	if _, err := chromedp.Call(ctx, runtime.RunIfWaitingForDebugger, cdp.Empty{}); err != nil {
		fail(fmt.Errorf("letting it run: %w", err))
	}
	t.mu.Lock()
	w.held = time.Since(start)
	t.mu.Unlock()
	if w.log == nil { // not attached: close leaves it alone, so let go of the context here
		cancel()
	}
}

// apply gives the session of ctx the network conditions of prof (none when nil) and the cache setting.
func apply(ctx context.Context, prof *netProfile, noCache bool) error {
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: noCache}); err != nil {
		return fmt.Errorf("setting the cache: %w", err)
	}
	if prof == nil || (prof.LatencyMs == 0 && prof.DownBps == 0 && prof.UpBps == 0) {
		return nil
	}
	down, up := prof.DownBps, prof.UpBps
	if down == 0 {
		down = -1
	}
	if up == 0 {
		up = -1
	}
	cond := []*network.Conditions{{Latency: prof.LatencyMs, DownloadThroughput: down, UploadThroughput: up}}
	if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{MatchedNetworkConditions: cond}); err != nil {
		return fmt.Errorf("throttling the network: %w", err)
	}
	return nil
}

// setCacheDisabled disables (or enables) the HTTP cache for the page and its workers.
func (t *tab) setCacheDisabled(off bool) error {
	t.applying.Lock()
	defer t.applying.Unlock()
	t.mu.Lock()
	t.noCache = off
	prof, ws := t.prof, t.workers
	t.mu.Unlock()
	return t.applyAll(ws, prof, off)
}

// throttle applies prof's network limits to the page and its workers, and its CPU slowdown
// to the page (the only target Chromium slows).
func (t *tab) throttle(prof netProfile) error {
	t.applying.Lock()
	defer t.applying.Unlock()
	t.mu.Lock()
	t.prof = &prof
	noCache, ws := t.noCache, t.workers
	t.mu.Unlock()
	if prof.CPU > 1 {
		if _, err := chromedp.Call(t.ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: prof.CPU}); err != nil {
			return fmt.Errorf("throttling the CPU: %w", err)
		}
	}
	return t.applyAll(ws, &prof, noCache)
}

// applyAll gives the page and the workers ws the network conditions and the cache setting.
func (t *tab) applyAll(ws []*tabWorker, prof *netProfile, noCache bool) error {
	if err := apply(t.ctx, prof, noCache); err != nil {
		return err
	}
	return t.toWorkers(ws, func(ctx context.Context) error { return apply(ctx, prof, noCache) })
}

// toWorkers runs f on each worker still attached; a worker that has ended is passed over.
func (t *tab) toWorkers(ws []*tabWorker, f func(ctx context.Context) error) error {
	for _, w := range ws {
		if err := f(w.ctx); err != nil && !errors.Is(err, chromedp.ErrTargetDetached) {
			return fmt.Errorf("%s %s: %w", w.info.Type, w.info.URL, err)
		}
	}
	return nil
}

// freeze stops counting the requests of the current log and returns them.
func (t *tab) freeze() []resource { return t.current().freeze() }

// err reports the targets that could not be given the page's conditions.
func (t *tab) err() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	return errors.Join(t.errs...)
}

// started is how many targets the page started since the current log began, and the longest
// any was held at its start by adopt (time the page would not have waited without the benchmark).
func (t *tab) started() (n int, held time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, w := range t.workers {
		if w.log == t.log {
			n++
			held = max(held, w.held)
		}
	}
	return n, held
}

// close detaches from the workers.
func (t *tab) close() {
	t.mu.Lock()
	t.closed = true
	t.mu.Unlock()
	t.wg.Wait()
	t.mu.Lock()
	ws := t.workers
	t.mu.Unlock()
	for _, w := range ws {
		w.cancel()
	}
}
