package upload

import (
	"sort"
	"strings"
	"unicode/utf8"

	"briefing/data"
)

// columns maps header names (lowercased, spaces and hyphens as "_") to the columns they mean.
var columns = map[string]string{
	"period": "period", "year": "period", "période": "period", "periode": "period", "année": "period", "annee": "period",
	"category": "category", "catégorie": "category", "categorie": "category",
	"value": "value", "valeur": "value",
	"target": "target", "objectif": "target", "cible": "target",
	"note": "note", "notes": "note",
	"partial": "partial", "partiel": "partial", "partielle": "partial",
	"as_of": "as_of", "asof": "as_of", "situation_au": "as_of", // "situation au": web/export's French header
}

// underscores spells "as of" and "as-of" as the column name as_of.
var underscores = strings.NewReplacer(" ", "_", "-", "_")

// header is the meaning of the header line: the position of each known column.
type header struct {
	kind  data.Kind
	index map[string]int    // column -> cell position
	width int               // cells a row needs: up to the last column used
	size  int               // cells of the header
	key   string            // "period" or "category"
	names map[string]string // column -> its header cell as written, e.g. "value" -> "share (%)"
	unit  string            // the value column's unit as written in its header, e.g. "%"
}

// Parse reads an uploaded CSV file into a dataset (see the package comment for what it accepts).
// name is the file's name ("" for pasted text); it gives the dataset's ID (IDPrefix and the
// name made safe) and Title. On failure the error is Errors, listing the problems with their
// line and column, e.g.
//
//	line 3, column value: "seven" is not a number
//
// Every row has SourceID "": the figures are the reader's, not the document's.
func Parse(name string, b []byte) (data.Dataset, Info, error) {
	var info Info
	if err := CheckSize(len(b)); err != nil {
		return data.Dataset{}, info, err
	}
	text, err := decode(b)
	if err != nil {
		return data.Dataset{}, info, err
	}
	if strings.TrimSpace(text) == "" {
		return data.Dataset{}, info, fail(MsgEmpty)
	}
	sep, text := separator(text)
	info.Separator = sep
	p := &problems{}
	recs, count := readRecords(text, sep, 1+MaxRows, p)
	if len(p.list) > 0 {
		return data.Dataset{}, info, p.err()
	}
	if count == 0 {
		return data.Dataset{}, info, fail(MsgEmpty)
	}
	info.Rows = count - 1
	if info.Rows > MaxRows {
		return data.Dataset{}, info, fail(MsgTooManyRows, Count(info.Rows), Count(MaxRows))
	}
	h := readHeader(recs[0], &info, p)
	if h == nil {
		return data.Dataset{}, info, p.err()
	}
	if info.Rows == 0 {
		return data.Dataset{}, info, fail(MsgNoDataRows)
	}
	ds := data.Dataset{ID: IDPrefix + slug(stem(name)), Kind: h.kind, Title: title(name), Unit: h.unit, UnitFR: h.unit,
		KeyLabel: h.names[h.key], ValueLabel: h.names["value"], TargetLabel: h.names["target"]}
	ds.TitleFR = ds.Title
	if ds.Title == "" {
		ds.Title, ds.TitleFR = UntitledEN, UntitledFR
	}
	decimalComma := sep == ';' || sep == '\t'
	seen := map[string]bool{}
	anyValue := false
	for _, rec := range recs[1:] {
		r, ok := readRow(rec, h, decimalComma, &info, p)
		if !ok {
			continue
		}
		if seen[r.Key] {
			p.add(rec.line, "", MsgDuplicateKey, h.key, Cell(r.Key))
		}
		seen[r.Key] = true
		anyValue = anyValue || r.HasValue
		ds.Rows = append(ds.Rows, r)
	}
	if err := p.err(); err != nil {
		return data.Dataset{}, info, err
	}
	if !anyValue {
		info.Warnings = append(info.Warnings, Problem{Tmpl: MsgNoValues})
	}
	if h.kind == data.Series {
		info.Sorted = sortPeriods(ds.Rows)
		if info.Sorted {
			info.Warnings = append(info.Warnings, Problem{Tmpl: MsgSorted})
		}
	}
	return ds, info, nil
}

