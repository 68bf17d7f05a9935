package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"sync"
)

// gzipCacheBudget caps the memory held by on-the-fly gzip output. Precompressed
// siblings cover the big files (wasm), so this mostly holds CSV/JSON/SVG.
const gzipCacheBudget = 64 << 20

// entry is a cached derivation of one file version. size and mod identify the
// version, so a rebuilt dist/ served through Dir (or os.DirFS) invalidates it
// without a restart.
type entry struct {
	size int64
	mod  int64
	etag string
	body []byte // gzip output; nil in ETag-only entries
}

// contentCache memoises content hashes and gzip output, so steady-state
// requests cost an open and a stat rather than a full read of the file.
type contentCache struct {
	mu     sync.Mutex
	etags  map[string]entry
	gz     map[string]entry
	gzUsed int64
}

func newContentCache() *contentCache {
	return &contentCache{etags: map[string]entry{}, gz: map[string]entry{}}
}

func (c *contentCache) get(m map[string]entry, name string, info fs.FileInfo) (entry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := m[name]
	return e, ok && e.size == info.Size() && e.mod == info.ModTime().UnixNano()
}

// put stores e, keeping the gzip budget accounting right when an entry is
// replaced; entries that would exceed the budget are simply not kept.
func (c *contentCache) put(m map[string]entry, name string, info fs.FileInfo, e entry) {
	e.size, e.mod = info.Size(), info.ModTime().UnixNano()
	c.mu.Lock()
	defer c.mu.Unlock()
	old := int64(len(m[name].body))
	if c.gzUsed-old+int64(len(e.body)) > gzipCacheBudget {
		return
	}
	c.gzUsed += int64(len(e.body)) - old
	m[name] = e
}

// etagFor returns a strong ETag for the file's bytes, hashing only on a miss
// and rewinding rs so the caller can serve it afterwards.
func (c *contentCache) etagFor(name string, info fs.FileInfo, rs io.ReadSeeker) (string, error) {
	if e, ok := c.get(c.etags, name, info); ok {
		return e.etag, nil
	}
	h := sha256.New()
	if _, err := io.Copy(h, rs); err != nil {
		return "", err
	}
	if _, err := rs.Seek(0, io.SeekStart); err != nil {
		return "", err
	}
	etag := makeETag(h.Sum(nil))
	c.put(c.etags, name, info, entry{etag: etag})
	return etag, nil
}

// gzipFor returns the gzip encoding of the file and its ETag. The whole output
// is buffered so http.ServeContent can still answer Range and conditional
// requests for it.
func (c *contentCache) gzipFor(name string, info fs.FileInfo, r io.Reader) (entry, error) {
	if e, ok := c.get(c.gz, name, info); ok {
		return e, nil
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression) // level is valid
	if _, err := io.Copy(zw, r); err != nil {
		return entry{}, err
	}
	if err := zw.Close(); err != nil {
		return entry{}, err
	}
	sum := sha256.Sum256(buf.Bytes())
	e := entry{etag: makeETag(sum[:]), body: buf.Bytes()}
	c.put(c.gz, name, info, e)
	return e, nil
}

// makeETag truncates the hash: 128 bits is ample to tell versions apart.
func makeETag(sum []byte) string {
	return `"` + hex.EncodeToString(sum[:16]) + `"`
}

// readSeeker returns f itself when it can seek (os, embed and MapFS files
// can); other fs.FS implementations are read into memory.
func readSeeker(f fs.File) (io.ReadSeeker, error) {
	if rs, ok := f.(io.ReadSeeker); ok {
		return rs, nil
	}
	b, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	return bytes.NewReader(b), nil
}
