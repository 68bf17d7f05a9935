// Package static holds the page's hand-written assets: style sheet and loader script.
package static

import "embed"

// Files are copied unchanged into the built site.
//
//go:embed style.css present.css loader.js frame.js embed.js
var Files embed.FS
