package main

import (
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	htmltok "github.com/vugu/html"
)

// The one-file edition: the whole explorer in a single HTML file that runs from file:// with
// no network at all, for briefings that travel by mail or USB stick. It is the page of the
// site with every file it loads put inside it:
//
//   - each <script src> becomes an inline script (but offline.js, which registers the service
//     worker, is left out: there is none from file://), each <link rel=stylesheet> a <style>, and
//     each url() in the styles a data: URL (the chart font among them); preloads are dropped;
//   - the wasm, gzip-compressed and base64-encoded, is the text of a
//     <script type="application/octet-stream" id="explorer-wasm" data-encoding="gzip"> that
//     loader.js decompresses with DecompressionStream instead of fetching the wasm;
//   - a small script before the loader sets window.explorerSingleFile (the UI then offers no
//     links to data files, which do not exist beside a lone file) and window.explorerFont, the
//     font's bytes decoded from the one copy in the style sheet's @font-face (wasm/font.go).
//
// Everything big is element text, never an attribute (Vugu cannot carry attributes over
// 16 KB), and nothing is left that the browser would request: selfContainedProblems checks
// that, and the build fails on any problem.

// singleFileName is the one-file edition's name in the built site.
const singleFileName = "s-2020-911-explorer.html"

// loaderScript is the script that starts the wasm; the wasm and the bootstrap go before it.
const loaderScript = "loader.js"

// fontDataURL starts the data: URL of the chart font in the inlined style sheet; the bootstrap
// script looks for it.
const fontDataURL = "data:font/ttf;base64,"

// maxAttr is the longest attribute value allowed: Vugu's render buffer is 16 KB.
const maxAttr = 16 << 10

// bootstrapScript runs before loader.js. It takes the font from the @font-face data URL, so the
// file carries the font once for both the page's text and the charts the wasm measures.
const bootstrapScript = `window.explorerSingleFile = true;
(function () {
  "use strict";
  var key = "` + fontDataURL + `", styles = document.getElementsByTagName("style");
  for (var i = 0; i < styles.length; i++) {
    var css = styles[i].textContent, at = css.indexOf(key);
    if (at < 0) continue;
    at += key.length;
    var b64 = css.slice(at, css.indexOf('"', at));
    if (Uint8Array.fromBase64) { window.explorerFont = Uint8Array.fromBase64(b64); return; }
    var bin = atob(b64), bytes = new Uint8Array(bin.length);
    for (var j = 0; j < bin.length; j++) bytes[j] = bin.charCodeAt(j);
    window.explorerFont = bytes;
    return;
  }
})();`

// singleFileParts is what the one-file edition is made of.
type singleFileParts struct {
	Page     string                            // the filled page shell (prerendered for SingleFile)
	Read     func(name string) ([]byte, error) // a file of the built site by its relative path
	WasmGzip []byte                            // the wasm, gzip-compressed
	WasmRaw  int                               // its size uncompressed, for the progress bar
}

