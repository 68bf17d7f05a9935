package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"briefing/data"
)

// TestChartsAreDeterministic writes the static images twice: the same bytes each time, so a
// rebuild changes no file (and caches and diffs stay quiet).
func TestChartsAreDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("renders 72 images")
	}
	b, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	a, c := t.TempDir(), t.TempDir()
	ra, err := writeCharts(a, b)
	if err != nil {
		t.Fatal(err)
	}
	rc, err := writeCharts(c, b)
	if err != nil {
		t.Fatal(err)
	}
	if want := len(b.Datasets) * len(chartLangs) * len(chartThemes); ra.SVG != want || ra.PNG != want {
		t.Errorf("wrote %d SVG and %d PNG, want %d of each", ra.SVG, ra.PNG, want)
	}
	if ra != rc {
		t.Errorf("two builds: %+v and %+v", ra, rc)
	}
	entries, err := os.ReadDir(filepath.Join(a, chartsDir))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != ra.SVG+ra.PNG {
		t.Errorf("%d files for %d images", len(entries), ra.SVG+ra.PNG)
	}
	for _, e := range entries {
		x, err1 := os.ReadFile(filepath.Join(a, chartsDir, e.Name()))
		y, err2 := os.ReadFile(filepath.Join(c, chartsDir, e.Name()))
		if err1 != nil || err2 != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds (%v, %v)", e.Name(), err1, err2)
		}
	}
}
