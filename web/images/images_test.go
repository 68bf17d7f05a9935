package images

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	"briefing/data"
	"briefing/web/locale"
	"briefing/web/state"
	"briefing/web/view"
)

var (
	loadOnce sync.Once
	handler  *Handler
)

func testHandler(t testing.TB) *Handler {
	t.Helper()
	loadOnce.Do(func() {
		b, err := data.Load()
		if err != nil {
			t.Fatalf("data.Load: %v", err)
		}
		handler = New(b)
	})
	if handler == nil {
		t.Fatal("data did not load")
	}
	return handler
}

func serve(t testing.TB, method, target string, hdr ...string) (*http.Response, []byte) {
	t.Helper()
	r := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		r.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	testHandler(t).ServeHTTP(rec, r)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return res, body
}

// checkSVG decodes the whole document, so it fails on anything not well-formed, and returns
// the text of the first <title>.
func checkSVG(t *testing.T, name string, body []byte) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(body))
	title, inTitle, root := "", false, ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: not well-formed XML: %v", name, err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = el.Name.Local
			}
			for _, a := range el.Attr { // the outlined text's <use> may point into the file only
				if a.Name.Local == "href" && !strings.HasPrefix(a.Value, "#") {
					t.Errorf("%s: <%s> links to %q", name, el.Name.Local, a.Value)
				}
			}
			inTitle = el.Name.Local == "title" && title == ""
		case xml.CharData:
			if inTitle {
				title = string(el)
			}
		case xml.EndElement:
			inTitle = false
		}
	}
	if root != "svg" {
		t.Errorf("%s: root element %q", name, root)
	}
	if title == "" {
		t.Errorf("%s: no <title>", name)
	}
	// Nothing may make a viewer request anything: no links, images, scripts or imports.
	rest := strings.ReplaceAll(string(body), `xmlns="http://www.w3.org/2000/svg"`, "")
	rest = strings.ReplaceAll(rest, `xmlns:xlink="http://www.w3.org/1999/xlink"`, "")
	rest = strings.ReplaceAll(rest, `xlink:href="#`, "") // a glyph defined in the file
	for _, s := range []string{"href", "url(", "@import", "<image", "<script", "<foreignObject", "http://", "https://"} {
		if strings.Contains(rest, s) {
			t.Errorf("%s: contains %q", name, s)
		}
	}
	return title
}

