package e2e

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// imageDiff is the mean absolute difference of two images of the same size, per channel,
// on 0..255; with the share of pixels that differ by more than 64 in some channel.
func imageDiff(a, b image.Image) (mean, far float64, err error) {
	if a.Bounds().Size() != b.Bounds().Size() {
		return 0, 0, fmt.Errorf("sizes differ: %v and %v", a.Bounds().Size(), b.Bounds().Size())
	}
	var sum float64
	var n, farN int
	for y := 0; y < a.Bounds().Dy(); y++ {
		for x := 0; x < a.Bounds().Dx(); x++ {
			r1, g1, b1, _ := a.At(a.Bounds().Min.X+x, a.Bounds().Min.Y+y).RGBA()
			r2, g2, b2, _ := b.At(b.Bounds().Min.X+x, b.Bounds().Min.Y+y).RGBA()
			d := [3]float64{math.Abs(float64(r1>>8) - float64(r2>>8)), math.Abs(float64(g1>>8) - float64(g2>>8)), math.Abs(float64(b1>>8) - float64(b2>>8))}
			sum += d[0] + d[1] + d[2]
			if max(d[0], d[1], d[2]) > 64 {
				farN++
			}
			n++
		}
	}
	return sum / float64(3*n), float64(farN) / float64(n), nil
}

// shootImage shows src (on the site at origin) as an <img> on an empty page and returns a screenshot of it at
// scale times its size in pixels. The page has no fonts of its own: the image draws with
// what it carries, as in a document or a slide program on a machine without Roboto.
func shootImage(t *testing.T, p *page, origin, src string, scale float64) image.Image {
	t.Helper()
	p.run(t, chromedp.Navigate(origin+"/embed.js")) // a page of the site with no fonts: the image loads under its policy
	js := `new Promise((ok, fail) => {
	  document.body.style.margin = "0";
	  document.documentElement.style.background = "magenta"; // shows where the image does not cover
	  const img = new Image();
	  img.onload = () => ok(img.naturalWidth);
	  img.onerror = () => fail(new Error("the image did not load"));
	  img.style.display = "block";
	  img.src = ` + jsString(src) + `;
	  document.body.replaceChildren(img);
	})`
	if _, err := chromedp.Run(p.ctx, chromedp.Evaluate[int](js, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	shot, err := chromedp.Run(p.ctx, chromedp.ScreenshotScale(chromedp.CSS("img"), scale))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func readPNG(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// Two renderings of one image agree when the mean difference is small and few pixels are far
// apart: Chromium and go-chart's rasteriser antialias the edges of text and shapes a little
// differently, while a line of text missing, moved by a pixel or two, or drawn in another
// font makes many more pixels far apart (TestImagesLookAlike checks the last but one).
const (
	alikeMean = 2.0   // of 255
	alikeFar  = 0.008 // share of pixels
)

func alike(a, b image.Image) (ok bool, msg string) {
	mean, far, err := imageDiff(a, b)
	if err != nil {
		return false, err.Error()
	}
	return mean <= alikeMean && far <= alikeFar,
		fmt.Sprintf("mean difference %.2f of 255, %.3f %% of pixels far apart", mean, 100*far)
}

// sameImage fails unless two renderings of one image agree.
func sameImage(t *testing.T, what string, a, b image.Image) {
	t.Helper()
	ok, msg := alike(a, b)
	t.Logf("%s: %s", what, msg)
	if !ok {
		t.Errorf("%s: the renderings differ: %s", what, msg)
	}
}

// shiftedDown is img moved down by dy pixels, the top rows repeated.
func shiftedDown(img image.Image, dy int) image.Image {
	out := image.NewRGBA(img.Bounds())
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			out.Set(x, y, img.At(x, max(img.Bounds().Min.Y, y-dy)))
		}
	}
	return out
}

// noForeignRequests fails on a request that left the site (console messages are not
// checked: the plain page an image is shown on has no favicon).
func (p *page) noForeignRequests(t *testing.T) {
	t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, u := range p.foreign {
		t.Errorf("request outside the page's origin: %s", u)
	}
}

// TestImagesLookAlike: the static SVG of a chart, shown as an <img> by Chromium on a machine
// without Roboto, looks like its PNG (drawn by go-chart's rasteriser in Go): the same
// heading, headline, chart, notes and source line in the same place, in English and light
// and in French and dark.
func TestImagesLookAlike(t *testing.T) {
	dist := need(t)
	u := site(t)
	p := newPage(t, u, 1280, 900)
	for _, name := range []string{"fatalities-en-light", "fatalities-fr-dark", "parity-en-light", "coe-gaps-fr-projector"} {
		want, err := os.ReadFile(filepath.Join(dist, "charts", name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		png := readPNG(t, want)
		got := shootImage(t, p, u, u+"/charts/"+name+".svg", 2)
		sameImage(t, name, got, png)
		if ok, msg := alike(got, shiftedDown(png, 2)); ok { // the comparison can tell a small move
			t.Errorf("%s: moved down 2 px, still alike: %s", name, msg)
		}
	}
	p.noForeignRequests(t)
}

// TestImagesDownloaded: the page's PNG download (the SVG download rasterised by the browser)
// is the same image as the static PNG of the same view, framed with title, headline, notes
// and source; with SCREENSHOTS=docs it is written to docs/images/ to be looked at.
func TestImagesDownloaded(t *testing.T) {
	dist := need(t)
	u := site(t)
	for _, c := range []struct{ query, static, shot string }{
		{"", "fatalities-en-light", "download-fatalities-en.png"},
		{"?lang=fr&theme=dark", "fatalities-fr-dark", "download-fatalities-fr-dark.png"},
	} {
		p := newPage(t, u, 1280, 900)
		p.open(t, u+"/"+c.query)
		d := allowDownloads(t, p)
		name, b := d.take(t, p, `#fatalities .dl-png`)
		want, err := os.ReadFile(filepath.Join(dist, "charts", c.static+".png"))
		if err != nil {
			t.Fatal(err)
		}
		sameImage(t, name, readPNG(t, b), readPNG(t, want))
		if dir := os.Getenv("SCREENSHOTS"); dir != "" {
			if err := os.WriteFile(filepath.Join(dir, "images", c.shot), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		p.clean(t)
	}
}
