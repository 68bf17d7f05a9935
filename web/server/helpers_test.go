package server

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

var testMod = time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC)

// Fixture contents, kept as variables so tests can compare bodies.
var (
	indexHTML = []byte("<!doctype html><title>explorer</title><script src=wasm_exec.js></script>")
	wasmBin   = append([]byte("\x00asm\x01\x00\x00\x00"), bytes.Repeat([]byte("wasm-code "), 300)...)
	execJS    = []byte(strings.Repeat("// wasm_exec shim\n", 100))
	sampleCSV = []byte("period,value\n" + strings.Repeat("2017,22.6\n2018,23.1\n", 120))
	pngBytes  = append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0xAB}, 2048)...)
	secret    = []byte("SECRET-DO-NOT-SERVE")
)

// testSite mirrors dist/: a hashed wasm with both precompressed siblings, a
// script with only .gz, data and charts without siblings, and a dot-dir.
func testSite() fstest.MapFS {
	f := func(b []byte) *fstest.MapFile { return &fstest.MapFile{Data: b, ModTime: testMod} }
	s := func(x string) *fstest.MapFile { return f([]byte(x)) }
	return fstest.MapFS{
		"index.html":                   f(indexHTML),
		"app.3f9a2c1b.wasm":            f(wasmBin),
		"app.3f9a2c1b.wasm.br":         s("BR-WASM"),
		"app.3f9a2c1b.wasm.gz":         s("GZ-WASM"),
		"wasm_exec.js":                 f(execJS),
		"wasm_exec.js.gz":              s("GZ-EXEC"),
		"module.mjs":                   s("export {}"),
		"styles.css":                   s("body{margin:0}"),
		"fonts/inter.ttf":              s("ttf"),
		"fonts/inter.woff2":            s("woff2"),
		"data/sample.csv":              f(sampleCSV),
		"data/datapackage.json":        s(`{"name":"briefing"}`),
		"charts/a.svg":                 s("<svg xmlns='http://www.w3.org/2000/svg'/>"),
		"charts/b.png":                 f(pngBytes),
		"docs/index.html":              s("<p>docs</p>"),
		"robots.txt":                   s("User-agent: *"),
		"favicon.ico":                  s("ico"),
		"site.webmanifest":             s("{}"),
		"blob.bin":                     s("bin"),
		"styles.0123456789abcdef.css":  s("a{}"),
		".git/config":                  f(secret),
		".env":                         f(secret),
		"data/.hidden.csv":             f(secret),
		"docs/page.3f9a2c1b.html":      s("<p>hashed html</p>"),
		"app.3F9A2C1B.wasm":            f(wasmBin),
		"charts/chart.abc.svg":         s("<svg/>"),
		"fonts/sub/inter.deadbeef.ttf": s("ttf"),
		"sw.js":                        s("self.addEventListener('fetch', function () {});"),
		"sub/sw.js":                    s("// another site's worker"),
	}
}

func newTestHandler(t testing.TB) http.Handler {
	t.Helper()
	return New(testSite(), Options{})
}

// req builds a request with Path/RawPath set verbatim, bypassing URL
// parsing so tests can send what a hostile client (or proxy) might.
func req(method, p, raw string) *http.Request {
	r := httptest.NewRequest(method, "/", nil)
	r.URL.Path, r.URL.RawPath = p, raw
	return r
}

// do runs r through h and returns the recorded response and its body.
func do(h http.Handler, r *http.Request) (*http.Response, []byte) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return res, body
}

func get(h http.Handler, target, acceptEncoding string) (*http.Response, []byte) {
	r := httptest.NewRequest(http.MethodGet, target, nil)
	if acceptEncoding != "" {
		r.Header.Set("Accept-Encoding", acceptEncoding)
	}
	return do(h, r)
}
