package chart

import (
	"bytes"
	"os"
	"testing"

	"briefing/web/font"
)

// TestMetricsFileFresh: metrics.ttf, which the browser build measures with, is what web/font
// makes now (web/font tests that it measures as the full font).
func TestMetricsFileFresh(t *testing.T) {
	s, err := font.Roboto()
	if err != nil {
		t.Fatal(err)
	}
	want, err := font.Metrics(s.TTF)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("metrics.ttf")
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("metrics.ttf is missing or stale (%v): run ./build.sh generate and commit it", err)
	}
}
