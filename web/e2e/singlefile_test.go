package e2e

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image/png"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"briefing/data"
)

// singleFile is the one-file edition's name in the built site (web/site/singlefile.go).
const singleFile = "s-2020-911-explorer.html"

// TestSingleFileRunsOffline opens the one-file edition from file:// with every network request
// blocked and checks that the explorer starts, draws its charts with the inlined font and
// reacts to a control, and that it never even tried a request outside the file.
func TestSingleFileRunsOffline(t *testing.T) {
	dist := need(t)
	abs, err := filepath.Abs(filepath.Join(dist, singleFile))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(abs); err != nil {
		if os.Getenv("REQUIRE_BROWSER") == "1" {
			t.Fatalf("%s is missing (./build.sh build writes it)", abs)
		}
		t.Skipf("%s is missing (./build.sh build writes it)", abs)
	}
	// The file carries the TTF of the page font's subset once, for the page and the wasm.
	ttfs, _ := filepath.Glob(filepath.Join(dist, "fonts", "*.ttf"))
	if len(ttfs) != 1 {
		t.Fatalf("fonts/*.ttf: %v, want the one subset", ttfs)
	}
	font, err := os.ReadFile(ttfs[0])
	if err != nil {
		t.Fatal(err)
	}
	page := (&url.URL{Scheme: "file", Path: abs}).String()

	p := newPage(t, "file://", 1280, 900)
	var mu sync.Mutex
	var requests []string // every request the page starts, whatever its scheme
	if err := chromedp.Listen(p.ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			requests = append(requests, e.Request.URL)
			mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}
	var block []*network.BlockPattern
	for _, scheme := range []string{"http", "https", "ws", "wss"} {
		block = append(block, &network.BlockPattern{URLPattern: scheme + "://*:*/*", Block: true})
	}
	if _, err := chromedp.Call(p.ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: block}); err != nil {
		t.Fatalf("blocking the network: %v", err)
	}
	if _, err := chromedp.Call(p.ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		MatchedNetworkConditions: []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}},
	}); err != nil {
		t.Fatalf("going offline: %v", err)
	}
	if _, err := chromedp.Call(p.ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{
		Offline: true, DownloadThroughput: -1, UploadThroughput: -1,
	}); err != nil {
		t.Fatalf("going offline: %v", err)
	}

	p.open(t, page)

	if !eval[bool](t, p, `window.explorerSingleFile === true`) {
		t.Error("window.explorerSingleFile is not set")
	}
	if n := eval[int](t, p, `window.explorerFont instanceof Uint8Array ? window.explorerFont.length : -1`); n != len(font) {
		t.Errorf("window.explorerFont: %d bytes, want the %d of the chart font", n, len(font))
	}
	if !fontLoaded(t, p) {
		t.Error(`the page's "Roboto Medium" @font-face did not load from the inlined font`)
	}
	if n := eval[int](t, p, `document.getElementById("explorer-wasm").textContent.length`); n != 0 {
		t.Errorf("the embedded wasm's text is still in the page after the start (%d characters)", n)
	}
	if !eval[bool](t, p, `document.getElementById("loader").hidden`) {
		t.Error("the loading indicator is still showing")
	}

	b, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, ds := range b.Datasets {
		js := fmt.Sprintf(`document.querySelectorAll("#%s .chart.only svg .bar").length`, ds.ID)
		if n := eval[int](t, p, js); n == 0 {
			t.Errorf("%s: no chart drawn", ds.ID)
		}
	}
	if n := eval[int](t, p, `document.querySelectorAll('a[href^="data/"], [src]:not(script)').length`); n != 0 {
		t.Errorf("%d links or sources point to files that do not exist beside the lone file", n)
	}

	// The wasm redraws the chart with the font it took from the page: the targets go away.
	if n := eval[int](t, p, `document.querySelectorAll("#parity .chart.only svg .target").length`); n == 0 {
		t.Fatal("parity chart shows no target markers by default")
	}
	p.run(t, chromedp.Click(chromedp.CSS(`#parity .targets-toggle`)),
		chromedp.WaitNotPresent(chromedp.CSS(`#parity .chart.only svg .target`)))
	if n := eval[int](t, p, `document.querySelectorAll("#parity .target").length`); n != 0 {
		t.Errorf("%d target markers left after switching them off", n)
	}
	if eval[bool](t, p, `document.documentElement.hasAttribute("data-failed")`) {
		t.Errorf("the explorer stopped: %s", eval[string](t, p, `document.querySelector("#fatal").innerText`))
	}
	// A downloaded image draws its text with the outlines of the inlined font, offline.
	if name, svg := allowDownloads(t, p).take(t, p, `#coe-gaps .dl-svg`); !strings.Contains(string(svg), `<path id="glyph-`) {
		t.Errorf("%s: no glyph outlines in the image", name)
	}

	p.clean(t)
	mu.Lock()
	defer mu.Unlock()
	for _, r := range requests {
		u, err := url.Parse(r)
		switch {
		case err != nil:
			t.Errorf("request to an unreadable URL %q", r)
		case u.Scheme == "data" || u.Scheme == "blob":
		case u.Scheme == "file" && u.Path == abs:
		default:
			t.Errorf("the lone file made a request: %s", r)
		}
	}
}

