package deadline

import (
	"context"
	"testing"
	"time"
)

func TestMargin(t *testing.T) {
	for _, c := range []struct{ left, want time.Duration }{
		{45 * time.Minute, time.Minute},      // capped
		{10 * time.Minute, 30 * time.Second}, // a twentieth
		{time.Minute, 10 * time.Second},      // at least 10 s
		{8 * time.Second, 4 * time.Second},   // but at most half of what is left
		{0, 0},
	} {
		if got := Margin(c.left); got != c.want {
			t.Errorf("Margin(%v) = %v, want %v", c.left, got, c.want)
		}
	}
}

func TestContextEndsBeforeTheTest(t *testing.T) {
	d, ok := t.Deadline()
	ctx, cancel := Context(t, context.Background())
	defer cancel()
	end, has := ctx.Deadline()
	if !ok {
		if has {
			t.Errorf("a deadline %v without -timeout", end)
		}
		return
	}
	if !has || !end.Before(d) || d.Sub(end) > time.Minute {
		t.Errorf("context ends %v, test at %v: want shortly before", end, d)
	}
}
