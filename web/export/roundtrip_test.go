package export

import (
	"testing"

	"briefing/data"
	"briefing/data/upload"
)

// TestCSVReadsBack uploads each CSV download again: the reader gets the same figures back
// (without sources, which an upload never has).
func TestCSVReadsBack(t *testing.T) {
	b, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, ds := range append(b.Datasets, targets()) {
		if ds.ID == "test-targets" {
			ds.Rows = ds.Rows[:2] // the test rows with negative figures cannot be uploaded
		}
		got, _, err := upload.Parse(ds.ID+".csv", CSV(ds, b.Sources))
		if err != nil {
			t.Fatalf("%s: %v", ds.ID, err)
		}
		if got.Kind != ds.Kind || len(got.Rows) != len(ds.Rows) {
			t.Fatalf("%s: %s with %d rows", ds.ID, got.Kind, len(got.Rows))
		}
		for i, r := range ds.Rows {
			g := got.Rows[i]
			if g.Key != r.Key || g.ValueText != r.ValueText || g.TargetText != r.TargetText || g.Partial != r.Partial || g.AsOf != r.AsOf || g.Note != r.Note {
				t.Errorf("%s row %d:\n got %+v\nwant %+v", ds.ID, i, g, r)
			}
		}
	}
}
