// Package upload reads a reader's own figures — a CSV file dropped, chosen or pasted on the
// page — into a data.Dataset that is charted like the briefing's own data. It runs in the
// browser (WebAssembly): nothing is sent anywhere, so it uses light standard packages only.
//
// # What is accepted
//
// The first non-blank line is the header. Its column names are matched ignoring case and
// surrounding spaces (French names work too):
//
//	period,value            -> data.Series  (a year 2017 or a quarter 2018-Q4 per row)
//	category,value[,target] -> data.Targets (any text label per row)
//
// Optional columns: note, partial (true/false, yes/no, 1/0, vrai/faux, oui/non), as_of
// (YYYY, YYYY-MM or YYYY-MM-DD) and, for categories, target. Other columns are ignored
// with a warning, so a file exported from the page (which adds source columns) reads back.
//
//   - Encoding: UTF-8 with or without a byte order mark, or UTF-16 with one (Excel's "Unicode
//     text"). Other encodings are refused with a hint rather than guessed.
//   - Separator: the one the header uses most of comma, semicolon and tab (a spreadsheet's
//     pasted cells are tab-separated), or the one an Excel "sep=;" first line names.
//   - Line ends LF, CRLF or CR; blank lines and trailing empty cells are skipped; spaces around
//     cells are trimmed.
//   - Numbers: digits with one decimal mark: a dot, or a comma when the separator is ";" or a
//     tab (European spreadsheets: "22,6"). Thousands separators are refused, because "1.234"
//     and "1,234" each mean a thousand in one convention and about one in the other; only
//     spaces between groups of three digits ("12 345", as French spreadsheets write them, also
//     with no-break spaces) are unambiguous and accepted. Signs, exponents, "%", NaN and
//     infinities are refused. Row.ValueText is the number as written, normalised to
//     digits with a dot ("22,60" -> "22.60", ".5" -> "0.5"), so its precision is kept.
//   - An empty value or target means "not given" (HasValue false), as in the briefing data.
//   - Series rows are put in period order (Info.Sorted says when that changed the order). A
//     free text label is not a period: name such a column "category" instead.
//
// # What the file says, and nothing more
//
// A reader's file is charted with its own words: the dataset's Title is the file name without
// its extension (pasted text: UntitledEN / UntitledFR), and KeyLabel, ValueLabel and
// TargetLabel keep the header cells as written, for the chart's legend and the table's columns.
// Values are percentages only when the file says so: the value column's header states a unit
// in parentheses or with a trailing "%" — "value (%)", "valeur %" — and that unit contains "%".
// The unit as written becomes the dataset's Unit ("value (tonnes)" gives "tonnes"); a header
// without one gives no unit, and the page adds none. Cells never carry "%" (refused above).
//
// Labels and notes are plain text: markup such as "<b>" stays as characters (the chart and
// the UI escape it). Uploaded rows have no source: SourceID and AsWritten are "", the
// dataset ID starts with IDPrefix, and IsUpload tells the UI to say "your data — no source".
package upload

import (
	"strconv"
	"strings"

	"briefing/data"
)

// Limits. A file over MaxBytes or with more than MaxRows data rows is refused before its rows
// are checked.
const (
	MaxBytes    = 1 << 20
	MaxRows     = 10000
	MaxLabel    = 200 // characters of a period or category label
	MaxNote     = 500 // characters of a note
	MaxProblems = 10  // problems listed in an error; more are summed up in a last line
	// MaxValue bounds values and targets (exclusive): larger numbers cannot be charted or
	// compared exactly.
	MaxValue = 1e15
	// MaxDigits bounds the length of a number as written (after normalisation).
	MaxDigits = 30
)

// PastedName is the name the page gives pasted text. It is not a title: a pasted file is
// titled UntitledEN / UntitledFR (the dataset's Title, which the page may let the reader
// change). Its ID stays IDPrefix+"pasted".
const PastedName = "pasted.csv"

// The title of a file whose name gives none: pasted text, or a name of punctuation only.
const (
	UntitledEN = "Your figures"
	UntitledFR = "Vos chiffres"
)

// IDPrefix starts the ID of every uploaded dataset, so it can never take the ID of a briefing
// dataset, and the UI can tell the reader's data from the document's.
const IDPrefix = "upload-"

// IsUpload reports whether ds was read by Parse (it has no source).
func IsUpload(ds data.Dataset) bool { return strings.HasPrefix(ds.ID, IDPrefix) }

// Info describes a file Parse read.
type Info struct {
	Rows         int       // data rows (on success, len(Dataset.Rows))
	Separator    rune      // ',', ';' or '\t'
	DecimalComma bool      // some number was written with a decimal comma
	Sorted       bool      // Series rows were reordered by period
	Ignored      []string  // header names of the columns that were ignored
	Warnings     []Problem // things the reader may want to know; none stops the upload
}

// Error is one problem, at a line of the file (1 is the header) and in a column when one is
// at fault; Line 0 is about the whole file.
type Error struct {
	Line    int
	Column  string
	Problem Problem // what is wrong (Problem.English, or Problem.In another language)
}

func (e Error) Error() string { return e.In(e.Problem.Tmpl, English) }

// In says the problem with its place in the file in a language: tmpl is the Problem's
// template in that language.
func (e Error) In(tmpl string, w Words) string {
	msg := e.Problem.In(tmpl, w)
	switch {
	case e.Line <= 0:
		return msg
	case e.Column == "":
		return w.Line + " " + strconv.Itoa(e.Line) + w.Colon + msg
	}
	return w.Line + " " + strconv.Itoa(e.Line) + ", " + w.Column + " " + e.Column + w.Colon + msg
}

// Errors is every problem Parse found, in file order: at most MaxProblems, then one Error
// "and N more problems". Its message has one problem per line.
type Errors []Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap gives the problems to errors.Is and errors.As.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// problems collects Errors while reading.
type problems struct{ list Errors }

func (p *problems) add(line int, column, tmpl string, args ...any) {
	p.list = append(p.list, newError(line, column, tmpl, args...))
}

func newError(line int, column, tmpl string, args ...any) Error {
	return Error{Line: line, Column: column, Problem: Problem{Tmpl: tmpl, Args: args}}
}

func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	if n := len(p.list) - MaxProblems; n > 0 {
		more := newError(0, "", MsgOneMore)
		if n > 1 {
			more = newError(0, "", MsgMore, Count(n))
		}
		return append(p.list[:MaxProblems:MaxProblems], more)
	}
	return p.list
}

// fail returns a single whole-file problem.
func fail(tmpl string, args ...any) error { return Errors{newError(0, "", tmpl, args...)} }
