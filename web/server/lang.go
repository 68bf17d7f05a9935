package server

import (
	"net/url"
	"path"

	"briefing/web/locale"
)

// frenchPage is the page prerendered in French that the site build writes beside index.html
// (web/site/lang.go).
const frenchPage = "index.fr.html"

// languagePage is the file to serve for name: the French page when the request asks for
// index.html (or its folder) with ?lang=fr and the site has one, so a reader without
// JavaScript gets French from the same link as everyone else. The last lang= counts, as in the
// page's own reading of its URL (web/state); any other request is served as asked.
func (h *handler) languagePage(name string, u *url.URL) string {
	if path.Base(name) != "index.html" {
		return name
	}
	langs := u.Query()["lang"]
	if len(langs) == 0 {
		return name
	}
	if l, ok := locale.Parse(langs[len(langs)-1]); !ok || l != locale.FR {
		return name
	}
	fr := path.Join(path.Dir(name), frenchPage)
	f, _, err := openRegular(h.site, fr)
	if err != nil {
		return name
	}
	f.Close()
	return fr
}
