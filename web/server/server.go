// Package server serves the built explorer (dist/) from an fs.FS.
//
// The handler does no os calls so the same code runs under `go run serve.go`
// (over Dir, which opens dist/ afresh through an os.Root on every call) and
// inside a Cloudflare Worker (over an embed.FS). Dir is the one os-facing part.
package server

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"time"
)

// Options configures New.
type Options struct {
	// FrameAncestors is the CSP frame-ancestors source list; "" means "'self'".
	// Set it to the embedding origins, e.g. "'self' https://example.org".
	FrameAncestors string
}

// minGzipSize: below about one packet the gzip header and CPU cost outweigh
// the saving.
const minGzipSize = 1024

type handler struct {
	site  fs.FS
	csp   string
	cache *contentCache
}

// New returns a GET/HEAD-only handler serving site. It panics if opt fails
// Validate, since that is a configuration bug the caller can check first.
func New(site fs.FS, opt Options) http.Handler {
	if err := opt.Validate(); err != nil {
		panic("server.New: " + err.Error())
	}
	return &handler{site: site, csp: CSP(opt.FrameAncestors), cache: newContentCache()}
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	setSecurityHeaders(hdr, h.csp)
	// Vary everywhere: caches must not reuse one encoding for another client,
	// and a uniform rule is easier to audit than a per-branch one.
	hdr.Set("Vary", "Accept-Encoding")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		PlainError(w, r, http.StatusMethodNotAllowed, "method not allowed")
		return
	}
	name, dir, perr := cleanPath(r.URL)
	if perr != nil {
		PlainError(w, r, perr.status, perr.msg)
		return
	}
	if dir {
		name = path.Join(name, "index.html")
	}
	name = h.languagePage(name, r.URL) // lang.go
	f, info, err := openRegular(h.site, name)
	if errors.Is(err, errIsDir) && h.hasIndex(name) {
		redirectToDir(w, r, name)
		return
	}
	if err != nil {
		PlainError(w, r, http.StatusNotFound, "not found")
		return
	}
	defer f.Close()
	h.serveFile(w, r, name, f, info)
}

var errIsDir = errors.New("is a directory")

