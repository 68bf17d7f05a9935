package chart

import (
	"errors"
	"sync"

	"github.com/golang/freetype/truetype"
)

// The font every chart is measured and drawn with is go-chart's Roboto Medium. Natively it
// comes from go-chart's embedded copy (font_native.go), which also gives the outlines of
// standalone images. The browser build does not link that copy (~150 KB brotli): it measures
// with metrics.ttf, the page font's subset without outlines (web/font, 2.2 KB, embedded:
// font_js.go), which measures every character of the subset exactly as the full font does,
// and draws the outlines of a downloaded image with the subset itself, which the wasm fetches
// when the first image is downloaded (SetOutlineFont).

//go:generate go run ../font/metrics metrics.ttf

var (
	fontMu      sync.Mutex
	customFont  *truetype.Font
	outlineFont *truetype.Font
)

// ErrNoOutlines is returned by RenderImage in the browser build before SetOutlineFont.
var ErrNoOutlines = errors.New("chart: no glyph outlines: call chart.SetOutlineFont with the Roboto Medium subset first")

// SetFont installs the TTF to measure (and draw) with. It must be called before the first
// chart is rendered; later calls have no effect on text already measured. Natively and in
// the browser the build's own font is used without it.
func SetFont(ttf []byte) error {
	f, err := truetype.Parse(ttf)
	if err != nil {
		return err
	}
	fontMu.Lock()
	defer fontMu.Unlock()
	customFont = f
	return nil
}

// SetOutlineFont installs the TTF whose glyph outlines standalone images draw (RenderImage):
// it must measure as the font of SetFont for the characters drawn, as the subset of the
// page's font and the full Roboto Medium do.
func SetOutlineFont(ttf []byte) error {
	f, err := truetype.Parse(ttf)
	if err != nil {
		return err
	}
	fontMu.Lock()
	defer fontMu.Unlock()
	outlineFont = f
	return nil
}

// HasOutlines reports whether RenderImage has glyph outlines to draw with.
func HasOutlines() bool {
	_, err := outlines()
	return err == nil
}

// loadFont returns the installed font, else the build's default.
func loadFont() (*truetype.Font, error) {
	fontMu.Lock()
	f := customFont
	fontMu.Unlock()
	if f != nil {
		return f, nil
	}
	return defaultFont()
}

// outlines returns the font images draw glyphs with: the installed one, else the build's.
func outlines() (*truetype.Font, error) {
	fontMu.Lock()
	f := outlineFont
	fontMu.Unlock()
	if f != nil {
		return f, nil
	}
	return defaultOutlines()
}
