// Package built is the briefing's data as the build read and validated it (data.Load), kept
// as a Go literal in briefing_gen.go: the browser build starts with it in memory instead of
// parsing and validating the CSV files on the page's one thread at start-up. `go generate
// ./data/built` writes it again after a data edit; its tests fail when it is stale.
package built

//go:generate go run ./gen

import "briefing/data"

// Briefing is the briefing's data. It is shared: callers must not change it.
func Briefing() *data.Briefing { return briefing }
