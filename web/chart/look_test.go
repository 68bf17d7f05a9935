package chart

import (
	"os"
	"path/filepath"
	"testing"
)

// TestLook writes PNGs of the fixtures to $CHART_LOOK for a person to inspect.
func TestLook(t *testing.T) {
	dir := os.Getenv("CHART_LOOK")
	if dir == "" {
		t.Skip("set CHART_LOOK=dir to write PNGs")
	}
	for name, s := range allCases() {
		b, err := RenderPNG(s, 1)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+".png"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
