//go:build js && wasm

package main

import (
	"net/http"

	"github.com/syumai/workers"
	"github.com/wcharczuk/go-chart/v2/roboto"

	"briefing/data"
	"briefing/web/chart"
)

// main runs once per request: the Workers runtime starts a fresh Go instance for each, so
// nothing here is worth caching across requests.
func main() {
	// The browser build measures with metrics built into web/chart and fetches outlines only
	// for a download; the Worker links go-chart's copy and uses it for both.
	if err := chart.SetFont(roboto.Roboto); err != nil {
		panic("worker: chart font: " + err.Error())
	}
	if err := chart.SetOutlineFont(roboto.Roboto); err != nil {
		panic("worker: chart font: " + err.Error())
	}
	b, err := data.Load()
	workers.Serve(headAsGet(newHandler(b, err)))
}

// headAsGet answers HEAD with the GET response. syumai/workers turns a Content-Length into a
// FixedLengthStream, which fails when a HEAD handler writes no body ("FixedLengthStream did
// not see all expected bytes"); the runtime drops the body of a response to HEAD itself.
func headAsGet(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			r = r.Clone(r.Context())
			r.Method = http.MethodGet
		}
		h.ServeHTTP(w, r)
	})
}
