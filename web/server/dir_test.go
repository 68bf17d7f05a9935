package server

import (
	"errors"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

// writeTree writes files (slash-separated name → content) under dir.
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

// httpGet fetches base+target over a real socket and returns status and body.
func httpGet(t *testing.T, c *http.Client, url string) (int, string) {
	t.Helper()
	res, err := c.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("GET %s: reading body: %v", url, err)
	}
	return res.StatusCode, string(b)
}

// TestDirFollowsRebuild serves a directory over a real socket while it is
// rebuilt the two ways a build can do it: removed and written again in place
// (what web/site does to dist/), and built next to it and renamed over it.
// Requests after each rebuild must see the new files without a restart.
func TestDirFollowsRebuild(t *testing.T) {
	parent := t.TempDir()
	site := filepath.Join(parent, "dist")
	writeTree(t, site, map[string]string{"index.html": "v1", "data/a.csv": "a,1\n"})
	srv := httptest.NewServer(New(Dir(site), Options{}))
	defer srv.Close()
	c := srv.Client()
	if code, body := httpGet(t, c, srv.URL+"/"); code != 200 || body != "v1" {
		t.Fatalf("before rebuild: %d %q", code, body)
	}

	if err := os.RemoveAll(site); err != nil {
		t.Fatal(err)
	}
	if code, _ := httpGet(t, c, srv.URL+"/"); code != 404 {
		t.Errorf("while dist/ is gone: %d, want 404", code)
	}
	writeTree(t, site, map[string]string{"index.html": "v2", "data/a.csv": "a,2\n"})
	if code, body := httpGet(t, c, srv.URL+"/"); code != 200 || body != "v2" {
		t.Errorf("after remove and rewrite: %d %q, want 200 \"v2\"", code, body)
	}
	if code, body := httpGet(t, c, srv.URL+"/data/a.csv"); code != 200 || body != "a,2\n" {
		t.Errorf("after remove and rewrite, data: %d %q", code, body)
	}

	next := filepath.Join(parent, "dist.new")
	writeTree(t, next, map[string]string{"index.html": "v3"})
	if err := os.Rename(site, filepath.Join(parent, "dist.old")); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(next, site); err != nil {
		t.Fatal(err)
	}
	if code, body := httpGet(t, c, srv.URL+"/"); code != 200 || body != "v3" {
		t.Errorf("after rename into place: %d %q, want 200 \"v3\"", code, body)
	}
	if code, _ := httpGet(t, c, srv.URL+"/data/a.csv"); code != 404 {
		t.Errorf("file of the old build still served: %d", code)
	}
}

// TestDirConfined checks Dir keeps os.Root's confinement: invalid names and
// symlinks that leave the directory are refused, at the fs and over HTTP.
func TestDirConfined(t *testing.T) {
	parent := t.TempDir()
	site := filepath.Join(parent, "dist")
	writeTree(t, parent, map[string]string{"secret.txt": string(secret), "dist/index.html": "ok"})
	if err := os.Symlink(filepath.Join(parent, "secret.txt"), filepath.Join(site, "leak.txt")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if err := os.Symlink("index.html", filepath.Join(site, "alias.html")); err != nil {
		t.Fatal(err)
	}
	d := Dir(site)
	for _, name := range []string{"../secret.txt", "/etc/passwd", "a/../index.html", ""} {
		if _, err := d.Open(name); !errors.Is(err, fs.ErrInvalid) {
			t.Errorf("Open(%q): %v, want ErrInvalid", name, err)
		}
		if _, err := fs.Stat(d, name); !errors.Is(err, fs.ErrInvalid) {
			t.Errorf("Stat(%q): %v, want ErrInvalid", name, err)
		}
	}
	if f, err := d.Open("leak.txt"); err == nil {
		f.Close()
		t.Error("symlink out of the directory opened")
	}
	h := New(d, Options{})
	if res, body := get(h, "/leak.txt", ""); res.StatusCode != 404 || string(body) != "not found\n" {
		t.Errorf("/leak.txt: %d %q", res.StatusCode, body)
	}
	if res, body := get(h, "/alias.html", ""); res.StatusCode != 200 || string(body) != "ok" {
		t.Errorf("symlink inside the directory: %d %q", res.StatusCode, body)
	}
}