// assembleSingleFile inlines everything the page loads (see the top of this file).
func assembleSingleFile(p singleFileParts) (string, error) {
	var out strings.Builder
	out.Grow(len(p.Page) + base64.StdEncoding.EncodedLen(len(p.WasmGzip)) + 600<<10)
	z := htmltok.NewTokenizer(strings.NewReader(p.Page))
	dropping := false // inside a <script src> element, whose content (none) is dropped
	loaders := 0
	for {
		tt := z.Next()
		if tt == htmltok.ErrorToken {
			if err := z.Err(); !errors.Is(err, io.EOF) {
				return "", err
			}
			break
		}
		raw := string(z.Raw())
		if dropping {
			name, _ := z.TagName()
			switch {
			case tt == htmltok.EndTagToken && string(name) == "script":
				dropping = false
			case tt == htmltok.TextToken && strings.TrimSpace(raw) == "":
			default:
				return "", fmt.Errorf("a <script src> has content: %.60q", raw)
			}
			continue
		}
		if tt != htmltok.StartTagToken && tt != htmltok.SelfClosingTagToken {
			out.WriteString(raw)
			continue
		}
		tok := z.Token()
		switch tok.Data {
		case "script":
			src, ok := attrValue(tok, "src")
			if !ok {
				out.WriteString(raw)
				continue
			}
			if cleanRef(src) == offlineScript {
				// The service worker needs a web origin; a lone file has none (offline.go).
				dropping = tt == htmltok.StartTagToken
				continue
			}
			if kindOf(src) != refFile {
				return "", fmt.Errorf("<script src=%q>: only the site's own files can be inlined", src)
			}
			if _, ok := attrValue(tok, "defer"); ok {
				return "", fmt.Errorf("<script src=%q defer>: inlining would change when it runs", src)
			}
			if _, ok := attrValue(tok, "async"); ok {
				return "", fmt.Errorf("<script src=%q async>: inlining would change when it runs", src)
			}
			body, err := p.Read(cleanRef(src))
			if err != nil {
				return "", err
			}
			drop := []string{"src"}
			if cleanRef(src) == loaderScript {
				loaders++
				drop = append(drop, "data-wasm")
				out.WriteString("<script>" + escapeScript(bootstrapScript) + "</script>\n")
				out.WriteString(wasmElement(p.WasmGzip) + "\n")
			}
			out.WriteString(startTag("script", tok.Attr, drop...) + escapeScript(string(body)) + "</script>")
			dropping = tt == htmltok.StartTagToken
		case "link":
			href, _ := attrValue(tok, "href")
			rel, _ := attrValue(tok, "rel")
			rels := strings.Fields(strings.ToLower(rel))
			switch {
			case kindOf(href) == refInline:
				out.WriteString(raw)
			case has(rels, "stylesheet"):
				name := cleanRef(href)
				css, err := p.Read(name)
				if err != nil {
					return "", err
				}
				inlined, err := inlineCSS(string(css), name, p.Read)
				if err != nil {
					return "", err
				}
				out.WriteString(startTag("style", tok.Attr, "href", "rel", "type", "crossorigin", "integrity") + inlined + "</style>")
			case has(rels, "preload") || has(rels, "prefetch") || has(rels, "modulepreload") ||
				has(rels, "preconnect") || has(rels, "dns-prefetch"):
				// The resource is inside the file now (or not needed): nothing to preload.
			default:
				return "", fmt.Errorf("<link rel=%q href=%q>: cannot be inlined", rel, href)
			}
		default:
			out.WriteString(raw)
		}
	}
	if loaders != 1 {
		return "", fmt.Errorf("the page loads %s %d times, want once", loaderScript, loaders)
	}
	s := out.String()
	if n := strings.Count(s, fontDataURL) - strings.Count(bootstrapScript, fontDataURL); n != 1 {
		return "", fmt.Errorf("the chart font is inlined %d times, want once (in the @font-face the bootstrap script reads)", n)
	}
	return s, nil
}

// wasmElement carries the compressed wasm as base64 text, which has no '<' to end it early.
func wasmElement(gz []byte) string {
	return `<script type="application/octet-stream" id="explorer-wasm" data-encoding="gzip">` +
		base64.StdEncoding.EncodeToString(gz) + "</script>"
}

// startTag writes a start tag with the attributes of a token except those dropped.
func startTag(name string, attrs []htmltok.Attribute, drop ...string) string {
	var b strings.Builder
	b.WriteString("<" + name)
	for _, a := range attrs {
		if has(drop, a.Key) {
			continue
		}
		b.WriteString(" " + a.Key)
		if a.Val != "" {
			b.WriteString(`="` + htmltok.EscapeString(a.Val) + `"`)
		}
	}
	b.WriteString(">")
	return b.String()
}

