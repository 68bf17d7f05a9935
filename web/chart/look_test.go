package chart

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestLook writes PNGs of the fixtures to $CHART_LOOK for a person to inspect
// (CHART_LOOK_SCALE=2 doubles their resolution).
func TestLook(t *testing.T) {
	dir := os.Getenv("CHART_LOOK")
	if dir == "" {
		t.Skip("set CHART_LOOK=dir to write PNGs")
	}
	scale := 1 // CHART_LOOK_SCALE=2 for a closer look
	if v, err := strconv.Atoi(os.Getenv("CHART_LOOK_SCALE")); err == nil && v >= 1 && v <= 4 {
		scale = v
	}
	for name, s := range allCases() {
		b, err := RenderPNG(s, scale)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+".png"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
