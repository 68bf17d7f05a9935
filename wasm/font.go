//go:build js && wasm

package main

import (
	"errors"
	"syscall/js"

	"github.com/vugu/vugu"

	"briefing/web/chart"
)

// The wasm measures chart text with the font metrics built into web/chart, so it fetches no
// font at start-up: the page's one font request is its @font-face. Only a downloaded image,
// whose text is drawn as glyph outlines, needs the font itself: the first download fetches
// the TTF of the page font's subset, named by the loader script's data-font (the site build
// fills it in; a page that inlines everything provides the bytes as window.explorerFont).

// loadOutlines gives the chart renderer its glyph outlines, then calls done with Vugu's lock
// held (nil error: the download can go on). It never blocks the event it is called from.
func loadOutlines(ee vugu.EventEnv) func(done func(error)) {
	return func(done func(error)) {
		go func() {
			err := fetchOutlines()
			ee.Lock()
			defer ee.UnlockRender()
			done(err)
		}()
	}
}

func fetchOutlines() error {
	if chart.HasOutlines() {
		return nil
	}
	if v := js.Global().Get("explorerFont"); v.Truthy() {
		return chart.SetOutlineFont(bytesOf(v))
	}
	url := ""
	if s := js.Global().Get("document").Call("querySelector", "script[data-font]"); s.Truthy() {
		url = s.Call("getAttribute", "data-font").String()
	}
	if url == "" {
		return errors.New("the page names no font for the image's text")
	}
	buf, err := await(js.Global().Call("fetch", url).Call("then", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if !args[0].Get("ok").Bool() {
			return js.Global().Get("Promise").Call("reject", "HTTP "+args[0].Get("status").String())
		}
		return args[0].Call("arrayBuffer")
	})))
	if err != nil {
		return errors.New("loading the font " + url + ": " + err.Error())
	}
	return chart.SetOutlineFont(bytesOf(js.Global().Get("Uint8Array").New(buf)))
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