// openRegular opens name and refuses anything but a regular file, so
// directories, devices and pipes are never streamed. When the fs can Stat
// without opening (os-backed ones can), it checks first: opening a FIFO for
// reading waits for a writer, so a pipe in dist/ would hang the request, pin
// an OS thread and stall shutdown. The check after the open stays, for file
// systems without Stat and for a file swapped in between.
func openRegular(site fs.FS, name string) (fs.File, fs.FileInfo, error) {
	if sfs, ok := site.(fs.StatFS); ok {
		info, err := sfs.Stat(name)
		if err == nil {
			err = regular(info)
		}
		if err != nil {
			return nil, nil, err
		}
	}
	f, err := site.Open(name)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err == nil {
		err = regular(info)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// regular maps a directory to errIsDir (the caller may redirect to its
// index) and any other non-regular file to "not found".
func regular(info fs.FileInfo) error {
	switch {
	case info.IsDir():
		return errIsDir
	case !info.Mode().IsRegular():
		return fs.ErrNotExist
	}
	return nil
}

func (h *handler) hasIndex(dir string) bool {
	f, _, err := openRegular(h.site, path.Join(dir, "index.html"))
	if err != nil {
		return false
	}
	f.Close()
	return true
}

// redirectToDir sends /charts to /charts/ so relative links in its index
// resolve. The Location is relative ("./charts/") so it can never leave the site.
func redirectToDir(w http.ResponseWriter, r *http.Request, name string) {
	loc := "./" + url.PathEscape(path.Base(name)) + "/"
	if r.URL.RawQuery != "" {
		loc += "?" + r.URL.RawQuery
	}
	w.Header().Set("Location", loc)
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusMovedPermanently)
}

// serveFile picks the representation: a precompressed sibling in the
// client's preference order, then on-the-fly gzip, then the file as is.
func (h *handler) serveFile(w http.ResponseWriter, r *http.Request, name string, f fs.File, info fs.FileInfo) {
	hdr := w.Header()
	hdr.Set("Content-Type", contentType(name))
	hdr.Set("Cache-Control", cacheControl(name))
	encs := preferredEncodings(r.Header.Get("Accept-Encoding"))
	for _, enc := range encs {
		if h.servePrecompressed(w, r, name, enc) {
			return
		}
	}
	for _, enc := range encs {
		if enc == "gzip" && compressible(name) && info.Size() > minGzipSize {
			h.serveGzip(w, r, name, f, info)
			return
		}
	}
	h.serveContent(w, r, name, f, info)
}

// servePrecompressed serves name.br / name.gz if the build produced one.
func (h *handler) servePrecompressed(w http.ResponseWriter, r *http.Request, name, enc string) bool {
	sibling := name + ".gz"
	if enc == "br" {
		sibling = name + ".br"
	}
	f, info, err := openRegular(h.site, sibling)
	if err != nil {
		return false
	}
	defer f.Close()
	w.Header().Set("Content-Encoding", enc)
	h.serveContent(&encodedWriter{w, info.Size()}, r, sibling, f, info)
	return true
}

func (h *handler) serveGzip(w http.ResponseWriter, r *http.Request, name string, f fs.File, info fs.FileInfo) {
	e, err := h.cache.gzipFor(name, info, f)
	if err != nil {
		PlainError(w, r, http.StatusInternalServerError, "read error")
		return
	}
	w.Header().Set("Content-Encoding", "gzip")
	w.Header().Set("ETag", e.etag)
	ew := &encodedWriter{w, int64(len(e.body))}
	serveRange(ew, r, modTime(info), bytes.NewReader(e.body), int64(len(e.body)))
}

// encodedWriter restores the Content-Length that http.ServeContent omits on
// full responses once Content-Encoding is set (it guards against wrappers that
// re-encode; our bytes are final). Without it HEAD lacks a length and large
// GETs fall back to chunked encoding. Partial responses already carry theirs.
type encodedWriter struct {
	http.ResponseWriter
	size int64
}

func (w *encodedWriter) WriteHeader(code int) {
	if code == http.StatusOK && w.Header().Get("Content-Length") == "" {
		w.Header().Set("Content-Length", strconv.FormatInt(w.size, 10))
	}
	w.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *encodedWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// serveContent delegates Range (bounded, see serveRange), HEAD and If-*
// handling to http.ServeContent; the Content-Type is already set, so it never
// sniffs.
func (h *handler) serveContent(w http.ResponseWriter, r *http.Request, key string, f fs.File, info fs.FileInfo) {
	rs, err := readSeeker(f)
	var etag string
	if err == nil {
		etag, err = h.cache.etagFor(key, info, rs)
	}
	if err != nil {
		PlainError(w, r, http.StatusInternalServerError, "read error")
		return
	}
	w.Header().Set("ETag", etag)
	serveRange(w, r, modTime(info), rs, info.Size())
}

// modTime hides the zero time embed.FS reports, which ServeContent already
// ignores, and any pre-epoch value it would format nonsensically.
func modTime(info fs.FileInfo) time.Time {
	if t := info.ModTime(); t.Unix() > 0 {
		return t
	}
	return time.Time{}
}

// PlainError writes a short text/plain body that no cache keeps, dropping headers that
// described the representation we were about to send. The Worker's handlers use it too.
func PlainError(w http.ResponseWriter, r *http.Request, code int, msg string) {
	hdr := w.Header()
	for _, k := range []string{"Content-Encoding", "ETag", "Last-Modified"} {
		hdr.Del(k)
	}
	hdr.Set("Content-Type", "text/plain; charset=utf-8")
	hdr.Set("Cache-Control", "no-store") // a 404 mid-deploy must not stick
	hdr.Set("Content-Length", strconv.Itoa(len(msg)+1))
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		io.WriteString(w, msg+"\n")
	}
}
