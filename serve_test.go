package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer collects stderr written by run's goroutine.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startServe runs the command as main would, on a free loopback port, and
// returns the URL it announced and its stderr. The server stops at cleanup.
func startServe(t *testing.T, args ...string) (url string, stderr *lockedBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	stderr = &lockedBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, args, pw, stderr)
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("serve exited %d: %s", code, stderr)
			}
		case <-time.After(30 * time.Second):
			t.Error("serve did not stop after cancel")
		}
	})
	line, err := bufio.NewReader(pr).ReadString('\n')
	go io.Copy(io.Discard, pr)
	if err != nil {
		t.Fatalf("no announcement (%v); stderr: %s", err, stderr)
	}
	_, url, ok := strings.Cut(strings.TrimSpace(line), " on ")
	if !ok {
		t.Fatalf("announcement %q", line)
	}
	return url, stderr
}

func writeSite(t *testing.T, dir, index string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(index), 0o644); err != nil {
		t.Fatal(err)
	}
}

func fetch(t *testing.T, url string) (int, string) {
	t.Helper()
	c := &http.Client{Timeout: 15 * time.Second}
	defer c.CloseIdleConnections()
	res, err := c.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// TestServeFollowsRebuild: dist/ removed and written again while serve runs,
// as `./build.sh build` does, is served without a restart.
func TestServeFollowsRebuild(t *testing.T) {
	dist := filepath.Join(t.TempDir(), "dist")
	writeSite(t, dist, "first build")
	url, stderr := startServe(t, "-port", "0", "-dir", dist)
	if code, body := fetch(t, url); code != 200 || body != "first build" {
		t.Fatalf("GET /: %d %q", code, body)
	}
	if err := os.RemoveAll(dist); err != nil {
		t.Fatal(err)
	}
	writeSite(t, dist, "second build")
	if code, body := fetch(t, url); code != 200 || body != "second build" {
		t.Errorf("after rebuild: %d %q, want 200 \"second build\"", code, body)
	}
	if s := stderr.String(); s != "" {
		t.Errorf("stderr on loopback: %q", s)
	}
}

// TestServeHostPort: -addr takes host:port with a name, announces the address
// it bound, and warns about nothing on loopback.
func TestServeHostPort(t *testing.T) {
	dist := t.TempDir()
	writeSite(t, dist, "ok")
	for _, addr := range []string{"localhost:0", "127.0.0.1:0", "localhost"} {
		args := []string{"-addr", addr, "-dir", dist}
		if addr == "localhost" {
			args = append(args, "-port", "0")
		}
		url, stderr := startServe(t, args...)
		if !strings.HasPrefix(url, "http://127.0.0.1:") {
			t.Errorf("-addr %s: announced %q", addr, url)
		}
		if code, body := fetch(t, url); code != 200 || body != "ok" {
			t.Errorf("-addr %s: GET / %d %q", addr, code, body)
		}
		if s := stderr.String(); s != "" {
			t.Errorf("-addr %s: stderr %q", addr, s)
		}
	}
}

// TestServeBadAddr: addresses serve cannot use are refused with a message
// saying what to give, never a resolver's error text.
func TestServeBadAddr(t *testing.T) {
	dist := t.TempDir()
	writeSite(t, dist, "ok")
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"-addr", "nosuchhost.invalid:0"}, 1, `"nosuchhost.invalid" is not an IP address or a name this machine resolves; give an IP address, e.g. 127.0.0.1`},
		{[]string{"-addr", "nosuchhost.invalid", "-port", "0"}, 1, `is not an IP address or a name this machine resolves`},
		{[]string{"-addr", "localhost:8080", "-port", "9090"}, 2, `-addr "localhost:8080" names port 8080 and -port names 9090: give the port once`},
		{[]string{"-addr", "localhost:http"}, 2, `port "http" is not a number from 0 to 65535`},
		{[]string{"-addr", "localhost:70000"}, 2, `port "70000" is not a number`},
		{[]string{"-addr", "[::1"}, 2, `want a host (127.0.0.1, localhost, ::1) or host:port`},
	}
	for _, c := range cases {
		var stdout, stderr lockedBuffer
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		code := run(ctx, append(c.args, "-dir", dist), &stdout, &stderr)
		cancel()
		msg := stderr.String()
		if code != c.code || !strings.Contains(msg, c.want) {
			t.Errorf("%q: exit %d, stderr %q; want exit %d and %q", c.args, code, msg, c.code, c.want)
		}
		for _, leak := range []string{"lookup", "no such host", "[localhost"} {
			if strings.Contains(msg, leak) {
				t.Errorf("%q: stderr %q shows %q", c.args, msg, leak)
			}
		}
		if stdout.String() != "" {
			t.Errorf("%q: announced %q", c.args, stdout.String())
		}
	}
}

func TestSplitAddr(t *testing.T) {
	cases := []struct {
		addr     string
		port     int
		portFlag bool
		host     string
		wantPort int
	}{
		{"127.0.0.1", 8080, false, "127.0.0.1", 8080},
		{"localhost:9000", 8080, false, "localhost", 9000},
		{"localhost:9000", 9000, true, "localhost", 9000}, // the same port twice is no conflict
		{"::1", 8080, false, "::1", 8080},
		{"[::1]", 8080, false, "::1", 8080},
		{"[::1]:0", 8080, false, "::1", 0},
		{":9000", 8080, false, "", 9000}, // empty host: web/server binds 127.0.0.1
		{"0.0.0.0", 8080, false, "0.0.0.0", 8080},
	}
	for _, c := range cases {
		host, port, err := splitAddr(c.addr, c.port, c.portFlag)
		if err != nil || host != c.host || port != c.wantPort {
			t.Errorf("splitAddr(%q, %d, %v) = %q, %d, %v; want %q, %d", c.addr, c.port, c.portFlag,
				host, port, err, c.host, c.wantPort)
		}
	}
}
