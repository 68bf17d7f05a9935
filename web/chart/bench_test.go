package chart

import "testing"

// go test -timeout 20m ./web/chart -run '^$' -bench . -benchmem

func BenchmarkRenderColumns(b *testing.B) {
	s := fatalities(960, Light)
	for b.Loop() {
		if _, err := Render(s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderRows(b *testing.B) {
	s := parity(360, true)
	for b.Loop() {
		if _, err := Render(s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderPNG(b *testing.B) {
	s := fatalities(960, Light)
	for b.Loop() {
		if _, err := RenderPNG(s, 2); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderColumnsCold empties the measurement cache first: the cost of the first
// chart a page draws.
func BenchmarkRenderColumnsCold(b *testing.B) {
	s := fatalities(960, Light)
	mz, _ := measureText()
	for b.Loop() {
		mz.mu.Lock()
		clear(mz.widths)
		clear(mz.faces)
		mz.mu.Unlock()
		if _, err := Render(s); err != nil {
			b.Fatal(err)
		}
	}
}
