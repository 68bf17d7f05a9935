//go:build js && wasm

package main

import (
	"errors"
	"syscall/js"

	"briefing/web/chart"
)

// fontURL is the TTF the page's @font-face uses; the charts are measured with the same bytes.
const fontURL = "fonts/roboto-medium.ttf"

// loadFont gives the chart renderer its font. A page that inlines everything (the single-file
// build) provides the bytes as window.explorerFont; otherwise they are fetched from the site,
// usually straight from the cache, as the page preloads the font.
func loadFont() error {
	if v := js.Global().Get("explorerFont"); v.Truthy() {
		return chart.SetFont(bytesOf(v))
	}
	buf, err := await(js.Global().Call("fetch", fontURL).Call("then", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if !args[0].Get("ok").Bool() {
			return js.Global().Get("Promise").Call("reject", "HTTP "+args[0].Get("status").String())
		}
		return args[0].Call("arrayBuffer")
	})))
	if err != nil {
		return errors.New("loading the chart font " + fontURL + ": " + err.Error())
	}
	return chart.SetFont(bytesOf(js.Global().Get("Uint8Array").New(buf)))
}

func bytesOf(u8 js.Value) []byte {
	b := make([]byte, u8.Get("length").Int())
	js.CopyBytesToGo(b, u8)
	return b
}

// await blocks the calling goroutine until the promise settles. Go's wasm runtime keeps
// serving JS events meanwhile, so this is safe outside event handlers.
func await(p js.Value) (js.Value, error) {
	done := make(chan struct{})
	var val js.Value
	var err error
	ok := js.FuncOf(func(_ js.Value, args []js.Value) any { val = args[0]; close(done); return nil })
	fail := js.FuncOf(func(_ js.Value, args []js.Value) any {
		err = errors.New(js.Global().Get("String").Invoke(args[0]).String())
		close(done)
		return nil
	})
	defer ok.Release()
	defer fail.Release()
	p.Call("then", ok, fail)
	<-done
	return val, err
}
