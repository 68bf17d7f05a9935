package view

import (
	"strconv"

	"briefing/data"
	"briefing/web/chart"
	"briefing/web/locale"
	"briefing/web/state"
)

// Slide charts are laid out in slide units: CSS px of a screen 1080 px tall (SlideUnits), with
// text scaled so that its smallest is over 28 units, readable from the back of a room; the
// slide shows them scaled to the screen, so every projector gets text in proportion. The
// browser measures the space each slide leaves between its headline and its takeaway (a
// SlideArea) and the chart is laid out to fill it; until then, and in tests, a chart gets the
// default area of a 1920×1080 screen with two-line texts.
const (
	SlideUnits      = 1080
	SlideWidth      = 1700
	SlideHeight     = 560 // columns and lines
	SlideRowsHeight = 480 // rows: drawn compact when they need more, taller only if still too tall
	slideTextScale  = 2.1
	maxTakeawayRows = 3 // categories named in a one-line takeaway
)

// SlideArea is the room a slide has for its chart, in slide units.
type SlideArea struct{ W, H int }

// SlideFont is the slides' base font size in slide units: 2.8 % of the screen's height
// (present.css), which a phone held upright lowers.
const SlideFont = 0.028 * SlideUnits

// SlideAreaOf is the area of a chart box w×h CSS px in slides whose base font size is font
// CSS px, in slide units rounded down to a multiple of 10, so that a pixel's difference draws
// nothing anew. The chart's text thus keeps its proportion to the slide's. A zero area (a
// slide not laid out) is the default one.
func SlideAreaOf(w, h, font float64) SlideArea {
	if w <= 0 || h <= 0 || font <= 0 {
		return SlideArea{}
	}
	unit := func(x float64) int { return int(x*SlideFont/font) / 10 * 10 }
	return SlideArea{W: max(unit(w), chart.MinWidth), H: max(unit(h), 100)}
}

// SlideKind says what a slide shows.
type SlideKind string

const (
	TitleSlide   SlideKind = "title"
	DatasetSlide SlideKind = "dataset"
	KeySlide     SlideKind = "key"
	SourcesSlide SlideKind = "sources"
)

// Slide is one screen of the presentation.
type Slide struct {
	Kind     SlideKind
	ID       string // dataset id for dataset slides
	Title    string
	Subtitle string
	Headline string
	Takeaway string // one sentence generated from the data
	Chart    chart.Result
	Tips     []Tip
	Source   string
	Items    []SlideItem // key figures or source lines
	Problem  string      // why the slide has no chart (safeSlide)
}

// SlideItem is one figure or source on a list slide.
type SlideItem struct{ Big, Text, Small string }

// maxKeySlideItems keeps the key-figures slide readable from the back of a room.
const maxKeySlideItems = 6

// Slides builds the presentation: a title slide, one slide per dataset, the key figures and
// the sources.
// areas[i] is the room the i-th slide has for its chart (missing or zero: the default).
func Slides(b *data.Briefing, sets []data.Dataset, s state.State, c *Cache, areas []SlideArea) []Slide {
	w := For(s.Lang)
	slides := []Slide{{Kind: TitleSlide, Title: w.Title, Subtitle: w.SlideSubtitle, Source: w.Kicker}}
	var sources []SlideItem
	for _, ds := range sets {
		for _, group := range groups(ds) {
			var area SlideArea
			if len(slides) < len(areas) {
				area = areas[len(slides)]
			}
			slides = append(slides, safeSlide(b, ds, group, s, c, area))
		}
		sources = append(sources, SlideItem{Text: title(ds, s.Lang), Small: SourceLine(b, ds, s.Lang)})
	}
	if len(b.KeyFigures) > 0 {
		items := keyItems(b, s.Lang)
		slides = append(slides, Slide{Kind: KeySlide, Title: w.KeyFigures, Items: items, Subtitle: oneSpeaker(items)})
	}
	slides = append(slides, Slide{Kind: SourcesSlide, Title: w.Sources, Subtitle: w.QuoteNote, Items: sources})
	return slides
}

