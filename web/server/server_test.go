package server

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

func TestContentTypes(t *testing.T) {
	h := newTestHandler(t)
	cases := map[string]string{
		"/index.html":                   "text/html; charset=utf-8",
		"/app.3f9a2c1b.wasm":            "application/wasm",
		"/wasm_exec.js":                 "text/javascript; charset=utf-8",
		"/module.mjs":                   "text/javascript; charset=utf-8",
		"/styles.css":                   "text/css; charset=utf-8",
		"/charts/a.svg":                 "image/svg+xml",
		"/charts/b.png":                 "image/png",
		"/data/datapackage.json":        "application/json",
		"/data/sample.csv":              "text/csv; charset=utf-8",
		"/fonts/inter.ttf":              "font/ttf",
		"/fonts/inter.woff2":            "font/woff2",
		"/robots.txt":                   "text/plain; charset=utf-8",
		"/favicon.ico":                  "image/x-icon",
		"/site.webmanifest":             "application/manifest+json",
		"/blob.bin":                     "application/octet-stream",
		"/app.3f9a2c1b.wasm.br":         "application/octet-stream",
		"/fonts/sub/inter.deadbeef.ttf": "font/ttf",
	}
	for target, want := range cases {
		for _, ae := range []string{"", "br, gzip"} {
			res, _ := get(h, target, ae)
			if res.StatusCode != http.StatusOK {
				t.Errorf("%s (AE %q): status %d", target, ae, res.StatusCode)
			}
			if got := res.Header.Get("Content-Type"); got != want {
				t.Errorf("%s (AE %q): Content-Type %q, want %q", target, ae, got, want)
			}
		}
	}
}

func TestIndexAtRoot(t *testing.T) {
	h := newTestHandler(t)
	for _, target := range []string{"/", "/index.html", "/?q=1"} {
		res, body := get(h, target, "")
		if res.StatusCode != 200 || !bytes.Equal(body, indexHTML) {
			t.Fatalf("%s: status %d body %q", target, res.StatusCode, body)
		}
		if ct := res.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
			t.Errorf("%s: Content-Type %q", target, ct)
		}
	}
}

func TestDirectories(t *testing.T) {
	h := newTestHandler(t)
	cases := []struct {
		target   string
		status   int
		location string
		body     string
	}{
		{"/docs/", 200, "", "<p>docs</p>"},
		{"/docs", 301, "./docs/", ""},
		{"/docs?x=1", 301, "./docs/?x=1", ""},
		{"/charts/", 404, "", "not found\n"},
		{"/charts", 404, "", "not found\n"},
		{"/data/sample.csv/", 404, "", "not found\n"},
	}
	for _, c := range cases {
		res, body := get(h, c.target, "")
		if res.StatusCode != c.status || res.Header.Get("Location") != c.location {
			t.Errorf("%s: status %d Location %q, want %d %q", c.target, res.StatusCode,
				res.Header.Get("Location"), c.status, c.location)
		}
		if c.body != "" && string(body) != c.body {
			t.Errorf("%s: body %q, want %q", c.target, body, c.body)
		}
	}
}

func TestNotFound(t *testing.T) {
	h := newTestHandler(t)
	res, body := get(h, "/missing.js", "gzip")
	if res.StatusCode != http.StatusNotFound {
		t.Fatalf("status %d", res.StatusCode)
	}
	if string(body) != "not found\n" || res.Header.Get("Content-Type") != "text/plain; charset=utf-8" {
		t.Errorf("body %q type %q", body, res.Header.Get("Content-Type"))
	}
	if res.Header.Get("Content-Encoding") != "" || res.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("headers %v", res.Header)
	}
}

func TestMethodNotAllowed(t *testing.T) {
	h := newTestHandler(t)
	for _, m := range []string{"POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT"} {
		res, body := do(h, httptest.NewRequest(m, "/index.html", strings.NewReader("x")))
		if res.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("%s: status %d", m, res.StatusCode)
		}
		if got := res.Header.Get("Allow"); got != "GET, HEAD" {
			t.Errorf("%s: Allow %q", m, got)
		}
		if string(body) != "method not allowed\n" {
			t.Errorf("%s: body %q", m, body)
		}
	}
}

