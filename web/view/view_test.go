package view

import (
	"reflect"
	"strings"
	"testing"

	"briefing/data"
	"briefing/web/chart"
	"briefing/web/locale"
	"briefing/web/state"
)

func briefing(t *testing.T) *data.Briefing {
	t.Helper()
	b, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func dataset(t *testing.T, b *data.Briefing, id string) data.Dataset {
	t.Helper()
	ds, ok := b.Dataset(id)
	if !ok {
		t.Fatalf("no dataset %s", id)
	}
	return ds
}

func TestHeadlines(t *testing.T) {
	b := briefing(t)
	cases := []struct {
		id   string
		lang locale.Lang
		want string
	}{
		{"fatalities", locale.EN, "59 in 2017 → 25 in 2019, −58% (our calculation); 8 so far in 2020, to 14 September"},
		{"fatalities", locale.FR, "59 en 2017 → 25 en 2019, −58\u202f% (notre calcul)\u202f; 8 en 2020, jusqu’au 14 septembre"},
		{"coe-gaps", locale.EN, "23 in Q4 2018 → 18 in Q1 2020, −22% (our calculation)"},
		{"coe-gaps", locale.FR, "23 au T4\u00a02018 → 18 au T1\u00a02020, −22\u202f% (notre calcul)"},
		{"parity", locale.EN, "Most 2020 targets for uniformed personnel met or surpassed, the briefing says; not yet those for women in formed contingents"},
		{"parity", locale.FR, "La plupart des objectifs 2020 du personnel en tenue atteints ou dépassés, selon l’exposé\u202f; pas encore ceux des contingents constitués"},
	}
	for _, c := range cases {
		if got := Headline(dataset(t, b, c.id), c.lang); got != c.want {
			t.Errorf("%s %s headline: got %q, want %q", c.id, c.lang, got, c.want)
		}
	}
}

func TestSummaries(t *testing.T) {
	b := briefing(t)
	cases := []struct {
		id   string
		lang locale.Lang
		want string
	}{
		{"fatalities", locale.EN, "Peacekeeper fatalities from acts of violence fell by 58% (our calculation) from 59 in 2017 to 25 in 2019; 8 in 2020, a partial year (to 14 September), not compared with full years."},
		{"coe-gaps", locale.EN, "fell by 22% (our calculation) from 23 in Q4 2018 to 18 in Q1 2020."},
		{"parity", locale.EN, ": most 2020 targets for uniformed personnel met or surpassed, the briefing says; not yet those for women in formed contingents. Among uniformed personnel, women’s share ranged from 10.9% (formed police units, target 10%) to 29.6% (deployed justice and corrections personnel, target 27%); no figure given for formed military contingents."},
		{"fatalities", locale.FR, "\u202f: baisse de 58\u202f% (notre calcul), de 59 en 2017 à 25 en 2019\u202f; 8 en 2020, année incomplète (jusqu’au 14 septembre), non comparée aux années complètes."},
	}
	for _, c := range cases {
		if got := Summary(dataset(t, b, c.id), c.lang); !strings.HasSuffix(got, c.want) {
			t.Errorf("%s %s summary: got %q, want it to end with %q", c.id, c.lang, got, c.want)
		}
	}
}

func TestChangeOf(t *testing.T) {
	// The change runs between full years only: 2017 to 2019, not into the partial 2020.
	c, ok := ChangeOf(dataset(t, briefing(t), "fatalities"))
	if !ok || c.From.Key != "2017" || c.To.Key != "2019" || c.Abs != -34 || c.Pct != -58 || c.To.Partial {
		t.Errorf("fatalities change: %+v", c)
	}
	// Like with like: a year is not compared with a quarter.
	mixed := data.Dataset{Rows: []data.Row{{Key: "2017", HasValue: true, Value: 4}, {Key: "2018-Q1", HasValue: true, Value: 1}}}
	if c, ok := ChangeOf(mixed); ok {
		t.Errorf("a year compared with a quarter: %+v", c)
	}
	if _, ok := ChangeOf(data.Dataset{Rows: []data.Row{{HasValue: true, Value: 1}}}); ok {
		t.Error("a single value has no change")
	}
}

func TestTipsAndSource(t *testing.T) {
	b := briefing(t)
	card, err := NewCard(b, dataset(t, b, "parity"), state.Default(), &Cache{}, AllLayouts)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]string{
		0: "Military professional posts at Headquarters: 22.6% women, target 17% (June 2020)",
		5: "Formed military contingents: no figure given (Target not yet achieved; no figure given.",
	}
	for i, w := range want {
		if !strings.HasPrefix(card.Tips[i].Text, w) {
			t.Errorf("tip %d: got %q, want prefix %q", i, card.Tips[i].Text, w)
		}
	}
	if !strings.Contains(card.SourceLine, "S/2020/911, Annex I, p. 5") || !strings.Contains(card.SourceLine, "Jean-Pierre Lacroix") {
		t.Errorf("source line: %q", card.SourceLine)
	}
	if len(card.Charts) != len(Widths) {
		t.Fatalf("the prerendered card has %d layouts, want one per width (%d)", len(card.Charts), len(Widths))
	}
	for i, r := range card.Charts {
		if r.Width != Widths[i] || len(r.Hits) != len(card.Tips) {
			t.Errorf("layout %d: width %d, %d hits for %d tips", i, r.Width, len(r.Hits), len(card.Tips))
		}
	}
}