// readHeader maps the header's columns; nil if the file cannot be read with it.
func readHeader(rec record, info *Info, p *problems) *header {
	h := &header{index: map[string]int{}, names: map[string]string{}, size: len(rec.cells)}
	before := len(p.list)
	for i, cell := range rec.cells {
		cell = strings.TrimPrefix(cell, "\uFEFF")
		base, unit := splitUnit(cell)
		name := underscores.Replace(strings.ToLower(base))
		col, known := columns[name]
		switch {
		case cell == "":
			continue // an unnamed column, as spreadsheets export past the data; its cells are ignored
		case !known:
			info.Ignored = append(info.Ignored, cell)
			continue
		}
		if _, dup := h.index[col]; dup {
			p.add(rec.line, "", MsgColumnTwice, Cell(col))
			continue
		}
		h.index[col] = i
		h.names[col] = cleanText(cell)
		if col == "value" {
			h.unit = unit
		}
	}
	_, period := h.index["period"]
	_, category := h.index["category"]
	switch {
	case period && category:
		p.add(rec.line, "", MsgPeriodAndCat)
	case period:
		h.kind, h.key = data.Series, "period"
	case category:
		h.kind, h.key = data.Targets, "category"
	default:
		p.add(rec.line, "", MsgNoKeyColumn)
	}
	if _, ok := h.index["value"]; !ok {
		p.add(rec.line, "", MsgNoValueColumn)
	}
	if i, ok := h.index["target"]; ok && h.kind == data.Series {
		delete(h.index, "target")
		info.Ignored = append(info.Ignored, rec.cells[i])
		info.Warnings = append(info.Warnings, Problem{Tmpl: MsgTargetIgnored})
	}
	if len(p.list) > before {
		return nil
	}
	for _, i := range h.index {
		h.width = max(h.width, i+1)
	}
	if len(info.Ignored) > 0 {
		info.Warnings = append(info.Warnings, Problem{Tmpl: MsgIgnoredColumns, Args: []any{CellList(info.Ignored)}})
	}
	return h
}

// readRow reads one data record; ok is false if it had a problem (reported to p).
func readRow(rec record, h *header, decimalComma bool, info *Info, p *problems) (r data.Row, ok bool) {
	n := len(rec.cells)
	extra := n > h.size && !blank(rec.cells[h.size:])
	if n < h.width || extra {
		p.add(rec.line, "", MsgCellCount, Cells(n), Count(h.size))
		return r, false
	}
	before := len(p.list)
	cell := func(col string) string {
		if i, ok := h.index[col]; ok {
			return rec.cells[i]
		}
		return ""
	}
	r.Line = rec.line
	r.Key = label(rec.line, h.key, cleanText(cell(h.key)), MaxLabel, p)
	if r.Key != "" && h.kind == data.Series {
		key, ok := period(r.Key)
		if !ok {
			p.add(rec.line, "period", MsgNotPeriod, Cell(r.Key))
		}
		r.Key = key
	} else if h.kind == data.Targets {
		r.LabelFR = r.Key
	}
	var comma bool
	r.Value, r.ValueText, r.HasValue, comma = numberCell(rec.line, "value", cell("value"), decimalComma, p)
	info.DecimalComma = info.DecimalComma || comma
	if h.kind == data.Targets {
		r.Target, r.TargetText, r.HasTarget, comma = numberCell(rec.line, "target", cell("target"), decimalComma, p)
		info.DecimalComma = info.DecimalComma || comma
	}
	var known bool
	if r.Partial, known = partial(cell("partial")); !known {
		p.add(rec.line, "partial", MsgNotPartial, Cell(cell("partial")))
	}
	if r.AsOf = cell("as_of"); r.AsOf != "" && !date(r.AsOf) {
		p.add(rec.line, "as_of", MsgNotDate, Cell(r.AsOf))
	}
	r.Note = label(rec.line, "note", cleanText(cell("note")), MaxNote, p)
	r.NoteFR = r.Note
	return r, len(p.list) == before
}

