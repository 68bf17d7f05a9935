// Command bench measures the built explorer and writes docs/benchmarks.md.
//
//	go run ./web/bench -dist dist -out docs/benchmarks.md
//
// It serves dist/ with the production handler (web/server) on 127.0.0.1 and loads the page
// -runs times in headless Chromium, each time in a new browser with a fresh profile and the
// HTTP cache disabled: bytes transferred, time to the first chart, time until the wasm has
// taken over (data-ready), click-to-next-frame latency of three controls, wasm and JS memory;
// then -repeat browsers each visit once and again, served by the service worker (repeat.go).
// Then it runs a bounded concurrent load test of the same handler over loopback, and the Go
// benchmarks of the renderer, the views and the server (go test -bench). These are
// measurements for people to read, not assertions: nothing here fails on a slow figure.
//
// Everything is bounded: a fixed number of loads, changes and requests, and a time limit on
// each browser run, each wait in the page, the load test and go test.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"briefing/web/chromium"
	"briefing/web/server"
)

const totalLimit = 45 * time.Minute

func main() {
	dist := flag.String("dist", "dist", "the built site (./build.sh build writes it)")
	out := flag.String("out", "docs/benchmarks.md", "the report to write")
	runs := flag.Int("runs", 5, "cold page loads, each in a new browser (1–20)")
	toggles := flag.Int("toggles", 10, "repeated changes of each control per load (0–100)")
	count := flag.Int("count", 3, "go test -count for the Go benchmarks (1–10)")
	workers := flag.Int("workers", 16, "concurrent clients of the load test (1–256)")
	rounds := flag.Int("rounds", 25, "page loads per client in the load test (1–1000)")
	chromium := flag.String("chromium", chromium.Path, "the Chromium to drive")
	goBenchLimit := flag.Duration("go-timeout", 15*time.Minute, "time limit of go test")
	repeat := flag.Int("repeat", 3, "browsers that each make a first visit and then repeat visits served by the service worker (0–20)")
	onlyRepeat := flag.Bool("only-repeat", false, "measure only the repeat visits and print their table (docs/benchmarks.md is left as it is)")
	startupRuns := flag.Int("startup-runs", 3, "start-up loads of each network profile and kind (0–20)")
	lighthouse := flag.Bool("lighthouse", false, "also run Lighthouse's mobile performance audit (npm ci --prefix "+lighthouseDir+")")
	lighthouseRuns := flag.Int("lighthouse-runs", 3, "Lighthouse runs (1–10)")
	history := flag.String("history", "docs/benchmarks-history.md", "figures from earlier builds (hand-written), copied into the report when the file exists")
	baseline := flag.String("baseline", "", "another built site (an earlier build's dist/) measured in turn with -dist in the start-up loads and Lighthouse, for before/after figures under the same machine load")
	kinds := flag.String("kinds", strings.Join(startupKinds, ","), "the kinds of start-up load to make, comma-separated")
	startupOnly := flag.Bool("startup-only", false, "measure only the start-up loads (and Lighthouse): no control loads, load test or go test")
	flag.Parse()
	if *repeat < 0 || *repeat > 20 {
		fail("a flag is out of range (see -help)")
	}
	if *runs < 1 || *runs > 20 || *toggles < 0 || *toggles > 100 || *count < 1 || *count > 10 ||
		*workers < 1 || *workers > 256 || *rounds < 1 || *rounds > 1000 ||
		*startupRuns < 0 || *startupRuns > 20 || *lighthouseRuns < 1 || *lighthouseRuns > 10 {
		fail("a flag is out of range (see -help)")
	}
	if st, err := os.Stat(*dist); err != nil || !st.IsDir() {
		fail(fmt.Sprintf("the built site %s/ is missing: run ./build.sh build first", *dist))
	}
	if _, err := os.Stat(filepath.Join(*dist, "index.html")); err != nil {
		fail(fmt.Sprintf("%s/index.html is missing: run ./build.sh build first", *dist))
	}
	wasm, err := wasmSizes(*dist)
	if err != nil {
		fail(err.Error())
	}
	if _, err := os.Stat(*chromium); err != nil {
		fail(fmt.Sprintf("Chromium is missing at %s (./build.sh test installs Debian's chromium)", *chromium))
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, totalLimit)
	defer cancel()

	rep := &report{Started: time.Now().UTC(), Dist: filepath.Base(filepath.Clean(*dist)), Wasm: wasm, Runs: *runs, Toggles: *toggles, StartupOnly: *startupOnly}
	rep.Machine = describeMachine(ctx, *chromium)
	if b, err := os.ReadFile(*history); err == nil {
		rep.History, rep.HistoryFile = string(b), *history
	}

	if *onlyRepeat {
		samples, errs := repeatVisits(ctx, *chromium, *dist, max(*repeat, 1))
		var b strings.Builder
		writeRepeat(func(format string, a ...any) { fmt.Fprintf(&b, format+"\n", a...) }, samples, errs)
		fmt.Print(b.String())
		if len(samples) == 0 {
			fail("no repeat visit succeeded")
		}
		return
	}

	srv := httptest.NewServer(server.New(os.DirFS(*dist), server.Options{}))
	warm(ctx, srv.URL, *dist)
	if *kinds != "" {
		var ks []string
		for _, k := range strings.Split(*kinds, ",") {
			if k = strings.TrimSpace(k); !slices.Contains(startupKinds, k) {
				fail(fmt.Sprintf("-kinds: unknown kind %q (known: %s)", k, strings.Join(startupKinds, ", ")))
			}
			ks = append(ks, strings.TrimSpace(k))
		}
		startupKinds = ks
	}
	sites := []string{srv.URL}
	if *baseline != "" {
		base := httptest.NewServer(server.New(os.DirFS(*baseline), server.Options{}))
		defer base.Close()
		warm(ctx, base.URL, *baseline)
		sites = append(sites, base.URL)
		rep.BaselineDir = *baseline
	}
	if *startupRuns > 0 {
		all := runStartup(ctx, *chromium, sites, *startupRuns)
		rep.Startup = all[0]
		if len(all) > 1 {
			rep.BaselineStartup = all[1]
		}
	}
	if *lighthouse {
		urls := make([]string, len(sites))
		for i, s := range sites {
			urls[i] = s + "/"
		}
		all := runLighthouse(ctx, *chromium, urls, *lighthouseRuns)
		rep.Lighthouse = all[0]
		if len(all) > 1 {
			rep.BaselineLighthouse = all[1]
		}
	}
	if *startupOnly {
		srv.Close()
		rep.Finished = time.Now().UTC()
		rep.EndLoad = loadAvg()
		if err := os.WriteFile(*out, []byte(rep.markdown()), 0o644); err != nil {
			fail(err.Error())
		}
		logf("wrote %s", *out)
		return
	}
	for i := range *runs {
		logf("cold load %d/%d in a new Chromium", i+1, *runs)
		r, err := coldLoad(ctx, *chromium, srv.URL, *toggles)
		if err != nil {
			logf("  failed: %v", err)
			rep.RunErrors = append(rep.RunErrors, fmt.Sprintf("load %d: %v", i+1, err))
			continue
		}
		w, _ := r.Wasm()
		logf("  %s transferred, wasm %s (%s), first chart %s, data-ready %s",
			size(r.Bytes()), size(w.Bytes), w.Encoding, ms(r.FirstChart()), ms(r.Metrics.Ready))
		rep.Loads = append(rep.Loads, r)
	}
	srv.Close()
	if *repeat > 0 {
		rep.Repeat, rep.RepeatErrs = repeatVisits(ctx, *chromium, *dist, *repeat)
	}

	paths, ae := loadPaths(rep.Loads)
	if len(paths) == 0 {
		if paths, err = sitePaths(*dist); err != nil {
			fail(err.Error())
		}
	}
	logf("load test: %d clients × %d page loads of %d requests", *workers, *rounds, len(paths))
	lr, err := loadTest(ctx, *dist, paths, ae, *workers, *rounds, 3*time.Minute)
	if err != nil {
		rep.LoadErr = err.Error()
		logf("  failed: %v", err)
	} else {
		rep.Load = &lr
		logf("  %d requests, %d errors, %.0f req/s", lr.Requests, lr.Errors, lr.ReqPerSec())
	}

	logf("go test -bench (%s), -count %d", strings.Join(goBenchPackages, " "), *count)
	rep.Go = runGoBench(ctx, *count, *goBenchLimit)
	rep.Finished = time.Now().UTC()
	rep.EndLoad = loadAvg()

	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		fail(err.Error())
	}
	if err := os.WriteFile(*out, []byte(rep.markdown()), 0o644); err != nil {
		fail(err.Error())
	}
	logf("wrote %s", *out)

	var problems []string
	if len(rep.Loads) == 0 {
		problems = append(problems, "no page load succeeded")
	}
	if rep.Go.Err != nil {
		problems = append(problems, "go test: "+rep.Go.Err.Error())
	}
	if rep.Load == nil || rep.Load.Errors > 0 || rep.Load.TimedOut {
		problems = append(problems, "the load test did not finish cleanly")
	}
	if len(problems) > 0 {
		fail(strings.Join(problems, "; ") + " (see " + *out + ")")
	}
}

