package main

import (
	"strings"
	"testing"

	"briefing/web/view"
)

func TestParseBenchLine(t *testing.T) {
	b, ok := parseBenchLine("BenchmarkServe-2   \t   14076\t    102530 ns/op\t      9753 req/s\t   16669 B/op\t     104 allocs/op")
	if !ok {
		t.Fatal("not parsed")
	}
	if b.Name != "BenchmarkServe" || b.Procs != 2 || b.N != 14076 {
		t.Errorf("got %+v", b)
	}
	want := map[string]float64{"ns/op": 102530, "req/s": 9753, "B/op": 16669, "allocs/op": 104}
	for u, v := range want {
		if b.Metrics[u] != v {
			t.Errorf("%s: got %v, want %v", u, b.Metrics[u], v)
		}
	}
	if strings.Join(b.Units, " ") != "ns/op req/s B/op allocs/op" {
		t.Errorf("units %v", b.Units)
	}
	for _, bad := range []string{"BenchmarkServe", "BenchmarkX-2 abc 1 ns/op", "BenchmarkX-2 10 1"} {
		if _, ok := parseBenchLine(bad); ok {
			t.Errorf("%q parsed", bad)
		}
	}
}

func TestParseGoTest(t *testing.T) {
	out := "pkg: briefing/web/chart\nBenchmarkA-2 10 5 ns/op\nBenchmarkA-2 10 7 ns/op\n--- PASS: TestConcurrentLoad (0.4s)\npkg: briefing/web/server\nBenchmarkA-2 10 100 ns/op\n"
	res, pass, fail := parseGoTest(out)
	if len(res) != 3 || pass != 1 || fail != 0 {
		t.Fatalf("got %d results, %d pass, %d fail", len(res), pass, fail)
	}
	sums := summarizeBench(res)
	if len(sums) != 2 || sums[0].Runs != 2 || sums[0].Metrics["ns/op"].Median != 6 || sums[1].Pkg != "briefing/web/server" {
		t.Errorf("summaries %+v", sums)
	}
}

func TestSummarize(t *testing.T) {
	s := summarize([]float64{5, 1, 3, 2})
	if s.N != 4 || s.Median != 2.5 || s.Min != 1 || s.Max != 5 {
		t.Errorf("got %+v", s)
	}
	if summarize(nil).N != 0 || median(nil) != 0 {
		t.Error("empty input")
	}
}

// TestLayoutFits holds the bench's check of a resize to view.FitWidth: a chart counts as laid
// out anew only at the width its box calls for.
func TestLayoutFits(t *testing.T) {
	w := float64(view.Widths[3])
	for _, c := range []struct {
		boxes [][2]float64
		want  bool
	}{
		{[][2]float64{{float64(view.Widths[3]), w}}, true},
		{[][2]float64{{float64(view.Widths[3]), w - 0.005}}, true}, // the browser's rounding
		{[][2]float64{{float64(view.Widths[3]), w + 1}, {float64(view.Widths[2]), w + 1}}, false},
		{[][2]float64{{float64(view.Widths[2]), w}}, false},
		{nil, false}, // no chart shown yet
	} {
		if got := layoutFits(c.boxes); got != c.want {
			t.Errorf("layoutFits(%v) = %v, want %v", c.boxes, got, c.want)
		}
	}
}

func TestBlockingTime(t *testing.T) {
	tasks := []longTask{
		{S: 100, D: 80},  // before FCP at 150: only its 30 ms after FCP count, under 50: nothing
		{S: 200, D: 120}, // 70 blocking
		{S: 400, D: 50},  // exactly 50: nothing
		{S: 900, D: 200}, // runs past controls working at 1000: 100 ms inside, 50 blocking
	}
	if got := blockingTime(tasks, 150, 1000); got != 120 {
		t.Errorf("blockingTime = %v, want 120", got)
	}
}

func TestSplitTask(t *testing.T) {
	marks := []userMark{{"explorer data ready", 150}, {"explorer wasm start", 120}, {"explorer later", 500}}
	segs := splitTask(longTask{S: 100, D: 100}, marks)
	want := []segment{{"", "explorer wasm start", 20}, {"explorer wasm start", "explorer data ready", 30}, {"explorer data ready", "", 50}}
	if len(segs) != len(want) {
		t.Fatalf("segments %+v, want %+v", segs, want)
	}
	for i := range want {
		if segs[i] != want[i] {
			t.Errorf("segment %d = %+v, want %+v", i, segs[i], want[i])
		}
	}
}
