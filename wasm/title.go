//go:build js && wasm

package main

import (
	"syscall/js"

	"briefing/web/locale"
	"briefing/web/view"
)

// shownLang is the language the document last said it is in ("" before the first render).
var shownLang locale.Lang

// showLanguage puts the interface's language on the document itself, outside the part Vugu
// renders: the tab's title (view.PageTitle, as the prerendered page of that language has it)
// and <html lang>, which the loader's banner and the browser's own features go by.
func showLanguage(l locale.Lang) {
	if l == shownLang {
		return
	}
	shownLang = l
	doc := js.Global().Get("document")
	doc.Set("title", view.PageTitle(l))
	doc.Get("documentElement").Call("setAttribute", "lang", string(l))
}
