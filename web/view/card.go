// Package view turns a dataset and the view state into what a reader sees: headline,
// chart specification, table, tooltips and sources, in the reader's language.
package view

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"briefing/data"
	"briefing/data/upload"
	"briefing/web/chart"
	"briefing/web/locale"
	"briefing/web/state"
)

// Widths are the widths in px a chart is laid out at on the page. A chart is shown at the
// widest of them that its box can hold (FitWidth), scaled up by less than the step to the
// next one (at most 1.2 times) and never down, so that its text is never smaller than it was
// laid out (12 px and up; see chart's metrics) in a 280 px phone, a 600 px intranet column or
// a 1,920 px embed alike. The prerendered page has every one of them and CSS container
// queries show the one that fits (style.css, generated from this list by ContainerCSS); the
// browser draws only that one, so the take-over shifts nothing.
var Widths = [...]int{240, 280, 320, 380, 440, 520, 600, 700, 820, 960, 1120, 1280}

// Named layouts: the desktop page's (and the default for images) and the phone's.
const (
	WideWidth   = 960
	NarrowWidth = 320
)

// FitWidth is the layout for a chart box w CSS px wide: the widest of Widths not wider than
// w, or the narrowest when the box is narrower still.
func FitWidth(w float64) int {
	fit := Widths[0]
	for _, x := range Widths {
		if float64(x) <= w {
			fit = x
		}
	}
	return fit
}

// Tip is the tooltip text of one bar.
type Tip struct {
	Label string // short label, e.g. "2017"
	Text  string // full sentence
}

// Card is one dataset as displayed.
type Card struct {
	ID         string
	Kind       data.Kind
	View       state.View
	Title      string
	Headline   string
	Summary    string // the chart's one-sentence text alternative
	HasTargets bool   // the dataset has targets, so a "targets" control is offered
	Upload     bool   // the reader's own data, with no source in the briefing
	Charted    bool   // false when the data cannot be charted (too many rows): table only
	Note       string // a message shown above the chart, e.g. why it is not charted
	// Charts are the card's chart at each width (Layouts), narrowest first.
	Charts     []Chart
	Tips       []Tip
	Table      Table
	Figures    []FigureSource
	SourceLine string
	Words      Words
	// Problem says the card could not be drawn (safeCard); ProblemHelp what the reader can
	// do, ProblemDetail the cause. The card then has no chart and no table.
	Problem, ProblemHelp, ProblemDetail string
}

// Layouts say which chart widths a card draws: the prerendered page has every one of Widths
// and lets CSS choose (AllLayouts); the browser knows its chart box and draws the one that
// fits it (a width from Widths), which is all a change then costs.
type Layouts int

const (
	AllLayouts   Layouts = 0
	WideLayout   Layouts = WideWidth
	NarrowLayout Layouts = NarrowWidth
)

// widths are the widths the layouts stand for.
func (l Layouts) widths() []int {
	if l == AllLayouts {
		return Widths[:]
	}
	return []int{int(l)}
}

// Chart is a card's chart at one width: drawn, or only named when the page already shows it
// (Cache.Shown), its Result then holding its Key and Width alone. Draw draws it then, should
// its markup ever be needed.
type Chart struct {
	chart.Result
	spec  chart.Spec
	cache *Cache // set when only named
}

// Draw is the chart drawn: the Result itself, or drawn through the cache when it was only
// named. A panic while drawing is an error, which the caller shows in the chart's box: the
// page was drawn from this very spec before, so it is not expected.
func (c Chart) Draw() (r chart.Result, err error) {
	if c.cache == nil {
		return c.Result, nil
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("drawing chart %s: %v", c.spec.ID, p)
		}
	}()
	return c.cache.Render(c.spec)
}

// Cards builds the card of every dataset for the state, rendering charts through the cache.
// Each card is built under its own recovery (safeCard): one dataset's trouble is a message in
// its card, never the loss of the others.
func Cards(b *data.Briefing, sets []data.Dataset, s state.State, c *Cache, layouts Layouts) []Card {
	cards := make([]Card, 0, len(sets))
	for _, ds := range sets {
		cards = append(cards, safeCard(b, ds, s, c, layouts))
	}
	return cards
}

