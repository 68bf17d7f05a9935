// Package static holds the page's hand-written assets: style sheets, the loader, the script
// that keeps input made before the wasm is ready (early.js), and the service worker (sw.js,
// completed by the site build) with the script that registers it (offline.js).
package static

import "embed"

// Files are copied into the built site; the build then completes sw.js with its file list.
//
//go:embed style.css present.css loader.js frame.js embed.js early.js offline.js sw.js
var Files embed.FS
