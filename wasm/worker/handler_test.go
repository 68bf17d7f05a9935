package main

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"briefing/data"
	"briefing/web/server"
)

func do(t *testing.T, h http.Handler, method, target string) (*http.Response, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}

// checkSecurityHeaders compares a response with the headers serve.go sends.
func checkSecurityHeaders(t *testing.T, what string, got http.Header) {
	t.Helper()
	for k, v := range server.SecurityHeaders(options) {
		if got.Get(k) != v[0] {
			t.Errorf("%s: %s = %q, want %q", what, k, got.Get(k), v[0])
		}
	}
}

func TestHandler(t *testing.T) {
	b, err := data.Load()
	h := newHandler(b, err)
	cases := []struct {
		method, target string
		status         int
		ctype          string
	}{
		{"GET", "/charts/fatalities.svg?lang=fr&theme=dark", 200, "image/svg+xml"},
		{"GET", "/charts/parity.png?width=320", 200, "image/png"},
		{"HEAD", "/charts/coe-gaps.svg", 200, "image/svg+xml"},
		{"GET", "/charts/nope.svg", 404, "text/plain; charset=utf-8"},
		{"GET", "/charts/parity.svg?theme=neon", 400, "text/plain; charset=utf-8"},
		{"POST", "/charts/parity.svg", 405, "text/plain; charset=utf-8"},
		{"GET", "/", 404, "text/plain; charset=utf-8"}, // assets answer it before the Worker runs
		{"GET", "/data/fatalities.csv", 404, "text/plain; charset=utf-8"},
		{"PUT", "/data/fatalities.csv", 405, "text/plain; charset=utf-8"},
	}
	for _, c := range cases {
		res, body := do(t, h, c.method, c.target)
		what := c.method + " " + c.target
		if res.StatusCode != c.status || res.Header.Get("Content-Type") != c.ctype {
			t.Errorf("%s: %d %q, want %d %q (%.80q)", what, res.StatusCode, res.Header.Get("Content-Type"), c.status, c.ctype, body)
		}
		if c.status >= 400 && res.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("%s: Cache-Control %q", what, res.Header.Get("Cache-Control"))
		}
		if c.status == 405 && res.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s: Allow %q", what, res.Header.Get("Allow"))
		}
		checkSecurityHeaders(t, what, res.Header)
	}
}

func TestHandlerDataError(t *testing.T) {
	h := newHandler(nil, errors.New("broken CSV"))
	res, body := do(t, h, "GET", "/charts/fatalities.svg")
	if res.StatusCode != 500 || body != "the data could not be loaded\n" {
		t.Errorf("status %d, body %q", res.StatusCode, body)
	}
	checkSecurityHeaders(t, "data error", res.Header)
}
