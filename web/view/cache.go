package view

import (
	"sort"
	"strconv"
	"strings"
	"sync"

	"briefing/web/chart"
)

// Cache memoises rendered charts: go-chart needs tens of milliseconds per chart in wasm and
// the UI re-renders on every event, so each distinct chart is drawn once.
type Cache struct {
	mu sync.Mutex
	m  map[string]chart.Result
	// Shown, when set, says whether the page already shows the chart with this key (Key) and
	// these tooltips, drawn by the build: NewCard then names it without drawing it (Chart).
	// The wasm sets it before its first build, from the prerendered page's blocks: drawing
	// the first view's charts again was the largest part of the take-over. Set once, before
	// any use; it must be safe for concurrent calls.
	Shown func(key string, tips []Tip) bool
}

// chart is sp's chart for a card with these tips: only named when the page shows it already
// (Shown), drawn or taken from the cache otherwise. The key is made once for both.
func (c *Cache) chart(sp chart.Spec, tips []Tip) (Chart, error) {
	key := Key(sp)
	if c.Shown != nil && c.Shown(key, tips) {
		return Chart{Result: chart.Result{Key: key, Width: sp.Width}, spec: sp, cache: c}, nil
	}
	r, err := c.render(key, sp)
	return Chart{Result: r}, err
}

// maxEntries bounds the memory a long session can hold; the key space is small in practice.
const maxEntries = 256

// Render returns the cached result for a spec or renders it.
func (c *Cache) Render(s chart.Spec) (chart.Result, error) { return c.render(Key(s), s) }

// render is Render with the spec's key already made.
func (c *Cache) render(key string, s chart.Spec) (chart.Result, error) {
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
	r.Key = key
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

// Key identifies a spec by everything that changes its drawing. It is computed for every
// chart on every change of view, so it is written out by hand rather than with fmt, whose
// reflection made it a noticeable part of a click. Tick is a function: the key uses its output
// over a few values instead. TestKeyCoversEverySpecField keeps it complete.
func Key(s chart.Spec) string {
	var k keyBuilder
	k.str(s.ID).int(int(s.Shape)).str(s.Title).str(s.Desc)
	k.bools(s.Percent, s.Signed, s.ShowTargets, s.ShowValues, s.ShowTitle)
	k.str(s.PartialMark).str(s.MissingText).int(s.Width).int(s.Height)
	k.str(s.Theme.Name).num(s.Theme.TextScale).num(s.LabelShare).num(s.Reference).str(s.ReferenceText)
	if s.Tick != nil {
		k.str(s.Tick(10)).str(s.Tick(2.5))
	}
	k.int(len(s.Legend))
	for _, l := range s.Legend {
		k.int(int(l.Key)).str(l.Text)
	}
	groups := make([]string, 0, len(s.GroupLabels))
	for g := range s.GroupLabels {
		groups = append(groups, g)
	}
	sort.Strings(groups)
	for _, g := range groups {
		k.str(g).str(s.GroupLabels[g])
	}
	k.int(len(s.Bars))
	for _, b := range s.Bars {
		k.str(b.Label).num(b.Value).bools(b.HasValue, b.HasTarget, b.Partial).str(b.ValueText).num(b.Target)
		k.str(b.TargetText).str(b.TargetTip).str(b.Tip).str(b.MissingText).str(b.Group)
	}
	return k.b.String()
}

// keyBuilder writes fields separated so that no two different specs give the same key:
// strings carry their length.
type keyBuilder struct{ b strings.Builder }

func (k *keyBuilder) str(s string) *keyBuilder {
	k.b.WriteString(strconv.Itoa(len(s)))
	k.b.WriteByte(':')
	k.b.WriteString(s)
	return k
}

func (k *keyBuilder) int(n int) *keyBuilder {
	k.b.WriteString(strconv.Itoa(n))
	k.b.WriteByte('|')
	return k
}

func (k *keyBuilder) num(f float64) *keyBuilder {
	k.b.WriteString(strconv.FormatFloat(f, 'g', -1, 64))
	k.b.WriteByte('|')
	return k
}

func (k *keyBuilder) bools(bs ...bool) *keyBuilder {
	for _, b := range bs {
		if b {
			k.b.WriteByte('1')
		} else {
			k.b.WriteByte('0')
		}
	}
	k.b.WriteByte('|')
	return k
}
