package view

import (
	"fmt"
	"html"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"briefing/data"
	"briefing/data/upload"
	"briefing/web/chart"
	"briefing/web/locale"
	"briefing/web/state"
)

// The fact-checker of claims.go's rules. Every generated sentence of every dataset, chart
// variant and language, and of readers' files of many shapes, is checked: each number in it
// is a figure of the data (value, target, period, as-of date, or a number in the data's own
// text), or a derivation between two full periods of one kind that the sentence names as
// "our calculation", or, for a reader's file, a count the sentence says is about "your file".
// A change into or out of a partial period is never among the allowed derivations.

// sentence is one generated text and where it appears.
type sentence struct{ where, text string }

// sentences gathers every generated text of one dataset in one state: card (headline, alt
// text, table caption and headers, tooltips, legend, row notes), slides, embed alt text.
func sentences(t *testing.T, b *data.Briefing, ds data.Dataset, s state.State) []sentence {
	t.Helper()
	l := s.Lang
	var out []sentence
	add := func(where, text string) {
		if text != "" {
			out = append(out, sentence{where, text})
		}
	}
	add("headline", Headline(ds, l))
	add("summary", Summary(ds, l))
	add("takeaway", Takeaway(ds, l))
	// Through safeCard, as the page builds cards: a dataset the chart refuses (negative values
	// in these test files, which readers' files cannot have) still has all its words.
	card := safeCard(b, ds, s, &Cache{}, AllLayouts)
	add("card headline", card.Headline)
	add("table caption", card.Table.Caption)
	for _, c := range card.Table.Columns {
		add("table column", c.Label)
	}
	for _, tip := range card.Tips {
		add("tip", tip.Text)
	}
	sp := Spec(ds, s, WideWidth)
	add("chart description", sp.Desc)
	for _, lg := range sp.Legend {
		add("legend", lg.Text)
	}
	for _, bar := range sp.Bars {
		add("chart row note", bar.MissingText)
	}
	add("control", card.Words.Targets)
	for _, sl := range Slides(b, []data.Dataset{ds}, s, &Cache{}, nil) {
		if sl.Kind == DatasetSlide {
			add("slide headline", sl.Headline)
			add("slide takeaway", sl.Takeaway)
		}
	}
	img := EmbedCode(b, ds, s, "").Image
	_, alt, _ := strings.Cut(img, `alt="`)
	alt, _, _ = strings.Cut(alt, `"`)
	add("embed alt text", html.UnescapeString(alt))
	return out
}

var (
	numberEN = regexp.MustCompile(`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`)
	numberFR = regexp.MustCompile(`\d{1,3}(?:\x{202f}\d{3})+(?:,\d+)?|\d+(?:,\d+)?`)
)

// numbers are the numbers a sentence states, as written in its language, without signs.
func numbers(s string, l locale.Lang) []float64 {
	re := numberEN
	if l == locale.FR {
		re = numberFR
	}
	var out []float64
	for _, m := range re.FindAllString(s, -1) {
		if l == locale.FR {
			m = strings.NewReplacer("\u202f", "", ",", ".").Replace(m)
		} else {
			m = strings.ReplaceAll(m, ",", "")
		}
		v, err := strconv.ParseFloat(m, 64)
		if err == nil {
			out = append(out, v)
		}
	}
	return out
}

// facts are the numbers a dataset states, and the derivations it allows.
type facts struct {
	stated  []float64 // values, targets, periods, dates, numbers of its own text
	derived []float64 // changes between two full periods of one kind: allowed only when named
	partial []float64 // changes into or out of a partial period: never allowed
	rows    int
}

