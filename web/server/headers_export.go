package server

import "net/http"

// Headers wraps h so that every response it writes carries the security headers New sends
// (Content-Security-Policy from CSP(opt.FrameAncestors), X-Content-Type-Options and
// Referrer-Policy). They are set before h runs, so errors, redirects and 304s carry them
// too. It is for handlers that do not go through New, such as the Worker's chart images.
// Like New, it panics if opt fails Validate.
func Headers(h http.Handler, opt Options) http.Handler {
	if err := opt.Validate(); err != nil {
		panic("server.Headers: " + err.Error())
	}
	csp := CSP(opt.FrameAncestors)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		setSecurityHeaders(w.Header(), csp)
		h.ServeHTTP(w, r)
	})
}

// SecurityHeaders returns the security headers New and Headers set on every response, for
// a host that serves files without running Go (e.g. the _headers file of Workers static
// assets). It panics if opt fails Validate.
func SecurityHeaders(opt Options) http.Header {
	if err := opt.Validate(); err != nil {
		panic("server.SecurityHeaders: " + err.Error())
	}
	h := http.Header{}
	setSecurityHeaders(h, CSP(opt.FrameAncestors))
	return h
}

// CacheControl returns the Cache-Control New sends with the file name (a path inside the
// site, e.g. "index.html" or "app.3f9a2c1b.wasm"): no-cache for HTML, a year for
// content-hashed names, five minutes for the rest.
func CacheControl(name string) string { return cacheControl(name) }

// Hashed reports whether a file's name carries its content hash (name.<8 to 64 lowercase hex
// digits>.ext, as app.<hash>.wasm): New caches such a file for a year, and the site build's
// service worker serves it from its cache first.
func Hashed(name string) bool { return isHashed(name) }