func attrValue(tok htmltok.Token, key string) (string, bool) {
	for _, a := range tok.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// escapeScript makes script text safe inside <script>…</script>: "</script" would end the
// element early and "<!--" can make the parser skip the real end tag. Both become escapes
// that mean the same in JavaScript strings, template literals and regular expressions.
func escapeScript(s string) string {
	lower := asciiLower(s)
	if !strings.Contains(lower, "</script") && !strings.Contains(s, "<!--") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(lower[i:], "</script"):
			b.WriteString(`<\/` + s[i+2:i+8])
			i += 8
		case strings.HasPrefix(s[i:], "<!--"):
			b.WriteString(`\x3C!--`)
			i += 4
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String()
}

// asciiLower lowercases A-Z only, so byte offsets stay those of s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// inlineCSS replaces every url() of a site file in a style sheet with a data: URL.
func inlineCSS(css, name string, read func(string) ([]byte, error)) (string, error) {
	lower := asciiLower(css)
	if strings.Contains(lower, "@import") {
		return "", fmt.Errorf("%s: @import cannot be inlined", name)
	}
	if strings.Contains(lower, "</style") {
		return "", fmt.Errorf("%s: contains </style", name)
	}
	var b strings.Builder
	for {
		i := strings.Index(lower, "url(")
		if i < 0 {
			b.WriteString(css)
			return b.String(), nil
		}
		b.WriteString(css[:i])
		ref, n, err := cssURL(css[i+4:])
		if err != nil {
			return "", fmt.Errorf("%s: %w", name, err)
		}
		switch kindOf(ref) {
		case refInline:
			b.WriteString(css[i : i+4+n])
		case refFile:
			file := path.Join(path.Dir(name), cleanRef(ref))
			mime, ok := mimeTypes[path.Ext(file)]
			if !ok {
				return "", fmt.Errorf("%s: url(%s): no data: URL type for %s files", name, ref, path.Ext(file))
			}
			body, err := read(file)
			if err != nil {
				return "", err
			}
			b.WriteString(`url("data:` + mime + ";base64," + base64.StdEncoding.EncodeToString(body) + `")`)
		default:
			return "", fmt.Errorf("%s: url(%s) would leave the file", name, ref)
		}
		css, lower = css[i+4+n:], lower[i+4+n:]
	}
}

// cssURL reads the argument of url( from s: it returns the reference and the length of s up
// to and including the closing parenthesis.
func cssURL(s string) (string, int, error) {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
		i++
	}
	if i < len(s) && (s[i] == '"' || s[i] == '\'') {
		q := s[i]
		end := strings.IndexByte(s[i+1:], q)
		if end < 0 {
			return "", 0, errors.New("url() without its closing quote")
		}
		ref := s[i+1 : i+1+end]
		close := strings.IndexByte(s[i+1+end+1:], ')')
		if close < 0 {
			return "", 0, errors.New("url() without its closing parenthesis")
		}
		return ref, i + 1 + end + 1 + close + 1, nil
	}
	close := strings.IndexByte(s, ')')
	if close < 0 {
		return "", 0, errors.New("url() without its closing parenthesis")
	}
	return strings.TrimSpace(s[:close]), close + 1, nil
}

var mimeTypes = map[string]string{
	".ttf": "font/ttf", ".otf": "font/otf", ".woff": "font/woff", ".woff2": "font/woff2",
	".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
	".gif": "image/gif", ".webp": "image/webp",
}

// refKind is what a URL in the page points to.
type refKind int

const (
	refInline refKind = iota // nothing to load: "", "#id", data:, blob:, about:blank, javascript:
	refFile                  // a file beside the page (a relative reference, or file:)
	refWeb                   // a network address: http:, https:, ws:, "//host/…", mailto: …
)

func kindOf(ref string) refKind {
	r := strings.TrimSpace(ref)
	lower := asciiLower(r)
	switch {
	case r == "" || strings.HasPrefix(r, "#"):
		return refInline
	case strings.HasPrefix(lower, "data:"), strings.HasPrefix(lower, "blob:"),
		strings.HasPrefix(lower, "about:"), strings.HasPrefix(lower, "javascript:"):
		return refInline
	case strings.HasPrefix(lower, "file:"):
		return refFile
	case strings.HasPrefix(r, "//"):
		return refWeb
	}
	if i := strings.IndexAny(r, ":/?#"); i > 0 && r[i] == ':' {
		return refWeb // any other scheme
	}
	return refFile
}

