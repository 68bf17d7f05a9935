package chart

import (
	"errors"
	"fmt"
	"math"
)

// Bounds on the input. They keep a hostile or mistaken Spec from making the renderer hang
// or allocate without limit (go-chart's own layout loops on crafted boxes, CVE-2024-40060;
// ours never calls it, but sizes still bound every loop and image buffer here).
const (
	MinWidth   = 160  // narrower than this no label fits
	MaxSize    = 4096 // max viewBox width and height in px
	MaxBars    = 200
	MaxText    = 1000 // max bytes of any text that is measured and drawn
	MaxLegend  = 20
	MaxPNGSide = 8192 // max PNG width or height in pixels after scaling
	MaxValue   = 1e15 // max magnitude of a value or target (beyond it axis steps lose precision)
)

// ErrNoBars is returned for a Spec without bars.
var ErrNoBars = errors.New("chart: no bars to draw (Spec.Bars is empty)")

// ErrNoRoom is wrapped by every error that says valid data does not fit the size asked for
// (too many columns for the width, rows taller than MaxSize, labels too wide): the caller
// can show the figures another way, such as a table, instead of failing.
var ErrNoRoom = errors.New("chart: no room")

// validate rejects what the layout cannot draw honestly, with a message that names the cause.
func validate(s Spec) error {
	if s.Width <= 0 || s.Width > MaxSize || s.Height < 0 || s.Height > MaxSize {
		return fmt.Errorf("chart: size %dx%d out of range (width 1..%d, height 0..%d)", s.Width, s.Height, MaxSize, MaxSize)
	}
	if s.Width < MinWidth {
		return fmt.Errorf("chart: width %d is below the minimum %d", s.Width, MinWidth)
	}
	if s.Shape != Columns && s.Shape != Rows && s.Shape != Lines {
		return fmt.Errorf("chart: unknown shape %d", s.Shape)
	}
	if len(s.Bars) == 0 {
		return ErrNoBars
	}
	if len(s.Bars) > MaxBars {
		return fmt.Errorf("%w: %d bars, more than the maximum %d", ErrNoRoom, len(s.Bars), MaxBars)
	}
	if len(s.Legend) > MaxLegend {
		return fmt.Errorf("chart: %d legend lines, more than the maximum %d", len(s.Legend), MaxLegend)
	}
	for _, l := range s.Legend {
		if l.Key < KeyNone || l.Key > KeyPartial {
			return fmt.Errorf("chart: unknown legend key %d", l.Key)
		}
	}
	if math.IsNaN(s.Reference) || s.Reference < 0 || s.Reference > MaxValue {
		return fmt.Errorf("chart: reference %v must be finite, >= 0 and <= %g", s.Reference, float64(MaxValue))
	}
	for i, b := range s.Bars {
		if err := validateBar(i, b, s.Signed && s.Shape == Rows); err != nil {
			return err
		}
	}
	return validateTexts(s)
}

// validateBar checks one bar; signed allows negative values (Spec.Signed on Rows).
func validateBar(i int, b Bar, signed bool) error {
	bad := func(v float64) bool { return math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v > MaxValue }
	if b.HasValue && signed && (math.IsNaN(b.Value) || math.Abs(b.Value) > MaxValue) {
		return fmt.Errorf("chart: bar %d (%q) has value %v; values must be finite and within ±%g", i, b.Label, b.Value, float64(MaxValue))
	}
	if b.HasValue && !signed && bad(b.Value) {
		return fmt.Errorf("chart: bar %d (%q) has value %v; values must be finite, >= 0 and <= %g (negative values need Signed rows)", i, b.Label, b.Value, float64(MaxValue))
	}
	if b.HasTarget && bad(b.Target) {
		return fmt.Errorf("chart: bar %d (%q) has target %v; targets must be finite, >= 0 and <= %g", i, b.Label, b.Target, float64(MaxValue))
	}
	for _, t := range []string{b.Label, b.ValueText, b.TargetText, b.MissingText} {
		if len(t) > MaxText {
			return fmt.Errorf("chart: bar %d has a text longer than %d bytes", i, MaxText)
		}
	}
	return nil
}

func validateTexts(s Spec) error {
	texts := []string{s.Title, s.MissingText, s.PartialMark, s.ReferenceText}
	for _, l := range s.Legend {
		texts = append(texts, l.Text)
	}
	for _, b := range s.Bars {
		texts = append(texts, s.GroupLabels[b.Group]) // only the labels drawn
	}
	for _, t := range texts {
		if len(t) > MaxText {
			return fmt.Errorf("chart: a title, legend, group label, reference or note is longer than %d bytes", MaxText)
		}
	}
	return nil
}
