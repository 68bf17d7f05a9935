package chart

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden SVGs in testdata/")

// TestGolden compares each fixture with testdata/<name>.svg. On a mismatch it writes
// testdata/<name>.got.svg to open next to the golden file; `go test -timeout 10m ./web/chart -update`
// accepts the new output.
func TestGolden(t *testing.T) {
	cases := goldenCases()
	names := make([]string, 0, len(cases))
	for n := range cases {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			res, err := Render(cases[name])
			if err != nil {
				t.Fatal(err)
			}
			checkXML(t, res.SVG)
			golden := filepath.Join("testdata", name+".svg")
			got := filepath.Join("testdata", name+".got.svg")
			if *update {
				writeFile(t, golden, res.SVG)
				os.Remove(got)
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -timeout 10m ./web/chart -update)", err)
			}
			if !bytes.Equal(want, []byte(res.SVG)) {
				writeFile(t, got, res.SVG)
				t.Fatalf("output differs from %s; open %s (go test -timeout 10m ./web/chart -update accepts it)", golden, got)
			}
			os.Remove(got)
		})
	}
}

func writeFile(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkXML fails unless s is one well-formed XML document.
func checkXML(t *testing.T, s string) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader([]byte(s)))
	d.Strict = true
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
	}
}

// TestDeterministic: the same Spec gives the same bytes (golden files and caching rely on it).
func TestDeterministic(t *testing.T) {
	for name, s := range goldenCases() {
		a, errA := Render(s)
		b, errB := Render(s)
		if errA != nil || errB != nil {
			t.Errorf("%s: %v, %v", name, errA, errB)
			continue
		}
		if a.SVG == "" || a.SVG != b.SVG {
			t.Errorf("%s: two renders differ", name)
		}
	}
}
