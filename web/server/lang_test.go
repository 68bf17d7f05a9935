package server

import (
	"bytes"
	"testing"
	"testing/fstest"
)

// TestFrenchPage: /?lang=fr (and index.html?lang=fr) is the prerendered French page, so a
// reader without JavaScript gets French; every other request of the page is the English one,
// and a site without a French page serves the English one for ?lang=fr too.
func TestFrenchPage(t *testing.T) {
	frHTML := []byte(`<!doctype html><html lang="fr"><title>explorateur</title>`)
	site := testSite()
	site["index.fr.html"] = &fstest.MapFile{Data: frHTML, ModTime: testMod}
	site["docs/index.fr.html"] = &fstest.MapFile{Data: []byte("<p>docs fr</p>"), ModTime: testMod}
	h := New(site, Options{})
	for target, want := range map[string][]byte{
		"/?lang=fr":                      frHTML,
		"/?lang=fr-CA":                   frHTML,
		"/index.html?v=2&lang=fr":        frHTML,
		"/?lang=en&lang=fr":              frHTML,
		"/?lang=fr&lang=en":              indexHTML,
		"/?lang=en":                      indexHTML,
		"/?lang=de":                      indexHTML,
		"/":                              indexHTML,
		"/index.fr.html?lang=fr":         frHTML,
		"/index.fr.html":                 frHTML,
		"/docs/?lang=fr":                 []byte("<p>docs fr</p>"),
		"/data/datapackage.json?lang=fr": []byte(`{"name":"briefing"}`),
	} {
		res, body := get(h, target, "")
		if res.StatusCode != 200 || !bytes.Equal(body, want) {
			t.Errorf("%s: status %d body %q, want %q", target, res.StatusCode, body, want)
		}
	}
	res, body := get(newTestHandler(t), "/?lang=fr", "")
	if res.StatusCode != 200 || !bytes.Equal(body, indexHTML) {
		t.Errorf("a site without a French page: /?lang=fr gives %d %q", res.StatusCode, body)
	}
}
