package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestHeadersMatchNew checks that a handler wrapped by Headers sends exactly the security
// headers New sends, on success and on errors written by the wrapped handler.
func TestHeadersMatchNew(t *testing.T) {
	for _, opt := range []Options{{}, {FrameAncestors: "'self' https://example.org"}} {
		site := New(testSite(), opt)
		wrapped := Headers(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/missing" {
				http.Error(w, "nope", http.StatusNotFound)
				return
			}
			w.Write([]byte("ok"))
		}), opt)
		want := SecurityHeaders(opt)
		if len(want) != 3 || want.Get("Content-Security-Policy") != CSP(opt.FrameAncestors) {
			t.Fatalf("SecurityHeaders(%+v) = %v", opt, want)
		}
		for _, target := range []string{"/", "/missing"} {
			fromNew, _ := get(site, target, "")
			fromHeaders, _ := get(wrapped, target, "")
			for k := range want {
				if a, b, c := fromNew.Header.Get(k), fromHeaders.Header.Get(k), want.Get(k); a != c || b != c {
					t.Errorf("%+v %s: %s: New %q, Headers %q, SecurityHeaders %q", opt, target, k, a, b, c)
				}
			}
		}
	}
}

// TestHeadersOverride lets the wrapped handler replace a header (e.g. a stricter CSP).
func TestHeadersOverride(t *testing.T) {
	h := Headers(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'none'")
	}), Options{})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if got := rec.Header().Get("Content-Security-Policy"); got != "default-src 'none'" {
		t.Errorf("CSP %q", got)
	}
	if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
		t.Error("nosniff missing")
	}
}

func TestHeadersInvalidOptionsPanic(t *testing.T) {
	for name, f := range map[string]func(Options){
		"Headers":         func(o Options) { Headers(http.NotFoundHandler(), o) },
		"SecurityHeaders": func(o Options) { SecurityHeaders(o) },
	} {
		func() {
			defer func() {
				if r := recover(); r == nil || !strings.Contains(r.(string), "frame-ancestors") {
					t.Errorf("%s: recover() = %v, want a frame-ancestors panic", name, r)
				}
			}()
			f(Options{FrameAncestors: "'self'; script-src *"})
		}()
	}
}

func TestCacheControlExported(t *testing.T) {
	h := newTestHandler(t)
	for _, name := range []string{"index.html", "app.3f9a2c1b.wasm", "wasm_exec.js", "data/sample.csv", "docs/page.3f9a2c1b.html"} {
		res, _ := get(h, "/"+name, "")
		if got, want := CacheControl(name), res.Header.Get("Cache-Control"); got != want {
			t.Errorf("CacheControl(%q) = %q, New sends %q", name, got, want)
		}
	}
}
