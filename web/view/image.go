package view

import (
	"briefing/data"
	"briefing/web/chart"
	"briefing/web/state"
)

// Image is what a self-contained image of a dataset draws at a width (a download, a static
// chart, an image the Worker serves): the chart of the current view and, around it, the
// texts the card shows with it — title, headline and source line. The chart's notes (the
// partial-year line) are in its legend.
func Image(b *data.Briefing, ds data.Dataset, s state.State, width int) (chart.Spec, chart.Frame) {
	return Spec(ds, s, width), chart.Frame{
		Title:    Title(ds, s.Lang),
		Headline: Headline(ds, s.Lang),
		Source:   SourceLine(b, ds, s.Lang),
	}
}
