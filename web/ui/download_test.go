package ui

import (
	"strings"
	"testing"

	"briefing/data"
	"briefing/web/locale"
	"briefing/web/state"
	"briefing/web/view"
)

// TestDownloadedImage: the SVG and the SVG the browser turns into the PNG are the framed
// image of the current view, in its language and theme — title, headline, partial-year note
// and source line drawn as outlines — and need no font from outside the file.
func TestDownloadedImage(t *testing.T) {
	b, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	s := state.Reduce(state.Reduce(state.Default(), state.SetLang{Lang: locale.FR}), state.SetTheme{Theme: "dark"})
	var pngSVG string
	var scale int
	r := &Root{Briefing: b, State: s, Effects: Effects{DownloadPNG: func(_, svg string, sc int) { pngSVG, scale = svg, sc }}}
	ds := b.Datasets[0]
	if ds.ID != "fatalities" {
		t.Fatalf("first dataset %q", ds.ID)
	}
	body, name, mime, err := r.File(ds.ID, "svg")
	if err != nil || mime != "image/svg+xml" || !strings.HasSuffix(name, ".svg") {
		t.Fatalf("File: %q %q %v", name, mime, err)
	}
	svg := string(body)
	for _, want := range []string{
		`aria-label="` + view.Title(ds, locale.FR)[:20],
		`aria-label="Source`,
		"<title", "rgba(20,24,31,1.0)", // the dark background
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("downloaded SVG lacks %q", want)
		}
	}
	for _, want := range []string{view.Headline(ds, locale.FR), view.SourceLine(b, ds, locale.FR), "jusqu’au 14 septembre (année incomplète)"} {
		if !strings.Contains(svg, want) {
			t.Errorf("downloaded SVG lacks %q", want)
		}
	}
	if strings.Contains(svg, "<text") || strings.Contains(svg, "@font-face") {
		t.Error("downloaded SVG has text that needs a font")
	}
	r.Download(ds.ID, "png")
	if pngSVG != svg || scale != PNGScale {
		t.Errorf("the PNG is drawn from another SVG (%d bytes, scale %d)", len(pngSVG), scale)
	}
}