func TestRejectedPaths(t *testing.T) {
	h := newTestHandler(t)
	cases := []struct {
		name      string
		path, raw string
		status    int
	}{
		{"dotdot", "/../index.html", "", 400},
		{"dotdot inner", "/data/../index.html", "", 400},
		{"dotdot trailing", "/data/..", "", 400},
		{"dot segment", "/./index.html", "", 400},
		{"backslash", `/data\sample.csv`, "", 400},
		{"backslash traversal", `/..\..\etc\passwd`, "", 400},
		{"NUL", "/index.html\x00.png", "", 400},
		{"control", "/index\x1b.html", "", 400},
		{"DEL", "/index\x7f.html", "", 400},
		{"C1 control", "/index\u0085.html", "", 400},
		{"invalid utf8", "/\xff.html", "", 400},
		{"too long", "/" + strings.Repeat("a", 1100), "", 400},
		{"raw too long", "/x", "/" + strings.Repeat("%61", 400), 400},
		{"encoded slash", "/data/sample.csv", "/data%2Fsample.csv", 400},
		{"encoded slash lower", "/data/sample.csv", "/data%2fsample.csv", 400},
		{"double slash", "/data//sample.csv", "", 400},
		{"leading double slash", "//index.html", "", 400},
		{"no leading slash", "index.html", "", 400},
		{"empty", "", "", 400},
		{"dot-dir", "/.git/config", "", 404},
		{"dot-file", "/.env", "", 404},
		{"nested dot-file", "/data/.hidden.csv", "", 404},
	}
	for _, c := range cases {
		res, body := do(h, req("GET", c.path, c.raw))
		if res.StatusCode != c.status {
			t.Errorf("%s: status %d, want %d", c.name, res.StatusCode, c.status)
		}
		if bytes.Contains(body, secret) || len(body) > 64 {
			t.Errorf("%s: body %q", c.name, body)
		}
		if res.Header.Get("Content-Type") != "text/plain; charset=utf-8" {
			t.Errorf("%s: Content-Type %q", c.name, res.Header.Get("Content-Type"))
		}
	}
	// The same classes as a client would actually send them, parsed by net/http.
	for _, target := range []string{"/%2e%2e/index.html", "/data%2fsample.csv", "/a%5cb", "/a%00b", "/%2egit/config"} {
		if res, _ := get(h, target, ""); res.StatusCode != 400 && res.StatusCode != 404 {
			t.Errorf("%s: status %d", target, res.StatusCode)
		}
	}
}

func TestHeadHasNoBody(t *testing.T) {
	h := newTestHandler(t)
	for _, c := range []struct{ target, ae string }{
		{"/", ""}, {"/data/sample.csv", "gzip"}, {"/app.3f9a2c1b.wasm", "br"}, {"/missing", ""},
	} {
		r := httptest.NewRequest(http.MethodHead, c.target, nil)
		r.Header.Set("Accept-Encoding", c.ae)
		res, body := do(h, r)
		if len(body) != 0 {
			t.Errorf("HEAD %s: %d body bytes", c.target, len(body))
		}
		if res.Header.Get("Content-Length") == "" {
			t.Errorf("HEAD %s: no Content-Length", c.target)
		}
		g, _ := get(h, c.target, c.ae)
		if g.StatusCode != res.StatusCode || g.Header.Get("Content-Length") != res.Header.Get("Content-Length") {
			t.Errorf("HEAD %s differs from GET: %d/%s vs %d/%s", c.target, res.StatusCode,
				res.Header.Get("Content-Length"), g.StatusCode, g.Header.Get("Content-Length"))
		}
	}
}

