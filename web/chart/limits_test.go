package chart

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	gochart "github.com/wcharczuk/go-chart/v2"
)

func goChartSVG(t *testing.T) gochart.Renderer {
	t.Helper()
	r, err := gochart.SVG(100, 100)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := gochart.GetDefaultFont()
	r.SetDPI(svgDPI)
	r.SetFont(f)
	return r
}

func TestEmptyBars(t *testing.T) {
	s := fatalities(960, Light)
	s.Bars = nil
	_, err := Render(s)
	if !errors.Is(err, ErrNoBars) || !strings.Contains(err.Error(), "no bars") {
		t.Fatalf("err = %v", err)
	}
}

func TestOneBarAndEqualValues(t *testing.T) {
	one := fatalities(960, Light)
	one.Bars = one.Bars[:1]
	equal := fatalities(360, Light)
	zero := parity(360, true)
	for i := range equal.Bars {
		equal.Bars[i].Value = 25
		zero.Bars[i].Value, zero.Bars[i].Target = 0, 0
	}
	allMissing := coeGaps(360)
	for i := range allMissing.Bars {
		allMissing.Bars[i].HasValue = false
	}
	for _, s := range []Spec{one, equal, zero, allMissing} {
		if _, err := Render(s); err != nil {
			t.Errorf("%s: %v", s.ID, err)
		}
	}
}

// TestAbsurdInputs: bad sizes and data give errors, promptly (go-chart's own layout can loop
// forever on crafted boxes, CVE-2024-40060).
func TestAbsurdInputs(t *testing.T) {
	many := func(n int, shape Shape, w int) Spec {
		s := Spec{Shape: shape, Width: w}
		for i := 0; i < n; i++ {
			s.Bars = append(s.Bars, Bar{Label: "x", Value: float64(i), HasValue: true})
		}
		return s
	}
	mod := func(f func(*Spec)) Spec { s := fatalities(960, Light); f(&s); return s }
	bad := map[string]Spec{
		"width 0":        mod(func(s *Spec) { s.Width = 0 }),
		"width -5":       mod(func(s *Spec) { s.Width = -5 }),
		"width 5000":     mod(func(s *Spec) { s.Width = 5000 }),
		"width 100":      mod(func(s *Spec) { s.Width = 100 }),
		"height 5000":    mod(func(s *Spec) { s.Height = 5000 }),
		"height -1":      mod(func(s *Spec) { s.Height = -1 }),
		"shape":          mod(func(s *Spec) { s.Shape = 7 }),
		"NaN":            mod(func(s *Spec) { s.Bars[0].Value = math.NaN() }),
		"Inf":            mod(func(s *Spec) { s.Bars[0].Value = math.Inf(1) }),
		"negative":       mod(func(s *Spec) { s.Bars[0].Value = -1 }),
		"long label":     mod(func(s *Spec) { s.Bars[0].Label = strings.Repeat("x", MaxText+1) }),
		"long legend":    mod(func(s *Spec) { s.Legend = make([]LegendLine, MaxLegend+1) }),
		"legend key":     mod(func(s *Spec) { s.Legend = []LegendLine{{Key: 9, Text: "x"}} }),
		"reference NaN":  mod(func(s *Spec) { s.Reference = math.NaN() }),
		"reference -1":   mod(func(s *Spec) { s.Reference = -1 }),
		"reference text": mod(func(s *Spec) { s.Reference, s.ReferenceText = 50, strings.Repeat("x", MaxText+1) }),
		"201 bars":       many(201, Columns, 4096),
		"200 rows":       many(200, Rows, 960),
		"200 cols 360":   many(200, Columns, 360),
		"24 cols 360":    many(24, Columns, 360),
		"201 lines":      many(201, Lines, 4096),
		"24 lines 360":   many(24, Lines, 360),
		"lines -1":       mod(func(s *Spec) { s.Shape, s.Bars[0].Value = Lines, -1 }),
		"huge value":     mod(func(s *Spec) { s.Bars[0].Value = 1e300 }),
		"long note":      mod(func(s *Spec) { s.Bars[0].MissingText = strings.Repeat("x", MaxText+1) }),
		"long group": mod(func(s *Spec) {
			s.Bars[0].Group, s.GroupLabels = "g", map[string]string{"g": strings.Repeat("x", MaxText+1)}
		}),
	}
	for name, s := range bad {
		done := make(chan error, 1)
		go func() { _, err := Render(s); done <- err }()
		select {
		case err := <-done:
			if err == nil {
				t.Errorf("%s: no error", name)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: still rendering after 5 s", name)
		}
	}
	if _, err := Render(many(200, Columns, 4096)); err != nil {
		t.Errorf("200 columns at 4096 px: %v", err)
	}
	if _, err := Render(many(200, Lines, 4096)); err != nil {
		t.Errorf("200 points at 4096 px: %v", err)
	}
	signed := many(150, Rows, 960)
	signed.Signed, signed.ShowValues = true, true
	for i := range signed.Bars {
		signed.Bars[i].Value, signed.Bars[i].Group = float64(i%7-3)*1e14, fmt.Sprint(i/3)
	}
	done := make(chan error, 1)
	go func() { _, err := Render(signed); done <- err }()
	select {
	case <-done: // an error (too tall) or a chart, but promptly
	case <-time.After(5 * time.Second):
		t.Fatal("150 signed rows in 50 groups: still rendering after 5 s")
	}
	for _, scale := range []int{0, 5} {
		if _, err := RenderPNG(fatalities(960, Light), scale); err == nil {
			t.Errorf("PNG scale %d: no error", scale)
		}
	}
}
