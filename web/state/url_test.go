package state

import (
	"strings"
	"testing"

	"briefing/data"
	"briefing/web/locale"
)

var kinds = Kinds{"fatalities": data.Series, "coe-gaps": data.Series, "parity": data.Targets}

func TestURLRoundTrip(t *testing.T) {
	states := []State{
		Default(),
		{Lang: locale.FR, Theme: "dark", Views: map[string]View{"parity": {NoTargets: true, Variant: Gap}}},
		{Lang: locale.EN, Theme: "projector", Slide: 3},
		{Lang: locale.EN, Embed: "fatalities", Bare: true, Views: map[string]View{"fatalities": {Variant: Line, NoValues: true}}},
		{Lang: locale.EN, Query: "PCRS & more", KeyTheme: "performance",
			Views: map[string]View{"coe-gaps": {Table: true, Sort: "value", Desc: true}}},
	}
	for _, s := range states {
		q := Encode(s)
		if got := Decode(q, kinds); !got.Equal(s) {
			t.Errorf("Decode(Encode(%+v)) = %+v via %q", s, got, q)
		}
	}
	if q := Encode(Default()); q != "" {
		t.Errorf("default state encodes as %q, want empty", q)
	}
}

func TestEncodeIsCanonical(t *testing.T) {
	s := Default()
	s = Reduce(s, SetTable{Dataset: "parity", On: true})
	s = Reduce(s, SetVariant{Dataset: "parity", Variant: Gap})
	s = Reduce(s, SetLang{Lang: locale.FR})
	if got, want := Encode(s), "lang=fr&parity=table%2Cgap&v=2"; got != want {
		t.Errorf("Encode = %q, want %q", got, want)
	}
}

// Old links keep working: every format version's links decode to the view they meant.
func TestOldLinks(t *testing.T) {
	cases := []struct {
		link string
		want State
	}{
		{"targets=off", State{Lang: locale.EN, Views: map[string]View{"parity": {NoTargets: true}}}},
		{"targets=on&lang=fr", State{Lang: locale.FR}},
		{"?theme=dark", State{Lang: locale.EN, Theme: "dark"}},
		{"v=2&parity=notargets", State{Lang: locale.EN, Views: map[string]View{"parity": {NoTargets: true}}}},
		// a version-2 link never goes through the version-1 migration
		{"v=2&targets=off", Default()},
	}
	for _, c := range cases {
		if got := Decode(c.link, kinds); !got.Equal(c.want) {
			t.Errorf("Decode(%q) = %+v, want %+v", c.link, got, c.want)
		}
	}
}

func TestDecodeBadInput(t *testing.T) {
	for _, q := range []string{"", "?", "targets", "lang=xx", "theme=<script>", "%zz=1&lang=fr",
		";;;&&&=", "fatalities=gap,notargets,sort-category", "parity=line", "slide=-1", "slide=1e9",
		"embed=nothing", "v=99&lang=fr", "v=abc", "kt=<b>", "unknown=1&fatalities=", "q=" + strings.Repeat("é", 300)} {
		s := Decode(q, kinds)
		if (s.Theme != "" && !validTheme(s.Theme)) || (s.Lang != locale.EN && s.Lang != locale.FR) || s.Slide < 0 || s.Slide > 99 ||
			s.Views != nil || (s.Embed != "" && s.Embed != "nothing") || len(s.Query) > maxQuery || (s.KeyTheme != "" && !isToken(s.KeyTheme)) {
			t.Errorf("Decode(%q) = %+v", q, s)
		}
	}
	if s := Decode("lang=de&lang=fr", kinds); s.Lang != locale.FR {
		t.Errorf("the last of duplicated parameters should win: %+v", s)
	}
	if s := Decode("embed=<b>", kinds); s.Embed != "" {
		t.Errorf("an embed id that is no token is dropped: %+v", s)
	}
}

// TestUnknownEmbedKept: the page must be able to say that an embed link names no dataset.
func TestUnknownEmbedKept(t *testing.T) {
	if s := Decode("embed=key-figures&controls=0", kinds); s.Embed != "key-figures" || !s.Bare {
		t.Errorf("Decode kept %+v", s)
	}
}

func TestLangGivenDecodesNames(t *testing.T) {
	for q, want := range map[string]bool{"lang=fr": true, "?%6c%61%6e%67=fr": true, "x=lang=fr": false, "": false, "language=fr": false} {
		if got := LangGiven(q); got != want {
			t.Errorf("LangGiven(%q) = %v, want %v", q, got, want)
		}
	}
	if s := Decode("%6c%61%6e%67=fr", kinds); s.Lang != locale.FR {
		t.Errorf("a percent-encoded parameter name is a name: %+v", s)
	}
}

// TestReadersCardsInLinks: a reader's card is keyed by an opaque id; removing it forgets its
// view, and a link naming a card the page does not have is recognised as such.
func TestReadersCardsInLinks(t *testing.T) {
	mine := Kinds{"fatalities": data.Series, "upload-1": data.Targets}
	s := Reduce(Default(), SetTable{Dataset: "upload-1", On: true})
	q := Encode(s)
	if q != "upload-1=table&v=2" {
		t.Errorf("Encode = %q", q)
	}
	if Encode(Reduce(s, Forget{Dataset: "upload-1"})) != "" {
		t.Error("a removed card's view stays in the URL")
	}
	if !ForeignUploads(q, kinds) || ForeignUploads(q, mine) || ForeignUploads("fatalities=table&v=2", kinds) {
		t.Error("ForeignUploads does not tell links to other readers' cards")
	}
}

func FuzzDecode(f *testing.F) {
	for _, q := range []string{"", "targets=off&lang=fr&theme=dark", "%", "a=b=c&&", "v=2&parity=table,gap,sort-gap-desc&slide=4",
		"embed=fatalities&controls=0&q=PCRS&kt=funding"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		s := Decode(q, kinds)
		if (s.Theme != "" && !validTheme(s.Theme)) || (s.Lang != locale.EN && s.Lang != locale.FR) || s.Slide < 0 {
			t.Fatalf("Decode(%q) gave an invalid state %+v", q, s)
		}
		if again := Decode(Encode(s), kinds); !again.Equal(s) {
			t.Fatalf("round trip of %+v gave %+v", s, again)
		}
	})
}
