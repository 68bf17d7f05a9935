package chart

import (
	"errors"
	"sync"

	"github.com/golang/freetype/truetype"
)

// The font every chart is measured and drawn with is go-chart's Roboto Medium. Natively it
// comes from go-chart's embedded copy (font_native.go). The browser build does not link that
// copy (~150 KB brotli): the page downloads the same TTF for its @font-face anyway, and the
// wasm hands those bytes to SetFont before drawing.

var (
	fontMu     sync.Mutex
	customFont *truetype.Font
)

// ErrNoFont is returned by Render in the browser build when SetFont was not called.
var ErrNoFont = errors.New("chart: no font loaded: call chart.SetFont with the Roboto Medium TTF first")

// SetFont installs the TTF to measure and draw with. It must be called before the first
// chart is rendered; later calls have no effect on text already measured.
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