// NewCard builds one dataset's card. Figures that do not fit a readable chart at this size
// are shown as a table with a note; any other error is the caller's to contain (safeCard).
func NewCard(b *data.Briefing, ds data.Dataset, s state.State, c *Cache, layouts Layouts) (Card, error) {
	l := s.Lang
	card := Card{
		ID:         ds.ID,
		Kind:       ds.Kind,
		View:       s.View(ds.ID),
		Title:      title(ds, l),
		Headline:   Headline(ds, l),
		Summary:    Summary(ds, l),
		HasTargets: hasTargets(ds),
		Upload:     upload.IsUpload(ds),
		Table:      NewTable(b, ds, s),
		Figures:    Figures(b, ds, l),
		SourceLine: SourceLine(b, ds, l),
		Words:      cardWords(ds, l),
	}
	if len(ds.Rows) > chart.MaxBars {
		card.Note = fmt.Sprintf(card.Words.TooManyBars, len(ds.Rows))
		return card, nil
	}
	for i, width := range layouts.widths() {
		sp := spec(ds, s, width, card.Summary)
		if i == 0 { // tooltips follow the bars drawn (a variant may filter them), at every width alike
			for _, b := range sp.Bars {
				card.Tips = append(card.Tips, Tip{Label: b.Label, Text: b.Tip})
			}
		}
		ch, err := c.chart(sp, card.Tips) // not drawn when the page shows it already
		if err != nil {
			return noRoomCard(card, l, len(ds.Rows), err)
		}
		card.Charts = append(card.Charts, ch)
	}
	card.Charted = true
	return card, nil
}

// noRoomCard is a card whose figures do not fit a readable chart at its size: a table with a
// note. Any other error is returned.
func noRoomCard(card Card, l locale.Lang, rows int, err error) (Card, error) {
	if noRoom(err) {
		card.Charts, card.Tips = nil, nil
		card.Note = noRoomNote(l, rows)
		return card, nil
	}
	return card, err
}

// cardWords are the interface's words, less what a reader's file does not say: its targets
// are not "2020 targets".
func cardWords(ds data.Dataset, l locale.Lang) Words {
	w := For(l)
	if upload.IsUpload(ds) {
		w.Targets = w.ShowTargets
	}
	return w
}

func hasTargets(ds data.Dataset) bool {
	for _, r := range ds.Rows {
		if r.HasTarget {
			return true
		}
	}
	return false
}

// Spec is the chart specification of a dataset at a width, in the dataset's current view.
func Spec(ds data.Dataset, s state.State, width int) chart.Spec {
	return spec(ds, s, width, Summary(ds, s.Lang))
}

// spec is Spec with the dataset's summary (its text alternative) already made: a card makes
// it once for all its widths.
func spec(ds data.Dataset, s state.State, width int, summary string) chart.Spec {
	l, v, w := s.Lang, s.View(ds.ID), For(s.Lang)
	theme, _ := chart.ThemeByName(string(s.Theme))
	sp := chart.Spec{
		ID:          ds.ID + "-" + strconv.Itoa(width),
		Title:       title(ds, l),
		Desc:        summary,
		ShowValues:  !v.NoValues,
		MissingText: w.NoFigure,
		Width:       width,
		Theme:       theme,
	}
	if ds.Kind == data.Targets {
		targetSpec(&sp, ds, v, l)
	} else {
		seriesSpec(&sp, ds, v, l, width)
	}
	return sp
}

func seriesSpec(sp *chart.Spec, ds data.Dataset, v state.View, l locale.Lang, width int) {
	sp.Shape = chart.Columns
	if v.Variant == state.Line {
		sp.Shape = chart.Lines
	}
	sp.Height = 400
	if width < WideWidth {
		sp.Height = 320
	}
	sp.Tick = func(x float64) string { return l.Number(x, 0) }
	for _, r := range ds.Rows {
		sp.Bars = append(sp.Bars, bar(ds, r, l))
		if r.Partial {
			sp.Legend = append(sp.Legend, chart.LegendLine{Key: chart.KeyPartial, Text: partialLegend(ds, r, l)})
		}
	}
}

// partialLegend explains a partial period under the chart: "2020: to 14 September (partial
// year)"; it starts with the period's label, which the chart keys with the partial mark.
func partialLegend(ds data.Dataset, r data.Row, l locale.Lang) string {
	p, what := phrases[langIndex(l)], periodWords[langIndex(l)][periodKind(r.Key)][0]
	if r.AsOf == "" {
		return fill(p.partialLegend, rowLabel(ds, r, l), what)
	}
	return fill(p.partialLegendDate, rowLabel(ds, r, l), partialUntil(l, r.AsOf), what)
}

