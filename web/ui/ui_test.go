package ui

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/vugu/vugu"
	"github.com/vugu/vugu/staticrender"

	"briefing/data"
	"briefing/web/state"
	"briefing/web/view"
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
	if err := r.Render(env.RunBuild(&Root{Briefing: b, State: s, Prerender: true})); err != nil {
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
	if n, want := strings.Count(html, `class="hit"`), len(view.Widths)*(4+2+9); n != want {
		t.Errorf("%d bar hit boxes, want %d (every bar in every layout)", n, want)
	}
	for _, w := range view.Widths {
		if n := strings.Count(html, `class="chart" data-width="`+strconv.Itoa(w)+`"`); n != 3 {
			t.Errorf("%d charts laid out at %d px, want one per dataset", n, w)
		}
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

// live renders a Root the way the browser does (one layout), returning its HTML.
func live(t *testing.T, r *Root) string {
	t.Helper()
	if r.Briefing == nil {
		b, err := data.Load()
		if err != nil {
			t.Fatal(err)
		}
		r.Briefing = b
	}
	sr := staticrender.New(nil)
	env, err := vugu.NewBuildEnv(sr.EventEnv())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	sr.SetWriter(&buf)
	if err := sr.Render(env.RunBuild(r)); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestCrowdedFileKeepsThePage: a valid file that used to remove every card (an error banner
// about 45 columns) is now a table with a note, removable, and the briefing's cards stay.
func TestCrowdedFileKeepsThePage(t *testing.T) {
	var text strings.Builder
	text.WriteString("category,value\n")
	for i := range 120 { // more rows than fit a chart of at most 4,096 px, even at ~38 px a row
		text.WriteString("Category " + strconv.Itoa(i) + "," + strconv.Itoa(i%50) + "\n")
	}
	r := &Root{State: state.Default()}
	r.AddUpload("many.csv", []byte(text.String()))
	html := live(t, r)
	if r.Err != "" || strings.Contains(html, `class="banner"`) {
		t.Fatalf("error banner: %q", r.Err)
	}
	for _, id := range []string{"fatalities", "coe-gaps", "parity"} {
		if !strings.Contains(html, `id="`+id+`"`) {
			t.Errorf("card %s is gone", id)
		}
	}
	if !strings.Contains(html, `class="remove"`) || !strings.Contains(html, "shown as a table") {
		t.Error("the crowded card should be a table with a note and a Remove button")
	}
}

// TestReadersFileStaysOutOfLinks: no part of a file's name goes into ids or the URL; a
// removed card leaves nothing in the state.
func TestReadersFileStaysOutOfLinks(t *testing.T) {
	var urls []string
	r := &Root{State: state.Default(), Effects: Effects{StateChanged: func(s state.State, _ bool) { urls = append(urls, state.Encode(s)) }}}
	r.AddUpload("Confidential - casualties Q3 draft.csv", []byte("period,value\n2021,3\n2022,4\n"))
	r.AddUpload("file.csv", []byte("category,value\nA,1\n"))
	ids := []string{r.Uploads[0].ID, r.Uploads[1].ID}
	if ids[0] != "upload-1" || ids[1] != "upload-2" {
		t.Fatalf("reader card ids %q", ids)
	}
	r.Dispatch(state.SetTable{Dataset: ids[0], On: true})
	r.RemoveUpload(ids[0])
	for _, u := range urls {
		if strings.Contains(strings.ToLower(u), "confidential") || strings.Contains(u, "draft") || strings.Contains(u, "file") {
			t.Errorf("a URL carries the file's name: %q", u)
		}
	}
	if len(urls) != 2 || urls[0] != "upload-1=table&v=2" || urls[1] != "" {
		t.Errorf("URLs %q: want the table view, then nothing after Remove", urls)
	}
	html := live(t, r)
	if strings.Count(html, `id="upload-file"`) != 1 || strings.Count(html, `id="upload-text"`) != 1 {
		t.Error("a reader's card took an id of the upload form")
	}
	// The same file again replaces its card and keeps its id.
	r.AddUpload("file.csv", []byte("category,value\nA,2\n"))
	if len(r.Uploads) != 1 || r.Uploads[0].ID != ids[1] || r.Reveal() != ids[1] || r.Reveal() != "" {
		t.Errorf("re-upload: %d cards, id %q", len(r.Uploads), r.Uploads[0].ID)
	}
	if !strings.Contains(r.Announce, "file") {
		t.Errorf("announcement %q does not name the new card", r.Announce)
	}
}

// TestOddLinksSaySo: an embed of a dataset that does not exist and a slide past the last
// give a message with a way on, in the page's language, instead of an empty page.
func TestOddLinksSaySo(t *testing.T) {
	for _, tc := range []struct {
		query, want, href string
	}{
		{"embed=key-figures", "does not have", `href="?"`},
		{"embed=nope&lang=fr", "ne contient pas", `href="?lang=fr&amp;v=2"`},
		{"slide=99", "presentation has 7 slides", `href="?slide=1&amp;v=2"`},
	} {
		b, _ := data.Load()
		s := state.Decode(tc.query, state.KindsOf(b.Datasets))
		html := live(t, &Root{Briefing: b, State: s})
		if !strings.Contains(html, `class="link-problem"`) || !strings.Contains(html, tc.want) || !strings.Contains(html, tc.href) {
			t.Errorf("%s: no message %q with link %s", tc.query, tc.want, tc.href)
		}
		if strings.Contains(html, `class="slide `) || strings.Contains(html, `class="card"`) {
			t.Errorf("%s: shows content besides the message", tc.query)
		}
	}
}

// TestReloadWorksWithoutInlineScript: the banner's Reload is a plain link (the shipped CSP
// refuses inline handlers).
func TestReloadWorksWithoutInlineScript(t *testing.T) {
	r := &Root{State: state.Reduce(state.Default(), state.SetLang{Lang: "fr"}), Err: "boom"}
	html := live(t, r)
	if strings.Contains(html, "onclick") || !strings.Contains(html, `<a class="reload" href="?lang=fr&amp;v=2">`) {
		t.Errorf("reload control: %s", html[strings.Index(html, `class="banner"`):][:300])
	}
}

// TestTypedTitle: a title the reader types names their next card (cleaned), then clears; the
// field has its label.
func TestTypedTitle(t *testing.T) {
	r := &Root{State: state.Default()}
	r.SetUploadTitle("  Next year\u202e ")
	r.AddUpload("", []byte("period,value\n2021,3\n"))
	r.AddUpload("", []byte("period,value\n2021,4\n"))
	if len(r.Uploads) != 2 || r.Uploads[0].Title != "Next year" || r.Uploads[1].Title == "Next year" || r.UploadTitle != "" {
		t.Errorf("titles %q, %q; field %q", r.Uploads[0].Title, r.Uploads[1].Title, r.UploadTitle)
	}
	if html := live(t, r); !strings.Contains(html, `<label class="title-label" for="upload-title">`) {
		t.Error("the title field has no label")
	}
}
