package export

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"briefing/data"
	"briefing/web/locale"
)

// bom makes Excel read the file as UTF-8, so accents ("Répartition") show correctly.
const bom = "\uFEFF"

// sourceColumns follow the dataset's own columns in a CSV download: the provenance of each row.
var sourceColumns = []string{"document", "date", "speaker", "annex", "page", "quote"}

// CSV writes ds as RFC 4180 CSV (CRLF line ends, fields with a comma, quote, CR or LF quoted
// and quotes doubled) in UTF-8 with a byte order mark. The header is the dataset's columns,
//
//	Series:  period,value,partial,as_of,note
//	Targets: category,value,target,group,as_of,note
//
// followed by the row's source: document,date,speaker,annex,page,quote (empty when the row
// has no known source, as for a reader's own data). Values and targets are written as the
// data gives them (Row.ValueText, Row.TargetText); a figure that is not given stays empty.
//
// Text cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a
// carriage return) get a leading apostrophe; numbers in the value, target and page columns
// such as "-5" are numbers, not formulas, and are left alone. Invalid UTF-8 becomes U+FFFD.
func CSV(ds data.Dataset, sources map[string]data.Source) []byte {
	return CSVIn(ds, sources, locale.EN)
}

// CSVIn is CSV in a language (lang.go): in French, the headers, notes, category labels,
// groups, partial flags (oui/non), speakers and annexes are French; figures, dates and quotes
// are as in English.
func CSVIn(ds data.Dataset, sources map[string]data.Source, l locale.Lang) []byte {
	var b strings.Builder
	b.WriteString(bom)
	targets := ds.Kind == data.Targets
	head := []string{"period", "value", "partial", "as_of", "note"}
	if targets {
		head = []string{"category", "value", "target", "group", "as_of", "note"}
	}
	header := make([]string, 0, len(head)+len(sourceColumns))
	for _, key := range append(head, sourceColumns...) {
		header = append(header, column(key, l))
	}
	writeRecord(&b, header, nil)
	numeric := map[int]bool{1: true, len(head) + 4: true} // value, page
	if targets {
		numeric[2] = true // target
	}
	for _, r := range ds.Rows {
		value := numberText(r.HasValue, r.ValueText, r.Value)
		var rec []string
		key, group, note := rowText(r, l)
		if targets {
			rec = []string{key, value, numberText(r.HasTarget, r.TargetText, r.Target), group, r.AsOf, note}
		} else {
			rec = []string{key, value, yesNo(r.Partial, l), r.AsOf, note}
		}
		s := sources[r.SourceID]
		if r.SourceID == "" {
			s = data.Source{}
		}
		page := ""
		if s.Page > 0 {
			page = strconv.Itoa(s.Page)
		}
		speaker, annex := sourceText(s, l)
		rec = append(rec, s.Document, s.Date, speaker, annex, page, s.Quote)
		writeRecord(&b, rec, numeric)
	}
	return []byte(b.String())
}

// writeRecord writes one CSV record and its CRLF.
func writeRecord(b *strings.Builder, cells []string, numeric map[int]bool) {
	for i, c := range cells {
		if i > 0 {
			b.WriteByte(',')
		}
		c = strings.ToValidUTF8(c, "\uFFFD")
		if !(numeric[i] && isPlainNumber(c)) {
			c = Neutralize(c)
		}
		writeField(b, c)
	}
	b.WriteString("\r\n")
}

// writeField quotes a field that holds a comma, quote, CR or LF, or starts with a space
// (which some readers would trim), doubling the quotes inside.
func writeField(b *strings.Builder, s string) {
	if !strings.ContainsAny(s, ",\"\r\n") && !strings.HasPrefix(s, " ") {
		b.WriteString(s)
		return
	}
	b.WriteByte('"')
	b.WriteString(strings.ReplaceAll(s, `"`, `""`))
	b.WriteByte('"')
}

// Neutralize returns s with a leading apostrophe if a spreadsheet would read it as a formula:
// it starts with = + - @, a tab or a carriage return (or the full-width ＝ ＋ － ＠ that some
// spreadsheets also accept). Spreadsheets show the apostrophe-led cell as the text itself.
func Neutralize(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠':
		return "'" + s
	}
	return s
}