func factsOf(ds data.Dataset) facts {
	var f facts
	f.rows = len(ds.Rows)
	texts := []string{ds.Title, ds.TitleFR, ds.Unit, ds.UnitFR, ds.KeyLabel, ds.ValueLabel, ds.TargetLabel}
	for _, r := range ds.Rows {
		if r.HasValue {
			f.stated = append(f.stated, math.Abs(r.Value))
		}
		if r.HasTarget {
			f.stated = append(f.stated, math.Abs(r.Target))
		}
		if y, q, err := data.ParsePeriod(r.Key); err == nil {
			f.stated = append(f.stated, float64(y), float64(q))
		}
		for _, part := range strings.Split(r.AsOf, "-") {
			if v, err := strconv.Atoi(part); err == nil {
				f.stated = append(f.stated, float64(v))
			}
		}
		texts = append(texts, r.Key, r.LabelFR, r.Note, r.NoteFR)
	}
	for _, t := range texts {
		f.stated = append(f.stated, numbers(t, locale.EN)...)
	}
	for i, a := range ds.Rows {
		for _, b := range ds.Rows[i+1:] {
			if !a.HasValue || !b.HasValue || ds.Kind != data.Series {
				continue
			}
			ch := []float64{math.Abs(b.Value - a.Value)}
			if a.Value != 0 {
				ch = append(ch, math.Abs(math.Round(100*(b.Value-a.Value)/a.Value)))
			}
			if a.Partial || b.Partial || !sameKind(a.Key, b.Key) {
				f.partial = append(f.partial, ch...)
			} else {
				f.derived = append(f.derived, ch...)
			}
		}
		if a.HasValue && a.HasTarget { // a gap to target is a figure of the chart
			f.stated = append(f.stated, math.Abs(a.Value-a.Target))
		}
	}
	return f
}

func has(list []float64, v float64) bool {
	for _, x := range list {
		if math.Abs(x-v) < 1e-6 {
			return true
		}
	}
	return false
}

// checkSentence returns what is wrong with a sentence about ds, or "".
func checkSentence(ds data.Dataset, f facts, s string, l locale.Lang) string {
	named := strings.Contains(s, ours(l))
	aboutFile := strings.Contains(s, "your file") || strings.Contains(s, "votre fichier")
	file := upload.IsUpload(ds)
	for _, v := range numbers(s, l) {
		switch {
		case has(f.stated, v):
		case has(f.derived, v) && named:
		case has(f.derived, v):
			return fmt.Sprintf("%v is our derivation but the sentence does not say so", v)
		case has(f.partial, v):
			return fmt.Sprintf("%v compares a partial period with another period", v)
		case file && aboutFile && v == math.Trunc(v) && int(v) <= f.rows:
		default:
			return fmt.Sprintf("%v is neither a figure of the data nor a named derivation", v)
		}
	}
	for _, r := range ds.Rows {
		if r.Partial && r.HasValue && strings.Contains(s, "→ "+amount(ds, r, l)+" "+in(r.Key, l)) {
			return "a change runs into the partial period " + r.Key
		}
	}
	if file {
		lower := strings.ToLower(s)
		for _, w := range []string{"uniformed", "en tenue", "women", "femmes", "briefing", "exposé"} {
			if strings.Contains(lower, w) && !strings.Contains(strings.ToLower(strings.Join([]string{ds.Title, ds.KeyLabel, ds.ValueLabel, ds.TargetLabel}, " ")), w) {
				return fmt.Sprintf("%q is not in the reader's file", w)
			}
		}
		if strings.Contains(s, "%") && !percentValues(&ds) && !named {
			return "a % the file does not state"
		}
	}
	return ""
}

