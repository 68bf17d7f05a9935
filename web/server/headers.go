package server

import (
	"errors"
	"net/http"
	"path"
	"strings"
)

// defaultFrameAncestors lets the explorer frame itself (previews) but no other site.
const defaultFrameAncestors = "'self'"

// CSP returns the Content-Security-Policy sent on every response. The wasm app
// needs 'wasm-unsafe-eval' to instantiate its module and 'unsafe-inline'
// styles because the UI sets style attributes; everything else is same-origin
// only. An empty frameAncestors means "'self'".
func CSP(frameAncestors string) string {
	if frameAncestors == "" {
		frameAncestors = defaultFrameAncestors
	}
	return "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
		"style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
		"font-src 'self'; connect-src 'self'; object-src 'none'; " +
		"base-uri 'none'; form-action 'none'; frame-ancestors " + frameAncestors
}

// Validate reports whether the options can be turned into well-formed headers.
// FrameAncestors must be a space-separated source list: a ';' or ',' would let
// a flag value smuggle extra directives (or a second policy) into the CSP.
func (o Options) Validate() error {
	v := o.FrameAncestors
	if v == "" {
		return nil
	}
	if strings.TrimSpace(v) == "" {
		return errors.New("frame-ancestors: blank value")
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c == ';' || c == ',' || (c != ' ' && (c < 0x21 || c > 0x7e)) {
			return errors.New("frame-ancestors: must be a space-separated source list " +
				"(e.g. 'self' https://example.org) without ';', ',' or control characters")
		}
	}
	return nil
}

// setSecurityHeaders is applied before anything else so that errors, redirects
// and 304s carry the same policy as content. Referrer-Policy is no-referrer:
// the explorer makes no cross-origin requests and nothing here reads Referer,
// while its URLs may carry view state that outbound links should not leak.
// Cross-Origin-Opener-Policy is deliberately absent: the app is embedded.
func setSecurityHeaders(h http.Header, csp string) {
	h.Set("Content-Security-Policy", csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
}

// contentType maps extensions explicitly so behaviour does not depend on the
// host's mime.types (or its absence inside a Worker).
func contentType(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm":
		return "text/html; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".wasm":
		return "application/wasm"
	case ".css":
		return "text/css; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".json", ".map":
		return "application/json"
	case ".csv":
		return "text/csv; charset=utf-8"
	case ".ttf":
		return "font/ttf"
	case ".woff2":
		return "font/woff2"
	case ".woff":
		return "font/woff"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".ico":
		return "image/x-icon"
	case ".webmanifest":
		return "application/manifest+json"
	}
	return "application/octet-stream"
}

// compressible lists the types worth gzipping on the fly; images and woff2
// are already compressed, so spending CPU on them gains nothing.
func compressible(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".js", ".mjs", ".css", ".svg", ".json", ".map",
		".csv", ".wasm", ".txt", ".webmanifest", ".ttf", ".ico":
		return true
	}
	return false
}

// serviceWorker is the name of the site's service worker (web/static/sw.js).
const serviceWorker = "sw.js"

// cacheControl: HTML must be revalidated so a deploy is picked up at once, and so must the
// service worker, whose bytes change with every deploy and tell the browser to install the
// new build (browsers revalidate it at least daily whatever this says; no-cache makes it at
// once); content-hashed names never change, so they can be cached for a year; other assets
// (data, unhashed scripts) get a short shared cache.
func cacheControl(name string) string {
	switch {
	case strings.EqualFold(path.Ext(name), ".html"), path.Base(name) == serviceWorker:
		return "no-cache"
	case isHashed(name):
		return "public, max-age=31536000, immutable"
	}
	return "public, max-age=300"
}

// isHashed reports whether the base name looks like name.<8-64 lowercase hex>.ext,
// the pattern the build uses to fingerprint assets.
func isHashed(name string) bool {
	base := path.Base(name)
	ext := path.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	dot := strings.LastIndexByte(stem, '.')
	if len(ext) < 2 || dot <= 0 {
		return false
	}
	hash := stem[dot+1:]
	if len(hash) < 8 || len(hash) > 64 {
		return false
	}
	for i := 0; i < len(hash); i++ {
		if c := hash[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
