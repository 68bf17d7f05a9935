package upload

import (
	"strconv"
	"strings"
)

// Problem is what is wrong, as an English template and its arguments, so that the interface
// can say it in the reader's language: web/view has a French template for each of Templates
// and formats the arguments the French way. The arguments are Cell, CellList, Count, Cells,
// Size or a plain string (a column name, or a message from a library).
type Problem struct {
	Tmpl string
	Args []any
}

// Cell is a cell's text in a message: quoted, cut at 40 characters.
type Cell string

// CellList is cells in a message, each quoted: "a", "b".
type CellList []string

// Count is a number of rows, characters or columns: "12,001" in English.
type Count int

// Cells is a number of cells: "1 cell", "3 cells".
type Cells int

// Size is a file size in bytes: "1.2 MB", rounded up.
type Size int

// Words say a problem's arguments and its place in the file in one language: English here,
// French in web/view.
type Words struct {
	Cell               func(string) string // a cell, quoted
	Count, Cells, Size func(int) string
	Line, Column       string // "line", "column"
	Colon              string // between the place and the problem: ": "
}

// English is the package's own language.
var English = Words{
	Cell:  quote,
	Count: thousands,
	Cells: func(n int) string {
		if n == 1 {
			return "1 cell"
		}
		return strconv.Itoa(n) + " cells"
	},
	Size: sizeText,
	Line: "line", Column: "column", Colon: ": ",
}

// English is the problem in English.
func (p Problem) English() string { return p.In(p.Tmpl, English) }

// In says the problem in a language: tmpl is its template in that language.
func (p Problem) In(tmpl string, w Words) string {
	args := make([]string, len(p.Args))
	for i, a := range p.Args {
		switch a := a.(type) {
		case Cell:
			args[i] = w.Cell(string(a))
		case CellList:
			q := make([]string, len(a))
			for j, c := range a {
				q[j] = w.Cell(c)
			}
			args[i] = strings.Join(q, ", ")
		case Count:
			args[i] = w.Count(int(a))
		case Cells:
			args[i] = w.Cells(int(a))
		case Size:
			args[i] = w.Size(int(a))
		case string:
			args[i] = a
		}
	}
	return Format(tmpl, args...)
}

// Format puts args in place of the template's %s verbs, in order, and turns %% into %. It is
// all the package needs of fmt, which it does not import (TestLightImports).
func Format(tmpl string, args ...string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '%')
		if i < 0 || i == len(tmpl)-1 {
			b.WriteString(tmpl)
			return b.String()
		}
		b.WriteString(tmpl[:i])
		switch tmpl[i+1] {
		case 's':
			if len(args) > 0 {
				b.WriteString(args[0])
				args = args[1:]
			}
		default:
			b.WriteByte(tmpl[i+1])
		}
		tmpl = tmpl[i+2:]
	}
}

// The messages, in English. Every one has a French version in web/view (tested there), and
// every message this package gives is one of these (tested here).
const (
	MsgEmpty          = "file is empty"
	MsgTooManyRows    = "%s rows; the limit is %s"
	MsgNoDataRows     = "no data rows: add rows under the header"
	MsgDuplicateKey   = "duplicate %s %s"
	MsgColumnTwice    = "column %s appears twice"
	MsgPeriodAndCat   = `use column "period" or column "category", not both`
	MsgNoKeyColumn    = `missing column "period" or "category"`
	MsgNoValueColumn  = `missing column "value"`
	MsgCellCount      = "%s, but the header has %s columns"
	MsgNotPeriod      = `%s is not a year (2017) or a quarter (2018-Q4); for other labels, name the column "category"`
	MsgNotPartial     = "%s must be true, false or empty"
	MsgNotDate        = "%s is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"
	MsgEmptyCell      = "empty: every row needs a %s"
	MsgLongNote       = "note is %s characters; the limit is %s"
	MsgLongLabel      = "label is %s characters; the limit is %s"
	MsgTooBig         = "file is %s; the limit is 1 MB"
	MsgZip            = `this is a zip file, such as an Excel workbook (.xlsx): save it as "CSV UTF-8"`
	MsgXLS            = `this is an Excel 97-2003 workbook (.xls): save it as "CSV UTF-8"`
	MsgNotText        = `this is not a text file: save it as "CSV UTF-8"`
	MsgNotUTF8        = `text is not UTF-8: save the file as "CSV UTF-8"`
	MsgBareQuote      = `a cell has a " inside but does not start with one: put the cell in quotes and double the " inside`
	MsgUnclosedQuote  = `a quoted cell is not closed: a " is missing`
	MsgQuoteEnd       = `a quoted cell must end with " right before the separator`
	MsgCSV            = "%s"
	MsgOneMore        = "and 1 more problem"
	MsgMore           = "and %s more problems"
	MsgPercent        = "%s is not a number: write it without %%"
	MsgNegative       = "%s is negative: values cannot be negative"
	MsgNotNumber      = "%s is not a number"
	MsgGrouped        = "%s is not a number: write it without thousands separators"
	MsgGroupedAs      = "%s is not a number: write it without thousands separators (%s)"
	MsgDecimalComma   = "%s is not a number: use a dot as the decimal separator"
	MsgAmbiguous      = "%s is ambiguous: write %s for a whole number or %s for a decimal, without thousands separators"
	MsgTooManyDigits  = "%s has too many digits (the limit is %s)"
	MsgTooLarge       = "%s is too large (the limit is 10^15)"
	MsgNoValues       = "no row has a value: the chart will be empty"
	MsgSorted         = "rows were put in period order"
	MsgTargetIgnored  = `column "target" is ignored: only a "category" file has targets`
	MsgIgnoredColumns = "ignored columns: %s"
)

// Templates are all the messages above.
var Templates = []string{
	MsgEmpty, MsgTooManyRows, MsgNoDataRows, MsgDuplicateKey, MsgColumnTwice, MsgPeriodAndCat,
	MsgNoKeyColumn, MsgNoValueColumn, MsgCellCount, MsgNotPeriod, MsgNotPartial, MsgNotDate,
	MsgEmptyCell, MsgLongNote, MsgLongLabel, MsgTooBig, MsgZip, MsgXLS, MsgNotText, MsgNotUTF8,
	MsgBareQuote, MsgUnclosedQuote, MsgQuoteEnd, MsgCSV, MsgOneMore, MsgMore, MsgPercent,
	MsgNegative, MsgNotNumber, MsgGrouped, MsgGroupedAs, MsgDecimalComma, MsgAmbiguous,
	MsgTooManyDigits, MsgTooLarge, MsgNoValues, MsgSorted, MsgTargetIgnored, MsgIgnoredColumns,
}
