package built

import (
	"reflect"
	"testing"

	"briefing/data"
)

// TestSameAsLoad: the generated briefing is what data.Load reads from the CSV files now. After a
// data edit, run `go generate ./data/built`.
func TestSameAsLoad(t *testing.T) {
	b, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(Briefing(), b) {
		t.Fatal("data/built/briefing_gen.go is stale: run go generate ./data/built")
	}
}
