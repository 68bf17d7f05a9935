package data

import (
	"io/fs"
	"strings"
)

// groups are the allowed Targets groups; the page colours and splits bars by them.
var groups = []string{"uniformed", "civilian"}

// parseDatasetFile reads <id>.csv. ok is false if the file had any problem, so a half-valid
// dataset is never shown. sources is nil when sources.csv itself was unreadable.
func parseDatasetFile(fsys fs.FS, d datasetMeta, sources map[string]Source, p *problems) (rows []Row, ok bool) {
	name := d.ID + ".csv"
	if _, err := fs.Stat(fsys, name); err != nil {
		p.add(datasetsFile, d.line, "id", "dataset %q has no file %s", d.ID, name)
		return nil, false
	}
	before := len(p.list)
	t := readTable(fsys, name, d.Kind.Columns(), d.Kind.lead(), p)
	if t == nil {
		return nil, false
	}
	seen, key := map[string]int{}, d.Kind.lead()[0]
	for _, rec := range t.rows {
		r := parseRow(t, rec, d.Kind, p)
		if first, dup := seen[r.Key]; dup && r.Key != "" {
			p.add(t.file, rec.line, key, "duplicate %s %q (first on line %d)", key, r.Key, first)
		}
		seen[r.Key] = rec.line
		checkRow(t, r, d.Dataset, p)
		checkProvenance(t, r, sources, p)
		rows = append(rows, r)
	}
	if len(t.rows) == 0 {
		p.add(t.file, 1, "", "no rows: a dataset needs at least one figure")
	}
	return rows, len(p.list) == before
}

// parseRow turns one record into a Row, reporting cells that do not parse.
func parseRow(t *table, rec record, kind Kind, p *problems) Row {
	r := Row{
		Line: rec.line, AsOf: t.cell(rec, "as_of"), Note: t.cell(rec, "note"), NoteFR: t.cell(rec, "note_fr"),
		SourceID: t.cell(rec, "source"), AsWritten: t.cell(rec, "as_written"),
	}
	r.ValueText = t.cell(rec, "value")
	r.Value, r.HasValue = parseNumberCell(t, rec, "value", p)
	if kind == Series {
		parseSeriesCells(t, rec, &r, p)
	} else {
		parseTargetsCells(t, rec, &r, p)
	}
	if r.AsOf != "" {
		if problem := checkDate(r.AsOf, true); problem != "" {
			p.add(t.file, rec.line, "as_of", "%s", problem)
		}
	}
	return r
}

func parseNumberCell(t *table, rec record, column string, p *problems) (float64, bool) {
	v, ok, problem := number(t.cell(rec, column))
	if problem != "" {
		p.add(t.file, rec.line, column, "%s", problem)
	}
	return v, ok
}

// parseSeriesCells reads period and partial.
func parseSeriesCells(t *table, rec record, r *Row, p *problems) {
	r.Key = t.cell(rec, "period")
	if _, _, err := ParsePeriod(r.Key); err != nil {
		p.add(t.file, rec.line, "period", "%q: %v", r.Key, err)
	}
	switch partial := t.cell(rec, "partial"); partial {
	case "true":
		r.Partial = true
	case "false", "":
	default:
		p.add(t.file, rec.line, "partial", "%q must be true, false or empty", partial)
	}
}

// parseTargetsCells reads category, target, group and the French label.
func parseTargetsCells(t *table, rec record, r *Row, p *problems) {
	r.Key, r.LabelFR, r.Group = t.cell(rec, "category"), t.cell(rec, "label_fr"), t.cell(rec, "group")
	r.TargetText = t.cell(rec, "target")
	r.Target, r.HasTarget = parseNumberCell(t, rec, "target", p)
	requireText(t, rec, []string{"category", "label_fr"}, p)
	if !contains(groups, r.Group) {
		p.add(t.file, rec.line, "group", "%q must be %s", r.Group, strings.Join(groups, " or "))
	}
}

// checkRow applies the rules that keep a figure honest: a missing figure is explained, notes are
// bilingual, a partial period says when, and shares stay within 100 per cent.
func checkRow(t *table, r Row, d Dataset, p *problems) {
	if !r.HasValue && r.Note == "" && r.ValueText == "" {
		p.add(t.file, r.Line, "note", "value is empty, so a note must say why (e.g. \"no figure given\")")
	}
	if (r.Note == "") != (r.NoteFR == "") {
		p.add(t.file, r.Line, "note_fr", "note and note_fr must both be filled or both be empty")
	}
	if r.Partial && r.AsOf == "" {
		p.add(t.file, r.Line, "as_of", "a partial figure needs the date it was given")
	}
	if !strings.Contains(d.Unit, "%") {
		return
	}
	if r.HasValue && r.Value > 100 {
		p.add(t.file, r.Line, "value", "%q is over 100 per cent", r.ValueText)
	}
	if r.HasTarget && r.Target > 100 {
		p.add(t.file, r.Line, "target", "%q is over 100 per cent", r.TargetText)
	}
}

// checkProvenance ties the row to its sentence: the source must exist and the words the row
// quotes must be in it, so every figure on the page can be traced.
func checkProvenance(t *table, r Row, sources map[string]Source, p *problems) {
	if r.SourceID == "" {
		p.add(t.file, r.Line, "source", "missing source id (an id from %s)", sourcesFile)
		return
	}
	if (r.HasValue || r.HasTarget) && r.AsWritten == "" {
		p.add(t.file, r.Line, "as_written", "missing: copy the words of the quote that give the figure")
	}
	if sources == nil {
		return // sources.csv is broken and already reported
	}
	s, ok := sources[r.SourceID]
	if !ok {
		p.add(t.file, r.Line, "source", "unknown source id %q (not in %s)", r.SourceID, sourcesFile)
	} else if r.AsWritten != "" && !strings.Contains(s.Quote, r.AsWritten) {
		p.add(t.file, r.Line, "as_written", "%q is not in the quote of source %q", r.AsWritten, r.SourceID)
	}
}