// readersFiles are files of many shapes, as the page reads them.
var readersFiles = []struct{ name, csv string }{
	{"one-row.csv", "period,value\n2019,5\n"},
	{"two-rows.csv", "period,value\n2018,4\n2019,6\n"},
	{"unchanged.csv", "period,value\n2018,4\n2019,4\n"},
	{"from-zero.csv", "period,value\n2018,0\n2019,5\n"},
	{"partial.csv", "period,value,partial,as_of\n2018,10,,\n2019,12,,\n2020,3,true,2020-03-31\n"},
	{"partial-only.csv", "period,value,partial\n2021,3,true\n"},
	{"quarters-and-years.csv", "period,value\n2017,40\n2018-Q1,9\n2018-Q2,12\n"},
	{"share.csv", "period,value (%)\n2018,40\n2019,45.5\n"},
	{upload.PastedName, "category,value,target\nA,5,4\nB,3,4\nC,7,7\n"},
	{"ties.csv", "category,value,target\nA,5,4\nB,5,6\nC,2,2\n"},
	{"missing.csv", "category,value,target\nA,5,\nB,,4\nC,6,6\n"},
	{"no-targets.csv", "category,value\nA,1\nB,12\n"},
	{"all-met.csv", "category,value,objectif\nA,5,4\nB,6,6\n"},
	{"none-met.csv", "category,value,target\nA,1,4\nB,2,6\n"},
	{"one-target.csv", "category,value,target\nA,1,4\n"},
	{"parts-fr.csv", "Catégorie;Valeur (%);Objectif (%)\nA;40,5;50\nB;60;50\n"},
}

// readersDatasets parses readersFiles, adds a file of 45 quarters and two with negative values
// (which the page refuses, but the words must not depend on it).
func readersDatasets(t *testing.T) []data.Dataset {
	t.Helper()
	files := readersFiles
	var q strings.Builder
	q.WriteString("period,value\n")
	for i := range 45 {
		fmt.Fprintf(&q, "%d-Q%d,%d\n", 2010+i/4, i%4+1, 100+i*3%17)
	}
	files = append(files, struct{ name, csv string }{"quarters.csv", q.String()})
	var out []data.Dataset
	for _, f := range files {
		ds, _, err := upload.Parse(f.name, []byte(f.csv))
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		out = append(out, ds)
	}
	neg, _, _ := upload.Parse("negative.csv", []byte("category,value,target\nA,1,2\nB,3,1\n"))
	neg.Rows[0].Value, neg.Rows[0].ValueText = -2, "-2"
	negSeries, _, _ := upload.Parse("negative-series.csv", []byte("period,value\n2018,5\n2019,10\n"))
	negSeries.Rows[0].Value, negSeries.Rows[0].ValueText = -5, "-5"
	return append(out, neg, negSeries)
}

func variants(ds data.Dataset) []state.Variant {
	if ds.Kind == data.Targets {
		return []state.Variant{state.Bars, state.Gap}
	}
	return []state.Variant{state.Bars, state.Line}
}

// TestEverySentenceHoldsUp walks every dataset × variant × language and readers' files.
func TestEverySentenceHoldsUp(t *testing.T) {
	b := briefing(t)
	sets := append(append([]data.Dataset(nil), b.Datasets...), readersDatasets(t)...)
	checked := 0
	for _, ds := range sets {
		f := factsOf(ds)
		for _, v := range variants(ds) {
			for _, l := range []locale.Lang{locale.EN, locale.FR} {
				s := state.Reduce(state.Default(), state.SetLang{Lang: l})
				s = state.Reduce(s, state.SetVariant{Dataset: ds.ID, Variant: v})
				for _, sn := range sentences(t, b, ds, s) {
					checked++
					if why := checkSentence(ds, f, sn.text, l); why != "" {
						t.Errorf("%s %s %s %s: %q: %s", ds.ID, v, l, sn.where, sn.text, why)
					}
				}
			}
		}
	}
	if checked < 500 {
		t.Errorf("only %d sentences checked", checked)
	}
}

