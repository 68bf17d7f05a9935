//go:build js && wasm

package main

import (
	"syscall/js"

	"briefing/web/ui"
)

// syncCharts puts each chart's SVG into its box after a render, only where the box shows a
// different chart than before. Vugu would otherwise send every chart's tens of KB of SVG
// through its instruction buffer on every event, though at most one changed; it leaves an
// element's children alone when its template has none (web/ui/chart-box.vugu).
func syncCharts(root *ui.Root) {
	boxes := js.Global().Get("document").Call("querySelectorAll", "[data-chart]")
	for i := 0; i < boxes.Length(); i++ {
		el := boxes.Index(i)
		key := el.Call("getAttribute", "data-chart").String()
		if el.Get("__chart").String() == key {
			continue
		}
		if svg, ok := root.ChartSVG(key); ok {
			el.Set("innerHTML", svg)
			el.Set("__chart", key)
		}
	}
}
