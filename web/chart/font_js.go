//go:build js && wasm

package chart

import "github.com/golang/freetype/truetype"

// defaultFont has nothing to fall back on in the browser: the font comes from SetFont.
func defaultFont() (*truetype.Font, error) { return nil, ErrNoFont }