// loadPaths is the page load as the browser made it: the same-origin requests that succeeded,
// and the Accept-Encoding Chromium sent.
func loadPaths(loads []*loadRun) ([]string, string) {
	ae := "gzip, deflate, br, zstd"
	if len(loads) == 0 {
		return nil, ae
	}
	if loads[0].AcceptEncoding != "" {
		ae = loads[0].AcceptEncoding
	}
	var paths []string
	for _, r := range loads[0].Resources {
		if r.Status == http.StatusOK && strings.HasPrefix(r.Path, "/") {
			paths = append(paths, r.Path)
		}
	}
	return paths, ae
}

// warm fetches every file once so that each browser run finds the server in the same state
// (the handler memoises ETags and on-the-fly gzip output).
func warm(ctx context.Context, base, dist string) {
	paths, err := sitePaths(dist)
	if err != nil {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	for _, p := range paths {
		for _, ae := range []string{"gzip, deflate, br, zstd", "gzip", ""} {
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+p, nil)
			if err != nil {
				return
			}
			req.Header.Set("Accept-Encoding", ae)
			resp, err := http.DefaultTransport.RoundTrip(req)
			if err != nil {
				return
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	}
}

// wasmFiles are the sizes of the content-hashed wasm and its precompressed siblings.
type wasmFiles struct {
	Name              string
	Raw, Gzip, Brotli int64 // -1 when the sibling is missing
}

func wasmSizes(dist string) (wasmFiles, error) {
	matches, _ := filepath.Glob(filepath.Join(dist, "*.wasm"))
	if len(matches) != 1 {
		return wasmFiles{}, fmt.Errorf("want one .wasm in %s/, found %d: run ./build.sh build", dist, len(matches))
	}
	w := wasmFiles{Name: filepath.Base(matches[0])}
	sz := func(p string) int64 {
		st, err := os.Stat(p)
		if err != nil {
			return -1
		}
		return st.Size()
	}
	w.Raw, w.Gzip, w.Brotli = sz(matches[0]), sz(matches[0]+".gz"), sz(matches[0]+".br")
	if w.Raw < 0 {
		return w, errors.New("cannot read " + matches[0])
	}
	return w, nil
}

func logf(format string, a ...any) { fmt.Fprintf(os.Stderr, "bench: "+format+"\n", a...) }

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "bench: "+msg)
	os.Exit(1)
}
