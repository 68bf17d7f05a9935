//go:build unix

package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"image/png"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"briefing/web/deadline"
	"briefing/web/images"
	"briefing/web/server"
)

// TestWorkerInWrangler builds the Worker with ./build.sh worker and runs it in Cloudflare's
// own runtime (workerd, through the pinned `wrangler dev`) on 127.0.0.1, offline, then checks
// the responses of assets and of the Go Worker.
//
// It runs when wasm/worker/node_modules holds wrangler (npm ci --prefix wasm/worker) or
// WORKER_TEST=1, and skips otherwise; REQUIRE_WORKER=1 turns every missing piece into a
// failure. WORKER_TEST=0 skips it on purpose (not with REQUIRE_WORKER=1).
func TestWorkerInWrangler(t *testing.T) {
	wrangler, err := filepath.Abs(filepath.Join("node_modules", ".bin", "wrangler"))
	if err != nil {
		t.Fatal(err)
	}
	_, statErr := os.Stat(wrangler)
	required := os.Getenv("REQUIRE_WORKER") == "1"
	switch {
	case required && statErr != nil:
		t.Fatalf("REQUIRE_WORKER=1 but wrangler is not installed (%v): run npm ci --prefix wasm/worker", statErr)
	case required:
	case os.Getenv("WORKER_TEST") == "0":
		t.Skip("WORKER_TEST=0: not running the Worker in wrangler")
	case testing.Short():
		t.Skip("-short: not building and running the Worker in wrangler")
	case os.Getenv("WORKER_TEST") == "1" && statErr != nil:
		t.Fatalf("WORKER_TEST=1 but wrangler is not installed (%v): run npm ci --prefix wasm/worker", statErr)
	case statErr != nil:
		t.Skip("wrangler is not installed: run npm ci --prefix wasm/worker to test the Worker in workerd " +
			"(REQUIRE_WORKER=1 makes this a failure)")
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatalf("node is not on PATH: wrangler needs Node.js 20.3 or later: %v", err)
	}

	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	// Build into a dist of its own: the shared dist/ may be read by other tests meanwhile.
	dist := filepath.Join(tmp, "dist")
	// Every wait below (the build, wrangler answering, each request) ends a margin before go
	// test's -timeout: a busy machine makes them slower, never wrong.
	ctx, cancel := deadline.Context(t, context.Background())
	defer cancel()
	start := time.Now()
	build := exec.CommandContext(ctx, "./build.sh", "worker")
	build.Dir = root
	build.Env = append(os.Environ(), "DIST="+dist)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("./build.sh worker: %v\n%s", err, out)
	}
	t.Logf("./build.sh worker: %s", time.Since(start).Round(time.Second))
	if st, err := os.Stat(filepath.Join("build", "worker", "app.wasm")); err == nil {
		t.Logf("Worker wasm: %d bytes", st.Size())
	}

	port, inspector := freePort(t), freePort(t)
	base := "http://127.0.0.1:" + strconv.Itoa(port)
	logs := &syncBuffer{}
	cmd := exec.Command(wrangler, "dev", "--ip", "127.0.0.1", "--port", strconv.Itoa(port),
		"--inspector-port", strconv.Itoa(inspector), "--persist-to", filepath.Join(tmp, "state"),
		"--log-level", "info")
	cmd.Env = offlineEnv(tmp)
	cmd.Stdout, cmd.Stderr = logs, logs
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // wrangler starts workerd: stop them together
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting wrangler dev: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() { stopGroup(t, cmd.Process.Pid, exited) })
	defer func() {
		if t.Failed() {
			t.Logf("wrangler dev output:\n%s", logs.String())
		}
	}()

	start = time.Now()
	waitReady(ctx, t, base+"/", exited, logs)
	t.Logf("wrangler dev answered after %s", time.Since(start).Round(100*time.Millisecond))

	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
	fetch := func(method, path string, hdr ...string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequestWithContext(ctx, method, base+path, nil)
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		began := time.Now()
		res, err := client.Do(req)
		if err != nil {
			t.Fatalf("%s %s: %v", method, path, err)
		}
		defer res.Body.Close()
		body, err := io.ReadAll(res.Body)
		if err != nil {
			t.Fatalf("%s %s: reading the body: %v", method, path, err)
		}
		t.Logf("%s %s: %d, %d bytes, %s", method, path, res.StatusCode, len(body), time.Since(began).Round(time.Millisecond))
		checkSecurityHeaders(t, method+" "+path, res.Header)
		return res, body
	}
	expect := func(res *http.Response, path string, status int, ctype, cache string) {
		t.Helper()
		if res.StatusCode != status {
			t.Errorf("%s: status %d, want %d", path, res.StatusCode, status)
		}
		if got := res.Header.Get("Content-Type"); !strings.HasPrefix(strings.ReplaceAll(got, " ", ""), strings.ReplaceAll(ctype, " ", "")) {
			t.Errorf("%s: Content-Type %q, want %q", path, got, ctype)
		}
		if got := res.Header.Get("Cache-Control"); cache != "" && got != cache {
			t.Errorf("%s: Cache-Control %q, want %q", path, got, cache)
		}
	}

	// The page, from assets.
	res, body := fetch("GET", "/")
	expect(res, "/", 200, "text/html", "no-cache")
	if !bytes.Contains(bytes.ToLower(body), []byte("<!doctype html>")) {
		t.Errorf("/: not the page: %.100q", body)
	}
	wasmName := regexp.MustCompile(`app\.[0-9a-f]{8,64}\.wasm`).Find(body)
	if wasmName == nil {
		t.Errorf("/: names no hashed wasm")
	} else {
		res, body := fetch("HEAD", "/"+string(wasmName))
		expect(res, string(wasmName), 200, "application/wasm", server.CacheControl(string(wasmName)))
		if len(body) != 0 {
			t.Errorf("HEAD %s: %d body bytes", wasmName, len(body))
		}
	}

	// The service worker and a file the page asks for by content (docs/architecture.md):
	// JavaScript, the worker revalidated on every update check.
	res, sw := fetch("GET", "/sw.js")
	expect(res, "/sw.js", 200, "text/javascript", "no-cache")
	if !bytes.Contains(sw, []byte(`"files":[`)) {
		t.Errorf("/sw.js carries no file list: %.100q", sw)
	}
	if loader := regexp.MustCompile(`loader\.js\?v=[0-9a-f]+`).Find(body); loader == nil {
		t.Errorf("/: asks for loader.js by no content hash")
	} else {
		res, _ := fetch("GET", "/"+string(loader))
		expect(res, string(loader), 200, "text/javascript", server.CacheControl("loader.js"))
	}

	// A chart from the Go Worker.
	const svgPath = "/charts/fatalities.svg?lang=fr&theme=dark"
	res, body = fetch("GET", svgPath)
	expect(res, svgPath, 200, "image/svg+xml", images.CacheControl)
	title := svgTitle(t, body)
	if !strings.Contains(title, "Décès") || !bytes.Contains(body, []byte("rgba(20,24,31,1.0)")) {
		t.Errorf("%s: not the French dark chart (title %q)", svgPath, title)
	}
	etag := res.Header.Get("ETag")
	if etag == "" {
		t.Errorf("%s: no ETag", svgPath)
	}
	if res, body := fetch("GET", svgPath, "If-None-Match", etag); res.StatusCode != 304 || len(body) != 0 {
		t.Errorf("%s with If-None-Match: status %d, %d bytes", svgPath, res.StatusCode, len(body))
	}
	head, hbody := fetch("HEAD", svgPath)
	if head.StatusCode != 200 || len(hbody) != 0 || head.Header.Get("Content-Length") != strconv.Itoa(len(body)) {
		t.Errorf("HEAD %s: status %d, %d body bytes, Content-Length %q (GET: %d)", svgPath, head.StatusCode,
			len(hbody), head.Header.Get("Content-Length"), len(body))
	}

	res, body = fetch("GET", "/charts/parity.png")
	expect(res, "/charts/parity.png", 200, "image/png", images.CacheControl)
	if cfg, err := png.DecodeConfig(bytes.NewReader(body)); !bytes.HasPrefix(body, []byte("\x89PNG\r\n\x1a\n")) || err != nil {
		t.Errorf("/charts/parity.png: not a PNG (%v): % x", err, body[:min(8, len(body))])
	} else if cfg.Width != images.PNGScale*images.DefaultWidth {
		t.Errorf("/charts/parity.png: %d px wide, want %d", cfg.Width, images.PNGScale*images.DefaultWidth)
	}

	// The data package, from assets.
	res, body = fetch("GET", "/data/fatalities.csv")
	expect(res, "/data/fatalities.csv", 200, "text/csv", server.CacheControl("data/fatalities.csv"))
	if got := csvColumn(t, body, "value"); got != "59,27,25,8" {
		t.Errorf("/data/fatalities.csv: values %q, want 59,27,25,8", got)
	}
	res, body = fetch("GET", "/data/datapackage.json")
	expect(res, "/data/datapackage.json", 200, "application/json", "")
	var pkg struct{ Resources []struct{ Path string } }
	if err := json.Unmarshal(body, &pkg); err != nil || len(pkg.Resources) == 0 {
		t.Errorf("/data/datapackage.json: %v, %d resources", err, len(pkg.Resources))
	}

	// Errors, from the Go Worker.
	for path, status := range map[string]int{
		"/charts/nope.svg": 404, "/charts/fatalities.gif": 404, "/nothing-here": 404, "/_headers": 404,
		"/charts/fatalities.svg?theme=neon": 400, "/charts/fatalities.svg?width=wide": 400,
	} {
		res, body := fetch("GET", path)
		expect(res, path, status, "text/plain", "no-store")
		if len(body) == 0 || len(body) > 300 {
			t.Errorf("%s: message %q", path, body)
		}
	}
	if res, _ := fetch("POST", "/charts/fatalities.svg"); res.StatusCode != 405 {
		t.Errorf("POST: status %d", res.StatusCode)
	}

	if out := logs.String(); strings.Contains(out, "[ERROR]") || strings.Contains(out, "Uncaught") {
		t.Errorf("wrangler dev logged an error")
	}
}