// TestFitWidth: a chart box gets the widest layout it holds, so the chart is never shown
// smaller than it was laid out; below the narrowest, the narrowest.
func TestFitWidth(t *testing.T) {
	for _, tc := range []struct {
		box  float64
		want int
	}{{100, 240}, {239.9, 240}, {240, 240}, {279.99, 240}, {320, 320}, {341, 320}, {534, 520},
		{678, 600}, {934, 820}, {970, 960}, {1279, 1120}, {1280, 1280}, {1902, 1280}} {
		if got := FitWidth(tc.box); got != tc.want {
			t.Errorf("FitWidth(%v) = %d, want %d", tc.box, got, tc.want)
		}
	}
	for i := 1; i < len(Widths); i++ {
		if r := float64(Widths[i]) / float64(Widths[i-1]); Widths[i] <= Widths[i-1] || r > 1.2 {
			t.Errorf("widths %d → %d: must grow, by at most 1.2 times (a chart is scaled up to just under the next)", Widths[i-1], Widths[i])
		}
	}
}

func TestTargetsOption(t *testing.T) {
	b := briefing(t)
	ds := dataset(t, b, "parity")
	s := state.Default()
	on := Spec(ds, s, WideWidth)
	off := Spec(ds, state.Reduce(s, state.SetTargets{Dataset: "parity", On: false}), WideWidth)
	if !on.ShowTargets || off.ShowTargets || len(on.Legend) == len(off.Legend) {
		t.Errorf("targets option not reflected: on %v %v, off %v %v", on.ShowTargets, on.Legend, off.ShowTargets, off.Legend)
	}
	if Key(on) == Key(off) {
		t.Error("cache key ignores the targets option")
	}
}

func TestCacheRendersOnce(t *testing.T) {
	b := briefing(t)
	c := &Cache{}
	for i := 0; i < 3; i++ {
		mustCards(t, Cards(b, b.Datasets, state.Default(), c, AllLayouts))
	}
	if want := 3 * len(Widths); c.Len() != want { // three datasets, every layout
		t.Errorf("cache holds %d charts after three identical renders, want %d", c.Len(), want)
	}
}

func BenchmarkCardsCached(b *testing.B) {
	br, _ := data.Load()
	c := &Cache{}
	s := state.Default()
	for i := 0; i < b.N; i++ {
		mustCards(b, Cards(br, br.Datasets, s, c, AllLayouts))
	}
}

func TestWarmFillsTheNextCharts(t *testing.T) {
	b := briefing(t)
	c := &Cache{}
	s := state.Default()
	mustCards(t, Cards(b, b.Datasets, s, c, WideLayout))
	pauses := 0
	n := Warm(b.Datasets, s, c, WideLayout, func() { pauses++ })
	// per dataset: values off, other chart type (+ targets off for parity), at the page's width
	if n != 2+2+3 || pauses != n {
		t.Errorf("warmed %d charts with %d pauses, want 7", n, pauses)
	}
	next := state.Reduce(s, state.SetTargets{Dataset: "parity", On: false})
	if !c.Has(Spec(dataset(t, b, "parity"), next, WideWidth)) {
		t.Error("switching the parity targets off would not find its chart ready")
	}
	if Warm(b.Datasets, s, c, WideLayout, func() {}) != 0 {
		t.Error("a second warm-up should find everything cached")
	}
}

