package main

import (
	"fmt"
	"html"
	"strings"

	"briefing/web/export"
	"briefing/web/locale"
	"briefing/web/view"
)

// The site has the page in each language: index.html in English and index.fr.html in French,
// each prerendered in its language, so a reader without JavaScript gets French too. The two
// link to each other from their <noscript> block, and serve.go answers /?lang=fr with the
// French one (web/server/lang.go). With script, the wasm shows the language the URL or the
// browser asks for, whichever page it starts from.

// pageFile is the file of the page in a language.
func pageFile(l locale.Lang) string {
	if l == locale.FR {
		return "index.fr.html"
	}
	return "index.html"
}

// pageLink is the address of the page in a language, relative to the other page. It names the
// language in the query too, so the wasm keeps it whatever the browser's language.
func pageLink(l locale.Lang) string { return pageFile(l) + "?lang=" + string(l) }

// shellTexts are the page shell's texts that the build replaces with a language's: each must
// occur exactly once in the shell (index.html), from its opening to its closing part; the first
// three in its <head> (the charts' SVGs have <title>s too).
var shellTexts = []struct{ open, close string }{
	{`<html lang="`, `"`},
	{`<title>`, `</title>`},
	{`<meta name="description" content="`, `"`},
	{`<span class="loader-text">`, `</span>`},
}

// localize puts a language into a filled page: the <html lang>, the tab's title, the
// description, the loading text, the words loader.js needs for its progress and its error
// banner (data-words on its <script>, both languages: the loader follows ?lang= or the
// browser's language as the wasm does, before the wasm runs), and offline.js's notice.
func localize(page string, l locale.Lang) (string, error) {
	w := view.PageFor(l)
	values := []string{string(l), view.PageTitle(l), w.Description, w.Loading}
	for i, t := range shellTexts {
		in := page
		if i < 3 {
			head := strings.Index(page, "</head>")
			if head < 0 {
				return "", fmt.Errorf("page shell has no </head>")
			}
			in = page[:head]
		}
		if n := strings.Count(in, t.open); n != 1 {
			return "", fmt.Errorf("page shell has %d of %q, want 1", n, t.open)
		}
		at := strings.Index(page, t.open) + len(t.open)
		end := strings.Index(page[at:], t.close)
		if end < 0 {
			return "", fmt.Errorf("page shell: %q is not closed by %q", t.open, t.close)
		}
		page = page[:at] + html.EscapeString(values[i]) + page[at+end:]
	}
	const loader = `<script src="` + loaderScript + `"`
	if n := strings.Count(page, loader); n != 1 {
		return "", fmt.Errorf("page shell has %d of %q, want 1", n, loader)
	}
	page = strings.Replace(page, loader, loader+` data-words="`+html.EscapeString(loaderWords())+`"`, 1)
	const offline = `<script src="` + offlineScript + `"`
	if n := strings.Count(page, offline); n != 1 {
		return "", fmt.Errorf("page shell has %d of %q, want 1", n, offline)
	}
	return strings.Replace(page, offline, offline+` data-words="`+html.EscapeString(offlineWords())+`"`, 1), nil
}

// offlineWords is the JSON of offline.js's notice in each language: {"en": {...}, "fr": {...}}.
func offlineWords() string {
	var b strings.Builder
	b.WriteByte('{')
	for i, l := range []locale.Lang{locale.EN, locale.FR} {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(export.Quote(string(l)) + ":{" + export.Quote("newer") + ":" + export.Quote(view.PageFor(l).Newer) +
			"," + export.Quote("reload") + ":" + export.Quote(view.For(l).Reload) + "}")
	}
	b.WriteByte('}')
	return b.String()
}

// loaderWords is the JSON of loader.js's texts in each language: {"en": {...}, "fr": {...}}.
func loaderWords() string {
	var b strings.Builder
	b.WriteByte('{')
	for i, l := range []locale.Lang{locale.EN, locale.FR} {
		w := view.PageFor(l)
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(export.Quote(string(l)) + ":{")
		for j, kv := range [][2]string{
			{"loading", w.Loading}, {"of", w.Of}, {"mb", w.MB}, {"decimal", w.DecimalMark},
			{"stopped", w.Stopped}, {"hint", w.StoppedHint}, {"reload", view.For(l).Reload},
			{"noWasm", w.NoWasm}, {"noUnpack", w.NoUnpack}, {"loadError", w.LoadError},
			{"exited", w.Exited}, {"unknown", w.Unknown},
		} {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(export.Quote(kv[0]) + ":" + export.Quote(kv[1]))
		}
		b.WriteByte('}')
	}
	b.WriteByte('}')
	return b.String()
}
