package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// goBenchPackages are the packages whose Go benchmarks go into the report: the chart renderer,
// the cached card views, and the server (BenchmarkServe, with TestConcurrentLoad).
var goBenchPackages = []string{"./web/chart", "./web/view", "./web/server"}

// goBench is the result of one go test run.
type goBench struct {
	Args     []string
	Output   string
	Err      error
	Results  []benchLine
	LoadPass int // TestConcurrentLoad runs that passed
	LoadFail int
}

// benchLine is one line of benchmark output.
type benchLine struct {
	Pkg     string
	Name    string // without the -GOMAXPROCS suffix
	Procs   int
	N       int64
	Metrics map[string]float64 // unit → value: ns/op, B/op, allocs/op, req/s, …
	Units   []string           // in output order
}

// runGoBench runs the Go benchmarks -count times, and TestConcurrentLoad alongside (it checks
// the server answers correctly under concurrent load; it asserts nothing about time).
func runGoBench(ctx context.Context, count int, limit time.Duration) goBench {
	args := []string{"test", "-run", "^TestConcurrentLoad$", "-bench", ".", "-benchmem",
		"-count", strconv.Itoa(count), "-timeout", limit.String(), "-v"}
	args = append(args, goBenchPackages...)
	g := goBench{Args: args}
	ctx, cancel := context.WithTimeout(ctx, limit+time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.WaitDelay = 10 * time.Second
	var buf bytes.Buffer
	cmd.Stdout = io.MultiWriter(&buf, os.Stderr)
	cmd.Stderr = io.MultiWriter(&buf, os.Stderr)
	g.Err = cmd.Run()
	g.Output = buf.String()
	g.Results, g.LoadPass, g.LoadFail = parseGoTest(g.Output)
	return g
}

func parseGoTest(out string) (res []benchLine, pass, fail int) {
	pkg := ""
	for _, line := range strings.Split(out, "\n") {
		switch {
		case strings.HasPrefix(line, "pkg: "):
			pkg = strings.TrimSpace(strings.TrimPrefix(line, "pkg: "))
		case strings.HasPrefix(line, "--- PASS: TestConcurrentLoad"):
			pass++
		case strings.HasPrefix(line, "--- FAIL: TestConcurrentLoad"):
			fail++
		case strings.HasPrefix(line, "Benchmark"):
			if b, ok := parseBenchLine(line); ok {
				b.Pkg = pkg
				res = append(res, b)
			}
		}
	}
	return res, pass, fail
}

// parseBenchLine reads "BenchmarkX-8   1000   1234 ns/op   56 B/op   7 allocs/op".
func parseBenchLine(line string) (benchLine, bool) {
	f := strings.Fields(line)
	if len(f) < 4 || len(f)%2 != 0 {
		return benchLine{}, false
	}
	n, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		return benchLine{}, false
	}
	b := benchLine{Name: f[0], Procs: 1, N: n, Metrics: map[string]float64{}}
	if i := strings.LastIndexByte(f[0], '-'); i > 0 {
		if p, err := strconv.Atoi(f[0][i+1:]); err == nil {
			b.Name, b.Procs = f[0][:i], p
		}
	}
	for i := 2; i+1 < len(f); i += 2 {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			return benchLine{}, false
		}
		b.Metrics[f[i+1]] = v
		b.Units = append(b.Units, f[i+1])
	}
	return b, true
}

// benchSummary is the median over the -count runs of one benchmark.
type benchSummary struct {
	Pkg, Name string
	Runs      int
	Metrics   map[string]summary
	Units     []string
}

func summarizeBench(lines []benchLine) []benchSummary {
	var out []benchSummary
	idx := map[string]int{}
	vals := map[string]map[string][]float64{}
	for _, b := range lines {
		key := b.Pkg + " " + b.Name
		i, ok := idx[key]
		if !ok {
			i = len(out)
			idx[key] = i
			out = append(out, benchSummary{Pkg: b.Pkg, Name: b.Name, Units: b.Units})
			vals[key] = map[string][]float64{}
		}
		out[i].Runs++
		for u, v := range b.Metrics {
			vals[key][u] = append(vals[key][u], v)
		}
	}
	for i := range out {
		key := out[i].Pkg + " " + out[i].Name
		out[i].Metrics = map[string]summary{}
		for u, vs := range vals[key] {
			out[i].Metrics[u] = summarize(vs)
		}
	}
	return out
}

// nsop formats a ns/op figure in a readable unit.
func nsop(v float64) string {
	switch {
	case v >= 1e6:
		return fmt.Sprintf("%.1f ms", v/1e6)
	case v >= 1e3:
		return fmt.Sprintf("%.0f µs", v/1e3)
	default:
		return fmt.Sprintf("%.0f ns", v)
	}
}