// TestCheckerCatchesBadSentences: the checker fails the sentences issue 11 reported, and
// others that break a rule.
func TestCheckerCatchesBadSentences(t *testing.T) {
	b := briefing(t)
	fat, par := dataset(t, b, "fatalities"), dataset(t, b, "parity")
	pasted, _, err := upload.Parse(upload.PastedName, []byte("category,value,target\nA,5,4\nB,3,4\nC,7,7\n"))
	if err != nil {
		t.Fatal(err)
	}
	bad := []struct {
		ds   data.Dataset
		l    locale.Lang
		text string
	}{
		{fat, locale.EN, "59 → 8: −51, −86% since 2017 · 2020 partial"},
		{fat, locale.FR, "59 → 8\u202f: −51, −86\u202f% depuis 2017 · 2020 incomplète"},
		{fat, locale.EN, "59 in 2017 → 8 in 2020, −86% (our calculation)"},
		{fat, locale.EN, "59 in 2017 → 25 in 2019, −58%"},
		{fat, locale.EN, "Fatalities fell from 59 in 2017 → 8 in 2020"},
		{par, locale.EN, "5 of 6 uniformed targets for 2020 met or surpassed"},
		{pasted, locale.EN, "0 of 0 uniformed targets for 2020 met or surpassed"},
		{pasted, locale.EN, "Target 2020 (%)"},
		{pasted, locale.EN, "2 of 3 targets met"}, // a count not said to be about the file
	}
	for _, c := range bad {
		t.Run(c.text, func(t *testing.T) {
			if why := checkSentence(c.ds, factsOf(c.ds), c.text, c.l); why == "" {
				t.Errorf("accepted %q", c.text)
			}
		})
	}
	good := []struct {
		ds   data.Dataset
		l    locale.Lang
		text string
	}{
		{fat, locale.EN, "59 in 2017 → 25 in 2019, −58% (our calculation); 8 so far in 2020, to 14 September"},
		{pasted, locale.EN, "2 of 3 targets in your file met or surpassed"},
	}
	for _, c := range good {
		if why := checkSentence(c.ds, factsOf(c.ds), c.text, c.l); why != "" {
			t.Errorf("refused %q: %s", c.text, why)
		}
	}
}

// TestBriefingTargetsQuoteTheSource: the parity headline's words are the briefing's.
func TestBriefingTargetsQuoteTheSource(t *testing.T) {
	doc := readSource(t)
	for _, words := range []string{"most 2020 targets", "for uniformed personnel", "have been met or surpassed",
		"we have yet to achieve our targets for women in formed contingents"} {
		if !strings.Contains(doc, words) {
			t.Errorf("the source does not say %q", words)
		}
	}
	en := briefingTargets["parity"][0]
	for _, words := range []string{"Most 2020 targets for uniformed personnel met or surpassed", "women in formed contingents"} {
		if !strings.Contains(en, words) {
			t.Errorf("headline %q lost the words %q", en, words)
		}
	}
}

