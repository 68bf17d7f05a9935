//go:build js && wasm

package chart

import (
	_ "embed"
	"sync"

	"github.com/golang/freetype/truetype"
)

// metricsTTF is Roboto Medium cut down to the page font's characters, without outlines:
// what the wasm measures chart text with (TestMetricsFileFresh keeps it in step with
// web/font).
//
//go:embed metrics.ttf
var metricsTTF []byte

var metricsFont = sync.OnceValues(func() (*truetype.Font, error) { return truetype.Parse(metricsTTF) })

func defaultFont() (*truetype.Font, error) { return metricsFont() }

// defaultOutlines has nothing to fall back on in the browser: outlines come from SetOutlineFont.
func defaultOutlines() (*truetype.Font, error) { return nil, ErrNoOutlines }
