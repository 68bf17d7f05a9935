//go:build !(js && wasm)

package chart

import (
	"github.com/golang/freetype/truetype"
	gochart "github.com/wcharczuk/go-chart/v2"
)

// defaultFont is go-chart's embedded Roboto Medium.
func defaultFont() (*truetype.Font, error) { return gochart.GetDefaultFont() }

// defaultOutlines is the same font.
func defaultOutlines() (*truetype.Font, error) { return gochart.GetDefaultFont() }
