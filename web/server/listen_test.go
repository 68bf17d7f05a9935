package server

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"briefing/web/deadline"
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
	err = Listen(ctx, ln.Addr().String(), newTestHandler(t), func(string, string) { called = true })
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
	go func() { done <- Listen(ctx, ":0", h, func(u, _ string) { urls <- u }) }()
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
	// Release the request only once Shutdown has closed the listener (a new connection is
	// refused), so that it is in flight during the shutdown however slow the machine is.
	limit, stop := deadline.Context(t, context.Background())
	defer stop()
	for {
		c, err := net.Dial("tcp", strings.TrimSuffix(strings.TrimPrefix(base, "http://"), "/"))
		if err != nil {
			break
		}
		c.Close()
		select {
		case <-limit.Done():
			t.Fatal("the listener still accepts after cancel")
		case <-time.After(5 * time.Millisecond): // the poll's interval, not a wait for quiet
		}
	}
	close(release)
	if code := <-slow; code != 404 { // /slow is not in the site: 404 proves it completed
		t.Errorf("in-flight request: %d", code)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Listen after cancel: %v", err)
		}
	case <-limit.Done():
		t.Fatal("Listen did not return after cancel")
	}
	if _, err := http.Get(base); err == nil {
		t.Error("server still accepting after shutdown")
	}
}

// shownAs is a loopback listener that reports another address, so Listen's
// handling of a socket open to the network is tested without opening one.
type shownAs struct {
	net.Listener
	ip net.IP
}

func (s shownAs) Addr() net.Addr {
	return &net.TCPAddr{IP: s.ip, Port: s.Listener.Addr().(*net.TCPAddr).Port}
}

// TestListenWarnsBeyondLoopback: bound to every interface, Listen passes a
// warning naming the risk to ready, and a URL that works on this machine.
func TestListenWarnsBeyondLoopback(t *testing.T) {
	defer func(orig func(string, string) (net.Listener, error)) { listenTCP = orig }(listenTCP)
	listenTCP = func(network, addr string) (net.Listener, error) {
		if addr != "0.0.0.0:0" {
			t.Errorf("bound %q, want 0.0.0.0:0", addr)
		}
		ln, err := net.Listen(network, "127.0.0.1:0")
		return shownAs{ln, net.IPv4zero}, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type bound struct{ url, warning string }
	ready, done := make(chan bound, 1), make(chan error, 1)
	go func() {
		done <- Listen(ctx, "0.0.0.0:0", newTestHandler(t), func(u, w string) { ready <- bound{u, w} })
	}()
	var b bound
	select {
	case b = <-ready:
	case err := <-done:
		t.Fatal(err)
	}
	port := strings.TrimSuffix(b.url[strings.LastIndex(b.url, ":")+1:], "/")
	want := "listening on every network interface (0.0.0.0:" + port + "): any machine that can reach " +
		"this one can read everything served; bind 127.0.0.1 to keep it to this machine"
	if b.warning != want {
		t.Errorf("warning %q\nwant    %q", b.warning, want)
	}
	if !strings.HasPrefix(b.url, "http://127.0.0.1:") {
		t.Errorf("url %q: want the loopback address to open", b.url)
	}
	if res, err := http.Get(b.url); err != nil || res.StatusCode != 200 {
		t.Errorf("GET %s: %v", b.url, err)
	} else {
		res.Body.Close()
	}
	cancel()
	if err := <-done; err != nil {
		t.Error(err)
	}
}

func TestDescribe(t *testing.T) {
	cases := []struct {
		ip      string
		url     string
		warning string // a fragment; "" means none
	}{
		{"127.0.0.1", "http://127.0.0.1:8080/", ""},
		{"127.0.0.2", "http://127.0.0.2:8080/", ""},
		{"::1", "http://[::1]:8080/", ""},
		{"0.0.0.0", "http://127.0.0.1:8080/", "every network interface (0.0.0.0:8080): any machine that can reach this one can read everything served"},
		{"::", "http://[::1]:8080/", "every network interface ([::]:8080)"},
		{"192.0.2.7", "http://192.0.2.7:8080/", "listening on 192.0.2.7:8080, which is not loopback: machines that can reach that address can read everything served"},
		{"fe80::1", "http://[fe80::1]:8080/", "which is not loopback"},
	}
	for _, c := range cases {
		url, warning := describe(&net.TCPAddr{IP: net.ParseIP(c.ip), Port: 8080})
		if url != c.url {
			t.Errorf("%s: url %q, want %q", c.ip, url, c.url)
		}
		if (c.warning == "") != (warning == "") || !strings.Contains(warning, c.warning) {
			t.Errorf("%s: warning %q, want %q", c.ip, warning, c.warning)
		}
		if warning != "" && !strings.HasSuffix(warning, "bind 127.0.0.1 to keep it to this machine") {
			t.Errorf("%s: warning %q does not say what to do", c.ip, warning)
		}
	}
}

func TestResolveAddr(t *testing.T) {
	ctx := context.Background()
	for in, want := range map[string]string{
		"": DefaultAddr, ":0": "127.0.0.1:0", "localhost:8080": "127.0.0.1:8080",
		"[::1]:0": "[::1]:0", "0.0.0.0:80": "0.0.0.0:80",
	} {
		if got, err := resolveAddr(ctx, in); err != nil || got != want {
			t.Errorf("resolveAddr(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for in, want := range map[string]string{
		"no-port":                 `address "no-port": want host:port, e.g. 127.0.0.1:8080`,
		"nosuchhost.invalid:8080": `address "nosuchhost.invalid:8080": "nosuchhost.invalid" is not an IP address or a name this machine resolves; give an IP address, e.g. 127.0.0.1 (this machine only)`,
	} {
		if _, err := resolveAddr(ctx, in); err == nil || err.Error() != want {
			t.Errorf("resolveAddr(%q): %v\nwant %s", in, err, want)
		}
	}
}
