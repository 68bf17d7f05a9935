package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

func TestZZAxeDebug(t *testing.T) {
	u := site(t)
	for _, q := range []string{"", "&theme=dark", "&theme=projector", "&theme=projector&fatalities=table&parity=gap&q=zzzz", "&theme=dark&embed=parity&controls=0"} {
		p := newPage(t, u, 1280, 900)
		p.open(t, u+"/?v=2"+q)
		t.Log(q, eval[string](t, p, `getComputedStyle(document.querySelector(".app")).backgroundColor + " " + getComputedStyle(document.querySelector(".card")).color`))
		axe(t, p, q)
		b, _ := chromedp.Run(p.ctx, chromedp.Evaluate[[]byte](`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a","wcag2aa","wcag21a","wcag21aa"]}}).then(r => r.incomplete.map(v => ({id: v.id, n: v.nodes.length, msgs: [...new Set(v.nodes.map(n => n.any.map(a => a.message).join(";")))]})))`, chromedp.EvalAwaitPromise))
		t.Log("incomplete:", string(b))
		s := eval[[]string](t, p, `[...new Set([...document.querySelectorAll(".chart.wide svg")].flatMap(svg => { const bg = svg.querySelector("rect"); return [...svg.querySelectorAll("text")].map(x => (x.getAttribute("fill")||getComputedStyle(x).fill) + " on " + (bg ? bg.getAttribute("fill")||getComputedStyle(bg).fill : "?") + " size " + (x.getAttribute("font-size")||getComputedStyle(x).fontSize)) }))]`)
		t.Log("svg text:", s)
	}
}