// TestReadersHeadlines: the headline of a reader's file, of every shape, in both languages.
func TestReadersHeadlines(t *testing.T) {
	want := map[string][2]string{
		"upload-one-row":   {"5 in 2019", "5 en 2019"},
		"upload-two-rows":  {"4 in 2018 → 6 in 2019, +50% (our calculation)", "4 en 2018 → 6 en 2019, +50\u202f% (notre calcul)"},
		"upload-unchanged": {"4 in 2018 → 4 in 2019", "4 en 2018 → 4 en 2019"},
		"upload-from-zero": {"0 in 2018 → 5 in 2019", "0 en 2018 → 5 en 2019"},
		"upload-partial": {"10 in 2018 → 12 in 2019, +20% (our calculation); 3 so far in 2020, to 31 March",
			"10 en 2018 → 12 en 2019, +20\u202f% (notre calcul)\u202f; 3 en 2020, jusqu’au 31 mars"},
		"upload-partial-only":       {"3 so far in 2021", "3 en 2021 (année incomplète)"},
		"upload-quarters-and-years": {"9 in Q1 2018 → 12 in Q2 2018, +33% (our calculation)", "9 au T1\u00a02018 → 12 au T2\u00a02018, +33\u202f% (notre calcul)"},
		"upload-share":              {"40% in 2018 → 45.5% in 2019, +5.5 percentage points (our calculation)", "40\u202f% en 2018 → 45,5\u202f% en 2019, +5,5 points de pourcentage (notre calcul)"},
		"upload-pasted":             {"2 of 3 targets in your file met or surpassed", "2 objectifs sur 3 de votre fichier atteints ou dépassés"},
		"upload-ties":               {"2 of 3 targets in your file met or surpassed", "2 objectifs sur 3 de votre fichier atteints ou dépassés"},
		"upload-missing":            {"The one target in your file met or surpassed; no value for B; no target for A", "L’objectif de votre fichier est atteint ou dépassé\u202f; aucune valeur pour B\u202f; aucun objectif pour A"},
		"upload-no-targets":         {"No target in your file to compare with", "Aucun objectif à comparer dans votre fichier"},
		"upload-all-met":            {"All 2 targets in your file met or surpassed", "Les 2 objectifs de votre fichier sont atteints ou dépassés"},
		"upload-none-met":           {"None of the 2 targets in your file met", "Aucun des 2 objectifs de votre fichier n’est atteint"},
		"upload-one-target":         {"The one target in your file not met", "L’objectif de votre fichier n’est pas atteint"},
		"upload-parts-fr":           {"1 of 2 targets in your file met or surpassed", "1 objectif sur 2 de votre fichier atteint ou dépassé"},
		"upload-negative":           {"1 of 2 targets in your file met or surpassed", "1 objectif sur 2 de votre fichier atteint ou dépassé"},
		"upload-negative-series":    {"−5 in 2018 → 10 in 2019", "−5 en 2018 → 10 en 2019"},
	}
	for _, ds := range readersDatasets(t) {
		w, ok := want[ds.ID]
		if !ok {
			continue
		}
		for i, l := range []locale.Lang{locale.EN, locale.FR} {
			if got := Headline(ds, l); got != w[i] {
				t.Errorf("%s %s: got %q, want %q", ds.ID, l, got, w[i])
			}
		}
	}
}

// TestReadersLabels: a reader's file is titled, captioned and labelled with its own words.
func TestReadersLabels(t *testing.T) {
	b := briefing(t)
	ds, _, err := upload.Parse(upload.PastedName, []byte("category,value,Objectif\nA,5,4\nB,3,4\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []locale.Lang{locale.EN, locale.FR} {
		s := state.Reduce(state.Default(), state.SetLang{Lang: l})
		card, err := NewCard(b, ds, s, &Cache{}, WideLayout)
		if err != nil {
			t.Fatal(err)
		}
		wantTitle := map[locale.Lang]string{locale.EN: "Your figures", locale.FR: "Vos chiffres"}[l]
		if card.Title != wantTitle || card.Table.Caption != wantTitle {
			t.Errorf("%s: title %q caption %q, want %q", l, card.Title, card.Table.Caption, wantTitle)
		}
		var cols []string
		for _, c := range card.Table.Columns {
			cols = append(cols, c.Label)
		}
		if got := strings.Join(cols[:3], ","); got != "category,value,Objectif" {
			t.Errorf("%s: columns %q", l, got)
		}
		sp := Spec(ds, s, WideWidth)
		if sp.Percent || len(sp.Legend) != 1 || sp.Legend[0] != (chart.LegendLine{Key: chart.KeyTarget, Text: "Objectif"}) {
			t.Errorf("%s: percent %v legend %v", l, sp.Percent, sp.Legend)
		}
		if strings.Contains(card.Words.Targets, "2020") {
			t.Errorf("%s: targets control %q", l, card.Words.Targets)
		}
	}
}

// readSource is the document's text with its line breaks as spaces.
func readSource(t *testing.T) string {
	t.Helper()
	raw, err := os.ReadFile("../../data/source/S-2020-911.txt")
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(raw)), " ")
}

