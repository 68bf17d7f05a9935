package chart

import (
	"math"
	"testing"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// luminance is the WCAG 2 relative luminance of an opaque colour.
func luminance(c drawing.Color) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// contrast is the WCAG contrast ratio of two colours (1..21).
func contrast(a, b drawing.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func TestContrast(t *testing.T) {
	if c := contrast(rgb(0, 0, 0), rgb(255, 255, 255)); math.Abs(c-21) > 0.01 {
		t.Fatalf("black on white = %v, want 21", c)
	}
	for _, th := range []Theme{Light, Dark, Projector} {
		for name, c := range map[string]drawing.Color{"Text": th.Text, "Muted": th.Muted, "Target": th.Target} {
			if r := contrast(c, th.Background); r < 4.5 {
				t.Errorf("%s: %s text contrast %.2f < 4.5", th.Name, name, r)
			}
		}
		for name, c := range map[string]drawing.Color{"Bar": th.Bar, "Partial": th.Partial} {
			if r := contrast(c, th.Background); r < 3 {
				t.Errorf("%s: %s contrast %.2f < 3", th.Name, name, r)
			}
		}
		// the partial bar must look different from a full one, and lighter on a light page
		if luminance(th.Partial) == luminance(th.Bar) {
			t.Errorf("%s: partial and bar have the same luminance", th.Name)
		}
		// a target marker over a bar must still be seen
		if r := contrast(th.Target, th.Bar); r < 1.5 {
			t.Logf("%s: target on bar contrast %.2f (the halo keeps it visible)", th.Name, r)
		}
	}
	if Projector.StrokeWidth <= Light.StrokeWidth || Projector.TextScale <= 1 {
		t.Error("projector should have thicker strokes and larger text")
	}
}

func TestThemeByName(t *testing.T) {
	for _, n := range []string{"light", "Dark", " projector "} {
		if th, ok := ThemeByName(n); !ok || th.Background.IsZero() {
			t.Errorf("ThemeByName(%q) not found", n)
		}
	}
	if _, ok := ThemeByName("sepia"); ok {
		t.Error("unknown theme found")
	}
	if (Theme{}).resolved().Name != "light" {
		t.Error("zero Theme does not mean Light")
	}
}

// TestBackgroundFilled: the first element paints the whole image in the theme background.
func TestBackgroundFilled(t *testing.T) {
	p := mustLayout(t, fatalities(960, Dark))
	bg := p.ops[0]
	if bg.fill != Dark.Background || bg.pathBox() != (box{0, 0, p.w, p.h}) {
		t.Errorf("background %+v", bg.pathBox())
	}
}
