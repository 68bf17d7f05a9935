package state

import (
	"reflect"
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

// TestEqualCoversEveryField guards Equal: a field it forgot would make two different views
// look the same (and the URL would not follow a change of it).
func TestEqualCoversEveryField(t *testing.T) {
	base := Default()
	v := reflect.ValueOf(&base).Elem()
	for i := 0; i < v.NumField(); i++ {
		changed := base
		f := reflect.ValueOf(&changed).Elem().Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString(f.String() + "x")
		case reflect.Bool:
			f.SetBool(!f.Bool())
		case reflect.Int:
			f.SetInt(f.Int() + 1)
		case reflect.Map:
			changed.Views = map[string]View{"x": {Table: true}}
		default:
			t.Fatalf("add field %s to this test and to Equal", v.Type().Field(i).Name)
		}
		if changed.Equal(base) {
			t.Errorf("Equal ignores State.%s", v.Type().Field(i).Name)
		}
	}
}
