package data

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

var fuzzNames = []string{"datasets.csv", "sources.csv", "fatalities.csv", "coe-gaps.csv", "parity.csv", "extra.csv", "key-figures.csv"}

// embeddedFS copies the real data files into a MapFS so one of them can be replaced.
func embeddedFS(f *testing.F) fstest.MapFS {
	fsys := fstest.MapFS{}
	entries, err := fs.ReadDir(Files(), ".")
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		raw, err := fs.ReadFile(Files(), e.Name())
		if err != nil {
			f.Fatal(err)
		}
		fsys[e.Name()] = &fstest.MapFile{Data: raw}
	}
	return fsys
}

// FuzzParse replaces one data file with arbitrary bytes: Parse must never panic, and must either
// succeed with consistent data or explain every problem as file:line.
func FuzzParse(f *testing.F) {
	base := embeddedFS(f)
	for i, name := range fuzzNames {
		if file, ok := base[name]; ok {
			f.Add(uint8(i), file.Data)
		}
	}
	f.Add(uint8(2), []byte("period,value\n\"2017,59\n"))
	f.Add(uint8(4), []byte("\uFEFFcategory,value,target\r\n,,\r\n"))
	f.Add(uint8(6), []byte("id,figure,qualifier,unit,unit_fr,theme,source,as_written,note,note_fr,figure_words,figure_words_fr\nx,\"80,000\",over,,,women,,,a,,,\n"))
	f.Fuzz(func(t *testing.T, which uint8, content []byte) {
		fsys := fstest.MapFS{}
		for name, file := range base {
			fsys[name] = file
		}
		fsys[fuzzNames[int(which)%len(fuzzNames)]] = &fstest.MapFile{Data: content}
		b, err := Parse(fsys)
		if err != nil {
			checkLineErrors(t, err)
			return
		}
		for _, k := range b.KeyFigures {
			s, ok := b.Sources[k.SourceID]
			if _, theme := ThemeByID(k.Theme.ID); !ok || s != k.Source || strings.Count(s.Quote, k.AsWritten) != 1 || k.AsWritten == "" || !theme || k.UnitFR == "" {
				t.Fatalf("key-figures.csv line %d: accepted an untraceable key figure %+v", k.Line, k)
			}
		}
		for _, d := range b.Datasets {
			for _, r := range d.Rows {
				if _, ok := b.Sources[r.SourceID]; !ok || (!r.HasValue && r.Note == "") {
					t.Fatalf("%s line %d: accepted an untraceable row %+v", d.ID, r.Line, r)
				}
			}
		}
	})
}

// checkLineErrors asserts that every joined error is a *LineError naming a .csv file and a line.
func checkLineErrors(t *testing.T, err error) {
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok {
		t.Fatalf("error is not a joined list: %v", err)
	}
	for _, e := range joined.Unwrap() {
		var le *LineError
		if !errors.As(e, &le) || !strings.HasSuffix(le.File, ".csv") || le.Line < 1 {
			t.Fatalf("problem without file:line: %v", e)
		}
	}
}
