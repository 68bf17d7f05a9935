package chart

import (
	"bytes"
	"fmt"

	gochart "github.com/wcharczuk/go-chart/v2"
)

// pngDPI is the raster DPI at scale 1. go-chart's raster text uses points·DPI/64 pixels
// per em (not /72, as its SVG and MeasureText do), so 64 DPI gives text the same size as
// the 72-DPI SVG; scaling the DPI with the image keeps the layout identical at 2x.
const pngDPI = 64

// RenderPNG draws the chart as a PNG of scale × Width by scale × Height pixels (scale 1..4;
// scale 2 on a 960 px chart gives a 1920 px slide image). It has the same layout as Render.
func RenderPNG(s Spec, scale int) ([]byte, error) {
	if scale < 1 || scale > 4 {
		return nil, fmt.Errorf("chart: PNG scale %d out of range 1..4", scale)
	}
	p, err := layout(s)
	if err != nil {
		return nil, err
	}
	return rasterise(p, scale)
}

// rasterise draws a plan as a PNG at scale (checked by the caller).
func rasterise(p *plan, scale int) ([]byte, error) {
	w, h := int(p.w)*scale, int(p.h)*scale
	if w > MaxPNGSide || h > MaxPNGSide {
		return nil, fmt.Errorf("chart: PNG of %dx%d px is larger than %d px a side", w, h, MaxPNGSide)
	}
	r, err := gochart.PNG(w, h)
	if err != nil {
		return nil, err
	}
	r.SetDPI(pngDPI * float64(scale))
	if err := (&painter{r: r, scale: float64(scale)}).draw(p); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := r.Save(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
