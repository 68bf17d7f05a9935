package chart

import (
	"bytes"
	"image/png"
	"testing"
)

func TestPNG(t *testing.T) {
	for _, scale := range []int{1, 2} {
		s := fatalities(960, Projector)
		res := render(t, s)
		b, err := RenderPNG(s, scale)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if got := img.Bounds().Size(); got.X != res.Width*scale || got.Y != res.Height*scale {
			t.Errorf("scale %d: %v, want %dx%d", scale, got, res.Width*scale, res.Height*scale)
		}
		// the background is painted (not transparent) and the first bar is in Bar colour
		if _, _, _, a := img.At(1, 1).RGBA(); a != 0xffff {
			t.Errorf("scale %d: background not opaque", scale)
		}
		bar := barBoxes(mustLayout(t, s))[0].pathBox()
		cx, cy := int((bar.x0+bar.x1)/2)*scale, int((bar.y0+bar.y1)/2)*scale
		if r, g, bl, _ := img.At(cx, cy).RGBA(); uint8(r>>8) != Projector.Bar.R || uint8(g>>8) != Projector.Bar.G || uint8(bl>>8) != Projector.Bar.B {
			t.Errorf("scale %d: bar centre is %v", scale, img.At(cx, cy))
		}
	}
}
