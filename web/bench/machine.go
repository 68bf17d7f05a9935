package main

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// machine describes where the figures were taken.
type machine struct {
	CPUs     int
	CPU      string
	Memory   string
	OS       string
	Go       string
	Chromium string
	Load     string // /proc/loadavg at the start: other work on the machine skews the figures
}

// loadAvg is the 1-minute load average, or "" when unknown.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

func describeMachine(ctx context.Context, chromium string) machine {
	m := machine{CPUs: runtime.NumCPU(), CPU: "unknown", Memory: "unknown", OS: runtime.GOOS + "/" + runtime.GOARCH}
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPU = strings.TrimSpace(v)
				break
			}
		}
		f.Close()
	}
	if f, err := os.Open("/proc/meminfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			fields := strings.Fields(sc.Text())
			if len(fields) >= 2 && fields[0] == "MemTotal:" {
				if kb, err := strconv.ParseFloat(fields[1], 64); err == nil {
					m.Memory = strconv.FormatFloat(kb/(1<<20), 'f', 1, 64) + " GiB"
				}
				break
			}
		}
		f.Close()
	}
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.OS += ", Linux " + strings.TrimSpace(string(b))
	}
	m.Load = loadAvg()
	m.Go = runtime.Version()
	if out, err := command(ctx, 30*time.Second, "go", "env", "GOVERSION"); err == nil && strings.TrimSpace(out) != "" {
		m.Go = strings.TrimSpace(out)
	}
	if out, err := command(ctx, 30*time.Second, chromium, "--version"); err == nil {
		m.Chromium = strings.TrimSpace(out)
	}
	return m
}

// command runs a program with a time bound and returns its standard output.
func command(ctx context.Context, limit time.Duration, name string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.WaitDelay = 5 * time.Second
	out, err := cmd.Output()
	return string(out), err
}
