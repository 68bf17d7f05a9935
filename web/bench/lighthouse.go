package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// lighthouseDir holds the pinned Lighthouse (package.json and its lock): `npm ci --prefix
// web/bench/lighthouse` installs it, and `./build.sh bench -lighthouse` does so when missing.
const lighthouseDir = "web/bench/lighthouse"

// lighthouseRun is one Lighthouse performance audit, in its default mobile configuration
// (a Moto G Power sized screen, simulated slow 4G and CPU ×4).
type lighthouseRun struct {
	Score                     float64 // 0–100
	FCP, LCP, SI, TBT, TTI    float64 // ms
	CLS                       float64
	MaxPotentialFID           float64 // ms: the longest task after FCP, as Lighthouse simulates it
	LighthouseVersion, Config string
}

type lighthouseSet struct {
	Runs    []lighthouseRun
	Errors  []string
	Command string // as run, with the served URL left out
}

func (s *lighthouseSet) over(f func(lighthouseRun) float64) summary {
	var xs []float64
	for _, r := range s.Runs {
		xs = append(xs, f(r))
	}
	return summarize(xs)
}

// runLighthouse audits each of urls runs times with the system Chromium (CHROME_PATH), taking
// turns between the urls as runStartup does.
func runLighthouse(ctx context.Context, chromiumPath string, urls []string, runs int) []*lighthouseSet {
	sets := make([]*lighthouseSet, len(urls))
	for i := range urls {
		sets[i] = &lighthouseSet{}
	}
	for i := range runs {
		for u, url := range urls {
			lighthouseOnce(ctx, chromiumPath, url, i, runs, sets[u])
		}
	}
	return sets
}

func lighthouseOnce(ctx context.Context, chromiumPath, url string, i, runs int, set *lighthouseSet) {
	cli := filepath.Join(lighthouseDir, "node_modules", "lighthouse", "cli", "index.js")
	if _, err := os.Stat(cli); err != nil {
		set.Errors = append(set.Errors, "Lighthouse is not installed: npm ci --prefix "+lighthouseDir)
		return
	}
	tmp, err := os.MkdirTemp("", "bench-lighthouse")
	if err != nil {
		set.Errors = append(set.Errors, err.Error())
		return
	}
	defer os.RemoveAll(tmp)
	{
		out := filepath.Join(tmp, fmt.Sprintf("run%d.json", i))
		args := []string{cli, url, "--only-categories=performance", "--output=json", "--output-path=" + out, "--quiet",
			"--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"}
		set.Command = fmt.Sprintf("CHROME_PATH=%s node %s <url> --only-categories=performance --output=json --output-path=<report.json> --quiet '%s'", chromiumPath, cli, args[len(args)-1])
		logf("lighthouse %d/%d, %s", i+1, runs, url)
		rctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
		cmd := exec.CommandContext(rctx, "node", args...)
		cmd.Env = append(os.Environ(), "CHROME_PATH="+chromiumPath)
		msg, err := cmd.CombinedOutput()
		cancel()
		if err != nil {
			set.Errors = append(set.Errors, fmt.Sprintf("run %d: %v: %s", i+1, err, lastLines(string(msg), 5)))
			return
		}
		r, err := readLighthouse(out)
		if err != nil {
			set.Errors = append(set.Errors, fmt.Sprintf("run %d: %v", i+1, err))
			return
		}
		logf("  score %.0f, TBT %s, FCP %s, LCP %s", r.Score, ms(r.TBT), ms(r.FCP), ms(r.LCP))
		set.Runs = append(set.Runs, r)
	}
}

// lighthouseReport is the part of Lighthouse's JSON report read here.
type lighthouseReport struct {
	LighthouseVersion string `json:"lighthouseVersion"`
	ConfigSettings    struct {
		FormFactor      string `json:"formFactor"`
		ThrottlingMeth  string `json:"throttlingMethod"`
		ScreenEmulation struct {
			Width  float64 `json:"width"`
			Height float64 `json:"height"`
		} `json:"screenEmulation"`
	} `json:"configSettings"`
	Categories struct {
		Performance struct {
			Score *float64 `json:"score"`
		} `json:"performance"`
	} `json:"categories"`
	Audits map[string]struct {
		NumericValue *float64 `json:"numericValue"`
	} `json:"audits"`
	RuntimeError *struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"runtimeError"`
}

func readLighthouse(path string) (lighthouseRun, error) {
	var r lighthouseRun
	b, err := os.ReadFile(path)
	if err != nil {
		return r, err
	}
	var lr lighthouseReport
	if err := json.Unmarshal(b, &lr); err != nil {
		return r, err
	}
	if lr.RuntimeError != nil && lr.RuntimeError.Code != "" {
		return r, fmt.Errorf("lighthouse: %s: %s", lr.RuntimeError.Code, lr.RuntimeError.Message)
	}
	if lr.Categories.Performance.Score == nil {
		return r, fmt.Errorf("lighthouse gave no performance score")
	}
	num := func(id string) float64 {
		if a, ok := lr.Audits[id]; ok && a.NumericValue != nil {
			return *a.NumericValue
		}
		return -1
	}
	r.Score = 100 * *lr.Categories.Performance.Score
	r.FCP, r.LCP, r.SI = num("first-contentful-paint"), num("largest-contentful-paint"), num("speed-index")
	r.TBT, r.TTI, r.CLS = num("total-blocking-time"), num("interactive"), num("cumulative-layout-shift")
	r.MaxPotentialFID = num("max-potential-fid")
	r.LighthouseVersion = lr.LighthouseVersion
	c := lr.ConfigSettings
	r.Config = fmt.Sprintf("%s, %.0f×%.0f, %s throttling", c.FormFactor, c.ScreenEmulation.Width, c.ScreenEmulation.Height, c.ThrottlingMeth)
	return r, nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " / ")
}
