package chart

import (
	"sync"

	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
)

// Font metrics of Roboto (units per em 2048: ascender 1900, descender 500), as fractions of
// the font size. They place baselines and give each text line a box for overlap checks.
const (
	ascent  = 0.928
	descent = 0.244
	capH    = 0.711 // cap height: centres a digit on a tick
	leading = 1.22  // line height / font size
)

// measurer measures text exactly as go-chart's SVG renderer does (a font.Drawer over a
// truetype face at 72 DPI, so 1 pt = 1 px = 1 viewBox unit), but keeps one face per size
// and caches widths: go-chart builds a new truetype face on every MeasureText, which is
// ~90 % of a render's allocations. Faces are not safe for concurrent use, hence the lock.
type measurer struct {
	mu     sync.Mutex
	font   *truetype.Font
	faces  map[float64]font.Face
	widths map[measureKey]float64
}

type measureKey struct {
	text string
	size float64
}

// maxCached bounds the width cache; it is simply emptied when full.
const maxCached = 8192

var (
	textMeasure     *measurer
	textMeasureErr  error
	textMeasureOnce sync.Once
)

// measureText returns the shared measurer, loading the font once (see font.go).
func measureText() (*measurer, error) {
	textMeasureOnce.Do(func() {
		f, err := loadFont()
		if err != nil {
			textMeasureErr = err
			return
		}
		textMeasure = &measurer{font: f, faces: map[float64]font.Face{}, widths: map[measureKey]float64{}}
	})
	return textMeasure, textMeasureErr
}

// width is the advance width in px of the raw (unescaped) text at size px.
func (m *measurer) width(text string, size float64) float64 {
	if text == "" {
		return 0
	}
	k := measureKey{text, size}
	m.mu.Lock()
	defer m.mu.Unlock()
	if w, ok := m.widths[k]; ok {
		return w
	}
	face, ok := m.faces[size]
	if !ok {
		face = truetype.NewFace(m.font, &truetype.Options{DPI: 72, Size: size})
		m.faces[size] = face
	}
	w := float64(font.MeasureString(face, text)) / 64
	if len(m.widths) >= maxCached {
		clear(m.widths)
	}
	m.widths[k] = w
	return w
}
