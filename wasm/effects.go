//go:build js && wasm

package main

import (
	"strings"
	"syscall/js"

	"briefing/web/state"
)

// download offers bytes as a file through a Blob URL: no data: URL ever goes into an
// attribute (Vugu cannot carry attributes over ~16 KB) and nothing leaves the browser.
func download(name, mime string, b []byte) {
	u8 := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(u8, b)
	blob := js.Global().Get("Blob").New([]any{u8}, map[string]any{"type": mime})
	url := js.Global().Get("URL").Call("createObjectURL", blob)
	doc := js.Global().Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Get("style").Set("display", "none")
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	var revoke js.Func
	revoke = js.FuncOf(func(js.Value, []js.Value) any {
		js.Global().Get("URL").Call("revokeObjectURL", url)
		revoke.Release()
		return nil
	})
	js.Global().Call("setTimeout", revoke, 60000) // after the browser has taken the file
}

// stateChanged mirrors the state into the URL: a new history entry per view, so Back
// returns to the previous view, except while typing a search.
func stateChanged(s state.State, replace bool) {
	q := state.Encode(s)
	if q != "" {
		q = "?" + q
	}
	loc := js.Global().Get("location")
	if loc.Get("search").String() == q {
		return
	}
	method := "pushState"
	if replace {
		method = "replaceState"
	}
	// An empty URL would mean "this address", query and all: the default view is the bare path.
	js.Global().Get("history").Call(method, nil, "", loc.Get("pathname").String()+q+loc.Get("hash").String())
}

// downloadPNG rasterises a standalone SVG (text as outlines) with the browser's own renderer
// and offers the PNG. It runs on a goroutine: decoding the image is asynchronous.
func downloadPNG(name, svg string, scale int) {
	go func() {
		if err := rasterise(name, svg, scale); err != nil {
			js.Global().Get("console").Call("error", "PNG download: "+err.Error())
		}
	}()
}

func rasterise(name, svg string, scale int) error {
	g := js.Global()
	blob := g.Get("Blob").New([]any{svg}, map[string]any{"type": "image/svg+xml"})
	url := g.Get("URL").Call("createObjectURL", blob)
	defer g.Get("URL").Call("revokeObjectURL", url)
	img := g.Get("Image").New()
	img.Set("src", url)
	if _, err := await(img.Call("decode")); err != nil {
		return err
	}
	w, h := img.Get("naturalWidth").Int(), img.Get("naturalHeight").Int()
	canvas := g.Get("document").Call("createElement", "canvas")
	canvas.Set("width", w*scale)
	canvas.Set("height", h*scale)
	ctx := canvas.Call("getContext", "2d")
	ctx.Call("scale", scale, scale)
	ctx.Call("drawImage", img, 0, 0)
	done := make(chan js.Value, 1)
	cb := js.FuncOf(func(_ js.Value, args []js.Value) any { done <- args[0]; return nil })
	defer cb.Release()
	canvas.Call("toBlob", cb, "image/png")
	png := <-done
	buf, err := await(png.Call("arrayBuffer"))
	if err != nil {
		return err
	}
	download(name, "image/png", bytesOf(g.Get("Uint8Array").New(buf)))
	return nil
}

// copyText puts text on the clipboard (the page asks only after a click).
func copyText(text string) {
	if c := js.Global().Get("navigator").Get("clipboard"); c.Truthy() {
		c.Call("writeText", text).Call("catch", js.FuncOf(func(js.Value, []js.Value) any { return nil }))
	}
}

// baseURL is the explorer's address up to its last "/", for embed code.
func baseURL() string {
	loc := js.Global().Get("location")
	path := loc.Get("pathname").String()
	if i := strings.LastIndexByte(path, '/'); i >= 0 {
		path = path[:i+1]
	}
	return loc.Get("origin").String() + path
}
