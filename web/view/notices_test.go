package view

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"briefing/data"
	"briefing/data/upload"
	"briefing/web/locale"
	"briefing/web/state"
)

// readerFile parses a reader's CSV as the page does.
func readerFile(t *testing.T, text string) data.Dataset {
	t.Helper()
	ds, _, err := upload.Parse("mine.csv", []byte(text))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return ds
}

// periods is a file of n quarters from 1900-Q1 on.
func periods(n int) string {
	var b strings.Builder
	b.WriteString("period,value\n")
	for i := range n {
		fmt.Fprintf(&b, "%d-Q%d,%d\n", 1900+i/4, i%4+1, i%7)
	}
	return b.String()
}

// years is a file of n years from 1900 on.
func years(n int) string {
	var b strings.Builder
	b.WriteString("period,value\n")
	for i := range n {
		fmt.Fprintf(&b, "%d,%d\n", 1900+i, i%7)
	}
	return b.String()
}

func categories(n int) string {
	var b strings.Builder
	b.WriteString("category,value\n")
	for i := range n {
		fmt.Fprintf(&b, "Category %d,%d\n", i, i%50)
	}
	return b.String()
}

// TestCrowdedFilesBecomeTables: valid files up to the limits never fail; what does not fit a
// readable chart at a layout's size is a table with a note, and the briefing's cards are
// built as before (these files used to remove every card from the page).
func TestCrowdedFilesBecomeTables(t *testing.T) {
	b := briefing(t)
	for _, tc := range []struct {
		name    string
		text    string
		layout  Layouts
		charted bool
	}{
		{"45 years on a phone", years(45), NarrowLayout, false},
		{"45 years on a desktop", years(45), WideLayout, true},
		{"120 years on a desktop", years(120), WideLayout, false},
		{"12 years", years(12), NarrowLayout, true},
		{"120 categories", categories(120), WideLayout, false},
		{"10,000 quarters", periods(upload.MaxRows), WideLayout, false},
		{"10,000 categories", categories(upload.MaxRows), NarrowLayout, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sets := append(b.Datasets[:len(b.Datasets):len(b.Datasets)], readerFile(t, tc.text))
			for _, l := range []locale.Lang{locale.EN, locale.FR} {
				s := state.Default()
				s.Lang = l
				cards := Cards(b, sets, s, &Cache{}, tc.layout)
				mustCards(t, cards)
				mine := cards[len(cards)-1]
				if mine.Charted != tc.charted {
					t.Errorf("%s: charted %v, want %v (note %q)", l, mine.Charted, tc.charted, mine.Note)
				}
				if !mine.Charted && (mine.Note == "" || len(mine.Table.Rows) != len(sets[len(sets)-1].Rows)) {
					t.Errorf("%s: a table-only card needs a note and every row (note %q, %d rows)", l, mine.Note, len(mine.Table.Rows))
				}
				for _, c := range cards[:len(cards)-1] {
					if !c.Charted || len(c.Charts) == 0 || c.Charts[0].SVG == "" {
						t.Errorf("%s: briefing card %s lost its chart", l, c.ID)
					}
				}
			}
		})
	}
}

// TestNarrowLayoutFallsBackAlone: a file that fits the wide chart but not the phone's is a
// table on the phone only.
func TestNarrowLayoutFallsBackAlone(t *testing.T) {
	b := briefing(t)
	ds := readerFile(t, years(30))
	wide := safeCard(b, ds, state.Default(), &Cache{}, WideLayout)
	narrow := safeCard(b, ds, state.Default(), &Cache{}, NarrowLayout)
	if !wide.Charted || narrow.Charted || narrow.Note == "" {
		t.Errorf("30 periods: wide charted %v, narrow charted %v with note %q", wide.Charted, narrow.Charted, narrow.Note)
	}
}

// TestOneCardsTroubleStaysInIt: an error or a panic while building one card is a message in
// that card, and every other card is built.
func TestOneCardsTroubleStaysInIt(t *testing.T) {
	b := briefing(t)
	bad := readerFile(t, "period,value\n2021,3\n2022,4\n")
	bad.Rows[1].Value = math.NaN() // the chart refuses it: not a "no room" error
	sets := append(b.Datasets[:len(b.Datasets):len(b.Datasets)], bad)
	cards := Cards(b, sets, state.Default(), &Cache{}, WideLayout)
	mine := cards[len(cards)-1]
	if mine.Problem == "" || mine.ProblemHelp == "" || mine.ProblemDetail == "" || mine.Charted {
		t.Errorf("the bad card should carry its problem: %+v", mine)
	}
	mustCards(t, cards[:len(cards)-1])

	// A panic (here: no chart cache at all) is contained the same way, in French too.
	fr := state.Reduce(state.Default(), state.SetLang{Lang: locale.FR})
	card := safeCard(b, b.Datasets[0], fr, nil, WideLayout)
	if card.Problem != noticesFR.CardFailed || card.ProblemHelp != noticesFR.CardFailedBriefing || card.ID != b.Datasets[0].ID {
		t.Errorf("panicking card: %+v", card)
	}
	sl := safeSlide(b, b.Datasets[0], "", fr, nil, SlideArea{})
	if sl.Problem == "" || sl.Title == "" {
		t.Errorf("panicking slide: %+v", sl)
	}
}

// TestCrowdedSlides: a reader's crowded file gives a slide with a note, not a broken show.
func TestCrowdedSlides(t *testing.T) {
	b := briefing(t)
	sets := append(b.Datasets[:len(b.Datasets):len(b.Datasets)], readerFile(t, categories(upload.MaxRows)))
	slides := Slides(b, sets, state.Default(), &Cache{}, nil)
	var found bool
	for _, sl := range slides {
		if strings.HasPrefix(sl.ID, upload.IDPrefix) {
			found = true
			if sl.Problem == "" || sl.Chart.SVG != "" {
				t.Errorf("crowded slide: problem %q, chart %d bytes", sl.Problem, len(sl.Chart.SVG))
			}
		} else if sl.Problem != "" {
			t.Errorf("slide %s: %s", sl.ID, sl.Problem)
		}
	}
	if !found {
		t.Error("no slide for the reader's file")
	}
}

func TestCheckLink(t *testing.T) {
	b := briefing(t)
	n := SlideCount(b, b.Datasets)
	for _, tc := range []struct {
		name  string
		s     state.State
		bad   bool
		query string
	}{
		{"fine", state.Default(), false, ""},
		{"known embed", state.State{Lang: locale.EN, Embed: "parity"}, false, ""},
		{"unknown embed", state.State{Lang: locale.EN, Embed: "key-figures"}, true, ""},
		{"unknown embed in French", state.State{Lang: locale.FR, Embed: "nope"}, true, "lang=fr&v=2"},
		{"last slide", state.State{Lang: locale.EN, Slide: n}, false, ""},
		{"past the last slide", state.State{Lang: locale.EN, Slide: n + 1}, true, "slide=1&v=2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := CheckLink(b.Datasets, n, tc.s)
			if (p.Text != "") != tc.bad {
				t.Fatalf("problem %q, want one: %v", p.Text, tc.bad)
			}
			if tc.bad && (p.LinkText == "" || p.LinkQuery != tc.query) {
				t.Errorf("link %q to %q, want to %q", p.LinkText, p.LinkQuery, tc.query)
			}
			if tc.bad && tc.s.Lang == locale.FR && !strings.Contains(p.Text, "«") {
				t.Errorf("French message not in French: %q", p.Text)
			}
		})
	}
}
