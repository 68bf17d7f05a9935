//go:build !(js && wasm)

package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"briefing/web/server"
)

// Limits of Workers static assets that the build checks rather than learns at deploy.
const (
	maxAssetSize   = 25 << 20 // bytes per file
	maxHeaderRules = 100      // rules in _headers
)

// prepareAssets copies the built site dist into out (replaced) for Workers static assets and
// writes out/_headers. It leaves out hidden files (which serve.go refuses to serve) and the
// .br/.gz siblings of other files (Cloudflare compresses by itself and would serve them as
// opaque files). It returns the number of files copied.
func prepareAssets(dist, out string) (int, error) {
	if st, err := os.Stat(filepath.Join(dist, "index.html")); err != nil || !st.Mode().IsRegular() {
		return 0, fmt.Errorf("%s has no index.html: run ./build.sh build first", dist)
	}
	root, err := os.OpenRoot(dist) // confines every open to dist, symlinks included
	if err != nil {
		return 0, err
	}
	defer root.Close()
	site := root.FS()
	if err := os.RemoveAll(out); err != nil {
		return 0, err
	}
	var names []string
	err = fs.WalkDir(site, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if name == "." {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() || isCompressedSibling(site, name) {
			return nil
		}
		if name == "_headers" || name == "_redirects" || name == "_routes.json" {
			return fmt.Errorf("%s/%s: the site must not have its own Workers config file", dist, name)
		}
		if err := copyFile(site, name, filepath.Join(out, filepath.FromSlash(name))); err != nil {
			return err
		}
		names = append(names, name)
		return nil
	})
	if err != nil {
		return 0, err
	}
	headers, err := headersFile(names, options)
	if err != nil {
		return 0, err
	}
	return len(names), os.WriteFile(filepath.Join(out, "_headers"), []byte(headers), 0o644)
}

// isCompressedSibling reports whether name is x.br or x.gz next to a file x.
func isCompressedSibling(site fs.FS, name string) bool {
	ext := path.Ext(name)
	if ext != ".br" && ext != ".gz" {
		return false
	}
	st, err := fs.Stat(site, strings.TrimSuffix(name, ext))
	return err == nil && st.Mode().IsRegular()
}

func copyFile(site fs.FS, name, dst string) error {
	src, err := site.Open(name)
	if err != nil {
		return err
	}
	defer src.Close()
	st, err := src.Stat()
	if err != nil {
		return err
	}
	if st.Size() > maxAssetSize {
		return fmt.Errorf("%s is %d bytes, more than the %d a Workers asset may have", name, st.Size(), maxAssetSize)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	_, err = io.Copy(f, src)
	return errors.Join(err, f.Close())
}

// headersFile is the _headers file that gives the assets the headers serve.go sends: the
// security headers on every path, and each file's Cache-Control on its own path (rules that
// match one path are merged, so Cache-Control must come from exactly one rule). A name with
// characters that the rule syntax would read differently keeps the assets' default caching.
func headersFile(names []string, opt server.Options) (string, error) {
	var b strings.Builder
	b.WriteString("# Written by ./build.sh worker (go run ./wasm/worker): the headers serve.go sends.\n/*\n")
	sec := server.SecurityHeaders(opt)
	keys := make([]string, 0, len(sec))
	for k := range sec {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "  %s: %s\n", k, sec.Get(k))
	}
	rules := 1
	sort.Strings(names)
	for _, name := range names {
		if !plainPath(name) {
			continue
		}
		paths := []string{"/" + name}
		if path.Base(name) == "index.html" { // also served as its directory
			paths = append([]string{"/" + strings.TrimSuffix(name, "index.html")}, paths...)
		}
		for _, p := range paths {
			fmt.Fprintf(&b, "\n%s\n  Cache-Control: %s\n", p, server.CacheControl(name))
			rules++
		}
	}
	if rules > maxHeaderRules {
		return "", fmt.Errorf("_headers would have %d rules, more than the %d Workers assets allow: "+
			"write pattern rules instead of one per file", rules, maxHeaderRules)
	}
	return b.String(), nil
}

// plainPath reports whether a slash-separated name holds only [A-Za-z0-9._-/].
func plainPath(name string) bool {
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("._-/", c) >= 0) {
			return false
		}
	}
	return name != ""
}