// offlineEnv keeps wrangler local and quiet: no telemetry or error reports, no update check
// (it comes with the banner), no download of the Request.cf data, no account credentials,
// logs and caches in tmp.
func offlineEnv(tmp string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "CLOUDFLARE_") || strings.HasPrefix(k, "CF_") || strings.HasPrefix(k, "WRANGLER_") {
			continue
		}
		env = append(env, kv)
	}
	return append(env,
		"WRANGLER_SEND_METRICS=false",
		"WRANGLER_SEND_ERROR_REPORTS=false",
		"WRANGLER_HIDE_BANNER=true",
		"CLOUDFLARE_CF_FETCH_ENABLED=false",
		"WRANGLER_LOG_PATH="+filepath.Join(tmp, "logs"),
		"MINIFLARE_CACHE_DIR="+filepath.Join(tmp, "cache"),
		"NO_UPDATE_NOTIFIER=1",
		"CI=true", // wrangler: no interactive prompts, no hotkeys
	)
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// waitReady polls url until it answers, wrangler exits or ctx ends (the test's deadline).
func waitReady(ctx context.Context, t *testing.T, url string, exited <-chan error, logs *syncBuffer) {
	t.Helper()
	for {
		select {
		case err := <-exited:
			t.Fatalf("wrangler dev exited before answering: %v\n%s", err, logs.String())
		default:
		}
		// An attempt that hangs (wrangler accepting before it can answer) is given up and
		// made again: the limit is the poll's, not the test's.
		attempt, cancel := context.WithTimeout(ctx, 30*time.Second)
		req, _ := http.NewRequestWithContext(attempt, http.MethodGet, url, nil)
		res, err := http.DefaultClient.Do(req)
		cancel()
		if err == nil {
			res.Body.Close()
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("wrangler dev did not answer %s before the test's deadline: %v\n%s", url, ctx.Err(), logs.String())
		case <-time.After(250 * time.Millisecond): // the poll's interval, not a wait for quiet
		}
	}
}

