package server

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

// rangePage is 1.9 KB, the size of the file the review attacked. A multipart
// part costs about 150 bytes besides its data; the bounds allow 200.
var rangePage = []byte(strings.Repeat("<p>explorer</p>\n", 119)) // 1,904 bytes

func rangeHandler() http.Handler {
	return New(fstest.MapFS{"page.html": {Data: rangePage, ModTime: testMod}}, Options{})
}

func manyRanges(n int) string {
	specs := make([]string, n)
	for i := range specs {
		specs[i] = fmt.Sprintf("%d-%d", i, i)
	}
	return "bytes=" + strings.Join(specs, ",")
}

// TestRangesBounded sends Range headers to a real socket and measures the
// answer on the wire: never much more than the file, whatever is asked.
func TestRangesBounded(t *testing.T) {
	srv := httptest.NewServer(rangeHandler())
	defer srv.Close()
	c := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	defer c.CloseIdleConnections()
	size := len(rangePage)
	cases := []struct {
		name, ranges string
		status       int
		maxBody      int // bytes
	}{
		{"1,000 one-byte ranges", manyRanges(1000), 200, size},
		{"5 ranges", manyRanges(maxRanges + 1), 200, size},
		{"4 ranges", manyRanges(maxRanges), 206, 4 + 4*200},
		{"single range", "bytes=0-99", 206, 100},
		{"suffix", "bytes=-10", 206, 10},
		{"overlapping", "bytes=0-999,500-1500", 200, size},
		{"overlapping, out of order", "bytes=500-1500,0-999", 200, size},
		{"suffix overlapping a range", "bytes=1800-1850,-200", 200, size},
		{"open range overlapping", "bytes=100-,50-60,200-300", 200, size},
		{"disjoint, out of order", "bytes=1000-1099,0-99", 206, 200 + 2*200},
		{"empty elements are not ranges", "bytes=0-0,,,,,,,,2-2", 206, 2 + 2*200},
		{"past the end", "bytes=5000-6000", 416, 64},
	}
	for _, tc := range cases {
		r, _ := http.NewRequest("GET", srv.URL+"/page.html", nil)
		r.Header.Set("Range", tc.ranges)
		res, err := c.Do(r)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tc.status || len(body) > tc.maxBody {
			t.Errorf("%s: %d with %d bytes, want %d with at most %d", tc.name, res.StatusCode, len(body), tc.status, tc.maxBody)
		}
		if res.StatusCode == 200 && string(body) != string(rangePage) {
			t.Errorf("%s: 200 without the whole file", tc.name)
		}
		if res.Header.Get("Content-Security-Policy") == "" {
			t.Errorf("%s: %d without CSP", tc.name, res.StatusCode)
		}
	}
}

// TestRangesOnEncodings: the bound holds for precompressed and gzip answers
// too, which go through ServeContent on their own bytes.
func TestRangesOnEncodings(t *testing.T) {
	h := newTestHandler(t)
	for _, c := range []struct{ target, ae string }{
		{"/app.3f9a2c1b.wasm", "br"}, {"/data/sample.csv", "gzip"}, {"/app.3f9a2c1b.wasm", ""},
	} {
		full, want := get(h, c.target, c.ae)
		r := httptest.NewRequest("GET", c.target, nil)
		r.Header.Set("Accept-Encoding", c.ae)
		r.Header.Set("Range", manyRanges(1000))
		res, body := do(h, r)
		if res.StatusCode != 200 || string(body) != string(want) || res.Header.Get("Content-Encoding") != full.Header.Get("Content-Encoding") {
			t.Errorf("%s AE %q: %d, %d bytes (whole: %d)", c.target, c.ae, res.StatusCode, len(body), len(want))
		}
	}
}

func TestRangesBoundedParse(t *testing.T) {
	cases := map[string]bool{
		"bytes=0-0":                  true,
		"bytes=0-0,1-1,2-2,3-3":      true,
		"bytes=0-0,1-1,2-2,3-3,4-4":  false,
		"bytes=0-10,10-20":           false, // byte 10 twice
		"bytes=0-10,11-20":           true,
		"bytes=-5,0-5":               true, // 95-99 and 0-5 of 100 bytes
		"bytes=-50,60-70":            false,
		"bytes=90-,95-99":            false,
		"bytes=200-300,200-300":      true, // both past the end: nothing is sent (416)
		"items=0-1,0-1":              true, // not ours to read: ServeContent refuses it
		"bytes=x-1,0-1":              true, // ditto
		"bytes=5-1,0-1":              true,
		"bytes=0 -0,1-1,2-2,3-3,4-4": false, // counted although ServeContent must trim it
		"bytes=x,1-1,2-2,3-3,4-4":    false, // counted although unreadable
		"bytes= 0 - 10 , 5-6":        false,
		"bytes=-0,-0,0-0":            true, // empty parts, counted but overlapping nothing
	}
	for h, want := range cases {
		if got := rangesBounded(h, 100); got != want {
			t.Errorf("rangesBounded(%q, 100) = %v, want %v", h, got, want)
		}
	}
}

// FuzzRanges sends arbitrary Range headers: whatever is asked, the answer is
// the whole file, a bounded multipart or single part, or a short refusal.
func FuzzRanges(f *testing.F) {
	for _, s := range []string{"bytes=0-0", manyRanges(10), "bytes=-5,0-5", "bytes=5-,0-", "bytes=0-0,,1-1", "bytes= 1-2 , 4-5"} {
		f.Add(s)
	}
	h := rangeHandler()
	f.Fuzz(func(t *testing.T, ranges string) {
		r := httptest.NewRequest("GET", "/page.html", nil)
		r.Header["Range"] = []string{ranges}
		res, body := do(h, r)
		switch res.StatusCode {
		case 200:
			if string(body) != string(rangePage) {
				t.Fatalf("%q: 200 with %d bytes", ranges, len(body))
			}
		case 206:
			if len(body) > len(rangePage)+maxRanges*200 {
				t.Fatalf("%q: 206 with %d bytes", ranges, len(body))
			}
		case 416:
			if len(body) > 64 {
				t.Fatalf("%q: 416 with %d bytes", ranges, len(body))
			}
		default:
			t.Fatalf("%q: status %d", ranges, res.StatusCode)
		}
	})
}
