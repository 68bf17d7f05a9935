package data

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strings"
)

// The CSV files are embedded so the WebAssembly page needs no network to show the figures.
//
//go:embed *.csv
var embedded embed.FS

// Index files that are not datasets.
const (
	datasetsFile = "datasets.csv"
	sourcesFile  = "sources.csv"
)

// Files returns the embedded CSV files as they are, for downloads and the data package.
func Files() fs.FS { return embedded }

// Load parses the embedded files. The build's tests make sure it succeeds.
func Load() (*Briefing, error) { return Parse(embedded) }

// Parse reads datasets.csv, sources.csv, key-figures.csv and one <id>.csv per dataset from fsys and
// validates them (excluded-numbers.csv is for the tests and not read).
// All problems are reported together (errors.Join of *LineError), so that one run of the build
// shows a spreadsheet editor everything to fix. On error the Briefing is nil.
func Parse(fsys fs.FS) (*Briefing, error) {
	p := &problems{}
	b := &Briefing{}
	if t := readTable(fsys, sourcesFile, sourcesColumns, nil, p); t != nil {
		b.Sources = parseSources(t, p) // stays nil if unreadable: rows then skip the id check
	}
	if t := readTable(fsys, keyFiguresFile, keyFigureColumns, keyFigureColumns[:2], p); t != nil {
		b.KeyFigures = parseKeyFigures(t, b.Sources, p)
	}
	if t := readTable(fsys, datasetsFile, datasetsColumns, nil, p); t != nil {
		metas, listed := parseDatasets(t, p)
		for _, d := range metas {
			if rows, ok := parseDatasetFile(fsys, d, b.Sources, p); ok {
				d.Rows = rows
				b.Datasets = append(b.Datasets, d.Dataset)
			}
		}
		checkUnlisted(fsys, listed, p)
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	return b, nil
}

// Dataset returns the dataset with the given id.
func (b *Briefing) Dataset(id string) (Dataset, bool) {
	for _, d := range b.Datasets {
		if d.ID == id {
			return d, true
		}
	}
	return Dataset{}, false
}

// Source returns the source sentence of a row (the zero Source if unknown, which Parse rules out).
func (b *Briefing) Source(r Row) Source { return b.Sources[r.SourceID] }

// Row returns the row with the given period or category.
func (d Dataset) Row(key string) (Row, bool) {
	for _, r := range d.Rows {
		if r.Key == key {
			return r, true
		}
	}
	return Row{}, false
}

// LineError is one problem in a data file. Its message starts with file:line so an editor can
// jump to the cell, e.g. `parity.csv:4: column value: "seven" is not a number`.
type LineError struct {
	File   string
	Line   int    // 1-based line in the file; the header is line 1
	Column string // header name of the cell at fault, or ""
	Msg    string
}

func (e *LineError) Error() string {
	if e.Column != "" {
		return fmt.Sprintf("%s:%d: column %s: %s", e.File, e.Line, e.Column, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// problems collects every LineError of one Parse.
type problems struct{ list []error }

func (p *problems) add(file string, line int, column, format string, args ...any) {
	p.list = append(p.list, &LineError{File: file, Line: line, Column: column, Msg: fmt.Sprintf(format, args...)})
}

func (p *problems) err() error { return errors.Join(p.list...) }

// checkUnlisted reports CSV files that no datasets.csv row names: a file added without its
// index row would otherwise silently never be shown. listed holds the ids datasets.csv names.
func checkUnlisted(fsys fs.FS, listed map[string]bool, p *problems) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return // a missing directory already shows as missing files
	}
	for _, e := range entries {
		name := e.Name()
		id := strings.TrimSuffix(name, ".csv")
		if e.IsDir() || id == name || isIndexFile(name) || listed[id] {
			continue
		}
		p.add(name, 1, "", "file is not listed in %s: add a row for dataset %q", datasetsFile, id)
	}
}

// isIndexFile reports the CSV files that are not datasets.
func isIndexFile(name string) bool {
	return name == datasetsFile || name == sourcesFile || name == keyFiguresFile
}
