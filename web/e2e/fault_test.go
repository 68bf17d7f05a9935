package e2e

import (
	"io/fs"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"

	"briefing/web/server"
)

// faultSite serves the built site with its wasm swapped for the fault test build
// (-tags faultinject, wasm/fault_on.go), which can be made to panic from the URL.
func faultSite(t *testing.T) string {
	dist := need(t)
	index, err := os.ReadFile(filepath.Join(dist, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`data-wasm="([^"]+)"`).FindSubmatch(index)
	if m == nil {
		t.Fatal("index.html names no wasm")
	}
	wasm := filepath.Join(t.TempDir(), "fault.wasm")
	cmd := exec.Command("go", "build", "-tags", "faultinject", "-o", wasm, "../../wasm")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the fault wasm: %v\n%s", err, out)
	}
	b, err := os.ReadFile(wasm)
	if err != nil {
		t.Fatal(err)
	}
	name := string(m[1])
	overlay := fstest.MapFS{name: {Data: b}}
	srv := httptest.NewServer(server.New(swapFS{os.DirFS(dist), overlay, name}, server.Options{}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// swapFS is a site with one file replaced; its precompressed copies are hidden.
type swapFS struct {
	base    fs.FS
	overlay fs.FS
	name    string
}

func (s swapFS) Open(name string) (fs.File, error) {
	switch name {
	case s.name:
		return s.overlay.Open(name)
	case s.name + ".br", s.name + ".gz":
		return nil, fs.ErrNotExist
	}
	return s.base.Open(name)
}

// TestPanicShowsBanner makes the explorer panic in three places and checks each time that
// the reader gets a banner with the error text and a reload button, and keeps the figures.
func TestPanicShowsBanner(t *testing.T) {
	u := faultSite(t)

	t.Run("dispatch", func(t *testing.T) {
		p := newPage(t, u, 1280, 900)
		p.open(t, u+"/?fault=dispatch")
		p.run(t, chromedp.Click(chromedp.CSS(`#fatalities .view-table`)), chromedp.WaitVisible(chromedp.CSS(`.banner[role="alert"]`)))
		text := eval[string](t, p, `document.querySelector(".banner .error-text").textContent`)
		if !strings.Contains(text, "deliberate fault: dispatch") {
			t.Errorf("banner text %q", text)
		}
		// The explorer survived: the next control still works.
		p.run(t, chromedp.Click(chromedp.CSS(`#parity .targets-toggle`)), chromedp.WaitNotPresent(chromedp.CSS(`#parity .chart svg .target`)))
		// The banner's Reload works under the shipped Content-Security-Policy (an inline
		// handler did nothing there): a new page, at the same view, without the banner.
		p.run(t, chromedp.Evaluate[chromedp.Void](`window.__before = 1`), chromedp.Click(chromedp.CSS(`.banner a.reload`)))
		p.waitAcrossNavigation(t, `window.__before === undefined && document.documentElement.dataset.ready === "1"`)
		if got := eval[string](t, p, `location.search`); !strings.Contains(got, "fatalities=table") || strings.Contains(got, "fault") {
			t.Errorf("reloaded at %q, want the same view", got)
		}
		if n := eval[int](t, p, `document.querySelectorAll(".banner").length`); n != 0 {
			t.Error("the banner is still there after Reload")
		}
	})
	for _, fault := range []string{"key", "render"} {
		t.Run(fault, func(t *testing.T) {
			p := newPage(t, u, 1280, 900)
			p.run(t, chromedp.Navigate(u+"/?fault="+fault), chromedp.WaitVisible(chromedp.CSS(`html[data-ready="1"]`)))
			if fault == "key" {
				p.run(t, chromedp.KeyEvent("!"))
			}
			p.run(t, chromedp.WaitVisible(chromedp.CSS(`#fatal[role="alert"]`)))
			text := eval[string](t, p, `document.querySelector("#fatal .error-text").textContent`)
			if !strings.Contains(text, "deliberate fault: "+map[string]string{"key": "key handler", "render": "render"}[fault]) {
				t.Errorf("banner text %q", text)
			}
			if eval[int](t, p, `document.querySelectorAll("#fatal button.reload").length`) != 1 {
				t.Error("no reload button")
			}
			if n := eval[int](t, p, `document.querySelectorAll("#fatalities svg .bar").length`); n == 0 {
				t.Error("the figures are gone: the page went blank")
			}
		})
	}
}