func TestPrecompressedSelection(t *testing.T) {
	h := newTestHandler(t)
	cases := []struct {
		target, ae string
		enc, body  string
	}{
		{"/app.3f9a2c1b.wasm", "br", "br", "BR-WASM"},
		{"/app.3f9a2c1b.wasm", "gzip, deflate, br", "br", "BR-WASM"},
		{"/app.3f9a2c1b.wasm", "BR", "br", "BR-WASM"},
		{"/app.3f9a2c1b.wasm", "gzip", "gzip", "GZ-WASM"},
		{"/app.3f9a2c1b.wasm", "x-gzip", "gzip", "GZ-WASM"},
		{"/app.3f9a2c1b.wasm", "br;q=0, gzip", "gzip", "GZ-WASM"},
		{"/app.3f9a2c1b.wasm", "br;q=0.5, gzip;q=0.8", "gzip", "GZ-WASM"},
		{"/app.3f9a2c1b.wasm", "br;q=0.8, gzip;q=0.8", "br", "BR-WASM"},
		{"/app.3f9a2c1b.wasm", "br;q=nope, gzip", "gzip", "GZ-WASM"},
		{"/app.3f9a2c1b.wasm", "*", "br", "BR-WASM"},
		{"/app.3f9a2c1b.wasm", "br;q=0, *", "gzip", "GZ-WASM"},
		{"/app.3f9a2c1b.wasm", "*;q=0", "", string(wasmBin)},
		{"/app.3f9a2c1b.wasm", "br;q=0, gzip;q=0", "", string(wasmBin)},
		{"/app.3f9a2c1b.wasm", "br;q=0.000, gzip; q=0", "", string(wasmBin)},
		{"/app.3f9a2c1b.wasm", "identity", "", string(wasmBin)},
		{"/app.3f9a2c1b.wasm", "", "", string(wasmBin)},
		// Only .gz exists: br is preferred but the build made none, so fall back.
		{"/wasm_exec.js", "br, gzip", "gzip", "GZ-EXEC"},
		{"/wasm_exec.js", "br", "", string(execJS)},
	}
	for _, c := range cases {
		res, body := get(h, c.target, c.ae)
		if res.StatusCode != 200 || res.Header.Get("Content-Encoding") != c.enc || string(body) != c.body {
			t.Errorf("%s AE %q: status %d enc %q body %.20q; want enc %q body %.20q", c.target, c.ae,
				res.StatusCode, res.Header.Get("Content-Encoding"), body, c.enc, c.body)
		}
		if res.Header.Get("Vary") != "Accept-Encoding" {
			t.Errorf("%s AE %q: Vary %q", c.target, c.ae, res.Header.Get("Vary"))
		}
		if res.Header.Get("Content-Length") != strconv.Itoa(len(body)) {
			t.Errorf("%s AE %q: Content-Length %q for %d bytes", c.target, c.ae, res.Header.Get("Content-Length"), len(body))
		}
		if want := contentType(c.target); res.Header.Get("Content-Type") != want {
			t.Errorf("%s AE %q: Content-Type %q", c.target, c.ae, res.Header.Get("Content-Type"))
		}
	}
}

func TestGzipOnTheFly(t *testing.T) {
	h := newTestHandler(t)
	res, body := get(h, "/data/sample.csv", "gzip")
	if res.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding %q", res.Header.Get("Content-Encoding"))
	}
	if res.Header.Get("Content-Type") != "text/csv; charset=utf-8" {
		t.Errorf("Content-Type %q", res.Header.Get("Content-Type"))
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(plain, sampleCSV) {
		t.Fatalf("round trip mismatch (err %v): %d bytes vs %d", err, len(plain), len(sampleCSV))
	}
	if len(body) >= len(sampleCSV) {
		t.Errorf("gzip did not shrink: %d >= %d", len(body), len(sampleCSV))
	}
	again, body2 := get(h, "/data/sample.csv", "gzip")
	ident, _ := get(h, "/data/sample.csv", "")
	if !bytes.Equal(body, body2) || again.Header.Get("ETag") != res.Header.Get("ETag") {
		t.Error("second gzip response differs")
	}
	if ident.Header.Get("ETag") == res.Header.Get("ETag") {
		t.Error("gzip and identity share an ETag")
	}
	// Not compressed: small files, already-compressed types, br-only clients.
	for _, c := range []struct{ target, ae string }{
		{"/styles.css", "gzip"}, {"/charts/b.png", "gzip"}, {"/data/sample.csv", "br"},
		{"/data/sample.csv", "gzip;q=0"},
	} {
		res, _ := get(h, c.target, c.ae)
		if enc := res.Header.Get("Content-Encoding"); enc != "" {
			t.Errorf("%s AE %q: Content-Encoding %q", c.target, c.ae, enc)
		}
	}
}

func TestVaryAlways(t *testing.T) {
	h := newTestHandler(t)
	for _, r := range []*http.Request{
		httptest.NewRequest("GET", "/", nil),
		httptest.NewRequest("GET", "/charts/b.png", nil),
		httptest.NewRequest("GET", "/missing", nil),
		httptest.NewRequest("POST", "/", nil),
		req("GET", "/../x", ""),
	} {
		if res, _ := do(h, r); res.Header.Get("Vary") != "Accept-Encoding" {
			t.Errorf("%s %s: Vary %q", r.Method, r.URL.Path, res.Header.Get("Vary"))
		}
	}
}

