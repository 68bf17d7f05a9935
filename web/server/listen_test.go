package server

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestListenBusyPort(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	called := false
	err = Listen(ctx, ln.Addr().String(), newTestHandler(t), func(string) { called = true })
	if err == nil || !strings.Contains(err.Error(), "listen on") {
		t.Fatalf("busy port: err = %v", err)
	}
	if called {
		t.Error("ready called although bind failed")
	}
	if err := Listen(ctx, "no-port", newTestHandler(t), nil); err == nil {
		t.Error("address without port accepted")
	}
}

// TestListenShutdown checks that cancelling ctx lets an in-flight request
// finish, stops accepting, and makes Listen return nil.
func TestListenShutdown(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	site := newTestHandler(t)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			close(started)
			<-release
		}
		site.ServeHTTP(w, r)
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	urls, done := make(chan string, 1), make(chan error, 1)
	go func() { done <- Listen(ctx, ":0", h, func(u string) { urls <- u }) }()
	base := <-urls
	if !strings.HasPrefix(base, "http://127.0.0.1:") || !strings.HasSuffix(base, "/") {
		t.Fatalf("url %q: empty host must bind loopback", base)
	}
	if res, err := http.Get(base); err != nil || res.StatusCode != 200 {
		t.Fatalf("GET /: %v", err)
	}
	slow := make(chan int, 1)
	go func() {
		res, err := http.Get(base + "slow")
		if err != nil {
			slow <- -1
			return
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		slow <- res.StatusCode
	}()
	<-started
	cancel()
	time.Sleep(50 * time.Millisecond) // let Shutdown close the listener
	close(release)
	if code := <-slow; code != 404 { // /slow is not in the site: 404 proves it completed
		t.Errorf("in-flight request: %d", code)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Listen after cancel: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Listen did not return after cancel")
	}
	if _, err := http.Get(base); err == nil {
		t.Error("server still accepting after shutdown")
	}
}
