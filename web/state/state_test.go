package state

import "testing"

func TestReduceTargets(t *testing.T) {
	s := Default()
	if !s.ShowTargets {
		t.Fatal("targets should show by default")
	}
	off := Reduce(s, SetTargets{On: false})
	if off.ShowTargets {
		t.Error("SetTargets{false} left targets on")
	}
	if !s.ShowTargets {
		t.Error("Reduce mutated its input")
	}
	if on := Reduce(off, SetTargets{On: true}); !on.ShowTargets {
		t.Error("SetTargets{true} left targets off")
	}
}