func pngWidth(t *testing.T, name string, body []byte) int {
	t.Helper()
	if !bytes.HasPrefix(body, []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatalf("%s: no PNG signature: % x", name, body[:min(len(body), 8)])
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return cfg.Width
}

func TestEveryDatasetBothFormats(t *testing.T) {
	b, _ := data.Load()
	for _, ds := range b.Datasets {
		for _, format := range []string{"svg", "png"} {
			target := Prefix + ds.ID + "." + format
			res, body := serve(t, "GET", target)
			if res.StatusCode != 200 {
				t.Fatalf("%s: status %d: %s", target, res.StatusCode, body)
			}
			want := map[string]string{
				"Content-Type":        map[string]string{"svg": "image/svg+xml", "png": "image/png"}[format],
				"Cache-Control":       CacheControl,
				"Content-Length":      strconv.Itoa(len(body)),
				"Content-Disposition": `inline; filename="` + ds.ID + "-en-light-960." + format + `"`,
			}
			for k, v := range want {
				if got := res.Header.Get(k); got != v {
					t.Errorf("%s: %s = %q, want %q", target, k, got, v)
				}
			}
			if etag := res.Header.Get("ETag"); len(etag) != 34 || etag[0] != '"' {
				t.Errorf("%s: ETag %q", target, etag)
			}
			if format == "svg" {
				if title := checkSVG(t, target, body); title != ds.Title {
					t.Errorf("%s: title %q, want %q", target, title, ds.Title)
				}
				if !bytes.Contains(body, []byte(`width="960"`)) {
					t.Errorf("%s: not 960 px wide", target)
				}
			} else if w := pngWidth(t, target, body); w != PNGScale*DefaultWidth {
				t.Errorf("%s: PNG %d px wide, want %d", target, w, PNGScale*DefaultWidth)
			}
		}
	}
}

func TestLanguageThemeAndWidth(t *testing.T) {
	res, body := serve(t, "GET", "/charts/fatalities.svg?lang=fr&theme=dark&width=640")
	if res.StatusCode != 200 {
		t.Fatalf("status %d: %s", res.StatusCode, body)
	}
	title := checkSVG(t, "fr dark", body)
	if !strings.Contains(title, "Décès") {
		t.Errorf("French title %q", title)
	}
	for _, s := range []string{`width="640"`, "rgba(20,24,31,1.0)" /* dark background */, "S/2020/911" /* source line */} {
		if !bytes.Contains(body, []byte(s)) {
			t.Errorf("fr dark 640: lacks %q", s)
		}
	}
	if cd := res.Header.Get("Content-Disposition"); cd != `inline; filename="fatalities-fr-dark-640.svg"` {
		t.Errorf("Content-Disposition %q", cd)
	}
	// Every option changes the image, so every option must change the ETag.
	seen := map[string]string{}
	for _, q := range []string{"", "?lang=fr", "?theme=dark", "?theme=projector", "?width=400", "?targets=off"} {
		target := "/charts/parity.svg" + q
		res, _ := serve(t, "GET", target)
		etag := res.Header.Get("ETag")
		if prev, dup := seen[etag]; dup {
			t.Errorf("%s has the ETag of %s", target, prev)
		}
		seen[etag] = target
	}
}

func TestTargets(t *testing.T) {
	_, on := serve(t, "GET", "/charts/parity.svg?targets=on")
	_, off := serve(t, "GET", "/charts/parity.svg?targets=off")
	_, def := serve(t, "GET", "/charts/parity.svg")
	if !bytes.Contains(on, []byte(`class="target`)) || !bytes.Equal(on, def) {
		t.Error("targets=on (the default) draws no target markers")
	}
	if bytes.Contains(off, []byte(`class="target`)) {
		t.Error("targets=off still draws target markers")
	}
	// Accepted on a dataset without targets, where it changes nothing.
	_, a := serve(t, "GET", "/charts/fatalities.svg?targets=off")
	_, b := serve(t, "GET", "/charts/fatalities.svg")
	if !bytes.Equal(a, b) {
		t.Error("targets=off changed a chart without targets")
	}
}

func TestWidthClamped(t *testing.T) {
	for q, want := range map[string]int{
		"width=0": MinWidth, "width=10": MinWidth, "width=320": 320, "width=777": 777,
		"width=1920": 1920, "width=1921": MaxWidth, "width=99999999999999999999999": MaxWidth, "width=": DefaultWidth,
		"width=0640": 640,
	} {
		res, body := serve(t, "GET", "/charts/coe-gaps.png?"+q)
		if res.StatusCode != 200 {
			t.Errorf("%s: status %d: %s", q, res.StatusCode, body)
			continue
		}
		if got := pngWidth(t, q, body); got != PNGScale*want {
			t.Errorf("%s: PNG %d px wide, want %d", q, got, PNGScale*want)
		}
	}
}

func TestBadRequests(t *testing.T) {
	cases := map[string]string{ // query -> part of the message
		"lang=de":                       `lang="de": use en or fr`,
		"lang=fr-CA":                    "use en or fr",
		"theme=neon":                    "use light, dark or projector",
		"width=abc":                     "whole number",
		"width=-5":                      "whole number",
		"width=1e3":                     "whole number",
		"width=%2B640":                  "whole number", // "+640" ("+" alone is a space, trimmed)
		"width=64.5":                    "whole number",
		"targets=yes":                   "use on or off",
		"language=fr":                   `unknown parameter "language": use lang (en, fr), theme`,
		"lang=fr&lang=en":               `parameter "lang" is given 2 times`,
		"lang=%zz":                      "malformed query string",
		"lang=fr;theme=dark":            "malformed query string",
		strings.Repeat("a", 500) + "=1": "…",
	}
	for q, msg := range cases {
		res, body := serve(t, "GET", "/charts/fatalities.svg?"+q)
		if res.StatusCode != 400 {
			t.Errorf("%q: status %d, want 400", q, res.StatusCode)
		}
		if !strings.Contains(string(body), msg) || len(body) > 300 {
			t.Errorf("%q: message %q lacks %q", q, body, msg)
		}
		if ct, cc := res.Header.Get("Content-Type"), res.Header.Get("Cache-Control"); ct != "text/plain; charset=utf-8" || cc != "no-store" {
			t.Errorf("%q: Content-Type %q, Cache-Control %q", q, ct, cc)
		}
	}
}

func TestParseQuery(t *testing.T) {
	for raw, want := range map[string]Options{
		"":                             DefaultOptions(),
		"lang=&theme=&width=&targets=": DefaultOptions(),
		"lang=FR&theme=Dark":           {Lang: locale.FR, Theme: "dark", Targets: true, Width: DefaultWidth},
		"targets=off&width=500":        {Lang: locale.EN, Theme: "light", Targets: false, Width: 500},
		"theme=projector&lang=en":      {Lang: locale.EN, Theme: "projector", Targets: true, Width: DefaultWidth},
	} {
		got, err := ParseQuery(raw)
		if err != nil || got != want {
			t.Errorf("ParseQuery(%q) = %+v, %v; want %+v", raw, got, err, want)
		}
	}
	if d := DefaultOptions(); d.Lang != locale.EN || d.Theme != "light" || !d.Targets || d.Width != 960 {
		t.Errorf("defaults %+v", d)
	}
}

func TestNotFound(t *testing.T) {
	for _, target := range []string{
		"/charts/nope.svg", "/charts/", "/charts", "/charts/fatalities", "/charts/fatalities.SVG",
		"/charts/fatalities.jpg", "/charts/fatalities.svg.png", "/charts/a/fatalities.svg", "/charts/.svg",
		"/charts/fatalities.svg/", "/fatalities.svg", "/charts/%2e%2e/data/fatalities.svg", "/other/parity.png",
	} {
		res, body := serve(t, "GET", target)
		if res.StatusCode != 404 {
			t.Errorf("%s: status %d, want 404", target, res.StatusCode)
		}
		if !strings.Contains(string(body), "coe-gaps, fatalities, parity") {
			t.Errorf("%s: message %q does not list the datasets", target, body)
		}
	}
	// The path is checked before the query: an unknown dataset is 404 whatever the options.
	if res, _ := serve(t, "GET", "/charts/nope.svg?lang=xx"); res.StatusCode != 404 {
		t.Errorf("unknown dataset with a bad option: %d", res.StatusCode)
	}
}

func TestMethods(t *testing.T) {
	for _, m := range []string{"POST", "PUT", "DELETE", "OPTIONS"} {
		res, _ := serve(t, m, "/charts/fatalities.svg")
		if res.StatusCode != 405 || res.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s: status %d, Allow %q", m, res.StatusCode, res.Header.Get("Allow"))
		}
	}
	get, gbody := serve(t, "GET", "/charts/fatalities.png")
	head, hbody := serve(t, "HEAD", "/charts/fatalities.png")
	if head.StatusCode != 200 || len(hbody) != 0 {
		t.Errorf("HEAD: status %d, %d body bytes", head.StatusCode, len(hbody))
	}
	if head.Header.Get("Content-Length") != strconv.Itoa(len(gbody)) || head.Header.Get("ETag") != get.Header.Get("ETag") {
		t.Errorf("HEAD headers differ from GET: %v vs %v", head.Header, get.Header)
	}
	if res, body := serve(t, "HEAD", "/charts/nope.png"); res.StatusCode != 404 || len(body) != 0 {
		t.Errorf("HEAD of a missing chart: %d, %q", res.StatusCode, body)
	}
}