func TestCacheControl(t *testing.T) {
	h := newTestHandler(t)
	const immutable, short = "public, max-age=31536000, immutable", "public, max-age=300"
	cases := map[string]string{
		"/":                             "no-cache",
		"/index.html":                   "no-cache",
		"/docs/":                        "no-cache",
		"/docs/page.3f9a2c1b.html":      "no-cache",
		"/app.3f9a2c1b.wasm":            immutable,
		"/styles.0123456789abcdef.css":  immutable,
		"/fonts/sub/inter.deadbeef.ttf": immutable,
		"/app.3F9A2C1B.wasm":            short, // uppercase hex is not the build's pattern
		"/charts/chart.abc.svg":         short,
		"/wasm_exec.js":                 short,
		"/sw.js":                        "no-cache", // a new deploy changes it: revalidated on every check
		"/sub/sw.js":                    "no-cache",
		"/data/sample.csv":              short,
		"/missing":                      "no-store",
	}
	for target, want := range cases {
		for _, ae := range []string{"", "br, gzip"} {
			if res, _ := get(h, target, ae); res.Header.Get("Cache-Control") != want {
				t.Errorf("%s AE %q: Cache-Control %q, want %q", target, ae, res.Header.Get("Cache-Control"), want)
			}
		}
	}
}

// TestServiceWorkerHeaders: browsers refuse a service worker sent with a type that is not
// JavaScript, and one cached for minutes would delay a deploy's notice; the worker's
// responses carry the same security headers as the page (its CSP binds the worker).
func TestServiceWorkerHeaders(t *testing.T) {
	h := newTestHandler(t)
	for _, ae := range []string{"", "br, gzip"} {
		res, body := get(h, "/sw.js", ae)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("AE %q: status %d", ae, res.StatusCode)
		}
		want := map[string]string{
			"Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache",
			"Content-Security-Policy": CSP(""), "X-Content-Type-Options": "nosniff",
		}
		for k, v := range want {
			if got := res.Header.Get(k); got != v {
				t.Errorf("AE %q: %s %q, want %q", ae, k, got, v)
			}
		}
		if ae == "" && !bytes.Contains(body, []byte("addEventListener")) {
			t.Errorf("body %q", body)
		}
	}
	if got := CacheControl("sw.js"); got != "no-cache" {
		t.Errorf("CacheControl(sw.js) = %q (the Worker's _headers use it)", got)
	}
}