// groups splits a dataset with row groups (parity: uniformed, civilian) into one slide per
// group, so that each chart has few enough rows to be read from the back of a room.
func groups(ds data.Dataset) []string {
	var gs []string
	for _, r := range ds.Rows {
		if len(gs) == 0 || gs[len(gs)-1] != r.Group {
			gs = append(gs, r.Group)
		}
	}
	if len(gs) <= 1 {
		return []string{""}
	}
	return gs
}

func datasetSlide(b *data.Briefing, ds data.Dataset, group string, s state.State, c *Cache, area SlideArea) (Slide, error) {
	l := s.Lang
	sl := Slide{Kind: DatasetSlide, ID: ds.ID, Title: title(ds, l), Headline: Headline(ds, l),
		Takeaway: Takeaway(ds, l), Source: ShortSource(b, ds, l)}
	if group != "" {
		sl.ID += "-" + group
		sl.Subtitle = For(l).groupLabel(group)
		sl.Headline, sl.Takeaway = groupHeadline(ds, group, l), groupTakeaway(ds, group, l)
	}
	sp := SlideSpec(ds, group, s, area)
	for _, bar := range sp.Bars {
		sl.Tips = append(sl.Tips, Tip{Label: bar.Label, Text: bar.Tip})
	}
	var err error
	sl.Chart, err = c.Render(sp)
	return sl, err // safeSlide turns trouble into a note on this slide
}

// SlideSpec is a dataset's chart for a slide, in the view's variant, drawn for the big
// screen to fill area (zero: the default); group, if not "", keeps that group's rows only.
func SlideSpec(ds data.Dataset, group string, s state.State, area SlideArea) chart.Spec {
	w := SlideWidth
	if area.W > 0 {
		w = area.W
	}
	sp := Spec(ds, s, w)
	sp.ID = ds.ID + "-slide"
	sp.Theme.TextScale = max(sp.Theme.TextScale, 1) * slideTextScale
	sp.LabelShare = 0.55
	sp.Height = SlideHeight
	if sp.Shape == chart.Rows {
		sp.Height = SlideRowsHeight
	}
	if area.H > 0 {
		sp.Height = area.H
	}
	if group == "" {
		return sp
	}
	sp.ID += "-" + group
	sp.GroupLabels = nil
	var bars []chart.Bar
	targets := false
	for _, b := range sp.Bars {
		if b.Group == group {
			b.Group = ""
			bars = append(bars, b)
			targets = targets || b.HasTarget
		}
	}
	sp.Bars = bars
	if len(bars) == 0 && s.View(ds.ID).Variant != state.Bars {
		// A group with nothing to draw in this variant (civilian staff have no targets, so no
		// gap to one): its slide shows the group's shares instead of an empty chart.
		bars := state.Reduce(s, state.SetVariant{Dataset: ds.ID, Variant: state.Bars})
		return SlideSpec(ds, group, bars, area)
	}
	if !targets {
		sp.ShowTargets, sp.Legend = false, nil
	}
	return sp
}

// oneSpeaker is the speaker of every item when they all have the same one: the slide then
// says it once, under the figures, instead of under each (their Small is cleared).
func oneSpeaker(items []SlideItem) string {
	if len(items) == 0 {
		return ""
	}
	for _, it := range items {
		if it.Small != items[0].Small {
			return ""
		}
	}
	speaker := items[0].Small
	for i := range items {
		items[i].Small = ""
	}
	return speaker
}

func keyItems(b *data.Briefing, l locale.Lang) []SlideItem {
	var items []SlideItem
	for _, k := range b.KeyFigures {
		if len(items) == maxKeySlideItems {
			break
		}
		r := keyFigureRow(k, l)
		items = append(items, SlideItem{Big: r.Figure, Text: r.Unit, Small: r.Speaker})
	}
	return items
}

// SlideLabel is "Slide 3 of 6".
func SlideLabel(l locale.Lang, n, total int) string {
	return For(l).SlideWord + " " + strconv.Itoa(n) + " " + For(l).Of + " " + strconv.Itoa(total)
}

// SlideCount is the number of slides Slides makes, without rendering any chart.
func SlideCount(b *data.Briefing, sets []data.Dataset) int {
	n := 2 // title, sources
	if len(b.KeyFigures) > 0 {
		n++
	}
	for _, ds := range sets {
		n += len(groups(ds))
	}
	return n
}
