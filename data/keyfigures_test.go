package data

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// TestKeyFiguresAreInTheirQuotes: each key figure's words are once in its quote, its figure is one
// number of those words (as digits or as words), and its qualifier is what the speaker put before
// the figure. Quote, page, annex and speaker are checked for every source by
// TestSourcesAreInTheDocument.
func TestKeyFiguresAreInTheirQuotes(t *testing.T) {
	b, text := load(t), sourceText(t)
	for _, k := range b.KeyFigures {
		where := fmt.Sprintf("%s:%d (%s)", keyFiguresFile, k.Line, k.ID)
		if k.Source != b.Sources[k.SourceID] {
			t.Errorf("%s: Source is not the sources.csv entry %q", where, k.SourceID)
		}
		start, end, err := spanOf(text, k.Source.Quote, k.AsWritten)
		if err != nil {
			t.Errorf("%s: %v", where, err)
			continue
		}
		var found []numberToken
		for _, n := range numberTokens(text) {
			if n.start >= start && n.end <= end && !n.ordinal && !n.indefinite && n.value == k.Figure {
				found = append(found, n)
			}
		}
		if len(found) != 1 {
			t.Errorf("%s: figure %s is %d times a number of %q (want once)", where, k.FigureText, len(found), k.AsWritten)
			continue
		}
		n := found[0]
		if isDecimal(strings.ReplaceAll(n.text, ",", "")) && strings.ReplaceAll(n.text, ",", "") != k.FigureText {
			t.Errorf("%s: figure %s is written %s: copy its digits", where, k.FigureText, n.text)
		}
		quoteStart := strings.Index(text, k.Source.Quote)
		if said := qualifierBefore(text[quoteStart:n.start]); said != k.Qualifier {
			t.Errorf("%s: the speaker says %q before %s, so qualifier must be %q, not %q", where, qualifierSaid(text[quoteStart:n.start]), n.text, said, k.Qualifier)
		}
		if k.Qualifier != Exact && qualifierBefore(text[start:n.start]) != k.Qualifier {
			t.Errorf("%s: as_written %q must include the words before the figure that make it %s", where, k.AsWritten, k.Qualifier)
		}
	}
}

// qualifierWords are the words before a figure that bound it.
var qualifierWords = []struct {
	words string
	q     Qualifier
}{{"more than", MoreThan}, {"over", MoreThan}, {"at least", AtLeast}, {"almost", Almost}, {"nearly", Almost}}

// qualifierBefore returns the qualifier of the words that end just before a figure.
func qualifierBefore(before string) Qualifier {
	if w := qualifierSaid(before); w != "" {
		for _, qw := range qualifierWords {
			if qw.words == w {
				return qw.q
			}
		}
	}
	return Exact
}

func qualifierSaid(before string) string {
	b := strings.ToLower(before)
	for _, qw := range qualifierWords {
		if b == qw.words+" " || strings.HasSuffix(b, " "+qw.words+" ") {
			return qw.words
		}
	}
	return ""
}

func TestQualifierBefore(t *testing.T) {
	for before, want := range map[string]Qualifier{
		"the more than ": MoreThan, "More than ": MoreThan, "an over ": MoreThan, "totalling almost ": Almost,
		"invested nearly ": Almost, "address at least ": AtLeast, "lower than ": Exact, "across the ": Exact, "": Exact,
		"moreover ": Exact, "turnover ": Exact,
	} {
		if got := qualifierBefore(before); got != want {
			t.Errorf("qualifierBefore(%q) = %q, want %q", before, got, want)
		}
	}
}

// TestKeyFigures pins the key figures, so that an edit that changes one is a conscious one.
func TestKeyFigures(t *testing.T) {
	type fig struct {
		figure    string
		qualifier Qualifier
		theme     string
		source    string
	}
	want := map[string]fig{
		"lacroix-multidimensional-missions":   {"4", Exact, "protection", "lacroix-force-transformation"},
		"lacroix-units-remotely-assessed":     {"4", Exact, "force-generation", "lacroix-remote-assessment"},
		"lacroix-units-remotely-verified":     {"3", Exact, "force-generation", "lacroix-remote-assessment"},
		"lacroix-remote-predeployment-visits": {"3", Exact, "force-generation", "lacroix-predeployment-visits"},
		"lacroix-coe-performance-threshold":   {"70", Exact, "performance", "lacroix-coe-gaps"},
		"lacroix-rapid-deployment-units":      {"2", Exact, "force-generation", "lacroix-rapid-deployment"},
		"lacroix-rapid-deployment-timeline":   {"60", Exact, "force-generation", "lacroix-rapid-deployment"},
		"lacroix-investigated-cases":          {"100", MoreThan, "safety-security", "lacroix-investigations"},
		"lacroix-convictions":                 {"6", Exact, "safety-security", "lacroix-convictions"},
		"lacroix-minusca-peacekeepers-killed": {"11", Exact, "safety-security", "lacroix-convictions"},
		"lacroix-systemic-issues":             {"8", AtLeast, "a4p", "lacroix-systemic-issues"},
		"lacroix-a4p-themes":                  {"8", Exact, "a4p", "lacroix-a4p-themes"},
		"belgium-transitional-justice-years":  {"30", Almost, "peacebuilding", "belgium-transitional-justice"},
		"china-peacekeepers":                  {"80000", MoreThan, "force-generation", "china-peacekeepers"},
		"china-mission-areas":                 {"13", Exact, "force-generation", "china-peacekeepers"},
		"france-declaration-signatories":      {"150", MoreThan, "a4p", "france-declaration"},
		"uk-extrabudgetary-support":           {"4000000", Almost, "funding", "uk-extrabudgetary"},
		"uk-task-force-strength":              {"250", Exact, "force-generation", "uk-task-force"},
		"us-capacity-building":                {"1500000000", Almost, "funding", "us-capacity-building"},
		"us-gpoi-annual-budget":               {"70000000", MoreThan, "funding", "us-gpoi-budget"},
		"us-pcrs-capabilities":                {"200", MoreThan, "force-generation", "us-pcrs"},
	}
	b := load(t)
	if len(b.KeyFigures) != len(want) {
		t.Errorf("%d key figures, want %d", len(b.KeyFigures), len(want))
	}
	for _, k := range b.KeyFigures {
		got := fig{k.FigureText, k.Qualifier, k.Theme.ID, k.SourceID}
		if w, ok := want[k.ID]; !ok || got != w {
			t.Errorf("%s = %+v, want %+v", k.ID, got, w)
		}
	}
}

