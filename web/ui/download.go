package ui

import (
	"errors"
	"fmt"
	"strings"

	"briefing/data"
	"briefing/web/chart"
	"briefing/web/export"
	"briefing/web/view"
)

// PNGScale makes downloaded PNGs twice the chart's size: 1920 px wide, for slides.
const PNGScale = 2

// Download makes a file of a dataset's current view in the browser and offers it: CSV and
// JSON of the figures with their sources, the chart as SVG, or as a 2x PNG for slides.
// The PNG is the same SVG rasterised by the browser, which keeps a second, raster renderer
// out of the wasm: its text is outlines of the font it was laid out with (chart.RenderImage),
// so the browser needs no font to draw it as laid out.
func (c *Root) Download(id, format string) {
	defer func() { // a failed download is that card's trouble, not the page's
		if r := recover(); r != nil {
			c.setProblem(id, fmt.Sprint(r))
		}
	}()
	file := format
	if format == "png" {
		file = "svg"
	}
	if file == "svg" && c.Effects.Outlines != nil && !chart.HasOutlines() {
		// The image's text is drawn as glyph outlines, which the browser build loads with the
		// first image downloaded; the download goes on once they are there.
		c.Effects.Outlines(func(err error) {
			if err != nil {
				c.setProblem(id, err.Error())
				return
			}
			c.Download(id, format)
		})
		return
	}
	b, name, mime, err := c.File(id, file)
	c.setProblem(id, "")
	if err != nil {
		c.setProblem(id, err.Error())
		return
	}
	switch {
	case format == "png" && c.Effects.DownloadPNG != nil:
		c.Effects.DownloadPNG(strings.TrimSuffix(name, ".svg")+".png", string(b), PNGScale)
	case format != "png" && c.Effects.Download != nil:
		c.Effects.Download(name, mime, b)
	}
}

// File is the content, file name and media type of a download.
func (c *Root) File(id, format string) ([]byte, string, string, error) {
	ds, ok := c.dataset(id)
	if !ok {
		return nil, "", "", errors.New("no dataset " + id)
	}
	name := export.FileName("s-2020-911", ds.ID, viewName(c, ds), dataDate(c.Briefing, ds), "."+format)
	switch format {
	case "csv":
		return export.CSVIn(ds, c.Briefing.Sources, c.State.Lang), name, "text/csv;charset=utf-8", nil
	case "json":
		return export.JSONIn(ds, c.Briefing.Sources, c.State.Lang), name, "application/json", nil
	case "svg":
		if len(ds.Rows) > chart.MaxBars {
			return nil, "", "", errors.New("this dataset cannot be charted")
		}
		spec, frame := view.Image(c.Briefing, ds, c.Effective(), view.WideWidth)
		img, err := chart.RenderImage(spec, frame)
		if errors.Is(err, chart.ErrNoRoom) {
			return nil, "", "", errors.New("this dataset cannot be charted")
		}
		if err != nil {
			return nil, "", "", err
		}
		return []byte(img.SVG), name, "image/svg+xml", nil
	}
	return nil, "", "", errors.New("unknown download format " + format)
}

func (c *Root) dataset(id string) (data.Dataset, bool) {
	for _, ds := range c.AllDatasets() {
		if ds.ID == id {
			return ds, true
		}
	}
	return data.Dataset{}, false
}

// viewName names the view in a file name: "table", "line", "gap" or "chart".
func viewName(c *Root, ds data.Dataset) string {
	v := c.State.View(ds.ID)
	switch {
	case v.Table:
		return "table"
	case v.Variant != "":
		return string(v.Variant)
	}
	return "chart"
}

// dataDate is the date the figures were stated, for file names; "" for the reader's data.
func dataDate(b *data.Briefing, ds data.Dataset) string {
	for _, r := range ds.Rows {
		if src, ok := b.Sources[r.SourceID]; ok {
			return src.Date
		}
	}
	return ""
}
