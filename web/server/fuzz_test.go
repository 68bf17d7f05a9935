package server

import (
	"bytes"
	"io/fs"
	"net/http"
	"strings"
	"testing"
	"testing/fstest"
)

// guardFS fails the test if the handler ever asks the fs for a name that is
// invalid or hidden: the checks must happen before any fs access.
type guardFS struct {
	fs.FS
	t *testing.T
}

func (g guardFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		g.t.Errorf("Open(%q): invalid fs path reached the fs", name)
	}
	for seg := range strings.SplitSeq(name, "/") {
		if strings.HasPrefix(seg, ".") && seg != "." {
			g.t.Errorf("Open(%q): hidden path reached the fs", name)
		}
	}
	return g.FS.Open(name)
}

// FuzzPath sends arbitrary Path/RawPath pairs. The site is a sub-tree of a
// larger fs holding a secret next to it, so any escape would be visible.
func FuzzPath(f *testing.F) {
	for _, s := range [][2]string{
		{"/", ""}, {"/index.html", ""}, {"/../secret.txt", ""}, {"/..", ""}, {"/data/sample.csv", "/data%2Fsample.csv"},
		{"/.git/config", ""}, {`/..\secret.txt`, ""}, {"//secret.txt", ""}, {"/docs", ""}, {"/a\x00", ""},
		{"/data/./sample.csv", ""}, {"/%2e%2e/secret.txt", "/%252e%252e/secret.txt"}, {"secret.txt", ""},
	} {
		f.Add(s[0], s[1])
	}
	root := fstest.MapFS{"secret.txt": {Data: secret}}
	allowed := map[string]bool{}
	for name, file := range testSite() {
		root["site/"+name] = file
		if !bytes.Equal(file.Data, secret) {
			allowed[string(file.Data)] = true
		}
	}
	site, err := fs.Sub(root, "site")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, p, raw string) {
		h := New(guardFS{site, t}, Options{})
		res, body := do(h, req(http.MethodGet, p, raw))
		switch res.StatusCode {
		case 200:
			if !allowed[string(body)] {
				t.Fatalf("%q (raw %q): served unexpected body %.40q", p, raw, body)
			}
		case 301, 400, 404:
			if res.StatusCode != 301 && len(body) > 64 {
				t.Fatalf("%q: long error body %q", p, body)
			}
		default:
			t.Fatalf("%q (raw %q): status %d", p, raw, res.StatusCode)
		}
		if bytes.Contains(body, secret) {
			t.Fatalf("%q (raw %q): secret served", p, raw)
		}
	})
}
