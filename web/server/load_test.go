package server

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
)

// loadCase is one request of the mixed workload and what must come back.
type loadCase struct {
	path, ae string
	status   int
	enc      string
	body     []byte // decoded body for gzip-on-the-fly cases
}

var loadMix = []loadCase{
	{"/", "", 200, "", indexHTML},
	{"/app.3f9a2c1b.wasm", "br, gzip", 200, "br", []byte("BR-WASM")},
	{"/app.3f9a2c1b.wasm", "gzip", 200, "gzip", []byte("GZ-WASM")},
	{"/app.3f9a2c1b.wasm", "", 200, "", wasmBin},
	{"/wasm_exec.js", "br", 200, "", execJS},
	{"/data/sample.csv", "gzip", 200, "gzip", sampleCSV},
	{"/charts/b.png", "gzip", 200, "", pngBytes},
	{"/missing.csv", "", 404, "", []byte("not found\n")},
	{"/.git/config", "", 404, "", []byte("not found\n")},
}

// loopback starts a real server and a client that keeps enough idle
// connections for the parallel workers, and asks for encodings explicitly
// so the transport does not transparently decompress.
func loopback(tb testing.TB) (*httptest.Server, *http.Client) {
	srv := httptest.NewServer(newTestHandler(tb))
	tb.Cleanup(srv.Close)
	tr := &http.Transport{MaxIdleConnsPerHost: 64, DisableCompression: true}
	tb.Cleanup(tr.CloseIdleConnections)
	return srv, &http.Client{Transport: tr}
}

func fetch(c *http.Client, base string, lc loadCase) error {
	r, err := http.NewRequest(http.MethodGet, base+lc.path, nil)
	if err != nil {
		return err
	}
	if lc.ae != "" {
		r.Header.Set("Accept-Encoding", lc.ae)
	}
	res, err := c.Do(r)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	var body io.Reader = res.Body
	if lc.enc == "gzip" && lc.path == "/data/sample.csv" {
		if body, err = gzip.NewReader(res.Body); err != nil {
			return err
		}
	}
	got, err := io.ReadAll(body)
	switch {
	case err != nil:
		return err
	case res.StatusCode != lc.status || res.Header.Get("Content-Encoding") != lc.enc:
		return fmt.Errorf("%s AE %q: %d %q", lc.path, lc.ae, res.StatusCode, res.Header.Get("Content-Encoding"))
	case !bytes.Equal(got, lc.body):
		return fmt.Errorf("%s AE %q: body mismatch (%d bytes)", lc.path, lc.ae, len(got))
	}
	return nil
}

// TestConcurrentLoad checks correctness under concurrency (shared caches,
// shared fs) over real sockets; it deliberately asserts nothing about timing.
func TestConcurrentLoad(t *testing.T) {
	const workers, perWorker = 16, 250
	srv, client := loopback(t)
	var failures atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perWorker {
				if err := fetch(client, srv.URL, loadMix[(w+i)%len(loadMix)]); err != nil {
					if failures.Add(1) <= 5 {
						t.Error(err)
					}
				}
			}
		}()
	}
	wg.Wait()
	if n := failures.Load(); n != 0 {
		t.Fatalf("%d of %d requests failed", n, workers*perWorker)
	}
}

// BenchmarkServe measures throughput of the mixed workload over loopback.
func BenchmarkServe(b *testing.B) {
	srv, client := loopback(b)
	var next atomic.Int64
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			lc := loadMix[int(next.Add(1))%len(loadMix)]
			if err := fetch(client, srv.URL, lc); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}