func TestIsHashed(t *testing.T) {
	cases := map[string]bool{
		"app.3f9a2c1b.wasm": true, "a/b/x.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.js": true,
		"app.3f9a2c1.wasm": false, "app.3f9a2c1g.wasm": false, ".3f9a2c1b.wasm": false, "3f9a2c1b.wasm": false,
		"app.3f9a2c1b": false, "app.3f9a2c1b.": false, "app.wasm": false,
		"x.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0.js": false,
	}
	for name, want := range cases {
		if got := isHashed(name); got != want {
			t.Errorf("isHashed(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	check := func(t *testing.T, h http.Handler, r *http.Request, wantStatus int, csp string) {
		t.Helper()
		res, _ := do(h, r)
		if res.StatusCode != wantStatus {
			t.Errorf("%s %s: status %d, want %d", r.Method, r.URL.Path, res.StatusCode, wantStatus)
		}
		want := map[string]string{
			"Content-Security-Policy": csp, "X-Content-Type-Options": "nosniff",
			"Referrer-Policy": "no-referrer", "Cross-Origin-Opener-Policy": "",
		}
		for k, v := range want {
			if got := res.Header.Get(k); got != v {
				t.Errorf("%s %s (%d): %s = %q, want %q", r.Method, r.URL.Path, res.StatusCode, k, got, v)
			}
		}
	}
	h := newTestHandler(t)
	csp := CSP("'self'")
	check(t, h, httptest.NewRequest("GET", "/", nil), 200, csp)
	check(t, h, httptest.NewRequest("GET", "/missing", nil), 404, csp)
	check(t, h, httptest.NewRequest("DELETE", "/", nil), 405, csp)
	check(t, h, req("GET", "/a\\b", ""), 400, csp)
	check(t, h, httptest.NewRequest("GET", "/docs", nil), 301, csp)
	cond := httptest.NewRequest("GET", "/", nil)
	cond.Header.Set("If-None-Match", etagOf(t, h, "/"))
	check(t, h, cond, 304, csp)

	custom := New(testSite(), Options{FrameAncestors: "'self' https://example.org"})
	check(t, custom, httptest.NewRequest("GET", "/", nil), 200, CSP("'self' https://example.org"))
	if !strings.HasSuffix(csp, "; frame-ancestors 'self'") || CSP("") != csp {
		t.Errorf("CSP default: %q", csp)
	}
	for _, d := range []string{"script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'", "base-uri 'none'"} {
		if !strings.Contains(csp, d) {
			t.Errorf("CSP lacks %q", d)
		}
	}
}

func TestOptionsValidate(t *testing.T) {
	for _, ok := range []string{"", "'self'", "'none'", "'self' https://a.example https://*.b.example"} {
		if err := (Options{FrameAncestors: ok}).Validate(); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for _, bad := range []string{"'self'; script-src *", "'self', *", "'self'\r\nX-Evil: 1", " ", "é"} {
		if (Options{FrameAncestors: bad}).Validate() == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("New accepted invalid options")
		}
	}()
	New(testSite(), Options{FrameAncestors: "x; y"})
}

func etagOf(t *testing.T, h http.Handler, target string) string {
	t.Helper()
	res, _ := get(h, target, "")
	e := res.Header.Get("ETag")
	if len(e) != 34 || e[0] != '"' || strings.HasPrefix(e, "W/") {
		t.Fatalf("%s: ETag %q is not a strong hash tag", target, e)
	}
	return e
}

func TestConditionalAndRange(t *testing.T) {
	h := newTestHandler(t)
	etag := etagOf(t, h, "/index.html")
	if etagOf(t, h, "/index.html") != etag || etagOf(t, h, "/data/sample.csv") == etag {
		t.Error("ETag not stable per content")
	}
	r := httptest.NewRequest("GET", "/index.html", nil)
	r.Header.Set("If-None-Match", etag)
	if res, body := do(h, r); res.StatusCode != 304 || len(body) != 0 {
		t.Errorf("If-None-Match: %d %q", res.StatusCode, body)
	}
	r = httptest.NewRequest("GET", "/index.html", nil)
	r.Header.Set("If-Modified-Since", testMod.UTC().Format(http.TimeFormat))
	if res, _ := do(h, r); res.StatusCode != 304 {
		t.Errorf("If-Modified-Since: %d", res.StatusCode)
	}
	// A precompressed variant has its own tag, so a cached br body never
	// validates an identity request.
	br, _ := get(h, "/app.3f9a2c1b.wasm", "br")
	r = httptest.NewRequest("GET", "/app.3f9a2c1b.wasm", nil)
	r.Header.Set("If-None-Match", br.Header.Get("ETag"))
	if res, _ := do(h, r); res.StatusCode != 200 {
		t.Errorf("br ETag validated identity: %d", res.StatusCode)
	}
	r = httptest.NewRequest("GET", "/app.3f9a2c1b.wasm", nil)
	r.Header.Set("Range", "bytes=0-3")
	if res, body := do(h, r); res.StatusCode != 206 || string(body) != "\x00asm" {
		t.Errorf("Range: %d %q", res.StatusCode, body)
	}
}

func TestPreferredEncodings(t *testing.T) {
	cases := map[string]string{
		"": "", "br": "br", "gzip": "gzip", "gzip, br": "br,gzip", "br;q=0.1, gzip": "gzip,br",
		"br;q=0": "", "*": "br,gzip", "*;q=0, gzip": "gzip", "br;q=1.5": "", "br;q=NaN, gzip": "gzip",
		"deflate": "", " gzip ; q=0.3 , br ; q=0.2": "gzip,br", "gzip;q=0, gzip;q=1": "gzip",
		"br;level=5;q=0.9": "br",
	}
	for in, want := range cases {
		if got := strings.Join(preferredEncodings(in), ","); got != want {
			t.Errorf("preferredEncodings(%q) = %q, want %q", in, got, want)
		}
	}
}