func TestConditional(t *testing.T) {
	first, body := serve(t, "GET", "/charts/coe-gaps.svg?lang=fr")
	again, body2 := serve(t, "GET", "/charts/coe-gaps.svg?lang=fr")
	etag := first.Header.Get("ETag")
	if etag != again.Header.Get("ETag") || !bytes.Equal(body, body2) {
		t.Fatal("the same request gave different images")
	}
	res, b := serve(t, "GET", "/charts/coe-gaps.svg?lang=fr", "If-None-Match", etag)
	if res.StatusCode != 304 || len(b) != 0 || res.Header.Get("ETag") != etag {
		t.Errorf("If-None-Match: status %d, %d bytes", res.StatusCode, len(b))
	}
	if res, _ := serve(t, "GET", "/charts/coe-gaps.svg", "If-None-Match", etag); res.StatusCode != 200 {
		t.Errorf("another image's ETag: status %d", res.StatusCode)
	}
}

func TestFileName(t *testing.T) {
	o := DefaultOptions()
	if got := FileName("parity", "png", o); got != "parity-en-light-960.png" {
		t.Errorf("FileName = %q", got)
	}
	o.Targets, o.Lang, o.Theme, o.Width = false, locale.FR, "projector", 320
	if got := FileName("parity", "svg", o); got != "parity-fr-projector-320-targets-off.svg" {
		t.Errorf("FileName = %q", got)
	}
}

