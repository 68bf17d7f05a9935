package ui

import (
	"bytes"
	"strings"
	"testing"

	"github.com/vugu/vugu"
	"github.com/vugu/vugu/staticrender"

	"briefing/data"
	"briefing/web/state"
)

// render builds the root component statically, as the site build does for the first paint.
func render(t *testing.T, s state.State) string {
	t.Helper()
	b, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	r := staticrender.New(nil)
	env, err := vugu.NewBuildEnv(r.EventEnv())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	r.SetWriter(&buf)
	if err := r.Render(env.RunBuild(&Root{Briefing: b, State: s})); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestRootRendersEveryDataset(t *testing.T) {
	html := render(t, state.Default())
	for _, want := range []string{
		`id="vugu_mount_point"`,
		`<section class="card" aria-labelledby="fatalities-h" id="fatalities">`,
		`<section class="card" aria-labelledby="coe-gaps-h" id="coe-gaps">`,
		`<section class="card" aria-labelledby="parity-h" id="parity">`,
		`59 in 2017 → 25 in 2019, −58% (our calculation); 8 so far in 2020, to 14 September`,
		`role="img"`,
		`aria-label="2017: 59 fatalities"`,
		`Jean-Pierre Lacroix`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("static render lacks %q", want)
		}
	}
	if n := strings.Count(html, `class="hit"`); n != 2*(4+2+9) {
		t.Errorf("%d bar hit boxes, want %d (every bar in both layouts)", n, 2*(4+2+9))
	}
	if strings.Contains(html, `class="banner"`) {
		t.Error("error banner rendered for good data")
	}
}

func TestTargetsCheckboxFollowsState(t *testing.T) {
	on := render(t, state.Default())
	off := render(t, state.Reduce(state.Default(), state.SetTargets{Dataset: "parity", On: false}))
	checked := func(html string) bool {
		i := strings.Index(html, `class="targets-toggle"`)
		j := strings.Index(html[i:], ">")
		return strings.Contains(html[i:i+j], "checked")
	}
	if !checked(on) || checked(off) {
		t.Errorf("targets checkbox: checked=%v with targets, %v without", checked(on), checked(off))
	}
	if !strings.Contains(on, `class="target target-0`) || strings.Contains(off, `class="target target-0`) {
		t.Error("the parity chart does not follow the targets option")
	}
}

func TestDispatchRecoversPanics(t *testing.T) {
	r := &Root{State: state.Default(), Effects: Effects{StateChanged: func(state.State, bool) { panic("boom") }}}
	r.Dispatch(state.SetTargets{Dataset: "parity", On: false})
	if !strings.Contains(r.Err, "boom") {
		t.Errorf("a panic in Dispatch should show in the banner, got %q", r.Err)
	}
}
