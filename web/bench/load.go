package main

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"briefing/web/server"
)

// loadResult is a bounded concurrent load test of the built site on loopback.
type loadResult struct {
	Workers, Rounds int
	Paths           []string
	AcceptEncoding  string
	Requests        int64
	Errors          int64
	FirstErrors     []string
	Bytes           int64
	Elapsed         time.Duration
	TimedOut        bool
}

func (l loadResult) ReqPerSec() float64 { return float64(l.Requests) / l.Elapsed.Seconds() }

// expected is the answer a path must get every time.
type expected struct {
	status int
	enc    string
	sum    [32]byte
}

// loadTest has workers clients each fetch every path of a page load rounds times, with the
// Accept-Encoding Chromium sent, and checks every answer against a first sequential fetch
// (status, Content-Encoding, body hash). Fixed request count, and a time limit on top.
func loadTest(ctx context.Context, dist string, paths []string, ae string, workers, rounds int, limit time.Duration) (loadResult, error) {
	res := loadResult{Workers: workers, Rounds: rounds, Paths: paths, AcceptEncoding: ae}
	srv := httptest.NewServer(server.New(os.DirFS(dist), server.Options{}))
	defer srv.Close()
	tr := &http.Transport{MaxIdleConnsPerHost: workers, DisableCompression: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()

	get := func(p string) (expected, int64, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+p, nil)
		if err != nil {
			return expected{}, 0, err
		}
		req.Header.Set("Accept-Encoding", ae)
		resp, err := client.Do(req)
		if err != nil {
			return expected{}, 0, err
		}
		defer resp.Body.Close()
		h := sha256.New()
		n, err := io.Copy(h, resp.Body)
		if err != nil {
			return expected{}, n, err
		}
		e := expected{status: resp.StatusCode, enc: resp.Header.Get("Content-Encoding")}
		copy(e.sum[:], h.Sum(nil))
		return e, n, nil
	}
	want := map[string]expected{}
	for _, p := range paths {
		e, _, err := get(p)
		if err != nil {
			return res, fmt.Errorf("reference fetch of %s: %w", p, err)
		}
		if e.status != http.StatusOK {
			return res, fmt.Errorf("reference fetch of %s: HTTP %d", p, e.status)
		}
		want[p] = e
	}

	var requests, errs, nbytes atomic.Int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now()
	for w := range workers {
		wg.Go(func() {
			for r := range rounds {
				for i := range paths {
					if ctx.Err() != nil {
						return
					}
					p := paths[(i+w+r)%len(paths)]
					got, n, err := get(p)
					requests.Add(1)
					nbytes.Add(n)
					if err == nil && got != want[p] {
						err = fmt.Errorf("%s: HTTP %d %q, body differs: %t", p, got.status, got.enc, got.sum != want[p].sum)
					}
					if err != nil && ctx.Err() == nil {
						errs.Add(1)
						mu.Lock()
						if len(res.FirstErrors) < 5 {
							res.FirstErrors = append(res.FirstErrors, err.Error())
						}
						mu.Unlock()
					}
				}
			}
		})
	}
	wg.Wait()
	res.Elapsed = time.Since(start)
	res.TimedOut = ctx.Err() != nil
	res.Requests, res.Errors, res.Bytes = requests.Load(), errs.Load(), nbytes.Load()
	return res, nil
}

// sitePaths lists what a page load fetches when no browser run said so: the page and every
// file of dist/ except the precompressed siblings.
func sitePaths(dist string) ([]string, error) {
	paths := []string{"/"}
	err := fs.WalkDir(os.DirFS(dist), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		// What a page load fetches: not the static images for other pages, nor the
		// single-file edition, which are downloads.
		if strings.HasSuffix(p, ".br") || strings.HasSuffix(p, ".gz") || p == "index.html" ||
			strings.HasPrefix(p, "charts/") || strings.HasSuffix(p, "-explorer.html") {
			return nil
		}
		paths = append(paths, "/"+p)
		return nil
	})
	return paths, err
}
