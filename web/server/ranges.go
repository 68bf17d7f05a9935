package server

import (
	"cmp"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// maxRanges bounds the ranges one request may ask for. Browsers ask for one
// (media seeking, resumed downloads); a document reader may ask for a few.
// Each part of a multipart answer costs about 150 bytes of boundary and
// headers however small it is, so without a bound 1,000 one-byte ranges
// turned a 1.9 KB file into a 144 KB answer.
const maxRanges = 4

// serveRange is http.ServeContent with the Range header bounded: a request
// for more than maxRanges ranges, or for ranges that overlap, is answered with
// the whole file (200), as RFC 9110 §14.2 allows a server to ignore Range.
// With at most maxRanges disjoint ranges an answer is never much larger than
// the file. (ServeContent itself already ignores ranges that add up to more
// than the file.)
func serveRange(w http.ResponseWriter, r *http.Request, mod time.Time, rs io.ReadSeeker, size int64) {
	if h := r.Header.Get("Range"); h != "" && !rangesBounded(h, size) {
		r = r.Clone(r.Context())
		r.Header.Del("Range")
		r.Header.Del("If-Range")
	}
	http.ServeContent(w, r, "", mod, rs)
}

// rangesBounded reports whether header may be passed to ServeContent. It
// counts before it parses, so no malformed element hides the ones after it. A
// header it cannot read is passed on unchanged: ServeContent answers it with
// 416, which is small. Elements are trimmed and read as ServeContent reads
// them, so both see the same ranges.
func rangesBounded(header string, size int64) bool {
	specs, ok := strings.CutPrefix(header, "bytes=")
	if !ok {
		return true
	}
	var elems []string
	for spec := range strings.SplitSeq(specs, ",") {
		if spec = trimOWS(spec); spec != "" { // ServeContent skips empty elements too
			elems = append(elems, spec)
		}
	}
	if len(elems) > maxRanges {
		return false
	}
	type span struct{ start, end int64 } // inclusive, within the file
	var spans []span
	for _, spec := range elems {
		first, last, ok := strings.Cut(spec, "-")
		if !ok {
			return true
		}
		first, last = trimOWS(first), trimOWS(last)
		var s span
		if first == "" { // suffix: the last N bytes
			k, err := strconv.ParseInt(last, 10, 64)
			if err != nil || k < 0 {
				return true
			}
			s = span{max(size-k, 0), size - 1}
		} else {
			a, err := strconv.ParseInt(first, 10, 64)
			if err != nil || a < 0 {
				return true
			}
			s = span{a, size - 1}
			if last != "" {
				b, err := strconv.ParseInt(last, 10, 64)
				if err != nil || b < a {
					return true
				}
				s.end = min(b, size-1)
			}
		}
		if s.start <= s.end { // empty or past the end: no bytes to overlap
			spans = append(spans, s)
		}
	}
	slices.SortFunc(spans, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	for i := 1; i < len(spans); i++ {
		if spans[i].start <= spans[i-1].end {
			return false
		}
	}
	return true
}

// trimOWS trims the whitespace ServeContent trims around range elements.
func trimOWS(s string) string { return strings.Trim(s, " \t\r\n") }
