package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"briefing/web/server"
	"briefing/web/static"
)

// writeTree writes files (slash paths) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readBuild reads the list the build wrote into sw.js.
func readBuild(t *testing.T, dir string) offlineBuild {
	t.Helper()
	js, err := os.ReadFile(filepath.Join(dir, swFile))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(js), "/*build*/ ")
	if !ok {
		t.Fatalf("%s has no /*build*/ list", swFile)
	}
	var m offlineBuild
	if err := json.NewDecoder(strings.NewReader(rest)).Decode(&m); err != nil {
		t.Fatalf("%s: the list is not JSON: %v", swFile, err)
	}
	return m
}

// A site of a few files: what the worker keeps, under which address, and what it leaves out.
func TestOfflineManifest(t *testing.T) {
	dir := t.TempDir()
	page := "<!doctype html>\n<link rel=\"preload\" href=\"fonts/f.ttf\" as=\"font\">\n" +
		"<link rel=\"stylesheet\" href=\"style.css\">\n<script src=\"loader.js\" data-wasm=\"app.0123456789.wasm\"></script>\n" +
		"<script src=\"app.0123456789.js\"></script>\n<a href=\"loader.js\">not a load</a>\n"
	writeTree(t, dir, map[string]string{
		"style.css": "a{}", "loader.js": "go()", "app.0123456789.js": "x",
		"app.0123456789.wasm": "wasm", "app.0123456789.wasm.gz": "gz", "app.0123456789.wasm.br": "br",
		"fonts/f.ttf": "font", "data/a.csv": "x,y", "data/archive.tar.gz": "a whole archive",
		"charts/a.svg": "<svg/>", "embed.js": "host", singleFileName: "all", ".hidden": "no",
		"sw.js": "old", "index.fr.html": "fr",
	})
	versioned, names, err := versionRefs(page, dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`href="style.css?v=` + contentHash([]byte("a{}")) + `"`,
		`src="loader.js?v=` + contentHash([]byte("go()")) + `"`, `src="app.0123456789.js"`,
		`href="fonts/f.ttf"`, `<a href="loader.js">`} {
		if !strings.Contains(versioned, want) {
			t.Errorf("versioned page has no %s:\n%s", want, versioned)
		}
	}
	if len(names) != 2 || !names["style.css"] || !names["loader.js"] {
		t.Errorf("versioned names %v, want loader.js and style.css", names)
	}
	writeTree(t, dir, map[string]string{"index.html": versioned})
	m, err := writeServiceWorker(dir, names)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range m.Files {
		got = append(got, f.URL)
	}
	want := []string{"app.0123456789.js", "app.0123456789.wasm", "data/a.csv", "data/archive.tar.gz",
		"fonts/f.ttf", "index.fr.html", "index.html",
		"loader.js?v=" + contentHash([]byte("go()")), "style.css?v=" + contentHash([]byte("a{}"))}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("kept\n  %v\nwant\n  %v", got, want)
	}
	if back := readBuild(t, dir); back.Version != m.Version || len(back.Files) != len(m.Files) {
		t.Errorf("sw.js carries %+v, the build made %+v", back, m)
	}

	// Any change to a kept file is a new build, with a new cache; a file left out is not.
	writeTree(t, dir, map[string]string{"charts/a.svg": "<svg></svg>"})
	if again, _ := offlineManifest(dir, names); again.Version != m.Version {
		t.Error("a chart image changed the build's version")
	}
	writeTree(t, dir, map[string]string{"data/a.csv": "x,y\n1,2"})
	if again, _ := offlineManifest(dir, names); again.Version == m.Version {
		t.Error("a changed data file left the build's version as it was")
	}
}

