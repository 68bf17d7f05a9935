package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// axe-core comes from npm, pinned in package-lock.json next to this file:
// npm ci --prefix web/e2e --no-audit --no-fund (./build.sh test runs it).
var axePath = filepath.Join("node_modules", "axe-core", "axe.min.js")

var axeSource = sync.OnceValues(func() (string, error) {
	b, err := os.ReadFile(axePath)
	return string(b), err
})

// needAxe returns axe-core's script; it skips (or, under ./build.sh test, fails) when npm has
// not installed it.
func needAxe(t *testing.T) string {
	t.Helper()
	src, err := axeSource()
	if err != nil {
		msg := fmt.Sprintf("accessibility tests need axe-core from npm (%v): run npm ci --prefix web/e2e --no-audit --no-fund", err)
		if os.Getenv("REQUIRE_BROWSER") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return src
}

// axeTags are the rule sets checked: WCAG 2.0 and 2.1, levels A and AA.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

type axeViolation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target         json.RawMessage `json:"target"` // selectors; nested arrays cross frames
		HTML           string          `json:"html"`
		FailureSummary string          `json:"failureSummary"`
	} `json:"nodes"`
}

// axeNodesShown is how many elements a failure lists per rule.
const axeNodesShown = 5

// axe injects axe-core into the page (Runtime.evaluate runs whatever the page's CSP says) and
// fails the test with every WCAG 2.0/2.1 A or AA violation it finds; context names the view.
func axe(t *testing.T, p *page, context string) {
	t.Helper()
	src := needAxe(t)
	if !eval[bool](t, p, `typeof window.axe === "object"`) {
		if _, err := chromedp.Run(p.ctx, chromedp.Evaluate[chromedp.Void](src)); err != nil {
			t.Fatalf("%s: injecting axe-core: %v", context, err)
		}
	}
	tags, _ := json.Marshal(axeTags)
	js := `document.fonts.ready
	  .then(() => axe.run(document, {runOnly: {type: "tag", values: ` + string(tags) + `}, resultTypes: ["violations"]}))
	  .then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
	    nodes: v.nodes.map(n => ({target: n.target, html: n.html, failureSummary: n.failureSummary}))})))`
	vs, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]axeViolation](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: running axe-core: %v", context, err)
	}
	if len(vs) == 0 {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: axe-core found %d WCAG A/AA violation(s):", context, len(vs))
	for _, v := range vs {
		fmt.Fprintf(&b, "\n  %s (%s, %d element(s)): %s  %s", v.ID, v.Impact, len(v.Nodes), v.Help, v.HelpURL)
		for i, n := range v.Nodes {
			if i == axeNodesShown {
				fmt.Fprintf(&b, "\n    … and %d more", len(v.Nodes)-i)
				break
			}
			fmt.Fprintf(&b, "\n    %s %s\n      %s", n.Target, n.HTML, strings.ReplaceAll(n.FailureSummary, "\n", "\n      "))
		}
	}
	t.Error(b.String())
}

// axeView is a view of the explorer, reached by its URL query.
type axeView struct {
	name   string
	query  string // URL parameters after v=2, without lang and theme
	needs  string // a selector the view must have; without it the view is not built yet: skip
	slides bool   // a presentation: check every slide, then the blanked screen
}

var axeViews = []axeView{
	{name: "explorer"},
	{name: "tables", query: "fatalities=table&coe-gaps=table&parity=table"},
	{name: "variants", query: "parity=gap&fatalities=line&coe-gaps=line"},
	{name: "key-figures-search", query: "q=PCRS"},
	{name: "presentation", query: "slide=1", needs: ".slides", slides: true},
	{name: "embed", query: "embed=fatalities", needs: ".app.embed"},
	{name: "embed-bare", query: "embed=parity&controls=0", needs: ".app.embed"},
}

// forget drops what a tab recorded so far, so that a tab reused for another view reports only
// that view's console errors and foreign requests.
func (p *page) forget() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.errors, p.foreign = nil, nil
}

// showSlideBar keeps a slide's navigation and hints as they look when shown. They fade after
// 3 s without input (.slides.quiet); on a busy machine axe can take longer than that, and
// would then judge their contrast in the middle of the fade. Shown is the state a reader
// reads them in; faded, they are not there to read.
func showSlideBar(t *testing.T, p *page) {
	t.Helper()
	eval[bool](t, p, `(() => { const sheet = document.styleSheets[document.styleSheets.length - 1];
		sheet.insertRule(".slides.quiet .slide-bar, .slides.quiet .slide-help { opacity: 1 !important; }", sheet.cssRules.length);
		sheet.insertRule(".slide-bar, .slide-help { transition: none !important; }", sheet.cssRules.length);
		return true; })()`)
}

// TestAccessibility runs axe-core's WCAG 2.0/2.1 A and AA rules on every view, in both
// languages and every theme, and on the phone layout.
func TestAccessibility(t *testing.T) {
	needAxe(t)
	u := site(t)
	check := func(t *testing.T, p *page, v axeView, params string) {
		p.forget()
		p.open(t, u+"/?v=2&"+v.query+params)
		if v.needs != "" && !eval[bool](t, p, fmt.Sprintf(`document.querySelector(%q) !== null`, v.needs)) {
			t.Skipf("the %s view is not built yet (no %s element): it is checked once it is", v.name, v.needs)
		}
		// Open every disclosure, so that the source quotes behind them are checked too.
		eval[int](t, p, `[...document.querySelectorAll("details")].map(d => d.open = true).length`)
		if v.slides {
			showSlideBar(t, p)
		}
		axe(t, p, v.name+" "+v.query+params)
		if v.slides {
			n := eval[int](t, p, `document.querySelectorAll(".slides .slide").length`)
			for i := 2; i <= n; i++ {
				q := fmt.Sprintf("slide=%d", i)
				p.open(t, u+"/?v=2&"+q+params)
				showSlideBar(t, p)
				axe(t, p, v.name+" "+q+params)
			}
			p.run(t, chromedp.KeyEvent("b"), chromedp.WaitVisible(chromedp.CSS(".blank-screen")))
			axe(t, p, v.name+" blanked screen"+params)
		}
		p.clean(t)
	}
	// A tab serves every view of a language and theme (a page per view takes twice as long),
	// but a presentation gets its own: its slides take a tab's time budget.
	for _, lang := range []string{"en", "fr"} {
		for _, theme := range []string{"light", "dark", "projector"} {
			t.Run(lang+"-"+theme, func(t *testing.T) {
				params := "&lang=" + lang + "&theme=" + theme
				shared := newPage(t, u, 1280, 900)
				for _, v := range axeViews {
					t.Run(v.name, func(t *testing.T) {
						p := shared
						if v.slides {
							p = newPage(t, u, 1280, 900)
						}
						check(t, p, v, params)
					})
				}
			})
		}
	}
	t.Run("phone", func(t *testing.T) {
		p := newPage(t, u, 375, 800)
		for _, v := range axeViews[:2] {
			t.Run(v.name, func(t *testing.T) { check(t, p, v, "") })
		}
	})
}
