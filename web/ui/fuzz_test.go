package ui

import (
	"strings"
	"testing"

	"briefing/data"
	"briefing/web/state"
)

// FuzzReaderFile feeds readers' files through parse, view and chart layout as the page does,
// and fails on any trouble that escapes a card: the error banner, or a briefing card lost.
func FuzzReaderFile(f *testing.F) {
	for _, s := range []string{
		"period,value\n2021,3\n2022,4\n",
		"category,value,target\nA,30,25\nB,10,20\n",
		"category,value\n\u202eAB,1\n",
		"period,value\n" + strings.Repeat("2021,1\n", 3),
		"category;value\n\"x\ny\";1,5\n",
	} {
		f.Add(s)
	}
	b, err := data.Load()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		r := &Root{Briefing: b, State: state.Default()}
		r.AddUpload("file.csv", []byte(text))
		for _, ds := range r.Uploads {
			r.Dispatch(state.SetTable{Dataset: ds.ID, On: true}) // the table of every file, too
			r.Dispatch(state.SetTable{Dataset: ds.ID, On: false})
		}
		html := live(t, r)
		if r.Err != "" {
			t.Fatalf("the page's error banner: %s", r.Err)
		}
		for _, id := range []string{`id="fatalities"`, `id="coe-gaps"`, `id="parity"`, `id="upload-file"`} {
			if !strings.Contains(html, id) {
				t.Fatalf("%s is gone", id)
			}
		}
	})
}

// FuzzLink renders the page for any query: it always shows something (cards, a slide, or a
// message about the link) and never the error banner.
func FuzzLink(f *testing.F) {
	for _, q := range []string{"", "embed=parity&controls=0", "embed=nope", "slide=3", "slide=99", "upload-1=table",
		"%6c%61%6e%67=fr&theme=dark", "parity=gap,notargets,sort-gap-desc&q=PCRS&kt=funding", "v=1&targets=off"} {
		f.Add(q)
	}
	b, err := data.Load()
	if err != nil {
		f.Fatal(err)
	}
	kinds := state.KindsOf(b.Datasets)
	f.Fuzz(func(t *testing.T, q string) {
		r := &Root{Briefing: b, State: state.Decode(q, kinds), Foreign: state.ForeignUploads(q, kinds)}
		html := live(t, r)
		if r.Err != "" {
			t.Fatalf("%q: the page's error banner: %s", q, r.Err)
		}
		if !strings.Contains(html, `class="card"`) && !strings.Contains(html, `class="slide`) && !strings.Contains(html, `class="link-problem"`) {
			t.Fatalf("%q: the page shows nothing", q)
		}
	})
}