func TestRenderErrors(t *testing.T) {
	h := testHandler(t)
	if _, err := h.Render("nope", "svg", DefaultOptions()); err == nil {
		t.Error("unknown dataset rendered")
	}
	if _, err := h.Render("parity", "gif", DefaultOptions()); err == nil {
		t.Error("unknown format rendered")
	}
	bad := DefaultOptions()
	bad.Width = 10 // below chart.MinWidth: the renderer's error becomes a 500, not a panic
	if _, err := h.Render("parity", "svg", bad); err == nil {
		t.Error("width 10 rendered")
	}
}

// outlinedTexts returns the <title>, the <desc> and the aria-labels of the outlined lines of
// a standalone SVG, with the number of <text> elements (which would need Roboto installed).
func outlinedTexts(t *testing.T, body []byte) (title, desc string, labels []string, texts int) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(body))
	var stack []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			stack = append(stack, e.Name.Local)
			if e.Name.Local == "text" {
				texts++
			}
			for _, a := range e.Attr {
				if e.Name.Local == "g" && a.Name.Local == "aria-label" {
					labels = append(labels, a.Value)
				}
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 2 && stack[1] == "title" {
				title += string(e)
			} else if len(stack) == 2 && stack[1] == "desc" {
				desc += string(e)
			}
		}
	}
	return title, desc, labels, texts
}

func squash(s string) string { return strings.Join(strings.Fields(s), "") }

// TestImagesCarryTheirTexts: every image, in both languages and a light and a dark theme,
// from a phone's width to a slide's, shows the dataset's title, the card's headline, the
// chart's notes (the partial year) and the source line: in the SVG as outlined text (and in
// its title and description), in the PNG as ink in the bands above and below the chart.
func TestImagesCarryTheirTexts(t *testing.T) {
	h := testHandler(t)
	for _, ds := range h.b.Datasets {
		for _, l := range []locale.Lang{locale.EN, locale.FR} {
			for _, theme := range []state.Theme{state.Light, state.Dark} {
				for _, w := range []int{MinWidth, DefaultWidth, MaxWidth} {
					opt := Options{Lang: l, Theme: theme, Targets: true, Width: w}
					name := FileName(ds.ID, "svg", opt)
					spec, frame := view.Image(h.b, ds, opt.state(ds.ID), w)
					body, err := h.Render(ds.ID, "svg", opt)
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					title, desc, labels, texts := outlinedTexts(t, body)
					if title != view.Title(ds, l) {
						t.Errorf("%s: title %q", name, title)
					}
					if texts != 0 {
						t.Errorf("%s: %d <text> elements, drawn in another font without Roboto", name, texts)
					}
					want := []string{view.Title(ds, l), view.Headline(ds, l), view.SourceLine(h.b, ds, l)}
					for _, note := range spec.Legend {
						want = append(want, note.Text)
					}
					drawn := squash(strings.Join(labels, ""))
					for _, s := range want {
						if !strings.Contains(drawn, squash(s)) {
							t.Errorf("%s: does not show %q", name, s)
						}
						if !strings.Contains(desc, strings.TrimSpace(s)) && s != view.Title(ds, l) {
							t.Errorf("%s: description lacks %q", name, s)
						}
					}
					if ds.ID == "fatalities" && !strings.Contains(drawn, squash(map[locale.Lang]string{
						locale.EN: "2020: to 14 September (partial year)", locale.FR: "jusqu’au 14 septembre (année incomplète)"}[l])) {
						t.Errorf("%s: no partial-year note in %q", name, drawn)
					}
					if frame.Headline == "" || frame.Source == "" {
						t.Errorf("%s: empty frame %+v", name, frame)
					}
					if w != DefaultWidth {
						continue // the PNG is checked at the default width; chart tests cover the rest
					}
					raster, err := h.Render(ds.ID, "png", opt)
					if err != nil {
						t.Fatalf("%s png: %v", name, err)
					}
					img, err := png.Decode(bytes.NewReader(raster))
					if err != nil {
						t.Fatal(err)
					}
					bg := img.At(0, 0)
					inked := func(y0, y1 int) bool { // some row of the band has text's pixels
						for y := y0; y < y1; y++ {
							for x := 0; x < img.Bounds().Dx(); x++ {
								if img.At(x, y) != bg {
									return true
								}
							}
						}
						return false
					}
					hgt := img.Bounds().Dy()
					if !inked(0, 2*40) || !inked(hgt-2*24, hgt) {
						t.Errorf("%s png: heading or source band empty", name)
					}
				}
			}
		}
	}
}
