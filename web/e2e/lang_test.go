package e2e

import (
	"io/fs"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"briefing/web/server"
)

const (
	titleEN = "Peacekeeping reform in figures — S/2020/911"
	titleFR = "La réforme du maintien de la paix en chiffres — S/2020/911"
)

// waitJS waits until a JavaScript expression is true.
func waitJS(t *testing.T, p *page, js string) {
	t.Helper()
	if _, err := chromedp.Run(p.ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(0))); err != nil {
		t.Fatalf("waiting for %s: %v", js, err)
	}
}

// TestFrenchTabTitle: the tab's title and <html lang> follow the language, when the reader
// switches, when Back undoes it, and on a ?lang=fr load (served the French page, whose loading
// text is French too).
func TestFrenchTabTitle(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	p.open(t, u+"/?lang=en")
	if got := eval[string](t, p, `document.title`); got != titleEN {
		t.Fatalf("English title %q", got)
	}
	p.run(t, chromedp.SetValue(chromedp.CSS(`.lang-select`), "fr"))
	eval[bool](t, p, `document.querySelector(".lang-select").dispatchEvent(new Event("change", {bubbles: true}))`)
	waitJS(t, p, `document.title === "`+titleFR+`" && document.documentElement.lang === "fr"`)
	p.run(t, chromedp.NavigateBack())
	waitJS(t, p, `document.title === "`+titleEN+`" && document.documentElement.lang === "en"`)

	p.open(t, u+"/?lang=fr")
	if got := eval[string](t, p, `document.title + "|" + document.documentElement.lang`); got != titleFR+"|fr" {
		t.Errorf("?lang=fr: title and lang %q", got)
	}
	// The loader leaves its last progress line in the page when the explorer is ready.
	if got := eval[string](t, p, `document.querySelector(".loader-text").textContent`); !regexp.MustCompile(`^Chargement des graphiques interactifs… \d+,\d\x{a0}Mo sur \d+,\d\x{a0}Mo$`).MatchString(got) {
		t.Errorf("French loading text %q", got)
	}
	p.clean(t)
}

// TestFrenchLoaderFollowsBrowser: on the English page, a French browser gets the loader's
// progress line in French before the wasm runs, as the wasm then shows the page in French.
func TestFrenchLoaderFollowsBrowser(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	frenchBrowser(t, p)
	p.open(t, u+"/")
	if got := eval[string](t, p, `document.querySelector(".loader-text").textContent`); !strings.HasPrefix(got, "Chargement des graphiques interactifs… ") {
		t.Errorf("loading text for a French browser %q", got)
	}
	if got := eval[string](t, p, `document.title`); got != titleFR {
		t.Errorf("title for a French browser %q", got)
	}
	p.clean(t)
}

// TestFrenchErrorBanner: when the explorer cannot load, the loader's banner is in French on a
// French page: headline, advice, button and the reason.
func TestFrenchErrorBanner(t *testing.T) {
	dist := need(t)
	index, err := os.ReadFile(dist + "/index.html")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`data-wasm="([^"]+)"`).FindSubmatch(index)
	if m == nil {
		t.Fatal("index.html names no wasm")
	}
	srv := httptest.NewServer(server.New(withoutFile{os.DirFS(dist), string(m[1])}, server.Options{}))
	t.Cleanup(srv.Close)
	p := newPage(t, srv.URL, 1280, 900)
	p.run(t, chromedp.Navigate(srv.URL+"/?lang=fr"), chromedp.WaitVisible(chromedp.CSS(`#fatal[role="alert"]`)))
	got := eval[string](t, p, `document.querySelector("#fatal").innerText`)
	for _, want := range []string{"L’explorateur interactif s’est arrêté.", "Les chiffres affichés restent exacts", "Recharger", "impossible de charger " + string(m[1]) + "\u202f: HTTP 404"} {
		if !strings.Contains(got, want) {
			t.Errorf("banner %q lacks %q", got, want)
		}
	}
	if lang := eval[string](t, p, `document.documentElement.lang`); lang != "fr" {
		t.Errorf("the French page's <html lang> is %q", lang)
	}
}

// TestFrenchWithoutScript: with JavaScript off, ?lang=fr is the French page, and the pages
// link to each other.
func TestFrenchWithoutScript(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	if _, err := chromedp.Call(p.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	p.run(t, chromedp.Navigate(u+"/?lang=fr"), chromedp.WaitVisible(chromedp.CSS(`h1`)))
	checks := map[string]string{
		`document.documentElement.lang`:            "fr",
		`document.title`:                           titleFR,
		`document.querySelector("h1").textContent`: "La réforme du maintien de la paix en chiffres",
		`document.querySelector(".noscript strong") ? document.querySelector(".noscript strong").textContent : ""`: "JavaScript est désactivé.",
		`document.querySelector(".noscript a[hreflang=en]").getAttribute("href")`:                                  "index.html?lang=en",
	}
	for js, want := range checks {
		if got := eval[string](t, p, js); got != want {
			t.Errorf("%s = %q, want %q", js, got, want)
		}
	}
	p.run(t, chromedp.Click(chromedp.CSS(`.noscript a[hreflang=en]`)), chromedp.WaitVisible(chromedp.CSS(`html[lang="en"] h1`)))
	if got := eval[string](t, p, `document.querySelector("h1").textContent + "|" + document.querySelector(".noscript a[hreflang=fr]").getAttribute("href")`); got != "Peacekeeping reform in figures|index.fr.html?lang=fr" {
		t.Errorf("the English page without script: %q", got)
	}
}

// frenchBrowser makes the tab's browser ask for French (navigator.languages).
func frenchBrowser(t *testing.T, p *page) {
	t.Helper()
	v, err := chromedp.CallBrowser(p.ctx, browser.GetVersion, cdp.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(p.ctx, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{UserAgent: v.UserAgent, AcceptLanguage: "fr-FR,fr"}); err != nil {
		t.Fatal(err)
	}
}

// withoutFile is a site with one file (and its precompressed copies) missing.
type withoutFile struct {
	base fs.FS
	name string
}

func (s withoutFile) Open(name string) (fs.File, error) {
	if name == s.name || name == s.name+".br" || name == s.name+".gz" {
		return nil, fs.ErrNotExist
	}
	return s.base.Open(name)
}