func numberCell(line int, col, s string, decimalComma bool, p *problems) (float64, string, bool, bool) {
	v, text, ok, comma, problem := number(s, decimalComma)
	if problem.Tmpl != "" {
		p.add(line, col, problem.Tmpl, problem.Args...)
	}
	return v, text, ok, comma
}

// label checks a text cell's length; a key column must not be empty.
func label(line int, col, s string, limit int, p *problems) string {
	n := utf8.RuneCountInString(s)
	switch {
	case s == "" && col != "note":
		p.add(line, col, MsgEmptyCell, col)
	case n > limit && col == "note":
		p.add(line, col, MsgLongNote, Count(n), Count(limit))
	case n > limit:
		p.add(line, col, MsgLongLabel, Count(n), Count(limit))
	}
	return s
}

// sortPeriods puts Series rows in time order, a year before its quarters; it reports whether
// the order changed.
func sortPeriods(rows []data.Row) bool {
	order := func(r data.Row) int {
		y, q, _ := data.ParsePeriod(r.Key)
		return y*10 + q
	}
	less := func(i, j int) bool { return order(rows[i]) < order(rows[j]) }
	// sort, not slices: a generic sort adds its own copy of the sorting code to the wasm.
	sorted := sort.SliceIsSorted(rows, less)
	sort.SliceStable(rows, less)
	return !sorted
}

// stem is the file name without folders and extension.
func stem(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	return strings.ToValidUTF8(name, "\uFFFD")
}

// title is the dataset title from the file name: "my_figures.csv" -> "my figures"; "" for
// pasted text (PastedName) or a name with nothing to show, which Parse titles UntitledEN/FR.
func title(name string) string {
	if name == PastedName {
		return ""
	}
	t := cleanText(strings.ReplaceAll(stem(name), "_", " "))
	if t == "" {
		return ""
	}
	if r := []rune(t); len(r) > MaxLabel {
		t = string(r[:MaxLabel-1]) + "…"
	}
	return t
}

// splitUnit splits a header cell into a column name and the unit it states: a last part in
// parentheses ("value (%)", "valeur (millions)") or a trailing "%" ("value %"). A cell with
// neither is all name.
func splitUnit(cell string) (name, unit string) {
	c := strings.TrimSpace(cell)
	if strings.HasSuffix(c, ")") {
		if i := strings.LastIndexByte(c, '('); i > 0 {
			return strings.TrimSpace(c[:i]), strings.TrimSpace(c[i+1 : len(c)-1])
		}
	}
	if rest, ok := strings.CutSuffix(c, "%"); ok && strings.TrimSpace(rest) != "" {
		return strings.TrimSpace(rest), "%"
	}
	return c, ""
}

// slug makes the ID part: lowercase ASCII letters and digits with inner hyphens, at most 40
// bytes; accented Latin letters lose the accent. Nothing usable gives "data".
func slug(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range data.Fold(s) {
		out := ""
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			out = string(r)
		}
		if out == "" {
			hyphen = b.Len() > 0
			continue
		}
		if b.Len()+len(out)+1 > 40 {
			break
		}
		if hyphen {
			b.WriteByte('-')
			hyphen = false
		}
		b.WriteString(out)
	}
	if b.Len() == 0 {
		return "data"
	}
	return b.String()
}

// CheckSize refuses a file over MaxBytes with the same message Parse gives, so a browser can
// check a dropped file's size before reading it into memory.
func CheckSize(n int) error {
	if n > MaxBytes {
		return fail(MsgTooBig, Size(n))
	}
	return nil
}