// stopGroup ends wrangler and the workerd it started: SIGTERM to the process group, then
// SIGKILL if it has not exited after ten seconds.
func stopGroup(t *testing.T, pid int, exited <-chan error) {
	if err := syscall.Kill(-pid, syscall.SIGTERM); err != nil && !errors.Is(err, syscall.ESRCH) {
		t.Logf("SIGTERM to wrangler's group: %v", err)
	}
	select {
	case <-exited:
	case <-time.After(10 * time.Second):
		syscall.Kill(-pid, syscall.SIGKILL)
		<-exited
	}
	// workerd may outlive wrangler for a moment: make sure nothing of the group is left.
	syscall.Kill(-pid, syscall.SIGKILL)
}

func svgTitle(t *testing.T, body []byte) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(body))
	title, in := "", false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return title
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			in = el.Name.Local == "title" && title == ""
		case xml.CharData:
			if in {
				title = string(el)
			}
		case xml.EndElement:
			in = false
		}
	}
}

// csvColumn returns one column's cells joined with commas.
func csvColumn(t *testing.T, body []byte, name string) string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("CSV: %v (%d rows)", err, len(rows))
	}
	col := -1
	for i, h := range rows[0] {
		if strings.TrimPrefix(h, "\uFEFF") == name {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("CSV has no column %q: %v", name, rows[0])
	}
	var cells []string
	for _, r := range rows[1:] {
		cells = append(cells, r[col])
	}
	return strings.Join(cells, ",")
}

// syncBuffer collects wrangler's output from two pipes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
