//go:build unix

package server

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// fifoSite is a served directory holding FIFOs where a page, a precompressed
// sibling and a directory index would be. If a handler ever opens one and
// blocks, Cleanup opens the write side without blocking, which releases it,
// so a failing run does not leave threads stuck behind it.
func fifoSite(t *testing.T) string {
	t.Helper()
	site := t.TempDir()
	writeTree(t, site, map[string]string{"index.html": "ok", "app.js": "js();", "sub/other.txt": "x"})
	fifos := []string{"pipe.html", "app.js.br", "sub/index.html"}
	for _, name := range fifos {
		p := filepath.Join(site, filepath.FromSlash(name))
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Skip("mkfifo:", err)
		}
		t.Cleanup(func() {
			if f, err := os.OpenFile(p, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
				f.Close()
			}
		})
	}
	return site
}

// TestFIFONeverBlocks requests each FIFO over a real socket with a deadline:
// each must be answered (404, or the regular file the sibling belongs to) at
// once, and the server must still shut down cleanly and quickly afterwards.
func TestFIFONeverBlocks(t *testing.T) {
	site := fifoSite(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	urls, done := make(chan string, 1), make(chan error, 1)
	go func() {
		done <- Listen(ctx, "127.0.0.1:0", New(Dir(site), Options{}), func(u, _ string) { urls <- u })
	}()
	var base string
	select {
	case base = <-urls:
	case err := <-done:
		t.Fatal(err)
	}
	// The deadline is far above the milliseconds an answer takes, even on a
	// busy machine, and far below "forever".
	c := &http.Client{Timeout: 15 * time.Second, Transport: &http.Transport{DisableCompression: true}}
	defer c.CloseIdleConnections()
	for _, tc := range []struct {
		target, ae string
		code       int
		body       string
	}{
		{"pipe.html", "", 404, "not found\n"},
		{"app.js", "br", 200, "js();"}, // the br sibling is a FIFO: serve the file itself
		{"sub/", "", 404, "not found\n"},
		{"sub", "", 404, "not found\n"}, // no redirect to an index that is a FIFO
	} {
		r, _ := http.NewRequest("GET", base+tc.target, nil)
		if tc.ae != "" {
			r.Header.Set("Accept-Encoding", tc.ae)
		}
		res, err := c.Do(r)
		if err != nil {
			t.Fatalf("GET /%s: %v (a FIFO blocked the request)", tc.target, err)
		}
		body := make([]byte, 64)
		n, _ := res.Body.Read(body)
		res.Body.Close()
		if res.StatusCode != tc.code || string(body[:n]) != tc.body {
			t.Errorf("GET /%s: %d %q, want %d %q", tc.target, res.StatusCode, body[:n], tc.code, tc.body)
		}
	}
	c.CloseIdleConnections()
	start := time.Now()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("shutdown: %v", err)
		}
		// A clean shutdown needs no grace period at all; one that waited for
		// a stuck handler takes all of it.
		if d := time.Since(start); d >= shutdownGrace {
			t.Errorf("shutdown took %v", d)
		}
	case <-time.After(3 * shutdownGrace):
		t.Fatal("Listen did not return after cancel")
	}
}

// TestFIFOStatFirst shows the handler checks before it opens, for any fs.FS
// that can Stat (os.DirFS here, as the browser tests and benchmarks use).
func TestFIFOStatFirst(t *testing.T) {
	site := fifoSite(t)
	h := New(os.DirFS(site), Options{})
	res := make(chan int, 1)
	go func() {
		r, _ := get(h, "/pipe.html", "")
		res <- r.StatusCode
	}()
	select {
	case code := <-res:
		if code != 404 {
			t.Errorf("FIFO: %d, want 404", code)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("request for a FIFO through os.DirFS blocked")
	}
}
