package view

import (
	"html"

	"briefing/data"
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
	one := alone(ds, s)
	one.Embed = ds.ID
	embedURL := base + "index.html?" + state.Encode(one)
	title := title(ds, l)
	e := Embed{URL: embedURL}
	e.Iframe = `<iframe src="` + html.EscapeString(embedURL) + `" title="` + html.EscapeString(title) +
		`" data-s2020911-embed data-theme="auto" loading="lazy" style="width:100%;height:560px;border:0"></iframe>` + "\n" +
		`<script src="` + html.EscapeString(base+"embed.js") + `" async></script>`
	img := base + "charts/" + ds.ID + "-" + string(l) + "-light.svg"
	e.Image = `<figure><img src="` + html.EscapeString(img) + `" alt="` + html.EscapeString(Summary(ds, l)) +
		`" width="960" style="max-width:100%;height:auto">` + "\n" +
		`<figcaption>` + html.EscapeString(SourceLine(b, ds, l)) + `</figcaption></figure>`
	e.Link = `<a href="` + html.EscapeString(FullURL(ds, s, base)) + `">` + html.EscapeString(title) + `</a>`
	return e
}

// FullURL is the explorer showing a dataset in its current view, for the link under an
// embedded chart and in the embed code.
func FullURL(ds data.Dataset, s state.State, base string) string {
	q := state.Encode(alone(ds, s))
	if q != "" {
		q = "?" + q
	}
	return base + "index.html" + q + "#" + ds.ID
}

// alone is the state that shows one dataset's view in the reader's language, and nothing else.
func alone(ds data.Dataset, s state.State) state.State {
	one := state.State{Lang: s.Lang}
	if v := s.View(ds.ID); v != (state.View{}) {
		one.Views = map[string]state.View{ds.ID: v}
	}
	return one
}
