package static

import (
	"fmt"
	"strings"
	"testing"

	"briefing/web/view"
)

// TestContainerQueriesFollowWidths: the prerendered page shows, for a chart box of any width,
// the layout the browser build will draw for it (view.FitWidth), so that the take-over shifts
// nothing. The style sheet's rules must name exactly view.Widths, each from its own width up.
func TestContainerQueriesFollowWidths(t *testing.T) {
	css, err := Files.ReadFile("style.css")
	if err != nil {
		t.Fatal(err)
	}
	s := string(css)
	ws := view.Widths
	want := []string{
		".figure { container: chart / inline-size; }",
		".chart[data-width] { display: none; }",
		fmt.Sprintf(`.chart[data-width="%d"] { display: block; }`, ws[0]),
		".chart.only { display: block; }",
	}
	for i := 1; i < len(ws); i++ {
		want = append(want, fmt.Sprintf(`@container chart (min-width: %dpx) { .chart[data-width="%d"] { display: none; } .chart[data-width="%d"] { display: block; } }`,
			ws[i], ws[i-1], ws[i]))
	}
	for _, w := range want {
		if !strings.Contains(s, w) {
			t.Errorf("style.css lacks %s", w)
		}
	}
	if n := strings.Count(s, "@container chart"); n != len(ws)-1 {
		t.Errorf("style.css has %d chart container queries, want %d", n, len(ws)-1)
	}
}