func targetSpec(sp *chart.Spec, ds data.Dataset, v state.View, l locale.Lang) {
	w := For(l)
	file := upload.IsUpload(ds)
	sp.Shape, sp.Percent = chart.Rows, percentValues(&ds)
	if !file {
		sp.GroupLabels = map[string]string{"uniformed": w.Uniformed, "civilian": w.Civilian}
	}
	if v.Variant == state.Gap {
		sp.Signed = true
		sp.Percent = false
		pts := percentValues(&ds)
		sp.Tick = func(x float64) string { return signedGap(l, x, 0, pts) }
		switch {
		case !file:
			sp.Legend = append(sp.Legend, chart.LegendLine{Text: w.GapLegend})
		case pts:
			sp.Legend = append(sp.Legend, chart.LegendLine{Text: strings.Replace(w.GapLegend, " 2020", "", 1)})
		default:
			sp.Legend = append(sp.Legend, chart.LegendLine{Text: w.FileGapLegend})
		}
		for _, r := range ds.Rows {
			if r.HasValue && r.HasTarget || r.Group != "civilian" {
				sp.Bars = append(sp.Bars, gapBar(ds, r, l))
			}
		}
		return
	}
	sp.ShowTargets = !v.NoTargets
	sp.Tick = func(x float64) string { return l.Number(x, 0) }
	if sp.Percent {
		sp.Tick = func(x float64) string { return l.Percent(strconv.FormatFloat(x, 'f', -1, 64)) }
	}
	if sp.ShowTargets && hasTargets(ds) {
		if file {
			sp.Legend = append(sp.Legend, chart.LegendLine{Key: chart.KeyTarget, Text: upperFirst(targetLabel(ds, l))})
		} else {
			sp.Legend = append(sp.Legend, chart.LegendLine{Key: chart.KeyTarget, Text: w.Target})
		}
	}
	if ds.ID == "parity" && !file && sp.Percent {
		// the briefing's subject is gender parity: the line every share is read against
		sp.Reference, sp.ReferenceText = 50, w.ParityLine+l.Colon()+l.Percent("50")
	}
	for _, r := range ds.Rows {
		sp.Bars = append(sp.Bars, bar(ds, r, l))
	}
}

func bar(ds data.Dataset, r data.Row, l locale.Lang) chart.Bar {
	b := chart.Bar{
		Label:     rowLabel(ds, r, l),
		Value:     r.Value,
		HasValue:  r.HasValue,
		ValueText: valueText(ds, r, l),
		Target:    r.Target,
		HasTarget: r.HasTarget,
		Partial:   r.Partial,
		Tip:       tip(ds, r, l),
		Group:     r.Group,
	}
	if r.HasTarget {
		// read after the value on the chart: "22.6%, target 17%"
		b.TargetText = fmt.Sprintf(For(l).TargetOf, targetAmount(ds, r, l))
	}
	if !r.HasValue {
		b.MissingText = missingText(ds, r, l)
	}
	return b
}

// missingText is what a chart row says where there is no figure: the source's words if it
// gives some ("parity reached, with some exceptions"), else "no figure given" ("no value"
// for a reader's file).
func missingText(ds data.Dataset, r data.Row, l locale.Lang) string {
	w := For(l)
	switch {
	case sourceWords(ds, r, l) != "":
		return sourceWords(ds, r, l)
	case upload.IsUpload(ds):
		return w.NoValue
	case r.Group == "uniformed":
		return w.NotMetNoFigure
	}
	return w.NoFigure
}

// gapBar is a row of the gap-to-target variant: value minus target in percentage points.
func gapBar(ds data.Dataset, r data.Row, l locale.Lang) chart.Bar {
	b := chart.Bar{Label: rowLabel(ds, r, l), Tip: tip(ds, r, l), Group: r.Group}
	if !r.HasValue {
		b.MissingText = missingText(ds, r, l)
		return b
	}
	if !r.HasTarget {
		b.MissingText = For(l).NoFigure
		if upload.IsUpload(ds) {
			b.MissingText = For(l).NoTargetFor
		}
		return b
	}
	gap, dec := Gap(r)
	b.Value, b.HasValue = gap, true
	b.ValueText = signedGap(l, gap, dec, percentValues(&ds))
	return b
}

