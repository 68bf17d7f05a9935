package upload

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// record is one CSV record with the line it starts on.
type record struct {
	line  int
	cells []string
}

// decode turns the file into UTF-8 text without a byte order mark, or explains why it is not
// a text file this package can read.
func decode(b []byte) (string, error) {
	switch {
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		return "", fail(MsgZip)
	case bytes.HasPrefix(b, []byte("\xD0\xCF\x11\xE0")):
		return "", fail(MsgXLS)
	case bytes.HasPrefix(b, []byte("\xFF\xFE")), bytes.HasPrefix(b, []byte("\xFE\xFF")):
		b = fromUTF16(b)
	}
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	if bytes.IndexByte(b, 0) >= 0 {
		return "", fail(MsgNotText)
	}
	if !utf8.Valid(b) {
		line := 1
		for i := 0; i < len(b); {
			r, n := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			if r == '\n' {
				line++
			}
			i += n
		}
		return "", Errors{newError(line, "", MsgNotUTF8)}
	}
	s := string(b)
	if !strings.Contains(s, "\n") {
		s = strings.ReplaceAll(s, "\r", "\n") // classic Mac line ends
	}
	return s, nil
}

// fromUTF16 decodes UTF-16 with a byte order mark (which it keeps, as U+FEFF in UTF-8).
func fromUTF16(b []byte) []byte {
	big := b[0] == 0xFE
	units := make([]uint16, len(b)/2)
	for i := range units {
		hi, lo := b[2*i+1], b[2*i]
		if big {
			hi, lo = lo, hi
		}
		units[i] = uint16(hi)<<8 | uint16(lo)
	}
	return []byte(string(utf16.Decode(units)))
}

// separator finds the separator: an Excel "sep=X" first line (which is then blanked, keeping
// line numbers), else the most frequent of tab, ";" and "," outside quotes on the first
// non-blank line (tab, then ";", wins a tie; "," when there is none).
func separator(text string) (rune, string) {
	first, rest, _ := strings.Cut(text, "\n")
	if f := strings.TrimRight(first, "\r "); len(f) == 5 && strings.EqualFold(f[:4], "sep=") && strings.ContainsRune(",;\t|", rune(f[4])) {
		return rune(f[4]), "\n" + rest
	}
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		counts := map[rune]int{}
		quoted := false
		for _, r := range line {
			if r == '"' {
				quoted = !quoted
			} else if !quoted {
				counts[r]++
			}
		}
		switch {
		case counts['\t'] > 0 && counts['\t'] >= counts[';'] && counts['\t'] >= counts[',']:
			return '\t', text
		case counts[';'] > 0 && counts[';'] >= counts[',']:
			return ';', text
		}
		break
	}
	return ',', text
}

// readRecords decodes CSV with the separator, keeping each record's first line and skipping
// blank ones. At a quoting error it stops: what follows an unclosed quote cannot be trusted.
// It keeps at most keep records and returns the number of non-blank records.
func readRecords(text string, sep rune, keep int, p *problems) ([]record, int) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = sep
	r.FieldsPerRecord = -1
	var recs []record
	count := 0
	for {
		cells, err := r.Read()
		if err == io.EOF {
			return recs, count
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			switch {
			case errors.Is(pe.Err, csv.ErrBareQuote):
				p.add(pe.Line, "", MsgBareQuote)
			case errors.Is(pe.Err, csv.ErrQuote) && unclosed(text, pe.StartLine):
				p.add(pe.StartLine, "", MsgUnclosedQuote)
			default:
				p.add(pe.Line, "", MsgQuoteEnd)
			}
			return nil, 0
		} else if err != nil {
			p.add(0, "", MsgCSV, err.Error())
			return nil, 0
		}
		line, _ := r.FieldPos(0)
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if blank(cells) {
			continue
		}
		if count++; count <= keep {
			recs = append(recs, record{line: line, cells: cells})
		}
	}
}

// unclosed reports whether the quotes from line on are odd in number: a quote opened there is
// never closed (rather than followed by stray text, as in "a"b).
func unclosed(text string, line int) bool {
	for i := 1; i < line; i++ {
		_, text, _ = strings.Cut(text, "\n")
	}
	return strings.Count(text, `"`)%2 == 1
}

func blank(cells []string) bool {
	for _, c := range cells {
		if c != "" {
			return false
		}
	}
	return true
}

// sizeText is a byte count in MB (2^20 bytes) rounded up to a tenth, so it is never shown as
// within the limit when it is not: "1.4 MB".
func sizeText(n int) string { return SizeMB(n) + " MB" }

// SizeMB is a byte count in MB as a decimal string with one decimal ("1.2"), rounded up.
func SizeMB(n int) string {
	tenths := (int64(n)*10 + (1<<20 - 1)) >> 20
	return strconv.FormatInt(tenths/10, 10) + "." + strconv.FormatInt(tenths%10, 10)
}

// thousands writes n with comma thousands separators, as the messages are in English: 12,001.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// quote is a cell for a message: quoted with Go's escapes, cut at 40 characters.
func quote(s string) string { return strconv.Quote(Cut(s)) }

// Cut shortens a cell to 40 characters for a message, ending it with "…".
func Cut(s string) string {
	if r := []rune(s); len(r) > 40 {
		s = string(r[:39]) + "…"
	}
	return s
}
