package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestFrench checks the French interface, chosen by the browser's language, and French
// number, period and generated-sentence formats.
func TestFrench(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	v, err := chromedp.CallBrowser(p.ctx, browser.GetVersion, cdp.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(p.ctx, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{UserAgent: v.UserAgent, AcceptLanguage: "fr-FR,fr"}); err != nil {
		t.Fatal(err)
	}
	p.open(t, u+"/")
	if l := eval[string](t, p, `document.querySelector("#vugu_mount_point").getAttribute("lang")`); l != "fr" {
		t.Fatalf("a French browser gets lang %q", l)
	}
	checks := map[string]string{
		`document.querySelector("#fatalities .headline").textContent`:         "59 en 2017 → 25 en 2019, −58\u202f% (notre calcul)\u202f; 8 en 2020, jusqu’au 14 septembre",
		`document.querySelector("#coe-gaps .headline").textContent`:           "23 au T4\u00a02018 → 18 au T1\u00a02020, −22\u202f% (notre calcul)",
		`document.querySelector("#coe-gaps .hit").getAttribute("aria-label")`: "T4\u00a02018\u202f: 23 unités",
		`document.querySelector("h1").textContent`:                            "La réforme du maintien de la paix en chiffres",
	}
	for js, want := range checks {
		if got := eval[string](t, p, js); got != want {
			t.Errorf("%s = %q, want %q", js, got, want)
		}
	}
	desc := eval[string](t, p, `document.querySelector("#fatalities svg desc").textContent`)
	if !strings.Contains(desc, "de 59 en 2017 à 25 en 2019\u202f; 8 en 2020, année incomplète (jusqu’au 14 septembre), non comparée aux années complètes") {
		t.Errorf("generated chart description %q", desc)
	}
	parity := eval[string](t, p, `document.querySelector("#parity .hit").getAttribute("aria-label")`)
	if !strings.Contains(parity, "22,6\u202f% de femmes") || !strings.Contains(parity, "objectif 17\u202f%") {
		t.Errorf("French parity tooltip %q", parity)
	}
	if note := eval[string](t, p, `document.querySelector("#parity .quote-note").textContent`); !strings.Contains(note, "anglais") {
		t.Errorf("the quotes should be said to be in English, note %q", note)
	}
	// A link naming English wins over the browser's French.
	p.run(t, chromedp.Navigate(u+"/?v=2&lang=en"), chromedp.WaitVisible(chromedp.CSS(`html[data-ready="1"]`)))
	if l := eval[string](t, p, `document.querySelector("#vugu_mount_point").getAttribute("lang")`); l != "en" {
		t.Errorf("lang=en in the link gives %q", l)
	}
	p.clean(t)
}

// TestTabWalk walks the whole explorer with Tab alone: every stop shows a focus indicator,
// and Tab keeps moving (no trap) until it comes back round.
func TestTabWalk(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	p.open(t, u+"/")
	seen := map[string]bool{}
	var order []string
	for i := 0; i < 400; i++ {
		p.run(t, chromedp.KeyEvent("\t"))
		info := eval[[]string](t, p, `(() => { const e = document.activeElement;
		  if (!e || e === document.body) return ["body", ""];
		  const s = getComputedStyle(e);
		  const path = e.tagName + "#" + (e.id || "") + "." + e.className + "[" + [...e.parentNode.children].indexOf(e) + "]" + (e.closest("section") ? "@" + e.closest("section").id : "");
		  const visible = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== "none" || e.matches("input[type=checkbox]:focus-visible, select:focus-visible, input:focus-visible, textarea:focus-visible");
		  return [path, visible ? "" : "no focus indicator: outline " + s.outlineStyle + " " + s.outlineWidth]; })()`)
		if info[0] == "body" {
			continue
		}
		if seen[info[0]] {
			break // round again: no trap
		}
		seen[info[0]] = true
		order = append(order, info[0])
		if info[1] != "" {
			t.Errorf("%s: %s", info[0], info[1])
		}
	}
	if len(order) < 40 {
		t.Errorf("only %d stops reached with Tab", len(order))
	}
	for _, want := range []string{"SELECT#.lang-select", "BUTTON#.present", "BUTTON#.view-table", "BUTTON#.hit", "BUTTON#coe-gaps-share.share-toggle", "INPUT#.kf-search", "INPUT#upload-file"} {
		found := false
		for _, o := range order {
			found = found || strings.HasPrefix(o, want)
		}
		if !found {
			t.Errorf("Tab never reaches %s", want)
		}
	}
	p.clean(t)
}
