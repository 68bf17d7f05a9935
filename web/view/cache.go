package view

import (
	"fmt"
	"sync"

	"briefing/web/chart"
)

// Cache memoises rendered charts: go-chart needs tens of milliseconds per chart in wasm and
// the UI re-renders on every event, so each distinct chart is drawn once.
type Cache struct {
	mu sync.Mutex
	m  map[string]chart.Result
}

// maxEntries bounds the memory a long session can hold; the key space is small in practice.
const maxEntries = 256

// Render returns the cached result for a spec or renders it.
func (c *Cache) Render(s chart.Spec) (chart.Result, error) {
	key := Key(s)
	c.mu.Lock()
	r, ok := c.m[key]
	c.mu.Unlock()
	if ok {
		return r, nil
	}
	r, err := chart.Render(s)
	if err != nil {
		return r, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= maxEntries {
		c.m = map[string]chart.Result{}
	}
	c.m[key] = r
	return r, nil
}

// Has reports whether a spec's chart is cached.
func (c *Cache) Has(s chart.Spec) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.m[Key(s)]
	return ok
}

// Len is the number of cached charts.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}

// Key identifies a spec by everything that changes its drawing. Tick is a function, so the
// key uses its output over a few values instead.
func Key(s chart.Spec) string {
	ticks := ""
	if s.Tick != nil {
		ticks = s.Tick(10) + s.Tick(2.5)
	}
	return fmt.Sprintf("%s|%d|%q|%q|%v|%t|%t|%t|%t|%t|%q|%q|%q|%v|%d|%d|%s|%g|%g|%q", s.ID, s.Shape, s.Title, s.Desc,
		s.Bars, s.Percent, s.Signed, s.ShowTargets, s.ShowValues, s.ShowTitle, s.PartialMark, s.Legend, s.MissingText,
		s.GroupLabels, s.Width, s.Height, s.Theme.Name, s.Theme.TextScale, s.LabelShare, ticks)
}
