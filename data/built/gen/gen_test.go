package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestGeneratedFileIsFresh: briefing_gen.go is exactly what the generator writes now.
func TestGeneratedFileIsFresh(t *testing.T) {
	want, err := source()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("..", "briefing_gen.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("data/built/briefing_gen.go is stale: run go generate ./data/built")
	}
}
