package view

import (
	"html"

	"briefing/data"
	"briefing/web/locale"
	"briefing/web/state"
)

// Embed is the copy-ready code that puts a dataset's chart into another page.
type Embed struct {
	Iframe string // iframe that sizes itself with embed.js
	Image  string // static image with alt text and source, for pages that allow no iframe or script
	Link   string // the view in the full explorer
	URL    string // the embed page
}

// EmbedCode builds the embed code for a dataset's current view. base is the explorer's
// address ending in "/" (or "" for relative links).
func EmbedCode(b *data.Briefing, ds data.Dataset, s state.State, base string) Embed {
	l := s.Lang
	one := state.State{Lang: l, Embed: ds.ID}
	if v := s.View(ds.ID); v != (state.View{}) {
		one.Views = map[string]state.View{ds.ID: v}
	}
	full := one
	full.Embed = ""
	embedURL := base + "index.html?" + state.Encode(one)
	fullURL := base + "index.html?" + state.Encode(full) + "#" + ds.ID
	title := title(ds, l)
	e := Embed{URL: embedURL}
	e.Iframe = `<iframe src="` + html.EscapeString(embedURL) + `" title="` + html.EscapeString(title) +
		`" data-s2020911-embed data-theme="auto" loading="lazy" style="width:100%;height:560px;border:0"></iframe>` + "\n" +
		`<script src="` + html.EscapeString(base+"embed.js") + `" async></script>`
	img := base + "charts/" + ds.ID + "-" + string(l) + "-light.svg"
	e.Image = `<figure><img src="` + html.EscapeString(img) + `" alt="` + html.EscapeString(Summary(ds, l)) +
		`" width="960" style="max-width:100%;height:auto">` + "\n" +
		`<figcaption>` + html.EscapeString(SourceLine(b, ds, l)) + `</figcaption></figure>`
	e.Link = `<a href="` + html.EscapeString(fullURL) + `">` + html.EscapeString(title) + `</a>`
	return e
}

// FullURL is the explorer showing a dataset, for the link under an embedded chart.
func FullURL(ds data.Dataset, s state.State, base string, l locale.Lang) string {
	full := state.State{Lang: l}
	if v := s.View(ds.ID); v != (state.View{}) {
		full.Views = map[string]state.View{ds.ID: v}
	}
	q := state.Encode(full)
	if q != "" {
		q = "?" + q
	}
	return base + "index.html" + q + "#" + ds.ID
}
