package main

import (
	"bytes"
	"encoding/base64"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	htmltok "github.com/vugu/html"

	"briefing/data"
	"briefing/web/locale"
	"briefing/web/static"
)

// element is one element of a page as the HTML tokenizer sees it.
type element struct {
	Name  string
	Attrs map[string]string
	Text  string // the text right inside it (scripts and styles: all of it)
}

// elements lists the start tags of a page with their attributes and first text.
func elements(t *testing.T, page string) []element {
	t.Helper()
	z := htmltok.NewTokenizer(strings.NewReader(page))
	var els []element
	for {
		switch z.Next() {
		case htmltok.ErrorToken:
			return els
		case htmltok.StartTagToken, htmltok.SelfClosingTagToken:
			tok := z.Token()
			if tok.Data == "noscript" {
				z.NextIsNotRawText()
			}
			e := element{Name: tok.Data, Attrs: map[string]string{}}
			for _, a := range tok.Attr {
				e.Attrs[a.Key] = a.Val
			}
			els = append(els, e)
		case htmltok.TextToken:
			if len(els) > 0 && els[len(els)-1].Text == "" {
				els[len(els)-1].Text = string(z.Text())
			}
		case htmltok.EndTagToken:
			if len(els) > 0 && els[len(els)-1].Text == "" {
				els[len(els)-1].Text = "\x00" // closed: later text is not its own
			}
		}
	}
}

func TestNoscriptEscapes(t *testing.T) {
	items := []noscriptItem{
		{ID: "fatalities", Title: "Peacekeeper fatalities"},
		{ID: `x"><script>`, Title: `<script>alert("&")</script> Women's share`},
	}
	got := noscriptHTML(items, false, locale.EN)
	if strings.Contains(got, "<script") || strings.Contains(got, `"><`) {
		t.Fatalf("unescaped markup in the noscript block:\n%s", got)
	}
	if !strings.Contains(got, "&lt;script&gt;alert(&#34;&amp;&#34;)&lt;/script&gt; Women&#39;s share") {
		t.Errorf("title not escaped as text:\n%s", got)
	}
	var hrefs []string
	strong := 0
	for _, e := range elements(t, got) {
		if h, ok := e.Attrs["href"]; ok {
			hrefs = append(hrefs, h)
		}
		if e.Name == "strong" && strings.HasPrefix(e.Text, "<script>alert") {
			strong++
		}
		if e.Name == "script" || e.Name == "img" {
			t.Errorf("the block has a <%s>", e.Name)
		}
	}
	if strong != 1 {
		t.Errorf("the hostile title is not one <strong> text")
	}
	want := []string{
		"index.fr.html?lang=fr",
		"charts/fatalities-en-light.svg", "charts/fatalities-en-light.png", "data/fatalities.csv",
		"charts/fatalities-fr-light.svg", "charts/fatalities-fr-light.png",
		`charts/x%22%3E%3Cscript%3E-en-light.svg`, `charts/x%22%3E%3Cscript%3E-en-light.png`, `data/x%22%3E%3Cscript%3E.csv`,
		`charts/x%22%3E%3Cscript%3E-fr-light.svg`, `charts/x%22%3E%3Cscript%3E-fr-light.png`,
		"data/datapackage.json",
	}
	if strings.Join(hrefs, " ") != strings.Join(want, " ") {
		t.Errorf("links:\n got %q\nwant %q", hrefs, want)
	}
	if !strings.HasPrefix(got, "<noscript>") || !strings.HasSuffix(got, "</noscript>") {
		t.Errorf("not one <noscript> element:\n%s", got)
	}

	one := noscriptHTML(items, true, locale.EN)
	if strings.Contains(one, "href=") || strings.Contains(one, "src=") || strings.Contains(one, "<script") {
		t.Errorf("the one-file edition's block points to files or has markup from the data:\n%s", one)
	}
	if probs := selfContainedProblems(one); len(probs) > 0 {
		t.Errorf("one-file noscript block: %q", probs)
	}
}

