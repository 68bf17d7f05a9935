package main

import (
	"html"
	"net/url"
	"strings"

	"briefing/data"
	"briefing/web/locale"
	"briefing/web/view"
)

// The page's prerendered view already shows every chart, figure and source without script;
// only the controls need it. So the <noscript> block is short: it says so, and offers what the
// controls would have given, the static images (charts/, writeCharts) and the data files.

// noscriptStyle hides the controls that need script: the page's settings, each card's
// toolbar, the key-figure filters and the upload area (TestHonestWithoutJavaScript).
const noscriptStyle = ".settings,.toolbar,.filters .setting,#your-data{display:none!important}"

// noscriptItem is one dataset as the <noscript> block lists it.
type noscriptItem struct {
	ID      string // dataset id: names its images and data file
	Title   string // English title
	TitleFR string // French title
}

func noscriptItems(b *data.Briefing) []noscriptItem {
	items := make([]noscriptItem, 0, len(b.Datasets))
	for _, ds := range b.Datasets {
		items = append(items, noscriptItem{ID: ds.ID, Title: ds.Title, TitleFR: ds.TitleFR})
	}
	return items
}

// noscriptHTML is the <noscript> element of the page in language l. The one-file edition has
// no files beside it, so its block only says that the controls need JavaScript. The site's
// pages link to each other (index.html, index.fr.html), so a reader without script can still
// change language.
func noscriptHTML(items []noscriptItem, singleFile bool, l locale.Lang) string {
	w := view.PageFor(l)
	other := locale.FR
	if l == locale.FR {
		other = locale.EN
	}
	var b strings.Builder
	// The page's style sheet leaves .noscript to this inline style: the block stands outside the
	// explorer's column (.app), so it takes the same width and padding.
	// Without script the controls could do nothing, so they are not shown: this style sheet is
	// only in the page when the browser runs no script (a <noscript>'s content is then markup).
	b.WriteString("<noscript><style>" + noscriptStyle + "</style>")
	b.WriteString(`<div class="noscript" role="note" style="max-width:1060px;margin:0 auto;padding:16px 20px 0">` + "\n")
	b.WriteString("<p><strong>" + html.EscapeString(w.ScriptOff) + "</strong> " + html.EscapeString(w.Complete))
	if singleFile {
		b.WriteString("</p>\n</div></noscript>")
		return b.String()
	}
	link := func(href, text string, lang locale.Lang) string {
		a := `<a href="` + html.EscapeString(href) + `"`
		if lang != l { // a link to the other language is in that language
			a += ` hreflang="` + string(lang) + `" lang="` + string(lang) + `"`
		}
		return a + ">" + html.EscapeString(text) + "</a>"
	}
	b.WriteString(" " + link(pageLink(other), w.OtherLanguage, other) + "</p>\n")
	b.WriteString("<p>" + html.EscapeString(w.Images) + "</p>\n<ul>\n")
	for _, it := range items {
		id := url.PathEscape(it.ID)
		img := func(in locale.Lang, format string) string {
			return chartsDir + "/" + chartName(id, in, "light", format)
		}
		title := it.Title
		if l == locale.FR && it.TitleFR != "" {
			title = it.TitleFR
		}
		b.WriteString("<li><strong>" + html.EscapeString(title) + "</strong>" + locale.Lang(l).Colon() +
			link(img(l, "svg"), "SVG", l) + " · " + link(img(l, "png"), "PNG", l) + " · " +
			link("data/"+id+".csv", "CSV", l) + ` · <span lang="` + string(other) + `">` + html.EscapeString(w.OtherImages) + `</span> ` +
			link(img(other, "svg"), "SVG", other) + " · " + link(img(other, "png"), "PNG", other) + "</li>\n")
	}
	// Variants holds <code> markup: it is the build's own text, not data.
	b.WriteString("</ul>\n<p>" + w.Variants + " " + html.EscapeString(w.AllData) + " " +
		link("data/datapackage.json", "datapackage.json", l) + ".</p>\n</div></noscript>")
	return b.String()
}