// cleanRef is a relative reference as a path in the site: without "./", query or fragment.
func cleanRef(ref string) string {
	if i := strings.IndexAny(ref, "?#"); i >= 0 {
		ref = ref[:i]
	}
	return strings.TrimPrefix(path.Clean("/"+strings.TrimSpace(ref)), "/")
}

// urlAttrs are the attributes whose value the browser loads or navigates to.
var urlAttrs = map[string]bool{"src": true, "href": true, "srcset": true, "action": true, "formaction": true,
	"poster": true, "xlink:href": true, "background": true, "ping": true, "manifest": true, "icon": true}

// selfContainedProblems lists what keeps a page from working as a lone file with no network:
// placeholders left, attributes that load a file or a web address (links <a href> to the web
// are allowed: a reader follows them), style sheets that do, unescaped "<!--" in scripts and
// attributes too long for Vugu.
func selfContainedProblems(page string) []string {
	var probs []string
	for _, ph := range []string{"<!--app", "<!--noscript", "{{wasm"} {
		if strings.Contains(page, ph) {
			probs = append(probs, "placeholder left: "+ph)
		}
	}
	z := htmltok.NewTokenizer(strings.NewReader(page))
	text := "" // the raw-text element being read: "script" or "style"
	for {
		tt := z.Next()
		if tt == htmltok.ErrorToken {
			if err := z.Err(); !errors.Is(err, io.EOF) {
				probs = append(probs, "parse: "+err.Error())
			}
			return probs
		}
		switch tt {
		case htmltok.StartTagToken, htmltok.SelfClosingTagToken:
			tok := z.Token()
			if tok.Data == "noscript" {
				z.NextIsNotRawText() // check what a reader without script would load
			}
			text = ""
			if tt == htmltok.StartTagToken && (tok.Data == "script" || tok.Data == "style") {
				text = tok.Data
			}
			probs = append(probs, tagProblems(tok)...)
		case htmltok.TextToken:
			t := string(z.Text())
			switch text {
			case "style":
				if p := cssProblem(t); p != "" {
					probs = append(probs, "<style>: "+p)
				}
			case "script":
				if strings.Contains(t, "<!--") {
					probs = append(probs, "a script contains an unescaped <!--")
				}
			}
		case htmltok.EndTagToken:
			text = ""
		}
	}
}

func tagProblems(tok htmltok.Token) []string {
	var probs []string
	for _, a := range tok.Attr {
		if len(a.Val) > maxAttr {
			probs = append(probs, fmt.Sprintf("<%s %s>: value of %d bytes, over Vugu's %d", tok.Data, a.Key, len(a.Val), maxAttr))
		}
		switch {
		case a.Key == "style":
			if p := cssProblem(a.Val); p != "" {
				probs = append(probs, fmt.Sprintf("<%s style>: %s", tok.Data, p))
			}
			continue
		case a.Key == "data" && tok.Data == "object":
		case !urlAttrs[a.Key]:
			continue
		}
		switch kindOf(a.Val) {
		case refInline:
		case refWeb:
			if (tok.Data == "a" || tok.Data == "area") && a.Key == "href" {
				continue // a link the reader may follow, not a request the page makes
			}
			probs = append(probs, fmt.Sprintf("<%s %s=%s> requests the network", tok.Data, a.Key, strconv.Quote(a.Val)))
		default:
			probs = append(probs, fmt.Sprintf("<%s %s=%s> points to a file beside the page", tok.Data, a.Key, strconv.Quote(a.Val)))
		}
	}
	return probs
}

// cssProblem reports an @import or a url() that is not inline.
func cssProblem(css string) string {
	lower := asciiLower(css)
	if strings.Contains(lower, "@import") {
		return "@import"
	}
	for {
		i := strings.Index(lower, "url(")
		if i < 0 {
			return ""
		}
		ref, n, err := cssURL(css[i+4:])
		if err != nil {
			return err.Error()
		}
		if kindOf(ref) != refInline {
			return "url(" + ref + ") is not inline"
		}
		css, lower = css[i+4+n:], lower[i+4+n:]
	}
}