// The built site: the worker keeps every file the two pages load, under the address they
// ask for it by, with the bytes the site has; scripts and style sheets are asked for by
// content; no file is listed twice. Needs ./build.sh build (DIST_DIR, as the browser tests).
func TestBuiltSiteWorkerKeepsWhatThePagesLoad(t *testing.T) {
	dist := os.Getenv("DIST_DIR")
	if dist == "" {
		dist = filepath.Join("..", "..", "dist")
	}
	if _, err := os.Stat(filepath.Join(dist, swFile)); err != nil {
		if os.Getenv("REQUIRE_BROWSER") == "1" {
			t.Fatalf("no built site with a service worker in %s", dist)
		}
		t.Skipf("no built site with a service worker in %s (./build.sh build)", dist)
	}
	m := readBuild(t, dist)
	kept := map[string]offlineFile{}
	for _, f := range m.Files {
		if _, dup := kept[f.URL]; dup {
			t.Errorf("%s is listed twice", f.URL)
		}
		kept[f.URL] = f
		name, query, _ := strings.Cut(f.URL, "?")
		b, err := os.ReadFile(filepath.Join(dist, filepath.FromSlash(name)))
		if err != nil {
			t.Errorf("listed %s: %v", f.URL, err)
			continue
		}
		if contentHash(b) != f.SHA256 {
			t.Errorf("%s: listed hash %s, the file's is %s", f.URL, f.SHA256, contentHash(b))
		}
		if f.Immutable != (query == "v="+f.SHA256 || server.Hashed(name)) {
			t.Errorf("%s: immutable %v, but its address does (not) name its content", f.URL, f.Immutable)
		}
	}
	cssURL := regexp.MustCompile(`url\("?([^")]+)"?\)`)
	for _, p := range []string{"index.html", "index.fr.html"} {
		if _, ok := kept[p]; !ok {
			t.Errorf("the page %s is not kept", p)
		}
		b, err := os.ReadFile(filepath.Join(dist, p))
		if err != nil {
			t.Fatal(err)
		}
		var loads []string
		for _, el := range elements(t, string(b)) {
			switch {
			case el.Name == "script" && el.Attrs["src"] != "":
				loads = append(loads, el.Attrs["src"])
				if w := el.Attrs["data-wasm"]; w != "" {
					loads = append(loads, w)
				}
			case el.Name == "link" && el.Attrs["href"] != "" && !strings.HasPrefix(el.Attrs["href"], "data:"):
				loads = append(loads, el.Attrs["href"])
			case el.Name == "a" && strings.HasPrefix(el.Attrs["href"], "data/"):
				loads = append(loads, el.Attrs["href"]) // the downloads under each chart
			}
		}
		for _, ref := range loads {
			f, ok := kept[ref]
			if !ok {
				t.Errorf("%s loads %s, which the worker does not keep", p, ref)
				continue
			}
			if strings.HasSuffix(ref, ".js") || strings.Contains(ref, ".js?") || strings.Contains(ref, ".css") || strings.HasSuffix(ref, ".wasm") {
				if !f.Immutable {
					t.Errorf("%s loads %s by a name that does not say its content", p, ref)
				}
			}
			if strings.Contains(ref, ".css") {
				css, _ := os.ReadFile(filepath.Join(dist, strings.Split(ref, "?")[0]))
				for _, u := range cssURL.FindAllStringSubmatch(string(css), -1) {
					if strings.HasPrefix(u[1], "data:") {
						continue
					}
					if _, ok := kept[u[1]]; !ok {
						t.Errorf("%s (in %s) loads %s, which the worker does not keep", ref, p, u[1])
					}
				}
			}
		}
		if len(loads) < 8 {
			t.Errorf("%s: only %d loads found: %v", p, len(loads), loads)
		}
	}
	var names []string
	for u := range kept {
		names = append(names, u)
	}
	sort.Strings(names)
	for _, u := range names {
		if strings.HasPrefix(u, "charts/") || u == singleFileName || strings.HasSuffix(u, ".br") {
			t.Errorf("%s is kept: it is not for the page", u)
		}
	}
}

// The worker's source carries exactly one placeholder for the list.
func TestServiceWorkerPlaceholder(t *testing.T) {
	src, err := static.Files.ReadFile(swFile)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(src), swPlaceholder); n != 1 {
		t.Errorf("%s has %d of %q, want 1", swFile, n, swPlaceholder)
	}
}
