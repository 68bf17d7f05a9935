// Package static holds the page's hand-written assets: style sheets, the loader and the
// script that keeps input made before the wasm is ready (early.js).
package static

import "embed"

// Files are copied unchanged into the built site.
//
//go:embed style.css present.css loader.js frame.js embed.js early.js
var Files embed.FS
