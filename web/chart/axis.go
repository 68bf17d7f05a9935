package chart

import (
	"math"
	"strconv"
)

// axis is a value scale from min (0 unless signed) to max with whole-number ticks.
type axis struct {
	min, max float64
	ticks    []float64
}

// maxIntervals keeps tick labels sparse enough to read on a phone.
const maxIntervals = 6

// niceSteps yields 1, 2, 5, 10, 20, 50, ... : whole-number steps, so tick labels never read
// "8.00, 14.40" (go-chart's automatic ticks do).
func niceStep(i int) float64 {
	return []float64{1, 2, 5}[i%3] * math.Pow(10, float64(i/3))
}

// percentStep yields 10, 20, 25, 50, 100, 200, 250, 500, ... for percentage axes.
func percentStep(i int) float64 {
	return []float64{10, 20, 25, 50}[i%4] * math.Pow(10, float64(i/4))
}

// columnAxis covers 0..hi with the smallest nice step giving at most maxIntervals ticks;
// the top tick is the first one at or above hi, so the tallest bar may reach it.
func columnAxis(hi float64) axis {
	for i := 0; ; i++ {
		step := niceStep(i)
		n := math.Ceil(hi / step)
		if n <= maxIntervals {
			return makeAxis(max(n, 1), step)
		}
	}
}

// rowAxis picks the step for a horizontal axis: the axis ends at the next multiple of the
// step strictly above hi (for percentages: 22.6 → 30), and the step is the smallest whose
// tick labels fit side by side (fits reports whether an axis is wide enough for its labels).
func rowAxis(hi float64, percent bool, fits func(axis) bool) axis {
	step := niceStep
	if percent {
		step = percentStep
	}
	var a axis
	for i := 0; i < 60; i++ {
		s := step(i)
		n := math.Floor(hi/s) + 1
		if !percent {
			n = max(math.Ceil(hi/s), 1)
		}
		if n > maxIntervals {
			continue
		}
		a = makeAxis(n, s)
		if fits(a) {
			return a
		}
	}
	return axis{max: a.max, ticks: []float64{0, a.max}} // only the ends: always fits
}

// signedAxis covers lo..hi (lo <= 0 <= hi) with ticks at multiples of a nice step, zero
// among them; like rowAxis it takes the smallest step whose tick labels fit.
func signedAxis(lo, hi float64, fits func(axis) bool) axis {
	var first axis
	for i := 0; i < 60; i++ {
		s := niceStep(i)
		from, to := math.Floor(lo/s), math.Ceil(hi/s)
		if from == to {
			to++ // all values zero
		}
		if to-from > maxIntervals {
			continue
		}
		a := axis{min: from * s, max: to * s}
		for k := from; k <= to; k++ {
			t := k * s
			if t == 0 {
				t = 0 // never -0, which a formatter may print as "-0"
			}
			a.ticks = append(a.ticks, t)
		}
		if fits(a) {
			return a
		}
		if first.ticks == nil {
			first = a
		}
	}
	// the tightest axis with only its ends (and zero) labelled
	first.ticks = []float64{first.min, first.max}
	if first.min < 0 && first.max > 0 {
		first.ticks = []float64{first.min, 0, first.max}
	}
	return first
}

func makeAxis(n, step float64) axis {
	a := axis{max: n * step}
	for i := 0.0; i <= n; i++ {
		a.ticks = append(a.ticks, i*step)
	}
	return a
}

// tickLabel formats a tick with the reader's formatter, or as an integer.
func (s Spec) tickLabel(v float64) string {
	if s.Tick != nil {
		return s.Tick(v)
	}
	t := strconv.FormatFloat(v, 'f', 0, 64)
	if s.Percent {
		t += "%"
	}
	return t
}

// valueLabel is the label drawn on a bar: the caller's formatted text, or a plain number.
func (b Bar) valueLabel() string {
	if b.ValueText != "" {
		return b.ValueText
	}
	return strconv.FormatFloat(b.Value, 'f', -1, 64)
}