func BenchmarkWarm(b *testing.B) {
	br, _ := data.Load()
	for i := 0; i < b.N; i++ {
		Warm(br.Datasets, state.Default(), &Cache{}, AllLayouts, func() {})
	}
}

func TestSlides(t *testing.T) {
	b := briefing(t)
	slides := Slides(b, b.Datasets, state.Default(), &Cache{}, nil)
	for _, sl := range slides {
		if sl.Problem != "" {
			t.Fatalf("slide %s: %s", sl.ID, sl.Problem)
		}
	}
	var kinds []string
	for _, s := range slides {
		kinds = append(kinds, string(s.Kind)+":"+s.ID)
	}
	want := "title: dataset:fatalities dataset:coe-gaps dataset:parity-uniformed dataset:parity-civilian key: sources:"
	if got := strings.Join(kinds, " "); got != want {
		t.Errorf("slides %s, want %s", got, want)
	}
	if SlideCount(b, b.Datasets) != len(slides) {
		t.Errorf("SlideCount %d for %d slides", SlideCount(b, b.Datasets), len(slides))
	}
	if got := slides[1].Takeaway; got != "Fell by 58% (our calculation) from 59 in 2017 to 25 in 2019; 8 in 2020, a partial year (to 14 September), not compared with full years." {
		t.Errorf("takeaway %q", got)
	}
	if got := slides[4].Headline; !strings.Contains(got, "Civilian staff in the field: 22%") {
		t.Errorf("civilian headline %q", got)
	}
	if n := strings.Count(slides[3].Chart.SVG, `class="bar bar-`); n != 6 || len(slides[3].Chart.Hits) != 6 {
		t.Errorf("uniformed slide has %d bars, want the 6 uniformed categories", n)
	}
}

// TestKeyCoversEverySpecField guards the cache: a Spec field missing from Key would serve a
// stale chart after that field changes.
func TestKeyCoversEverySpecField(t *testing.T) {
	base := Spec(dataset(t, briefing(t), "parity"), state.Default(), WideWidth)
	v := reflect.ValueOf(&base).Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		changed := base
		cv := reflect.ValueOf(&changed).Elem().Field(i)
		switch f.Name {
		case "Tick":
			changed.Tick = func(float64) string { return "x" }
		case "Theme":
			changed.Theme.Name, changed.Theme.TextScale = "other", 3
		case "Bars":
			changed.Bars = append([]chart.Bar(nil), base.Bars...)
			changed.Bars[0].Value++
		case "Legend":
			changed.Legend = append(changed.Legend, chart.LegendLine{Text: "x"})
		case "GroupLabels":
			changed.GroupLabels = map[string]string{"x": "y"}
		default:
			switch cv.Kind() {
			case reflect.String:
				cv.SetString(cv.String() + "x")
			case reflect.Bool:
				cv.SetBool(!cv.Bool())
			case reflect.Int:
				cv.SetInt(cv.Int() + 1)
			case reflect.Float64:
				cv.SetFloat(cv.Float() + 0.1)
			default:
				t.Fatalf("add field %s (%s) to this test and to Key", f.Name, cv.Kind())
			}
		}
		if Key(changed) == Key(base) {
			t.Errorf("Key ignores Spec.%s", f.Name)
		}
	}
	// and every field of a bar
	bv := reflect.ValueOf(&base.Bars[0]).Elem()
	for i := 0; i < bv.NumField(); i++ {
		changed := base
		changed.Bars = append([]chart.Bar(nil), base.Bars...)
		f := reflect.ValueOf(&changed.Bars[0]).Elem().Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString(f.String() + "x")
		case reflect.Bool:
			f.SetBool(!f.Bool())
		case reflect.Float64:
			f.SetFloat(f.Float() + 0.5)
		default:
			t.Fatalf("add Bar.%s to this test and to Key", bv.Type().Field(i).Name)
		}
		if Key(changed) == Key(base) {
			t.Errorf("Key ignores Bar.%s", bv.Type().Field(i).Name)
		}
	}
}

