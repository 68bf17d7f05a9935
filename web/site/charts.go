package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"briefing/data"
	"briefing/web/images"
	"briefing/web/locale"
	"briefing/web/state"
)

// chartsDir is where the static images go in the built site.
const chartsDir = "charts"

// Static images: every dataset in every language and theme, so slides, mail and pages without
// script can use the charts. They come from the renderer behind /charts/<dataset>.svg|png of
// the Worker (web/images) with its defaults (the page's wide chart, view.WideWidth, targets
// on), framed with title, headline and source line: the SVG is chart.RenderImage (text as
// outlines), the PNG chart.RenderImagePNG at scale 2 (1920 px wide).
var (
	chartLangs  = []locale.Lang{locale.EN, locale.FR}
	chartThemes = []string{"light", "dark", "projector"}
)

// chartName is the file name of one static image, e.g. "parity-fr-dark.png".
func chartName(id string, l locale.Lang, theme, format string) string {
	return id + "-" + string(l) + "-" + theme + "." + format
}

// chartsReport is what writeCharts wrote.
type chartsReport struct {
	SVG, PNG int
	Bytes    int64
}

func (r chartsReport) String() string {
	return fmt.Sprintf("static charts: %d files in %s/ (%d SVG, %d PNG at 2x), %d bytes (%.2f MB)",
		r.SVG+r.PNG, chartsDir, r.SVG, r.PNG, r.Bytes, float64(r.Bytes)/1e6)
}

// writeCharts renders the static images into out/charts/. The output depends only on the
// data and the renderer, so two builds write the same bytes (the order of the work does not
// matter: each file is rendered on its own).
func writeCharts(out string, b *data.Briefing) (chartsReport, error) {
	dir := filepath.Join(out, chartsDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return chartsReport{}, err
	}
	type job struct {
		id, theme, format string
		lang              locale.Lang
	}
	var jobs []job
	for _, ds := range b.Datasets {
		for _, l := range chartLangs {
			for _, th := range chartThemes {
				for _, f := range []string{"svg", "png"} {
					jobs = append(jobs, job{ds.ID, th, f, l})
				}
			}
		}
	}
	h := images.New(b)
	var (
		mu     sync.Mutex
		rep    chartsReport
		errs   = make([]error, len(jobs))
		wg     sync.WaitGroup
		tokens = make(chan struct{}, runtime.GOMAXPROCS(0))
	)
	for i, j := range jobs {
		wg.Add(1)
		tokens <- struct{}{}
		go func() {
			defer func() { <-tokens; wg.Done() }()
			opt := images.DefaultOptions()
			opt.Lang, opt.Theme = j.lang, state.Theme(j.theme)
			body, err := h.Render(j.id, j.format, opt)
			if err == nil {
				err = os.WriteFile(filepath.Join(dir, chartName(j.id, j.lang, j.theme, j.format)), body, 0o644)
			}
			if err != nil {
				errs[i] = fmt.Errorf("chart %s: %w", chartName(j.id, j.lang, j.theme, j.format), err)
				return
			}
			mu.Lock()
			defer mu.Unlock()
			rep.Bytes += int64(len(body))
			if j.format == "svg" {
				rep.SVG++
			} else {
				rep.PNG++
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return rep, err
		}
	}
	return rep, nil
}