// Gap is a row's value minus its target, with the decimals of the more precise of the two,
// so 22.6 − 17 is 5.6 and not 5.600000000000001.
func Gap(r data.Row) (float64, int) {
	dec := max(decimals(r.ValueText), decimals(r.TargetText))
	g, _ := strconv.ParseFloat(strconv.FormatFloat(r.Value-r.Target, 'f', dec, 64), 64)
	return g, dec
}

func decimals(s string) int {
	if _, frac, ok := strings.Cut(s, "."); ok {
		return len(frac)
	}
	return 0
}

func signedPoints(l locale.Lang, v float64, dec int) string { return signedGap(l, v, dec, true) }

// signedGap is a gap to target with its sign: "+5.6 pp" between percentages, "+3" otherwise.
func signedGap(l locale.Lang, v float64, dec int, points bool) string {
	s := l.Number(v, dec)
	if v > 0 {
		s = "+" + s
	}
	if !points {
		return s
	}
	return s + "\u00a0" + For(l).PP
}

// targetLabel names a dataset's targets: a reader's file by its own header ("objective"),
// the briefing's as the interface does ("Target 2020").
func targetLabel(ds data.Dataset, l locale.Lang) string {
	if upload.IsUpload(ds) && ds.TargetLabel != "" {
		return ds.TargetLabel
	}
	return For(l).TargetCol
}

// Title is a dataset's title in a language (a reader's file has the same in both).
func Title(ds data.Dataset, l locale.Lang) string { return title(ds, l) }

func title(ds data.Dataset, l locale.Lang) string {
	if l == locale.FR && ds.TitleFR != "" {
		return ds.TitleFR
	}
	return ds.Title
}

func unit(ds data.Dataset, l locale.Lang) string {
	if l == locale.FR && ds.UnitFR != "" {
		return ds.UnitFR
	}
	return ds.Unit
}

func rowLabel(ds data.Dataset, r data.Row, l locale.Lang) string {
	if ds.Kind == data.Series {
		return l.Period(r.Key)
	}
	if l == locale.FR && r.LabelFR != "" {
		return r.LabelFR
	}
	return r.Key
}

func valueText(ds data.Dataset, r data.Row, l locale.Lang) string {
	if !r.HasValue {
		return ""
	}
	return amount(ds, r, l)
}

func note(r data.Row, l locale.Lang) string {
	if l == locale.FR && r.NoteFR != "" {
		return r.NoteFR
	}
	return r.Note
}

// pageText is "5", or "8–9" where the source text cannot tell which of two pages.
func pageText(src data.Source) string {
	first, last := src.PageRange()
	if first == last {
		return strconv.Itoa(first)
	}
	return strconv.Itoa(first) + "–" + strconv.Itoa(last)
}

// SourceLine names document, annex, pages, speaker and date of a dataset's figures.
func SourceLine(b *data.Briefing, ds data.Dataset, l locale.Lang) string {
	w := For(l)
	var first data.Source
	pages := map[string]bool{}
	for _, r := range ds.Rows {
		src, ok := b.Sources[r.SourceID]
		if !ok {
			continue
		}
		if first.ID == "" {
			first = src
		}
		pages[pageText(src)] = true
	}
	if first.ID == "" {
		return w.NoSource
	}
	var ps []string
	for p := range pages {
		ps = append(ps, p)
	}
	sort.Strings(ps)
	pageWord := w.Page
	if len(ps) > 1 || strings.Contains(ps[0], "–") {
		pageWord = w.Pages
	}
	return fmt.Sprintf("%s%s%s, %s, %s %s — %s, %s %s", w.Source, l.Colon(), first.Document, annex(first, l),
		pageWord, strings.Join(ps, ", "), speaker(first, l), w.Briefing, l.Date(first.Date))
}

// ShortSource is the source line of a slide: document, annex, pages, speaker's name, date.
func ShortSource(b *data.Briefing, ds data.Dataset, l locale.Lang) string {
	full := SourceLine(b, ds, l)
	for _, r := range ds.Rows {
		if src, ok := b.Sources[r.SourceID]; ok {
			name, _, _ := strings.Cut(src.Speaker, ",")
			return strings.Replace(full, speaker(src, l), name, 1)
		}
	}
	return full
}