func BenchmarkKey(b *testing.B) {
	br, _ := data.Load()
	ds, _ := br.Dataset("parity")
	sp := Spec(ds, state.Default(), WideWidth)
	for i := 0; i < b.N; i++ {
		Key(sp)
	}
}

// TestSourcesInFrench: the French interface names speakers with their French titles and the
// document's annexes as its French version does; the quotes stay verbatim (English).
func TestSourcesInFrench(t *testing.T) {
	b := briefing(t)
	fr := state.Reduce(state.Default(), state.SetLang{Lang: locale.FR})
	ds := dataset(t, b, "fatalities")
	want := "Source\u202f: S/2020/911, annexe I, p. 5 — Jean-Pierre Lacroix, Secrétaire général adjoint aux opérations de paix, exposé du 14 septembre 2020"
	if got := SourceLine(b, ds, fr.Lang); got != want {
		t.Errorf("French source line:\n got %q\nwant %q", got, want)
	}
	if got := ShortSource(b, ds, fr.Lang); strings.Contains(got, "Secrétaire") || !strings.Contains(got, "— Jean-Pierre Lacroix, exposé") {
		t.Errorf("French slide source: %q", got)
	}
	for _, f := range Figures(b, ds, fr.Lang) {
		if !strings.Contains(f.Speaker, "Secrétaire général adjoint") || !strings.Contains(f.Cite, "annexe I") {
			t.Errorf("French figure source: %q / %q", f.Speaker, f.Cite)
		}
	}
	list := KeyFigures(b, "PCRS", "", locale.FR)
	if len(list.Rows) != 1 || list.Rows[0].Speaker != "Cherith Norman-Chalet, Représentante permanente adjointe des États-Unis" ||
		!strings.Contains(list.Rows[0].Cite, "annexe IX") {
		t.Errorf("French key figure: %+v", list.Rows)
	}
	if en := KeyFigures(b, "PCRS", "", locale.EN); en.Rows[0].Speaker != "Cherith Norman-Chalet, Deputy Permanent Representative of the United States" {
		t.Errorf("English key figure speaker: %q", en.Rows[0].Speaker)
	}
	// Every source has its French form, with the same name before the title.
	for id, s := range b.Sources {
		name, _, _ := strings.Cut(s.Speaker, ",")
		if !strings.HasPrefix(s.SpeakerFR, name+", ") {
			t.Errorf("source %s: speaker_fr %q does not start with %q", id, s.SpeakerFR, name)
		}
	}
}

// mustCards fails when any card of the briefing's own data could not be drawn.
func mustCards(t testing.TB, cards []Card) []Card {
	t.Helper()
	for _, c := range cards {
		if c.Problem != "" {
			t.Fatalf("card %s: %s (%s)", c.ID, c.Problem, c.ProblemDetail)
		}
	}
	return cards
}

// TestSlideAreaOf: a slide's chart room is measured in slide units, which follow the deck's
// font: on a 1920×1080 screen a unit is a pixel; on a 1280×720 one, 1.5 px become a unit; a
// phone held upright (smaller font) gets more units per pixel, so its chart text stays in
// proportion to the slide's.
func TestSlideAreaOf(t *testing.T) {
	for _, tc := range []struct {
		w, h, font float64
		want       SlideArea
	}{
		{1728, 600, SlideFont, SlideArea{1720, 600}},
		{1152, 400, SlideFont * 720 / 1080, SlideArea{1720, 600}},
		{337, 300, 375 * 0.011 * 2.8, SlideArea{880, 780}},
		{100, 50, SlideFont, SlideArea{160, 100}}, // never below what a chart can be laid out at
		{0, 600, SlideFont, SlideArea{}},
	} {
		if got := SlideAreaOf(tc.w, tc.h, tc.font); got != tc.want {
			t.Errorf("SlideAreaOf(%v, %v, %v) = %v, want %v", tc.w, tc.h, tc.font, got, tc.want)
		}
	}
}

