package idle

import (
	"testing"
	"time"
)

func TestSliceYieldsOnceTheBudgetIsUsed(t *testing.T) {
	now := time.Unix(0, 0)
	s := Slice{Budget: 10 * time.Millisecond, Now: func() time.Time { return now }}
	s.Begin()
	var yields []int
	// Steps of 4, 4, 4, 1, 12 and 2 ms: a yield after the third (12 ms), none after the
	// fourth (1 ms since), one after the fifth (13 ms), none after the last.
	for i, d := range []time.Duration{4, 4, 4, 1, 12, 2} {
		now = now.Add(d * time.Millisecond)
		if s.Due() {
			yields = append(yields, i)
			s.Begin()
		}
	}
	if len(yields) != 2 || yields[0] != 2 || yields[1] != 4 {
		t.Errorf("yielded after steps %v, want [2 4]", yields)
	}
}

func TestSliceZeroBudgetYieldsAfterEveryStep(t *testing.T) {
	now := time.Unix(0, 0)
	s := Slice{Now: func() time.Time { return now }}
	s.Begin()
	if !s.Due() {
		t.Error("a zero budget should always be due")
	}
}
