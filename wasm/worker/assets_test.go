//go:build !(js && wasm)

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"briefing/web/server"
)

func writeTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func listTree(t *testing.T, root string) []string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(root, p)
			names = append(names, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	return names
}

// parseHeaders reads a _headers file into path -> header -> value, failing on a header set
// twice for one path (Workers would join the two values with a comma).
func parseHeaders(t *testing.T, file string) map[string]map[string]string {
	t.Helper()
	rules := map[string]map[string]string{}
	var cur map[string]string
	for i, line := range strings.Split(file, "\n") {
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "/"):
			if rules[line] != nil {
				t.Errorf("line %d: second rule for %s", i+1, line)
			}
			cur = map[string]string{}
			rules[line] = cur
		case strings.HasPrefix(line, "  ") && cur != nil:
			k, v, ok := strings.Cut(strings.TrimSpace(line), ": ")
			if !ok {
				t.Errorf("line %d: %q is not a header", i+1, line)
			}
			cur[k] = v
		default:
			t.Errorf("line %d: unexpected %q", i+1, line)
		}
	}
	return rules
}

func TestPrepareAssets(t *testing.T) {
	dist, out := t.TempDir(), filepath.Join(t.TempDir(), "assets")
	writeTree(t, dist, map[string]string{
		"index.html":             "<!doctype html>",
		"app.0123abcd.wasm":      "\x00asm",
		"app.0123abcd.wasm.br":   "br",
		"app.0123abcd.wasm.gz":   "gz",
		"wasm_exec.js":           "js",
		"data/fatalities.csv":    "period,value\n2017,59\n",
		"data/datapackage.json":  "{}",
		"data/archive.tar.gz":    "a download, not a sibling",
		"docs/index.html":        "<p>docs</p>",
		".git/config":            "secret",
		"data/.hidden.csv":       "secret",
		"fonts/odd name (1).ttf": "ttf",
	})
	writeTree(t, out, map[string]string{"stale.txt": "from an earlier build"})
	n, err := prepareAssets(dist, out)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(listTree(t, out), " ")
	want := "_headers app.0123abcd.wasm data/archive.tar.gz data/datapackage.json data/fatalities.csv " +
		"docs/index.html fonts/odd name (1).ttf index.html wasm_exec.js"
	if got != want || n != 8 {
		t.Errorf("assets (%d files):\n%s\nwant\n%s", n, got, want)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "data/fatalities.csv")); string(b) != "period,value\n2017,59\n" {
		t.Errorf("copied CSV %q", b)
	}

	file, _ := os.ReadFile(filepath.Join(out, "_headers"))
	rules := parseHeaders(t, string(file))
	all := rules["/*"]
	for k, v := range server.SecurityHeaders(options) {
		if all[k] != v[0] {
			t.Errorf("/*: %s = %q, want %q", k, all[k], v[0])
		}
	}
	if all["Cache-Control"] != "" {
		t.Error("/* sets Cache-Control: it would be joined with each file's")
	}
	for path, name := range map[string]string{ // path -> the file it serves
		"/": "index.html", "/index.html": "index.html", "/docs/": "docs/index.html", "/docs/index.html": "docs/index.html",
		"/app.0123abcd.wasm": "app.0123abcd.wasm", "/data/fatalities.csv": "data/fatalities.csv",
	} {
		if got, want := rules[path]["Cache-Control"], server.CacheControl(name); got != want || want == "" {
			t.Errorf("%s: Cache-Control %q, want %q", path, got, want)
		}
	}
	if rules["/"]["Cache-Control"] != "no-cache" || !strings.Contains(rules["/app.0123abcd.wasm"]["Cache-Control"], "immutable") {
		t.Errorf("cache rules: %v", rules)
	}
	for path, r := range rules {
		if path != "/*" && (len(r) != 1 || strings.ContainsAny(path, " ()*")) {
			t.Errorf("rule %s: %v", path, r)
		}
	}
}

func TestPrepareAssetsErrors(t *testing.T) {
	empty := t.TempDir()
	if _, err := prepareAssets(empty, filepath.Join(t.TempDir(), "a")); err == nil || !strings.Contains(err.Error(), "./build.sh build") {
		t.Errorf("no index.html: %v", err)
	}
	own := t.TempDir()
	writeTree(t, own, map[string]string{"index.html": "x", "_headers": "/*\n  X: y\n"})
	if _, err := prepareAssets(own, filepath.Join(t.TempDir(), "a")); err == nil || !strings.Contains(err.Error(), "Workers config") {
		t.Errorf("own _headers: %v", err)
	}
	big := t.TempDir()
	writeTree(t, big, map[string]string{"index.html": "x"})
	f, _ := os.Create(filepath.Join(big, "huge.bin"))
	f.Truncate(maxAssetSize + 1)
	f.Close()
	if _, err := prepareAssets(big, filepath.Join(t.TempDir(), "a")); err == nil || !strings.Contains(err.Error(), "huge.bin") {
		t.Errorf("file over the limit: %v", err)
	}
	var names []string
	for i := range maxHeaderRules {
		names = append(names, "f"+strings.Repeat("x", i%7)+string(rune('a'+i%26))+".js")
	}
	if _, err := headersFile(names, options); err == nil {
		t.Error("more rules than Workers allow: no error")
	}
}

func TestRun(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(nil, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "usage:") {
		t.Errorf("no flags: exit %d, stderr %q", code, stderr.String())
	}
	dist, out := t.TempDir(), filepath.Join(t.TempDir(), "assets")
	writeTree(t, dist, map[string]string{"index.html": "x"})
	stdout.Reset()
	if code := run([]string{"-dist", dist, "-assets", out}, &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), "1 files") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout.String(), stderr.String())
	}
	if code := run([]string{"-dist", t.TempDir(), "-assets", out}, &stdout, &stderr); code != 1 {
		t.Errorf("empty dist: exit %d", code)
	}
}
