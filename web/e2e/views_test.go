package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestTableViewAndSorting switches a dataset to its table and sorts it.
func TestTableViewAndSorting(t *testing.T) {
	u := site(t)
	p := newPage(t, u, 1280, 900)
	p.open(t, u+"/")
	p.run(t, chromedp.Click(chromedp.CSS(`#fatalities .view-table`)),
		chromedp.WaitVisible(chromedp.CSS(`#fatalities table.data`)))
	if eval[int](t, p, `document.querySelectorAll("#fatalities svg").length`) != 0 {
		t.Error("the chart is still shown in table view")
	}
	caption := eval[string](t, p, `document.querySelector("#fatalities table caption").textContent`)
	if !strings.Contains(caption, "fatalities") {
		t.Errorf("caption %q names no unit", caption)
	}
	periods := func() []string {
		return eval[[]string](t, p, `[...document.querySelectorAll("#fatalities tbody th")].map(e => e.textContent)`)
	}
	if got := strings.Join(periods(), " "); got != "2017 2018 2019 2020" {
		t.Errorf("source order: %s", got)
	}
	p.run(t, chromedp.Click(chromedp.CSS(`#fatalities th button.sort[data-col="value"]`)))
	if got := strings.Join(periods(), " "); got != "2020 2019 2018 2017" {
		t.Errorf("sorted by value ascending: %s", got)
	}
	if s := eval[string](t, p, `document.querySelector("#fatalities th[aria-sort='ascending']").textContent`); !strings.Contains(s, "Value") {
		t.Errorf("aria-sort marks %q", s)
	}
	p.run(t, chromedp.Click(chromedp.CSS(`#fatalities th button.sort[data-col="value"]`)))
	if got := strings.Join(periods(), " "); got != "2017 2018 2019 2020" {
		t.Errorf("sorted by value descending: %s", got)
	}
	sources := eval[[]string](t, p, `[...document.querySelectorAll("#fatalities tbody tr")].map(r => r.lastElementChild.textContent)`)
	for _, s := range sources {
		if s != "S/2020/911, p.\u00a05" {
			t.Errorf("row source %q", s)
		}
	}
	p.clean(t)
}
