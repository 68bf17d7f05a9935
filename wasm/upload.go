//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/vugu/vugu"

	"briefing/data/upload"
	"briefing/web/ui"
)

// listenForFiles charts a CSV the reader chooses (#upload-file) or drops anywhere on the
// page. A file dropped on a page navigates to it by default, losing the explorer; that is
// prevented. Vugu's events carry no File objects, hence these listeners.
func listenForFiles(ee vugu.EventEnv, root *ui.Root) {
	doc := js.Global().Get("document")
	doc.Call("addEventListener", "change", js.FuncOf(func(_ js.Value, args []js.Value) any {
		t := args[0].Get("target")
		if t.Get("id").String() == "upload-file" && t.Get("files").Length() > 0 {
			readFile(ee, root, t.Get("files").Index(0))
			t.Set("value", "") // choosing the same file again charts it again
		}
		return nil
	}))
	doc.Call("addEventListener", "dragover", js.FuncOf(func(_ js.Value, args []js.Value) any {
		args[0].Call("preventDefault")
		return nil
	}))
	doc.Call("addEventListener", "drop", js.FuncOf(func(_ js.Value, args []js.Value) any {
		e := args[0]
		e.Call("preventDefault")
		if files := e.Get("dataTransfer").Get("files"); files.Length() > 0 {
			readFile(ee, root, files.Index(0))
		}
		return nil
	}))
}

// readFile reads a File in the background and hands it to the UI under Vugu's lock.
func readFile(ee vugu.EventEnv, root *ui.Root, file js.Value) {
	name := file.Get("name").String()
	go func() {
		var b []byte
		err := upload.CheckSize(file.Get("size").Int())
		if err == nil {
			var buf js.Value
			buf, err = await(file.Call("arrayBuffer"))
			if err == nil {
				b = bytesOf(js.Global().Get("Uint8Array").New(buf))
			}
		}
		ee.Lock()
		defer ee.UnlockRender()
		if err != nil {
			root.UploadErr, root.UploadNotes = err, nil
			return
		}
		root.AddUpload(name, b)
	}()
}
