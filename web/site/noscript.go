package main

import (
	"html"
	"net/url"
	"strings"

	"briefing/data"
	"briefing/web/locale"
)

// The page's prerendered view already shows every chart, figure and source without script;
// only the controls need it. So the <noscript> block is short: it says so, and offers what the
// controls would have given, the static images (charts/, writeCharts) and the data files.

// noscriptStyle hides the controls that need script: the page's settings, each card's
// toolbar, the key-figure filters and the upload area (TestHonestWithoutJavaScript).
const noscriptStyle = ".settings,.toolbar,.filters .setting,#your-data{display:none!important}"

// noscriptItem is one dataset as the <noscript> block lists it.
type noscriptItem struct {
	ID    string // dataset id: names its images and data file
	Title string // English title
}

func noscriptItems(b *data.Briefing) []noscriptItem {
	items := make([]noscriptItem, 0, len(b.Datasets))
	for _, ds := range b.Datasets {
		items = append(items, noscriptItem{ID: ds.ID, Title: ds.Title})
	}
	return items
}

// noscriptHTML is the <noscript> element of the page. The one-file edition has no files beside
// it, so its block only says that the controls need JavaScript.
func noscriptHTML(items []noscriptItem, singleFile bool) string {
	var b strings.Builder
	// The page's style sheet leaves .noscript to this inline style: the block stands outside the
	// explorer's column (.app), so it takes the same width and padding.
	// Without script the controls could do nothing, so they are not shown: this style sheet is
	// only in the page when the browser runs no script (a <noscript>'s content is then markup).
	b.WriteString("<noscript><style>" + noscriptStyle + "</style>")
	b.WriteString(`<div class="noscript" role="note" style="max-width:1060px;margin:0 auto;padding:16px 20px 0">` + "\n")
	b.WriteString(`<p><strong>JavaScript is off.</strong> The charts, figures and sources below are complete; ` +
		`only the controls (views, language, theme, downloads) need JavaScript.`)
	if singleFile {
		b.WriteString("</p>\n</div></noscript>")
		return b.String()
	}
	b.WriteString(" Each chart is also an image (SVG, or PNG 1920 px wide for slides), with its data:</p>\n<ul>\n")
	link := func(href, text, lang string) string {
		a := `<a href="` + html.EscapeString(href) + `"`
		if lang != "" {
			a += ` hreflang="` + lang + `"`
		}
		return a + ">" + html.EscapeString(text) + "</a>"
	}
	for _, it := range items {
		id := url.PathEscape(it.ID)
		img := func(l locale.Lang, format string) string {
			return chartsDir + "/" + chartName(id, l, "light", format)
		}
		b.WriteString("<li><strong>" + html.EscapeString(it.Title) + "</strong>: " +
			link(img(locale.EN, "svg"), "SVG", "") + " · " + link(img(locale.EN, "png"), "PNG", "") + " · " +
			link("data/"+id+".csv", "CSV", "") + ` · <span lang="fr">français&nbsp;:</span> ` +
			link(img(locale.FR, "svg"), "SVG", "fr") + " · " + link(img(locale.FR, "png"), "PNG", "fr") + "</li>\n")
	}
	b.WriteString("</ul>\n<p>Dark and projector versions: replace <code>light</code> with <code>dark</code> or " +
		"<code>projector</code> in an image's address. All the data with its sources: " +
		link("data/datapackage.json", "datapackage.json", "") + ".</p>\n</div></noscript>")
	return b.String()
}
