// Command worker is the explorer as a Cloudflare Worker (github.com/syumai/workers).
//
// Workers static assets serve the built site (dist/: index.html, the wasm, styles, the data
// package) without running Go; a request that matches no asset reaches this handler, which
// draws /charts/<dataset>.svg|png on demand (web/images) and answers everything else with a
// 404. Its responses carry the security headers serve.go sends (server.Headers); the assets
// get the same ones from the _headers file that the native build of this command writes.
//
//	./build.sh worker                      # build wasm/worker/build/ (see docs/worker.md)
//	go run ./wasm/worker -dist dist -assets wasm/worker/build/assets   # only the assets step
//
// Built with GOOS=js GOARCH=wasm it serves (main_js.go); built natively it prepares the
// assets directory (main_native.go), so `go vet ./...` and the tests run natively.
package main

import (
	"net/http"
	"strings"

	"briefing/data"
	"briefing/web/images"
	"briefing/web/server"
)

// options are the header options of the Worker and its assets: serve.go's defaults. To let
// other sites frame the explorer, set FrameAncestors here; both places follow.
var options = server.Options{}

// newHandler composes the Worker's Go side from the parsed data (or the error loading it).
func newHandler(b *data.Briefing, loadErr error) http.Handler {
	var charts http.Handler
	if loadErr != nil {
		charts = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			server.PlainError(w, r, http.StatusInternalServerError, "the data could not be loaded")
		})
	} else {
		charts = images.New(b)
	}
	return server.Headers(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasPrefix(r.URL.Path, images.Prefix):
			charts.ServeHTTP(w, r)
		case r.Method != http.MethodGet && r.Method != http.MethodHead:
			w.Header().Set("Allow", "GET, HEAD")
			server.PlainError(w, r, http.StatusMethodNotAllowed, "method not allowed")
		default: // assets answered every file of the site before the Worker ran
			server.PlainError(w, r, http.StatusNotFound, "not found")
		}
	}), options)
}