func TestEscapeScript(t *testing.T) {
	for in, want := range map[string]string{
		`var a = 1;`:                        `var a = 1;`,
		`s = "</script>";`:                  `s = "<\/script>";`,
		`s = "</SCRIPT >" + '</ScRiPt';`:    `s = "<\/SCRIPT >" + '<\/ScRiPt';`,
		`s = "<!--<script>";`:               `s = "\x3C!--<script>";`,
		`/<\/script>/.test(x); "é</script"`: `/<\/script>/.test(x); "é<\/script"`,
	} {
		if got := escapeScript(in); got != want {
			t.Errorf("escapeScript(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFillReplacesEveryPlaceholder(t *testing.T) {
	shell := "<body>\n<!--noscript: here-->\n<!--app: here-->\n<script src=\"loader.js\" data-wasm=\"{{wasm}}\" data-size=\"{{wasm-size}}\"></script>"
	got, err := fill(shell, `<div id="app"></div>`, "<noscript>n</noscript>", wasmFile{Name: "app.abc.wasm", Raw: 42})
	if err != nil {
		t.Fatal(err)
	}
	want := "<body>\n<noscript>n</noscript>\n<div id=\"app\"></div>\n<script src=\"loader.js\" data-wasm=\"app.abc.wasm\" data-size=\"42\"></script>"
	if got != want {
		t.Errorf("fill:\n got %q\nwant %q", got, want)
	}
	for _, bad := range []string{
		"<body><!--app--></body>",                          // no noscript placeholder
		"<body><!--noscript--></body>",                     // no app placeholder
		"<body><!--noscript--><!--app--><!--app--></body>", // two
		"<body><!--noscript--><!--app</body>",              // not closed
	} {
		if _, err := fill(bad, "x", "y", wasmFile{}); err == nil {
			t.Errorf("fill(%q) should fail", bad)
		}
	}
}

// testSite is a small built site: a page shell like index.html and the files it loads.
var testSite = fstest.MapFS{
	"style.css":    {Data: []byte("@font-face{font-family:\"Roboto Medium\";src:url(\"fonts/f.ttf\") format(\"truetype\")}\nbody{background:url( 'img/bg.png' )}\n.x{mask:url(#m)}\n")},
	"present.css":  {Data: []byte(".slide{color:red}\n.icon{background:url(data:image/gif;base64,R0lGOD==)}\n")},
	"fonts/f.ttf":  {Data: []byte("TTF-BYTES")},
	"img/bg.png":   {Data: []byte("PNG-BYTES")},
	"a.js":         {Data: []byte(`document.write("</script><!--");` + "\n")},
	"wasm_exec.js": {Data: []byte("globalThis.Go = function () {};\n")},
	"loader.js":    {Data: []byte("/* loader */ var x = '</Script>';\n")},
}

const testPage = `<!doctype html>
<html lang="en">
<head>
<link rel="icon" href="data:,">
<link rel="preload" href="fonts/f.ttf" as="font" type="font/ttf" crossorigin>
<link rel="stylesheet" href="style.css">
<link rel="stylesheet" href="./present.css" media="screen">
</head>
<body>
<noscript><p>JavaScript is off.</p></noscript>
<div id="vugu_mount_point"><a href="#top">Top</a> <a href="https://www.un.org/">UN</a></div>
<script src="a.js"></script>
<script src="wasm_exec.js"></script>
<script src="loader.js" data-wasm="app.abc.wasm" data-size="123"></script>
</body>
</html>`

func readFrom(fsys fs.FS) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) { return fs.ReadFile(fsys, name) }
}

func TestAssembleSingleFile(t *testing.T) {
	gz := []byte("\x1f\x8b gzip bytes")
	got, err := assembleSingleFile(singleFileParts{Page: testPage, Read: readFrom(testSite), WasmGzip: gz, WasmRaw: 123})
	if err != nil {
		t.Fatal(err)
	}
	if probs := selfContainedProblems(got); len(probs) > 0 {
		t.Fatalf("not self-contained: %q\n%s", probs, got)
	}
	els := elements(t, got)
	var names []string
	var scripts, styles []element
	for _, e := range els {
		names = append(names, e.Name)
		switch e.Name {
		case "script":
			scripts = append(scripts, e)
		case "style":
			styles = append(styles, e)
		case "link":
			if e.Attrs["rel"] != "icon" {
				t.Errorf("<link rel=%q> left", e.Attrs["rel"])
			}
		}
		for _, key := range []string{"src", "href"} {
			if v, ok := e.Attrs[key]; ok && !strings.HasPrefix(v, "data:") && !strings.HasPrefix(v, "#") && !strings.HasPrefix(v, "https://") {
				t.Errorf("<%s %s=%q> points to a file", e.Name, key, v)
			}
		}
	}
	// Every script of the page, in its order, with the bootstrap and the wasm before the loader.
	if len(scripts) != 5 {
		t.Fatalf("%d scripts, want a.js, wasm_exec.js, bootstrap, wasm, loader.js: %q", len(scripts), names)
	}
	if !strings.HasPrefix(scripts[0].Text, `document.write("<\/script>\x3C!--");`) {
		t.Errorf("a.js not escaped: %q", scripts[0].Text)
	}
	if scripts[1].Text != "globalThis.Go = function () {};\n" {
		t.Errorf("wasm_exec.js: %q", scripts[1].Text)
	}
	if !strings.Contains(scripts[2].Text, "window.explorerSingleFile = true") || !strings.Contains(scripts[2].Text, "window.explorerFont") {
		t.Errorf("bootstrap script: %q", scripts[2].Text)
	}
	w := scripts[3]
	if w.Attrs["id"] != "explorer-wasm" || w.Attrs["type"] != "application/octet-stream" || w.Attrs["data-encoding"] != "gzip" {
		t.Errorf("wasm element attributes: %v", w.Attrs)
	}
	if dec, err := base64.StdEncoding.DecodeString(w.Text); err != nil || !bytes.Equal(dec, gz) {
		t.Errorf("wasm element does not decode to the gzip bytes: %v", err)
	}
	l := scripts[4]
	if _, ok := l.Attrs["data-wasm"]; ok || l.Attrs["data-size"] != "123" {
		t.Errorf("loader attributes: %v (want data-size kept, data-wasm dropped)", l.Attrs)
	}
	if l.Text != `/* loader */ var x = '<\/Script>';`+"\n" {
		t.Errorf("loader.js: %q", l.Text)
	}
	// Styles inline, with the font and image as data: URLs and other URLs as they were.
	if len(styles) != 2 {
		t.Fatalf("%d styles, want 2", len(styles))
	}
	font := fontDataURL + base64.StdEncoding.EncodeToString([]byte("TTF-BYTES"))
	for _, want := range []string{`url("` + font + `")`, `url("data:image/png;base64,` + base64.StdEncoding.EncodeToString([]byte("PNG-BYTES")) + `")`, "url(#m)"} {
		if !strings.Contains(styles[0].Text, want) {
			t.Errorf("style.css lacks %s:\n%s", want, styles[0].Text)
		}
	}
	if styles[1].Attrs["media"] != "screen" || !strings.Contains(styles[1].Text, "url(data:image/gif;base64,R0lGOD==)") {
		t.Errorf("present.css: %v %q", styles[1].Attrs, styles[1].Text)
	}
	// Everything else is kept byte for byte.
	for _, keep := range []string{`<link rel="icon" href="data:,">`, `<noscript><p>JavaScript is off.</p></noscript>`,
		`<div id="vugu_mount_point"><a href="#top">Top</a> <a href="https://www.un.org/">UN</a></div>`, "<!doctype html>"} {
		if !strings.Contains(got, keep) {
			t.Errorf("lost %s", keep)
		}
	}
}

func TestAssembleSingleFileRefuses(t *testing.T) {
	cases := map[string]string{
		"missing file":   strings.Replace(testPage, `src="a.js"`, `src="b.js"`, 1),
		"deferred":       strings.Replace(testPage, `src="a.js"`, `src="a.js" defer`, 1),
		"async":          strings.Replace(testPage, `src="a.js"`, `src="a.js" async`, 1),
		"web script":     strings.Replace(testPage, `src="a.js"`, `src="https://cdn.example/a.js"`, 1),
		"script content": strings.Replace(testPage, `<script src="a.js"></script>`, `<script src="a.js">x()</script>`, 1),
		"unknown link":   strings.Replace(testPage, `<link rel="icon" href="data:,">`, `<link rel="manifest" href="app.webmanifest">`, 1),
		"no loader":      strings.Replace(testPage, `src="loader.js"`, `src="a.js"`, 1),
		"two loaders":    strings.Replace(testPage, `src="a.js"`, `src="loader.js"`, 1),
		"no font":        strings.Replace(testPage, `<link rel="stylesheet" href="style.css">`, "", 1),
	}
	for name, page := range cases {
		if _, err := assembleSingleFile(singleFileParts{Page: page, Read: readFrom(testSite)}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	for name, css := range map[string]string{
		"import":   `@import "other.css";`,
		"web url":  `body{background:url(https://example.org/x.png)}`,
		"unclosed": `body{background:url("x.png}`,
		"no type":  `body{background:url(x.bin)}`,
		"end tag":  `/* </style> */`,
	} {
		site := fstest.MapFS{"x.png": {Data: []byte("x")}, "x.bin": {Data: []byte("x")}}
		if _, err := inlineCSS(css, "s.css", readFrom(site)); err == nil {
			t.Errorf("inlineCSS %s: no error", name)
		}
	}
}

func TestSelfContainedProblems(t *testing.T) {
	ok := []string{
		`<a href="#top">x</a><a href="https://www.un.org/">UN</a><a href="mailto:a@b.c">m</a><img src="data:image/png;base64,AA==" alt="">`,
		`<script>var s = "<img src='x.png'>";</script><style>.a{background:url(data:,)}</style>`,
		`<svg><use xlink:href="#a"/></svg><div style="color:red">x</div>`,
	}
	for _, page := range ok {
		if probs := selfContainedProblems(page); len(probs) > 0 {
			t.Errorf("%s: %q", page, probs)
		}
	}
	bad := []string{
		`<img src="x.png" alt="">`,
		`<a href="data/parity.csv">csv</a>`,
		`<a href="file:///etc/passwd">x</a>`,
		`<link rel="stylesheet" href="https://cdn.example/x.css">`,
		`<script src="//cdn.example/x.js"></script>`,
		`<img srcset="x.png 2x" alt="">`,
		`<form action="send"></form>`,
		`<video poster="p.jpg"></video>`,
		`<object data="x.svg"></object>`,
		`<div style="background:url(x.png)">x</div>`,
		`<style>@import "x.css";</style>`,
		`<style>.a{background:url( "x.png" )}</style>`,
		`<noscript><img src="charts/x.svg" alt=""></noscript>`,
		`<script><!-- </script>`,
		`<body><!--app--></body>`,
		`<body><!--noscript--></body>`,
		`<script data-wasm="{{wasm}}"></script>`,
		`<div title="` + strings.Repeat("x", maxAttr+1) + `"></div>`,
	}
	for _, page := range bad {
		if probs := selfContainedProblems(page); len(probs) == 0 {
			t.Errorf("%.80s: no problem found", page)
		}
	}
}

// TestSingleFileFromRealShell assembles the one-file edition from the real page shell, the
// real prerender and static files, with stand-ins for the files the build takes from Go and
// Vugu: whatever is added to index.html must still inline into a self-contained file.
func TestSingleFileFromRealShell(t *testing.T) {
	b, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	shell, err := os.ReadFile(filepath.Join("..", "..", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	page, err := prerender(b, true, locale.EN)
	if err != nil {
		t.Fatal(err)
	}
	filled, err := fill(string(shell), page, noscriptHTML(noscriptItems(b), true, locale.EN), wasmFile{Name: "app.0.wasm", Raw: 9})
	if err == nil {
		filled, err = localize(filled, locale.EN)
	}
	if err != nil {
		t.Fatal(err)
	}
	fonts, err := makeFonts()
	if err != nil {
		t.Fatal(err)
	}
	filled = fonts.fill(filled)
	site := fstest.MapFS{
		"wasm_exec.js":   {Data: []byte("/* wasm_exec */")},
		"vugu-render.js": {Data: []byte("/* vugu */")},
	}
	for name, b := range fonts.files {
		site[name] = &fstest.MapFile{Data: b}
	}
	err = fs.WalkDir(static.Files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := static.Files.ReadFile(p)
		if p == "style.css" {
			css, cerr := fonts.pageCSS(string(body))
			if cerr != nil {
				return cerr
			}
			body = []byte(css)
		}
		site[p] = &fstest.MapFile{Data: body}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	one, err := assembleSingleFile(singleFileParts{Page: filled, Read: fonts.singleFileRead(readFrom(site)), WasmGzip: []byte("gz"), WasmRaw: 9})
	if err != nil {
		t.Fatal(err)
	}
	if probs := selfContainedProblems(one); len(probs) > 0 {
		t.Fatalf("not self-contained:\n%s", strings.Join(probs, "\n"))
	}
	if strings.Count(one, base64.StdEncoding.EncodeToString(fonts.files[fonts.TTF])) != 1 {
		t.Error("the chart font (the subset's TTF) is not in the file exactly once")
	}
	if strings.Contains(one, fonts.WOFF2) {
		t.Error("the one-file edition names the WOFF2, which it does not carry")
	}
	if strings.Index(one, `id="explorer-wasm"`) > strings.Index(one, "explorerReady") {
		t.Error("the wasm element comes after the loader")
	}
}