func matching(figures []KeyFigure, query string) []string {
	var ids []string
	for _, k := range figures {
		if k.Matches(query) {
			ids = append(ids, k.ID)
		}
	}
	sort.Strings(ids)
	return ids
}

func TestMatches(t *testing.T) {
	b := load(t)
	for query, want := range map[string]string{
		"PCRS":                 "us-pcrs-capabilities",
		"pcrs":                 "us-pcrs-capabilities",
		"  Pcrs  ":             "us-pcrs-capabilities",
		"PCRS capabilities":    "us-pcrs-capabilities",
		"pcrs 2019":            "",
		"financement":          "uk-extrabudgetary-support,us-capacity-building,us-gpoi-annual-budget",
		"Funding":              "uk-extrabudgetary-support,us-capacity-building,us-gpoi-annual-budget",
		"china 80,000":         "china-mission-areas,china-peacekeepers",
		"80000":                "china-peacekeepers",
		"Geng Shuang":          "china-mission-areas,china-peacekeepers",
		"Gasri":                "france-declaration-signatories",
		"sûreté":               "lacroix-convictions,lacroix-investigated-cases,lacroix-minusca-peacekeepers-killed",
		"SURETE":               "lacroix-convictions,lacroix-investigated-cases,lacroix-minusca-peacekeepers-killed",
		"condamnées":           "lacroix-convictions,lacroix-minusca-peacekeepers-killed",
		"condamnees":           "lacroix-convictions,lacroix-minusca-peacekeepers-killed",
		"CONDAMNÉES":           "lacroix-convictions,lacroix-minusca-peacekeepers-killed",
		"$1.5 billion":         "us-capacity-building",
		"xyzzy":                "",
		"MINUSCA peacekeepers": "lacroix-convictions,lacroix-investigated-cases,lacroix-minusca-peacekeepers-killed",
	} {
		if got := strings.Join(matching(b.KeyFigures, query), ","); got != want {
			t.Errorf("Matches(%q): %s, want %s", query, got, want)
		}
	}
	if got := matching(b.KeyFigures, " "); len(got) != len(b.KeyFigures) {
		t.Errorf("an empty query matches %d of %d key figures", len(got), len(b.KeyFigures))
	}
}

// TestMatchesThemes: a theme is found by its id and by either label, with or without accents.
func TestMatchesThemes(t *testing.T) {
	wps, ok := ThemeByID("women-peace-security")
	if !ok {
		t.Fatal("no women-peace-security theme")
	}
	k := KeyFigure{FigureText: "22", Unit: "per cent", UnitFR: "%", Theme: wps}
	for _, q := range []string{"women", "Women peace", "femmes", "FEMMES ET PAIX", "securite", "sécurité", "women-peace"} {
		if !k.Matches(q) {
			t.Errorf("Matches(%q) = false for the women and peace and security theme", q)
		}
	}
	for _, q := range []string{"protection", "femmes 23", "hommes"} {
		if k.Matches(q) {
			t.Errorf("Matches(%q) = true for the women and peace and security theme", q)
		}
	}
}

func TestThemes(t *testing.T) {
	seen := map[string]bool{}
	for _, th := range Themes() {
		if !isID(th.ID) || th.EN == "" || th.FR == "" || seen[th.ID] {
			t.Errorf("theme %+v: want a unique id and both labels", th)
		}
		seen[th.ID] = true
		if got, ok := ThemeByID(th.ID); !ok || got != th {
			t.Errorf("ThemeByID(%q) = %+v, %v", th.ID, got, ok)
		}
	}
	if _, ok := ThemeByID("Funding"); ok {
		t.Error("ThemeByID matches a label, want ids only")
	}
	Themes()[0].ID = "changed"
	if Themes()[0].ID == "changed" {
		t.Error("Themes returns the package's own slice")
	}
}

func TestQualifierWords(t *testing.T) {
	for q, want := range map[Qualifier][2]string{Exact: {"", ""}, MoreThan: {"more than", "plus de"}, AtLeast: {"at least", "au moins"}, Almost: {"almost", "près de"}} {
		if en, fr := q.Words(); en != want[0] || fr != want[1] {
			t.Errorf("%q.Words() = %q, %q", q, en, fr)
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Sûreté et Sécurité": "surete et securite", "ŒUVRE À": "oeuvre a", "l’ONU": "l'onu",
		"80\u202f000": "80 000", "PCRS": "pcrs", "Ñandú": "nandu",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}
