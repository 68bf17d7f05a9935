package e2e

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"briefing/web/server"
)

func TestEmbedShowsOneChart(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 800, 700)
	p.open(t, u+"/?v=2&embed=fatalities")
	if n := eval[int](t, p, `[...document.querySelectorAll("section.card")].filter(e => e.offsetParent).length`); n != 1 {
		t.Errorf("%d cards visible in the embed, want 1", n)
	}
	if eval[int](t, p, `[...document.querySelectorAll(".masthead, .colophon, #key-figures")].filter(e => e.offsetParent).length`) != 0 {
		t.Error("the embed shows page chrome")
	}
	if n := eval[int](t, p, `document.querySelectorAll("#fatalities .chart svg .bar").length`); n != 4 {
		t.Errorf("embedded chart has %d bars", n)
	}
	link := eval[string](t, p, `document.querySelector("#fatalities .embed-link a").href`)
	if !strings.Contains(link, "index.html") || strings.Contains(link, "embed=") || !strings.HasSuffix(link, "#fatalities") {
		t.Errorf("link to the full explorer %q", link)
	}
	if eval[bool](t, p, `document.querySelector("#fatalities .toolbar") === null || !document.querySelector("#fatalities .toolbar").offsetParent`) {
		t.Error("an embed with controls should show them")
	}
	p.clean(t)

	bare := newPage(t, u, 800, 700)
	bare.open(t, u+"/?v=2&embed=parity&controls=0")
	if eval[int](t, bare, `document.querySelectorAll("#parity .toolbar").length`) != 0 {
		t.Error("controls=0 should leave the controls out")
	}
	bare.clean(t)
}

func TestEmbedDialogGivesCode(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	p.open(t, u+"/")
	p.run(t, chromedp.Click(chromedp.CSS(`#coe-gaps .share-toggle`)), chromedp.WaitVisible(chromedp.CSS(`#coe-gaps .embed-toggle`)),
		chromedp.Click(chromedp.CSS(`#coe-gaps .embed-toggle`)), chromedp.WaitVisible(chromedp.CSS(`#coe-gaps-embed`)))
	iframe := eval[string](t, p, `document.querySelector("#coe-gaps .embed-iframe").value`)
	for _, want := range []string{`<iframe src="` + u + `/index.html?embed=coe-gaps&amp;v=2"`, "data-s2020911-embed", `<script src="` + u + `/embed.js"`, `title="Units with critical`} {
		if !strings.Contains(iframe, want) {
			t.Errorf("iframe code lacks %q:\n%s", want, iframe)
		}
	}
	img := eval[string](t, p, `document.querySelector("#coe-gaps .embed-image").value`)
	if !strings.Contains(img, `charts/coe-gaps-en-light.svg`) || !strings.Contains(img, `alt="Units with critical`) || !strings.Contains(img, "S/2020/911") {
		t.Errorf("image code: %s", img)
	}
	// Embed is an item of the "Download / share" menu: chosen, the menu closes and the code
	// has the focus (TestShareMenu checks the menu itself).
	if eval[string](t, p, `document.querySelector("#coe-gaps .share-toggle").getAttribute("aria-expanded")`) != "false" {
		t.Error("the menu stays open after Embed was chosen")
	}
	p.clean(t)
}

// TestEmbedResizesOnAnotherOrigin embeds the chart in a host page on a second loopback
// origin, the way an intranet page would, and checks embed.js sizes the iframe to the chart.
func TestEmbedResizesOnAnotherOrigin(t *testing.T) {
	dist := need(t)
	explorer := httptest.NewServer(server.New(os.DirFS(dist), server.Options{FrameAncestors: "http://localhost:*"}))
	t.Cleanup(explorer.Close)
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html><head><title>Intranet</title></head><body style="margin:0">
<h1>Our briefing notes</h1>
<iframe id="f" src="%[1]s/index.html?v=2&embed=fatalities" data-s2020911-embed data-theme="dark" title="Fatalities" style="width:100%%;height:150px;border:0"></iframe>
<p id="after">Text after the chart.</p>
<script src="%[1]s/embed.js"></script></body></html>`, explorer.URL)
	}))
	t.Cleanup(host.Close)
	// Another site, as an intranet page would be: localhost is loopback too.
	hostURL := strings.Replace(host.URL, "127.0.0.1", "localhost", 1)
	p := newPage(t, hostURL, 1000, 800)
	p.run(t, chromedp.Navigate(hostURL))
	p.until(t, "embed.js to size the iframe to its chart", `document.getElementById("f").getBoundingClientRect().height > 400`)
	// The theme passed in by the host reaches the embedded explorer once it has taken over.
	frame := frameContext(t, p, "embed=fatalities")
	if err := chromedp.Do(frame, chromedp.Poll[chromedp.Void](`document.documentElement.getAttribute("data-ready") === "1" &&
	  document.querySelector("#vugu_mount_point").getAttribute("data-theme") === "dark"`, chromedp.WithPollingTimeout(0))); err != nil {
		theme, _ := chromedp.Run(frame, chromedp.Evaluate[string](`document.querySelector("#vugu_mount_point").getAttribute("data-theme")`))
		t.Fatalf("the embedded explorer did not take the host's dark theme (data-theme %q): %v", theme, err)
	}
	// The frame is as tall as its content (no inner scroll bar, no empty band): the host's
	// iframe has the height the embedded page reports, whatever the take-over changed.
	var content, h float64
	p.eventually(t, "the iframe to be as tall as its content", func() bool {
		c, err := chromedp.Run(frame, chromedp.Evaluate[float64](`Math.ceil(document.documentElement.getBoundingClientRect().height)`))
		if err != nil {
			t.Fatal(err)
		}
		content, h = c, eval[float64](t, p, `document.getElementById("f").getBoundingClientRect().height`)
		return h == content
	})
	if h < 400 || h > 1500 {
		t.Errorf("iframe height %.0f px", h)
	}
	p.cleanConsole(t) // the host page loads the explorer's origin on purpose
}

// frameContext attaches to the cross-origin iframe whose URL contains a string.
func frameContext(t *testing.T, p *page, urlPart string) context.Context {
	t.Helper()
	var frame context.Context
	p.eventually(t, "an iframe target with "+urlPart, func() bool {
		targets, err := chromedp.Targets(p.ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, ti := range targets {
			if ti.Type == "iframe" && strings.Contains(ti.URL, urlPart) {
				c, cancel := chromedp.NewContext(p.ctx, chromedp.WithTargetID(ti.TargetID))
				t.Cleanup(cancel)
				frame = c
				return true
			}
		}
		return false
	})
	return frame
}
