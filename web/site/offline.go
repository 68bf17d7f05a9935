package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"briefing/web/server"
	"briefing/web/static"
)

// Repeat and offline visits (web/static/sw.js, web/static/offline.js, docs/architecture.md):
// the service worker keeps the files the page loads, in a cache named after the build, and
// serves them with no network. Two things make sure a page never runs with files of two
// builds:
//
//   - the page asks for its scripts and style sheets by content: versionRefs makes
//     <script src="loader.js"> into <script src="loader.js?v=<hash>">, as the wasm already is
//     app.<hash>.wasm. A cached file is served for exactly the bytes the page was built with;
//     a page of a new build asks for new addresses, which no old cache holds;
//   - the worker is written last, with the list of every file it keeps and its hash
//     (offlineManifest): a deploy that changes any file changes sw.js, which makes the browser
//     install the new worker, and the worker checks each file it fetches against the list.
//
// The one-file edition is built from the page before versionRefs and does not carry
// offline.js: it runs from file://, where there is no service worker.

const (
	swFile        = "sw.js"      // at the site's root: its folder is the worker's scope
	offlineScript = "offline.js" // registers the worker and shows the "newer version" notice
	swPlaceholder = `/*build*/ {"version": "dev", "files": []}`
	hashLen       = 16 // hex digits of SHA-256 kept in addresses and in the list: 64 bits
)

// offlineFile is one entry of the worker's list.
type offlineFile struct {
	URL       string `json:"url"`       // relative to the site's root, as the page asks for it
	SHA256    string `json:"sha256"`    // the first hashLen hex digits of the content's SHA-256
	Immutable bool   `json:"immutable"` // the address names the content: served from cache first
}

// offlineBuild is what sw.js carries.
type offlineBuild struct {
	Version string        `json:"version"` // a hash of Files: names the cache
	Files   []offlineFile `json:"files"`
}

// refPattern finds the address of a <script src> or a <link rel=stylesheet href> in the page
// shell (web/site fills it in; its tags are written one per line, attributes quoted).
var refPattern = regexp.MustCompile(`(<script src="|<link rel="stylesheet" href=")([^"?#:]+)"`)

// versionRefs adds ?v=<hash> to the page's scripts and style sheets that are files of the
// site, and returns the names it versioned. The chart font keeps its plain name: the wasm
// fetches it by that name (wasm/font.go), and one address keeps it one download.
func versionRefs(page, out string) (string, map[string]bool, error) {
	versioned := map[string]bool{}
	var failed error
	page = refPattern.ReplaceAllStringFunc(page, func(m string) string {
		sub := refPattern.FindStringSubmatch(m)
		name := sub[2]
		if server.Hashed(name) {
			return m
		}
		sum, err := fileHash(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil {
			failed = fmt.Errorf("versioning %s in the page: %w", name, err)
			return m
		}
		versioned[name] = true
		return sub[1] + name + "?v=" + sum + `"`
	})
	return page, versioned, failed
}

func fileHash(file string) (string, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return "", err
	}
	return contentHash(b), nil
}

func contentHash(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])[:hashLen]
}

// offlineManifest lists what the worker keeps: every file of the built site that the page
// can load, which is all of it except the precompressed copies (.gz and .br beside their
// file: the server picks one, the browser sees the file), the chart images (for host pages
// that allow no script: charts/), embed.js (for host pages), the one-file edition, hidden
// files and the worker itself. versioned are the names the pages ask for with ?v=.
func offlineManifest(out string, versioned map[string]bool) (offlineBuild, error) {
	var files []offlineFile
	root := os.DirFS(out)
	err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p == "charts" || (p != "." && strings.HasPrefix(d.Name(), ".")) {
				return fs.SkipDir
			}
			return nil
		}
		if !keptOffline(root, p) {
			return nil
		}
		b, err := fs.ReadFile(root, p)
		if err != nil {
			return err
		}
		f := offlineFile{URL: p, SHA256: contentHash(b), Immutable: server.Hashed(p)}
		if versioned[p] {
			f.URL, f.Immutable = p+"?v="+f.SHA256, true
		}
		files = append(files, f)
		return nil
	})
	if err != nil {
		return offlineBuild{}, err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].URL < files[j].URL })
	list, err := json.Marshal(files)
	if err != nil {
		return offlineBuild{}, err
	}
	return offlineBuild{Version: contentHash(list), Files: files}, nil
}

func keptOffline(root fs.FS, p string) bool {
	base := path.Base(p)
	switch {
	case strings.HasPrefix(base, "."), p == swFile, p == singleFileName, p == "embed.js":
		return false
	}
	for _, z := range []string{".gz", ".br"} {
		if plain, ok := strings.CutSuffix(p, z); ok {
			if _, err := fs.Stat(root, plain); err == nil {
				return false // a precompressed copy of a file that is listed
			}
		}
	}
	return true
}

// writeServiceWorker writes sw.js with the build's list; it runs after every other file of
// the site is written.
func writeServiceWorker(out string, versioned map[string]bool) (offlineBuild, error) {
	m, err := offlineManifest(out, versioned)
	if err != nil {
		return m, fmt.Errorf("service worker: %w", err)
	}
	src, err := static.Files.ReadFile(swFile)
	if err != nil {
		return m, err
	}
	if n := strings.Count(string(src), swPlaceholder); n != 1 {
		return m, fmt.Errorf("service worker: %s has %d of %q, want 1", swFile, n, swPlaceholder)
	}
	list, err := json.Marshal(m)
	if err != nil {
		return m, err
	}
	js := strings.Replace(string(src), swPlaceholder, "/*build*/ "+string(list), 1)
	return m, os.WriteFile(filepath.Join(out, swFile), []byte(js), 0o644)
}
