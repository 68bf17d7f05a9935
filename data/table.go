package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"io/fs"
	"strings"
	"unicode/utf8"
)

// table is one CSV file: its header index and the non-blank records after the header.
type table struct {
	file  string
	index map[string]int // column name -> cell position
	rows  []record
}

// record is one CSV record with the line it starts on, so messages can point at it.
type record struct {
	line  int
	cells []string
}

// cell returns the named cell; readTable guarantees every record has every required column.
func (t *table) cell(r record, column string) string { return r.cells[t.index[column]] }

// readTable reads name from fsys and checks its header against columns, whose first len(lead)
// entries must come first in that order. It returns nil if the file is unusable.
func readTable(fsys fs.FS, name string, columns, lead []string, p *problems) *table {
	raw, err := fs.ReadFile(fsys, name)
	if err != nil {
		p.add(name, 1, "", "cannot read file: %v", err)
		return nil
	}
	recs, ok := readRecords(name, raw, p)
	if !ok {
		return nil
	}
	if len(recs) == 0 {
		p.add(name, 1, "", "file is empty: expected the header %s", strings.Join(columns, ","))
		return nil
	}
	t := &table{file: name}
	if t.index = checkHeader(name, recs[0], columns, lead, p); t.index == nil {
		return nil
	}
	for _, rec := range recs[1:] {
		if len(rec.cells) != len(recs[0].cells) {
			p.add(name, rec.line, "", "row has %d cells, the header has %d", len(rec.cells), len(recs[0].cells))
			continue
		}
		t.rows = append(t.rows, rec)
	}
	return t
}

// readRecords decodes CSV, keeping each record's first line. It gives up (ok false) at the first
// syntax error because what follows an unbalanced quote cannot be trusted. Blank records (",,,,"
// as spreadsheets export empty rows) are dropped.
func readRecords(name string, raw []byte, p *problems) (recs []record, ok bool) {
	// Spreadsheets often save UTF-8 with a byte order mark; it is not part of the first column name.
	raw = bytes.TrimPrefix(raw, []byte("\uFEFF"))
	r := csv.NewReader(bytes.NewReader(raw))
	r.FieldsPerRecord = -1 // counted against the header in readTable, with a clearer message
	for {
		cells, err := r.Read()
		if err == io.EOF {
			return recs, true
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			p.add(name, pe.Line, "", "%v", pe.Err)
			return nil, false
		} else if err != nil {
			p.add(name, 1, "", "%v", err)
			return nil, false
		}
		line, _ := r.FieldPos(0)
		if checkUTF8(name, line, cells, p) && !blank(cells) {
			recs = append(recs, record{line: line, cells: cells})
		}
	}
}

// checkUTF8 reports cells that are not UTF-8 (a file saved as "CSV" in a legacy code page).
func checkUTF8(name string, line int, cells []string, p *problems) bool {
	for _, c := range cells {
		if !utf8.ValidString(c) {
			p.add(name, line, "", "text is not UTF-8: save the file as \"CSV UTF-8\"")
			return false
		}
	}
	return true
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// checkHeader maps column names to positions. Every column in columns is required and no other
// is allowed, so a typo in a header ("not_fr") is caught instead of silently dropping a column.
func checkHeader(name string, h record, columns, lead []string, p *problems) map[string]int {
	before := len(p.list)
	index := map[string]int{}
	for i, c := range h.cells {
		if _, dup := index[c]; dup {
			p.add(name, h.line, "", "column %q appears twice", c)
		} else if !contains(columns, c) {
			p.add(name, h.line, "", "unknown column %q (expected %s)", c, strings.Join(columns, ","))
		}
		index[c] = i
	}
	for _, c := range columns {
		if _, ok := index[c]; !ok {
			p.add(name, h.line, "", "missing column %q", c)
		}
	}
	if len(p.list) == before && !hasPrefix(h.cells, lead) {
		p.add(name, h.line, "", "the first columns must be %s", strings.Join(lead, ","))
	}
	if len(p.list) != before {
		return nil
	}
	return index
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func hasPrefix(cells, lead []string) bool {
	if len(cells) < len(lead) {
		return false
	}
	for i, c := range lead {
		if cells[i] != c {
			return false
		}
	}
	return true
}
