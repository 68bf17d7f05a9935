package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func TestZZAxeDebug(t *testing.T) {
	u := site(t)
	for _, q := range []string{"", "&theme=dark&lang=fr", "&theme=projector"} {
		p := newPage(t, u, 1280, 900)
		p.open(t, u+"/?v=2&slide=1"+q)
		n := eval[int](t, p, `document.querySelectorAll(".slides .slide").length`)
		for i := 1; i <= n; i++ {
			p.open(t, u+fmt.Sprintf("/?v=2&slide=%d", i)+q)
			axe(t, p, fmt.Sprintf("%s slide %d", q, i))
		}
		p.run(t, chromedp.KeyEvent("b"), chromedp.Sleep(300*time.Millisecond))
		t.Log(eval[string](t, p, `document.querySelector(".blank-screen") ? document.querySelector(".blank-screen").outerHTML : "none"`))
		axe(t, p, q+" blanked")
		p.clean(t)
	}
}