// TestKeySlideNamesItsSpeakerOnce: the key figures of the briefing are all the Under-
// Secretary-General's: the slide names him once, not under each of its six figures.
func TestKeySlideNamesItsSpeakerOnce(t *testing.T) {
	b := briefing(t)
	for _, sl := range Slides(b, b.Datasets, state.Default(), &Cache{}, nil) {
		if sl.Kind != KeySlide {
			continue
		}
		if !strings.Contains(sl.Subtitle, "Jean-Pierre Lacroix") {
			t.Errorf("key slide's speaker line: %q", sl.Subtitle)
		}
		for _, it := range sl.Items {
			if it.Small != "" {
				t.Errorf("item %q repeats its speaker: %q", it.Big, it.Small)
			}
		}
		return
	}
	t.Fatal("no key-figures slide")
}

// BenchmarkRelayout is what a resize costs the page natively, per chart: the cards of every
// briefing dataset laid out at a width not drawn before (cold: each chart drawn), and at one
// drawn before (cached: resizing back). The browser's cost is in ./build.sh bench.
func BenchmarkRelayout(b *testing.B) {
	br, err := data.Load()
	if err != nil {
		b.Fatal(err)
	}
	s := state.Default()
	charts := float64(len(br.Datasets))
	b.Run("cold", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			mustCards(b, Cards(br, br.Datasets, s, &Cache{}, Layouts(Widths[i%len(Widths)])))
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/charts, "ns/chart")
	})
	b.Run("cached", func(b *testing.B) {
		c := &Cache{}
		for _, w := range Widths {
			mustCards(b, Cards(br, br.Datasets, s, c, Layouts(w)))
		}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			mustCards(b, Cards(br, br.Datasets, s, c, Layouts(Widths[i%len(Widths)])))
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/charts, "ns/chart")
	})
}

// TestNamedChartIsDrawnWhenAsked: a chart the page already shows (Cache.Shown) is named, not
// drawn, by NewCard; Draw then draws it as NewCard would have, through the cache. A spec that
// cannot be drawn is Draw's error, not a panic in the caller.
func TestNamedChartIsDrawnWhenAsked(t *testing.T) {
	b := briefing(t)
	ds := dataset(t, b, "parity")
	s := state.Default()
	drawn, err := NewCard(b, ds, s, &Cache{}, WideLayout)
	if err != nil || len(drawn.Charts) != 1 {
		t.Fatalf("drawn card: %v, %d charts", err, len(drawn.Charts))
	}
	var asked []string
	c := &Cache{Shown: func(key string, tips []Tip) bool {
		asked = append(asked, key)
		return len(tips) == len(drawn.Tips)
	}}
	named, err := NewCard(b, ds, s, c, WideLayout)
	if err != nil || len(named.Charts) != 1 {
		t.Fatalf("named card: %v, %d charts", err, len(named.Charts))
	}
	ch := named.Charts[0]
	if c.Len() != 0 || ch.SVG != "" {
		t.Fatalf("a chart the page shows was drawn: %d in the cache", c.Len())
	}
	if len(asked) != 1 || asked[0] != drawn.Charts[0].Key || ch.Key != drawn.Charts[0].Key || ch.Width != WideWidth {
		t.Errorf("named %q at %d (asked %q), want the drawn chart's key %q at %d", ch.Key, ch.Width, asked, drawn.Charts[0].Key, WideWidth)
	}
	r, err := ch.Draw()
	if err != nil || r.SVG != drawn.Charts[0].SVG || !reflect.DeepEqual(r.Hits, drawn.Charts[0].Hits) {
		t.Errorf("Draw: %v; the same chart as drawn at once: %v", err, r.SVG == drawn.Charts[0].SVG)
	}
	if c.Len() != 1 {
		t.Errorf("Draw left %d charts in the cache, want 1", c.Len())
	}
	bad := Chart{spec: chart.Spec{ID: "bad", Width: 10}, cache: &Cache{}}
	if _, err := bad.Draw(); err == nil {
		t.Error("a spec that cannot be drawn: no error")
	}
	if d, err := (Chart{Result: drawn.Charts[0].Result}).Draw(); err != nil || d.SVG != drawn.Charts[0].SVG {
		t.Errorf("a drawn chart's Draw: %v", err)
	}
}
