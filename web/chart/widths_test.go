package chart_test

import (
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"briefing/data"
	"briefing/web/chart"
	"briefing/web/locale"
	"briefing/web/state"
	"briefing/web/view"
)

// LayoutWidths are the viewBox widths the page lays a chart out at (shown at a scale of 1
// or more), from a narrow embed to a wide screen, and the default slide width.
var LayoutWidths = append(view.Widths[:], view.SlideWidth)

// briefingSpecs are the chart specs of every briefing dataset in every view a reader can
// choose (variants, values, targets), language and theme, with and without a drawn title
// (static images draw it), at one width.
func briefingSpecs(t *testing.T, width int) map[string]chart.Spec {
	t.Helper()
	b, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	views := map[string][]state.View{
		"fatalities": {{}, {NoValues: true}, {Variant: state.Line}, {Variant: state.Line, NoValues: true}},
		"coe-gaps":   {{}, {NoValues: true}, {Variant: state.Line}},
		"parity":     {{}, {NoTargets: true}, {NoValues: true}, {NoValues: true, NoTargets: true}, {Variant: state.Gap}, {Variant: state.Gap, NoValues: true}},
	}
	out := map[string]chart.Spec{}
	for id, vs := range views {
		ds, ok := b.Dataset(id)
		if !ok {
			t.Fatalf("no dataset %s", id)
		}
		for _, v := range vs {
			for _, l := range []locale.Lang{locale.EN, locale.FR} {
				for _, th := range state.Themes {
					for _, title := range []bool{false, true} {
						s := state.State{Lang: l, Theme: th, Views: map[string]state.View{id: v}}
						sp := view.Spec(ds, s, width)
						sp.ShowTitle = title
						out[fmt.Sprintf("%s %+v %s %s title=%v @%d", id, v, l, th, title, width)] = sp
					}
				}
			}
		}
	}
	return out
}

var fontSize = regexp.MustCompile(`font-size:([0-9.]+)px`)

// TestBriefingChartsAtEveryWidth: at every layout width, every briefing chart draws its
// text at 12 px or more (read from the SVG), keeps every line of text inside the image, off
// every other line and off the bars and markers.
func TestBriefingChartsAtEveryWidth(t *testing.T) {
	for _, w := range LayoutWidths {
		least := 1e9
		for name, sp := range briefingSpecs(t, w) {
			res, err := chart.Render(sp)
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			sizes := fontSize.FindAllStringSubmatch(res.SVG, -1)
			if len(sizes) == 0 {
				t.Errorf("%s: no font sizes in the SVG", name)
			}
			for _, m := range sizes {
				px, _ := strconv.ParseFloat(m[1], 64)
				least = min(least, px)
				if px < 12 {
					t.Errorf("%s: text at %v px", name, px)
				}
			}
			lo, err := chart.Layout(sp)
			if err != nil {
				t.Fatal(err)
			}
			checkLayout(t, name, lo)
		}
		t.Logf("width %4d: smallest text %v px", w, least)
	}
}

const eps = 0.5 // px: positions are rounded in the output

func checkLayout(t *testing.T, name string, lo chart.LaidOut) {
	t.Helper()
	for i, a := range lo.Texts {
		if a.X0 < -eps || a.Y0 < -eps || a.X1 > lo.W+eps || a.Y1 > lo.H+eps {
			t.Errorf("%s: %q outside the %vx%v image: %+v", name, a.Text, lo.W, lo.H, a)
		}
		for _, b := range lo.Texts[i+1:] {
			if overlap(a.X0, a.Y0, a.X1, a.Y1, b.X0, b.Y0, b.X1, b.Y1) {
				t.Errorf("%s: %q overlaps %q", name, a.Text, b.Text)
			}
		}
		for _, s := range lo.Shapes {
			if s.Class == "" || regexp.MustCompile(`missing`).MatchString(s.Class) {
				continue
			}
			if overlap(a.X0, a.Y0, a.X1, a.Y1, s.X0, s.Y0, s.X1, s.Y1) {
				t.Errorf("%s: %q overlaps %s", name, a.Text, s.Class)
			}
		}
	}
}

// overlap reports whether two boxes share more than the rounding of positions.
func overlap(ax0, ay0, ax1, ay1, bx0, by0, bx1, by1 float64) bool {
	return ax0+eps < bx1-eps && bx0+eps < ax1-eps && ay0+eps < by1-eps && by0+eps < ay1-eps
}

// TestParityFitsAScreen: the parity chart at 960 px, as the page draws it (English and
// French, targets on and off), is compact: rows of about 40 px (a one-line label's row at
// most 40, a two-line label's at most 48, the mean at most 43) and the whole chart at most
// 540 px tall, so that with its card's header it fits one desktop screen. It was 862 px
// with ~80 px rows (English, targets on; now 513, French 533).
func TestParityFitsAScreen(t *testing.T) {
	b, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	ds, _ := b.Dataset("parity")
	for _, l := range []locale.Lang{locale.EN, locale.FR} {
		for _, v := range []state.View{{}, {NoTargets: true}} {
			s := state.State{Lang: l, Views: map[string]state.View{"parity": v}}
			sp := view.Spec(ds, s, 960)
			res, err := chart.Render(sp)
			if err != nil {
				t.Fatal(err)
			}
			if res.Height > 540 {
				t.Errorf("%s %+v: %d px tall, want at most 540", l, v, res.Height)
			}
			sum, least, most := 0.0, 1e9, 0.0
			for _, h := range res.Hits {
				rowH := h.H * float64(res.Height)
				sum += rowH
				least, most = min(least, rowH), max(most, rowH)
			}
			mean := sum / float64(len(res.Hits))
			if mean > 43 || least > 40 || most > 48 {
				t.Errorf("%s %+v: rows %.0f–%.0f px, mean %.1f; want rows of 40 (one line) to 48 px, a mean of at most 43", l, v, least, most, mean)
			}
			t.Logf("%s %+v: %d px tall, rows %.0f–%.0f px, mean %.1f", l, v, res.Height, least, most, mean)
		}
	}
}
