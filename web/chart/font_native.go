//go:build !(js && wasm)

package chart

import (
	"github.com/golang/freetype/truetype"
	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/roboto"
)

// defaultFont is go-chart's embedded Roboto Medium.
func defaultFont() (*truetype.Font, error) { return gochart.GetDefaultFont() }

// defaultTTF is the bytes of go-chart's embedded Roboto Medium.
func defaultTTF() []byte { return roboto.Roboto }
