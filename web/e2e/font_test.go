package e2e

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// traffic records a page's requests: URLs in order, and bytes as transferred (headers and
// body, Network.loadingFinished's encodedDataLength) by resource type.
type traffic struct {
	mu     sync.Mutex
	urls   []string
	kind   map[network.RequestID]string
	bytes  map[string]float64
	counts map[string]int
}

func watchTraffic(t *testing.T, p *page) *traffic {
	t.Helper()
	tr := &traffic{kind: map[network.RequestID]string{}, bytes: map[string]float64{}, counts: map[string]int{}}
	if err := chromedp.Listen(p.ctx, func(ev any) {
		tr.mu.Lock()
		defer tr.mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			tr.urls = append(tr.urls, e.Request.URL)
			tr.kind[e.RequestID] = string(e.Type)
		case *network.EventLoadingFinished:
			k := tr.kind[e.RequestID]
			tr.bytes[k] += e.EncodedDataLength
			tr.counts[k]++
		}
	}); err != nil {
		t.Fatal(err)
	}
	// A cold load: every request goes over the wire.
	if _, err := chromedp.Call(p.ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.Fatal(err)
	}
	return tr
}

// fonts are the font files requested so far.
func (tr *traffic) fonts() []string {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	var out []string
	for _, raw := range tr.urls {
		if u, err := url.Parse(raw); err == nil && strings.HasPrefix(u.Path, "/fonts/") {
			out = append(out, u.Path)
		}
	}
	return out
}

// report is the bytes transferred by resource type, largest first, and their total.
func (tr *traffic) report() string {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	var kinds []string
	total := 0.0
	for k, b := range tr.bytes {
		kinds = append(kinds, k)
		total += b
	}
	sort.Slice(kinds, func(i, j int) bool { return tr.bytes[kinds[i]] > tr.bytes[kinds[j]] })
	var b strings.Builder
	for _, k := range kinds {
		fmt.Fprintf(&b, "%s %d (%d requests), ", k, int(tr.bytes[k]), tr.counts[k])
	}
	fmt.Fprintf(&b, "total %d bytes", int(total))
	return b.String()
}

// TestFontRequestedOnce: a cold load asks for one font file, the WOFF2 subset of the page's
// @font-face (the wasm measures with metrics built in, and the TTF is no longer preloaded),
// and the charts' text is drawn in it. The first image download then fetches the subset's
// TTF for its glyph outlines, once. The bytes of the load are logged by resource type.
func TestFontRequestedOnce(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	tr := watchTraffic(t, p)
	p.open(t, u+"/")
	loaded := fontLoaded(t, p) // after the fonts are in, so that the report counts them
	t.Logf("cold load: %s", tr.report())
	fonts := tr.fonts()
	if len(fonts) != 1 || !strings.HasSuffix(fonts[0], ".woff2") {
		t.Fatalf("font requests on load: %v, want one, the WOFF2", fonts)
	}
	if !loaded {
		t.Error(`the "Roboto Medium" @font-face did not load`)
	}
	family := eval[string](t, p, `getComputedStyle(document.querySelector("#fatalities .chart svg text")).fontFamily`)
	if !strings.HasPrefix(strings.ReplaceAll(family, `"`, "'"), "'Roboto Medium'") {
		t.Errorf("chart text is set in %s, want Roboto Medium", family)
	}

	d := allowDownloads(t, p)
	for _, button := range []string{`#coe-gaps .dl-svg`, `#fatalities .dl-svg`} {
		name, b := d.take(t, p, button)
		if !strings.Contains(string(b), `<path id="glyph-`) {
			t.Errorf("%s: no glyph outlines in the image", name)
		}
	}
	fonts = tr.fonts()
	if len(fonts) != 2 || !strings.HasSuffix(fonts[1], ".ttf") {
		t.Errorf("font requests after two image downloads: %v, want the WOFF2 and then the TTF once", fonts)
	}
	p.clean(t)
}

// fontLoaded waits for the page's fonts, then reports whether its "Roboto Medium" @font-face
// loaded (the browser accepted the file).
func fontLoaded(t *testing.T, p *page) bool {
	t.Helper()
	js := `document.fonts.ready.then(() => [...document.fonts].some(f => f.family.replace(/"/g, "") === "Roboto Medium" && f.status === "loaded"))`
	ok, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("waiting for the fonts: %v", err)
	}
	return ok
}
