package state

import (
	"testing"

	"briefing/web/locale"
)

func TestReduceViews(t *testing.T) {
	s := Default()
	s2 := Reduce(s, SetTargets{Dataset: "parity", On: false})
	if !s2.View("parity").NoTargets {
		t.Fatal("SetTargets{false} left targets on")
	}
	if s.Views != nil {
		t.Error("Reduce mutated its input")
	}
	s3 := Reduce(s2, SetTable{Dataset: "fatalities", On: true})
	if !s3.View("fatalities").Table || !s3.View("parity").NoTargets || s2.View("fatalities").Table {
		t.Errorf("views not independent: %+v / %+v", s2.Views, s3.Views)
	}
	back := Reduce(Reduce(s3, SetTargets{Dataset: "parity", On: true}), SetTable{Dataset: "fatalities"})
	if back.Views != nil || !back.Equal(Default()) {
		t.Errorf("returning every view to default should leave no entries: %+v", back.Views)
	}
}

func TestSortTogglesDirection(t *testing.T) {
	s := Reduce(Default(), SortBy{Dataset: "fatalities", Column: "value"})
	if v := s.View("fatalities"); v.Sort != "value" || v.Desc {
		t.Fatalf("first sort: %+v", v)
	}
	s = Reduce(s, SortBy{Dataset: "fatalities", Column: "value"})
	if v := s.View("fatalities"); !v.Desc {
		t.Errorf("second sort by the same column should be descending: %+v", v)
	}
	s = Reduce(s, SortBy{Dataset: "fatalities", Column: "period"})
	if v := s.View("fatalities"); v.Sort != "period" || v.Desc {
		t.Errorf("a new column sorts ascending: %+v", v)
	}
}

func TestReduceGlobal(t *testing.T) {
	s := Reduce(Default(), SetLang{Lang: locale.FR})
	s = Reduce(s, SetTheme{Theme: "dark"})
	s = Reduce(s, SetTheme{Theme: "neon"})
	s = Reduce(s, GoToSlide{Slide: -3})
	if s.Lang != locale.FR || s.Theme != "dark" || s.Slide != 0 {
		t.Errorf("got %+v", s)
	}
}
