package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"briefing/web/font"
)

// The page's font is a subset of Roboto Medium with the characters the explorer shows
// (web/font): as WOFF2 for the page's @font-face (its one font request), and as TTF for the
// glyph outlines of downloaded images, which the wasm fetches only when a reader downloads
// one (wasm/font.go), and for the one-file edition, which carries it once for both. Both
// names are content-hashed, so they can be cached for good.

// fontFace is the @font-face source in web/static/style.css that the build names by hash.
const fontFace = `url("fonts/roboto-medium.woff2") format("woff2")`

// fontFiles are the built font files, by their names in the site.
type fontFiles struct {
	WOFF2, TTF string
	files      map[string][]byte
}

// makeFonts makes the subset and names its files.
func makeFonts() (fontFiles, error) {
	s, err := font.Roboto()
	if err != nil {
		return fontFiles{}, err
	}
	w, err := font.WOFF2(s.TTF)
	if err != nil {
		return fontFiles{}, err
	}
	f := fontFiles{WOFF2: hashedName("fonts/roboto-medium", ".woff2", w), TTF: hashedName("fonts/roboto-medium", ".ttf", s.TTF)}
	f.files = map[string][]byte{f.WOFF2: w, f.TTF: s.TTF}
	return f, nil
}

func hashedName(stem, ext string, b []byte) string {
	sum := sha256.Sum256(b)
	return stem + "." + hex.EncodeToString(sum[:5]) + ext
}

// write puts the font files into the site and points its style sheet at the WOFF2.
func (f fontFiles) write(out string) error {
	for name, b := range f.files {
		if err := os.WriteFile(filepath.Join(out, filepath.FromSlash(name)), b, 0o644); err != nil {
			return err
		}
	}
	css, err := os.ReadFile(filepath.Join(out, "style.css"))
	if err != nil {
		return err
	}
	page, err := f.pageCSS(string(css))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "style.css"), []byte(page), 0o644)
}

// pageCSS names the WOFF2 by its hash in the style sheet.
func (f fontFiles) pageCSS(css string) (string, error) {
	if strings.Count(css, fontFace) != 1 {
		return "", fmt.Errorf("style.css: want one @font-face source %s", fontFace)
	}
	return strings.Replace(css, fontFace, `url("`+f.WOFF2+`") format("woff2")`, 1), nil
}

// singleFileCSS points the page's style sheet at the TTF instead: the one-file edition
// inlines it once, for the page's text and the wasm's outlines (bootstrapScript).
func (f fontFiles) singleFileCSS(css string) string {
	return strings.Replace(css, `url("`+f.WOFF2+`") format("woff2")`, `url("`+f.TTF+`") format("truetype")`, 1)
}

// fill names the font files in the page shell: the preload of the WOFF2 ({{font}}) and the
// TTF for downloads ({{font-outlines}}).
func (f fontFiles) fill(html string) string {
	return strings.NewReplacer("{{font}}", f.WOFF2, "{{font-outlines}}", f.TTF).Replace(html)
}

// singleFileRead reads the site's files for the one-file edition, its style sheet with
// singleFileCSS.
func (f fontFiles) singleFileRead(read func(string) ([]byte, error)) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) {
		b, err := read(name)
		if err == nil && name == "style.css" {
			b = []byte(f.singleFileCSS(string(b)))
		}
		return b, err
	}
}