// TestFiguresOnePerSentence: a sentence that states several figures is listed once, with every
// figure marked; the chart row of a figure not given says what the source says instead.
func TestFiguresOnePerSentence(t *testing.T) {
	b := briefing(t)
	figs := Figures(b, dataset(t, b, "fatalities"), locale.EN)
	if len(figs) != 1 {
		t.Fatalf("fatalities: %d source sentences listed, want 1", len(figs))
	}
	var marks []string
	var whole strings.Builder
	for _, sg := range figs[0].Segments {
		whole.WriteString(sg.Text)
		if sg.Mark {
			marks = append(marks, sg.Text)
		}
	}
	if got := strings.Join(marks, "|"); got != "59 in 2017|27 in 2018|25 in 2019|eight, so far, in 2020" {
		t.Errorf("marks %q", got)
	}
	if whole.String() != b.Sources["lacroix-fatalities"].Quote {
		t.Errorf("segments do not make up the quote: %q", whole.String())
	}
	if figs[0].Label != "2017: 59 · 2018: 27 · 2019: 25 · 2020: 8" {
		t.Errorf("label %q", figs[0].Label)
	}
	parity := Figures(b, dataset(t, b, "parity"), locale.EN)
	for _, f := range parity {
		if len(f.Items) == 2 && strings.Contains(f.Label, "police") && f.Label != "Individual police officers in the field: 28.2% · Formed police units: 10.9%" {
			t.Errorf("police sentence label %q", f.Label)
		}
	}
	if len(parity) != 7 { // 9 rows, two sentences with two figures each
		t.Errorf("parity: %d sentences, want 7", len(parity))
	}
	for _, c := range []struct {
		l         locale.Lang
		variant   state.Variant
		row, want string
	}{
		{locale.EN, state.Bars, "Civilian staff at Headquarters in DPO and the shared regional structure", "parity reached, with some exceptions; no percentage given"},
		{locale.FR, state.Bars, "Personnel civil du Siège au DOP et dans la structure régionale commune", "parité atteinte, à quelques exceptions près\u00a0; aucun pourcentage n’est indiqué"},
		{locale.EN, state.Bars, "Formed military contingents", "target not yet achieved; no figure given"},
		{locale.EN, state.Gap, "Formed military contingents", "target not yet achieved; no figure given"},
	} {
		s := state.Reduce(state.Reduce(state.Default(), state.SetLang{Lang: c.l}), state.SetVariant{Dataset: "parity", Variant: c.variant})
		found := false
		for _, bar := range Spec(dataset(t, b, "parity"), s, WideWidth).Bars {
			if bar.Label == c.row {
				found = true
				if bar.MissingText != c.want {
					t.Errorf("%s %s %q: chart says %q, want %q", c.l, c.variant, c.row, bar.MissingText, c.want)
				}
			}
		}
		if !found {
			t.Errorf("%s: no row %q", c.l, c.row)
		}
	}
}

// TestKeyFiguresInTheSpeakersTerms: "nearly $1.5 billion", not "almost 1,500,000,000".
func TestKeyFiguresInTheSpeakersTerms(t *testing.T) {
	b := briefing(t)
	for _, c := range []struct {
		l    locale.Lang
		want string
	}{{locale.EN, "nearly $1.5 billion"}, {locale.FR, "près de 1,5 milliard de dollars"}} {
		list := KeyFigures(b, "", "", c.l)
		found := false
		for _, r := range list.Rows {
			if r.ID == "us-capacity-building" {
				found = true
				if r.Figure != c.want {
					t.Errorf("%s: %q, want %q", c.l, r.Figure, c.want)
				}
			}
		}
		if !found {
			t.Errorf("%s: no us-capacity-building", c.l)
		}
	}
	if k, _ := b.KeyFigure("us-capacity-building"); k.Figure != 1500000000 {
		t.Errorf("the exact value is gone from the data: %v", k.Figure)
	}
}