// TestStaticChartsAreDocuments checks every static image the build writes into charts/: each
// SVG is well-formed XML with a non-empty <title> and <desc> and the source line, and each PNG
// decodes and is at least 1920 px wide; every dataset, language and theme is there.
func TestStaticChartsAreDocuments(t *testing.T) {
	dist := os.Getenv("DIST_DIR")
	if dist == "" {
		dist = filepath.Join("..", "..", "dist")
	}
	dir := filepath.Join(dist, "charts")
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("REQUIRE_BROWSER") == "1" {
			t.Fatalf("%s is missing (./build.sh build writes it)", dir)
		}
		t.Skipf("%s is missing (./build.sh build writes it)", dir)
	}
	b, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, ds := range b.Datasets {
		for _, lang := range []string{"en", "fr"} {
			for _, theme := range []string{"light", "dark", "projector"} {
				for _, ext := range []string{"svg", "png"} {
					want = append(want, ds.ID+"-"+lang+"-"+theme+"."+ext)
				}
			}
		}
	}
	sort.Strings(want)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("charts/ holds\n  %s\nwant\n  %s", strings.Join(got, " "), strings.Join(want, " "))
	}
	for _, name := range got {
		body, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		switch filepath.Ext(name) {
		case ".svg":
			title, desc, text, err := svgTexts(body)
			if err != nil {
				t.Errorf("%s: not well-formed XML: %v", name, err)
				continue
			}
			if strings.TrimSpace(title) == "" {
				t.Errorf("%s: no <title>", name)
			}
			if strings.TrimSpace(desc) == "" {
				t.Errorf("%s: no <desc>", name)
			}
			if !strings.Contains(text, "S/2020/911") {
				t.Errorf("%s: no source line", name)
			}
		case ".png":
			cfg, err := png.DecodeConfig(bytes.NewReader(body))
			if err != nil {
				t.Errorf("%s: %v", name, err)
			} else if cfg.Width < 1920 {
				t.Errorf("%s: %d px wide, want at least 1920", name, cfg.Width)
			}
		}
	}
}

// svgTexts parses an SVG strictly and returns its first <title>, first <desc> and all text
// shown: <text> content, and the aria-label of each line drawn as outlines (chart.RenderImage).
func svgTexts(body []byte) (title, desc, text string, err error) {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = true
	var stack []string
	seen := map[string]bool{}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			if len(stack) != 0 {
				return "", "", "", fmt.Errorf("unclosed <%s>", stack[len(stack)-1])
			}
			return title, desc, text, nil
		}
		if err != nil {
			return "", "", "", err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if len(stack) == 0 && (e.Name.Local != "svg" || e.Name.Space != "http://www.w3.org/2000/svg") {
				return "", "", "", fmt.Errorf("root element %s %s, want svg in the SVG namespace", e.Name.Space, e.Name.Local)
			}
			stack = append(stack, e.Name.Local)
			for _, a := range e.Attr {
				if a.Name.Local == "aria-label" && len(stack) > 1 {
					text += a.Value + "\n"
				}
			}
		case xml.EndElement:
			name := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			seen[name] = true
		case xml.CharData:
			if len(stack) == 0 {
				continue
			}
			switch s := string(e); stack[len(stack)-1] {
			case "title":
				if !seen["title"] {
					title += s
				}
			case "desc":
				if !seen["desc"] {
					desc += s
				}
			case "text":
				text += s + "\n"
			}
		}
	}
}
