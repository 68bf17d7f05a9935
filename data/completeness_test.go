package data

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// The completeness test: every number of the source text (see numberTokens for what counts) is
// accounted for exactly once, by
//
//   - a dataset row: its value, target and period (year, and "fourth" of "fourth quarter") in
//     the words of its as_written;
//   - a key figure: its figure in the words of its as_written;
//   - or a row of excluded-numbers.csv: the number text inside a context that occurs count times
//     in the source, with the reason it is not a figure.
//
// The words of a row are found by position: its quote occurs once in the source and its
// as_written once in the quote. A number that nothing accounts for, one accounted for twice, and
// an exclusion or key figure that no longer matches the text all fail the test.

var exclusionColumns = []string{"text", "context", "count", "reason", "note"}

// exclusionReason is why a number is not a figure, with a check of what such a number looks like.
type exclusionReason struct {
	name, means string
	fits        func(tok numberToken, context string) bool
}

var exclusionReasons = []exclusionReason{
	{"date", "a day or a year that dates something (18 August, since 2012, in 2019)",
		func(n numberToken, _ string) bool {
			return !n.ordinal && (n.value >= 1 && n.value <= 31 || n.value >= 1945 && n.value <= 2100)
		}},
	{"time-span", "how long ago or over what period, not an amount (two weeks ago, the past six months, 5 to 10 years)",
		func(n numberToken, c string) bool {
			return !n.ordinal && containsAny(c, "year", "month", "week", "day")
		}},
	{"resolution", "the number or the year of a Security Council resolution (resolution 1325 (2000))",
		func(n numberToken, c string) bool { return !n.ordinal && containsAny(c, "resolution ", "Resolution ") }},
	{"document", "a document symbol or the job number and page of a page footer (S/2020/372, A/74/19, 20-12063 5/23)",
		func(n numberToken, c string) bool { return !n.ordinal && containsAny(c, "/", "-") }},
	{"name", "part of a name or an abbreviation (A4P, COVID-19, C-34, Strategy 2018-2028, zero-tolerance)",
		func(n numberToken, _ string) bool { return !n.ordinal }},
	{"enumeration", "orders or counts the speaker's own points (First, Secondly, three aspects, my third point)",
		func(numberToken, string) bool { return true }},
	{"ordinal", "a rank, not an amount (for the first time, a second phase, the first stand-alone resolution)",
		func(n numberToken, _ string) bool { return n.ordinal }},
	{"anniversary", "the anniversary of a founding or a resolution (seventy-fifth anniversary)",
		func(n numberToken, c string) bool { return n.ordinal && strings.Contains(c, "anniversary") }},
	{"idiom", "\"one\" or \"zero\" as a word, not a count (one of the largest, on the one hand, zero-risk)",
		func(n numberToken, _ string) bool { return n.value <= 1 && !n.ordinal }},
	{"indefinite", "a plural that gives no figure (hundreds of boys and girls, millions of people)",
		func(n numberToken, _ string) bool { return n.indefinite }},
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func reasonNamed(name string) (exclusionReason, bool) {
	for _, r := range exclusionReasons {
		if r.name == name {
			return r, true
		}
	}
	return exclusionReason{}, false
}

// exclusion is one row of excluded-numbers.csv.
type exclusion struct {
	text, context, reason, note string
	count, line                 int
}

// readExclusions reads and checks excluded-numbers.csv; problems name file:line:column like Parse.
func readExclusions(fsys fs.FS) ([]exclusion, error) {
	p := &problems{}
	t := readTable(fsys, exclusionsFile, exclusionColumns, exclusionColumns[:2], p)
	if t == nil {
		return nil, p.err()
	}
	var out []exclusion
	seen := map[[2]string]int{}
	for _, rec := range t.rows {
		e := exclusion{text: t.cell(rec, "text"), context: t.cell(rec, "context"), reason: t.cell(rec, "reason"), note: t.cell(rec, "note"), line: rec.line}
		toks := numberTokens(e.text)
		if len(toks) != 1 || toks[0].text != e.text {
			p.add(t.file, rec.line, "text", "%q is not one number (digits such as 2020, or a number word such as First)", e.text)
		}
		if !strings.Contains(e.context, e.text) {
			p.add(t.file, rec.line, "context", "%q does not contain the text %q", e.context, e.text)
		}
		var ok bool
		if e.count, ok = positiveInt(t.cell(rec, "count")); !ok {
			p.add(t.file, rec.line, "count", "%q is not a positive whole number (how many times the context occurs in the source)", t.cell(rec, "count"))
		}
		if r, ok := reasonNamed(e.reason); !ok {
			p.add(t.file, rec.line, "reason", "unknown reason %q (one of %s)", e.reason, reasonNames())
		} else if len(toks) == 1 && !r.fits(toks[0], e.context) {
			p.add(t.file, rec.line, "reason", "%q in %q does not look like a %s: %s", e.text, e.context, r.name, r.means)
		}
		key := [2]string{e.text, e.context}
		if first, dup := seen[key]; dup {
			p.add(t.file, rec.line, "context", "the same text and context as line %d", first)
		}
		seen[key] = rec.line
		out = append(out, e)
	}
	return out, p.err()
}

func reasonNames() string {
	var names []string
	for _, r := range exclusionReasons {
		names = append(names, r.name)
	}
	return strings.Join(names, ", ")
}

// ledger records who accounts for each number of the text.
type ledger struct {
	text     string
	tokens   []numberToken
	owner    []string // "key-figures.csv:3 (china-peacekeepers)", "" while unaccounted
	problems []string
}

func newLedger(text string) *ledger {
	toks := numberTokens(text)
	return &ledger{text: text, tokens: toks, owner: make([]string, len(toks))}
}

func (l *ledger) fail(format string, args ...any) {
	l.problems = append(l.problems, fmt.Sprintf(format, args...))
}

// within returns the numbers lying wholly in text[start:end].
func (l *ledger) within(start, end int) []int {
	var out []int
	for i, n := range l.tokens {
		if n.start >= start && n.end <= end {
			out = append(out, i)
		}
	}
	return out
}

func (l *ledger) take(i int, by string) {
	if l.owner[i] != "" {
		l.fail("%s: %s is already accounted for by %s", by, l.describe(i), l.owner[i])
		return
	}
	l.owner[i] = by
}

// describe names a number with its line and the text around it.
func (l *ledger) describe(i int) string {
	n := l.tokens[i]
	return fmt.Sprintf("%q on line %d («%s»)", n.text, strings.Count(l.text[:n.start], "\n")+1, l.around(n.start, n.end))
}

// around returns the text near [start,end) on the same line, about 40 bytes each side.
func (l *ledger) around(start, end int) string {
	lineStart := strings.LastIndex(l.text[:start], "\n") + 1
	lineEnd := len(l.text)
	if i := strings.Index(l.text[end:], "\n"); i >= 0 {
		lineEnd = end + i
	}
	from, to := max(lineStart, start-40), min(lineEnd, end+40)
	for from > lineStart && l.text[from-1] != ' ' { // whole words only
		from--
	}
	for to < lineEnd && l.text[to] != ' ' {
		to++
	}
	s := l.text[from:to]
	if from > lineStart {
		s = "…" + s
	}
	if to < lineEnd {
		s += "…"
	}
	return s
}

// spanOf locates the words of a row in the text: the quote occurs once in the text and the words
// once in the quote.
func spanOf(text, quote, words string) (start, end int, err error) {
	if n := strings.Count(text, quote); quote == "" || n != 1 {
		return 0, 0, fmt.Errorf("its quote occurs %d times in the source", n)
	}
	if n := strings.Count(quote, words); words == "" || n != 1 {
		return 0, 0, fmt.Errorf("as_written %q occurs %d times in its quote", words, n)
	}
	start = strings.Index(text, quote) + strings.Index(quote, words)
	return start, start + len(words), nil
}

// keyFigure accounts for the one number of the figure's as_written that is its figure.
func (l *ledger) keyFigure(k KeyFigure) {
	by := fmt.Sprintf("%s:%d (%s)", keyFiguresFile, k.Line, k.ID)
	start, end, err := spanOf(l.text, k.Source.Quote, k.AsWritten)
	if err != nil {
		l.fail("%s no longer matches the source: %v", by, err)
		return
	}
	var found []int
	for _, i := range l.within(start, end) {
		if n := l.tokens[i]; !n.ordinal && !n.indefinite && n.value == k.Figure {
			found = append(found, i)
		}
	}
	if len(found) != 1 {
		l.fail("%s: figure %s is %d times a number of as_written %q (want once)", by, k.FigureText, len(found), k.AsWritten)
		return
	}
	l.take(found[0], by)
}

// datasetRow accounts for the value, target and period of a dataset row in its as_written.
func (l *ledger) datasetRow(d Dataset, r Row, s Source) {
	if r.AsWritten == "" {
		return // a figure the source does not give has no words to account for
	}
	by := fmt.Sprintf("%s.csv:%d (%s)", d.ID, r.Line, r.Key)
	start, end, err := spanOf(l.text, s.Quote, r.AsWritten)
	if err != nil {
		l.fail("%s no longer matches the source: %v", by, err)
		return
	}
	in := l.within(start, end)
	pick := func(role string, want func(numberToken) bool, last bool) {
		found := -1
		for _, i := range in {
			if want(l.tokens[i]) && l.owner[i] != by && (found < 0 || last) {
				found = i
			}
		}
		if found < 0 {
			l.fail("%s: the %s is not a number of as_written %q", by, role, r.AsWritten)
			return
		}
		l.take(found, by)
	}
	cardinal := func(v float64) func(numberToken) bool {
		return func(n numberToken) bool { return !n.ordinal && !n.indefinite && n.value == v }
	}
	if r.HasValue {
		pick("value "+r.ValueText, cardinal(r.Value), false)
	}
	if r.HasTarget {
		pick("target "+r.TargetText, cardinal(r.Target), true)
	}
	if d.Kind == Series {
		year, quarter, _ := ParsePeriod(r.Key)
		pick("year of period "+r.Key, func(n numberToken) bool { return n.text == strconv.Itoa(year) }, false)
		if quarter > 0 {
			pick("quarter of period "+r.Key, func(n numberToken) bool { return n.ordinal && n.value == float64(quarter) }, false)
		}
	}
}

// exclusion accounts for the number text in each occurrence of the context, which must occur
// exactly count times.
func (l *ledger) exclusion(e exclusion) {
	by := fmt.Sprintf("%s:%d (%s)", exclusionsFile, e.line, e.reason)
	var at []int
	for i := 0; e.context != ""; {
		j := strings.Index(l.text[i:], e.context)
		if j < 0 {
			break
		}
		at = append(at, i+j)
		i += j + 1
	}
	if len(at) != e.count {
		l.fail("%s no longer matches the source: context %q occurs %d times, count says %d", by, e.context, len(at), e.count)
		return
	}
	for _, start := range at {
		var found []int
		for _, i := range l.within(start, start+len(e.context)) {
			if l.tokens[i].text == e.text {
				found = append(found, i)
			}
		}
		if len(found) != 1 {
			l.fail("%s: context %q holds the number %q %d times (want once)", by, e.context, e.text, len(found))
			continue
		}
		l.take(found[0], by)
	}
}

// unaccounted reports every number nobody accounted for, with a row that would exclude it.
func (l *ledger) unaccounted() {
	for i, owner := range l.owner {
		if owner != "" {
			continue
		}
		n := l.tokens[i]
		l.fail("%s is not accounted for: add a key figure, or a row to %s such as\n\t%s", l.describe(i), exclusionsFile,
			csvLine(n.text, l.uniqueContext(n.start, n.end), "1", "REASON", ""))
	}
}

// uniqueContext widens [start,end) word by word, within its line, until it occurs once in the text:
// first to the right ("three teams"), then alternately left and right.
func (l *ledger) uniqueContext(start, end int) string {
	lineStart := strings.LastIndex(l.text[:start], "\n") + 1
	lineEnd := strings.IndexByte(l.text[end:], '\n')
	if lineEnd < 0 {
		lineEnd = len(l.text)
	} else {
		lineEnd += end
	}
	for k := 0; k < 12 && (k == 0 || strings.Count(l.text, l.text[start:end]) > 1); k++ {
		if k%2 == 1 && start > lineStart {
			start = max(lineStart, strings.LastIndexByte(l.text[lineStart:start-1], ' ')+lineStart+1)
		} else if end < lineEnd {
			if i := strings.IndexByte(l.text[end+1:lineEnd], ' '); i >= 0 {
				end += 1 + i
			} else {
				end = lineEnd
			}
		}
	}
	return l.text[start:end]
}

func csvLine(cells ...string) string {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write(cells)
	w.Flush()
	return strings.TrimSuffix(buf.String(), "\n")
}

// TestEveryNumberIsAccountedFor is the completeness test on the real files.
func TestEveryNumberIsAccountedFor(t *testing.T) {
	b, text := load(t), sourceText(t)
	exclusions, err := readExclusions(os.DirFS("."))
	if err != nil {
		t.Fatalf("%s does not load:\n%v", exclusionsFile, err)
	}
	l := newLedger(text)
	for _, d := range b.Datasets {
		for _, r := range d.Rows {
			l.datasetRow(d, r, b.Source(r))
		}
	}
	for _, k := range b.KeyFigures {
		l.keyFigure(k)
	}
	for _, e := range exclusions {
		l.exclusion(e)
	}
	l.unaccounted()
	for _, p := range l.problems {
		t.Error(p)
	}
	counts := map[string]int{}
	for _, owner := range l.owner {
		file, _, _ := strings.Cut(owner, ":")
		if file == "" {
			file = "(not accounted for)"
		}
		if file == exclusionsFile {
			_, reason, _ := strings.Cut(owner, "(")
			file += " " + strings.TrimSuffix(reason, ")")
		}
		counts[file]++
	}
	var lines []string
	for k, v := range counts {
		lines = append(lines, fmt.Sprintf("%4d %s", v, k))
	}
	sort.Strings(lines)
	t.Logf("%d numbers in the source, %d exclusion rows:\n%s", len(l.tokens), len(exclusions), strings.Join(lines, "\n"))
}

// TestLedger shows that the completeness test fails, and says where, for each kind of mistake.
func TestLedger(t *testing.T) {
	text := "Intro.\n\nWe deployed more than 12 units in 2019, and First, three teams.\n\n20-12063 3/23\n"
	quote := "We deployed more than 12 units in 2019, and First, three teams."
	k := KeyFigure{ID: "units", Figure: 12, FigureText: "12", Line: 2, AsWritten: "more than 12 units", Source: Source{Quote: quote}}
	cases := []struct {
		name       string
		figures    []KeyFigure
		exclusions []exclusion
		want       []string // each must be in one problem; no problems when empty
	}{
		{"complete", []KeyFigure{k}, []exclusion{
			{text: "2019", context: "in 2019", count: 1, line: 2},
			{text: "First", context: "First,", count: 1, line: 3},
			{text: "three", context: "three teams", count: 1, line: 4},
			{text: "20", context: "20-12063", count: 1, line: 5},
			{text: "12063", context: "20-12063", count: 1, line: 6},
			{text: "3", context: "12063 3/", count: 1, line: 7},
			{text: "23", context: "/23", count: 1, line: 8},
		}, nil},
		{"unaccounted", []KeyFigure{k}, []exclusion{{text: "2019", context: "in 2019", count: 1, line: 2}}, []string{
			`"First" on line 3 («…deployed more than 12 units in 2019, and First, three teams.») is not accounted for`,
			`"three" on line 3`, `"12063" on line 5 («20-12063 3/23»)`,
			"\tFirst,\"First,\",1,REASON,\n", "\tthree,three teams.,1,REASON,",
		}},
		{"stale exclusion", nil, []exclusion{{text: "2018", context: "in 2018", count: 1, line: 9}}, []string{
			`excluded-numbers.csv:9 (REASON) no longer matches the source: context "in 2018" occurs 0 times, count says 1`,
		}},
		{"wrong count", nil, []exclusion{{text: "20", context: "20-12063", count: 11, line: 9}}, []string{
			`context "20-12063" occurs 1 times, count says 11`,
		}},
		{"context without the number", nil, []exclusion{{text: "12", context: "12063", count: 1, line: 9}}, []string{
			`excluded-numbers.csv:9 (REASON): context "12063" holds the number "12" 0 times`,
		}},
		{"twice", []KeyFigure{k}, []exclusion{{text: "12", context: "than 12 units", count: 1, line: 9}}, []string{
			`excluded-numbers.csv:9 (REASON): "12" on line 3 («We deployed more than 12 units in 2019, and First, three teams.») is already accounted for by key-figures.csv:2 (units)`,
		}},
		{"stale key figure", []KeyFigure{{ID: "x", Figure: 12, FigureText: "12", Line: 4, AsWritten: "more than 12 teams", Source: Source{Quote: quote}}}, nil, []string{
			`key-figures.csv:4 (x) no longer matches the source: as_written "more than 12 teams" occurs 0 times in its quote`,
		}},
		{"quote gone", []KeyFigure{{ID: "x", Figure: 12, Line: 4, AsWritten: "12", Source: Source{Quote: "We deployed 12"}}}, nil, []string{
			`key-figures.csv:4 (x) no longer matches the source: its quote occurs 0 times in the source`,
		}},
		{"figure not in its words", []KeyFigure{{ID: "x", Figure: 13, FigureText: "13", Line: 4, AsWritten: "more than 12 units", Source: Source{Quote: quote}}}, nil, []string{
			`key-figures.csv:4 (x): figure 13 is 0 times a number of as_written "more than 12 units"`,
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := newLedger(text)
			for _, k := range c.figures {
				l.keyFigure(k)
			}
			for _, e := range c.exclusions {
				if e.reason == "" {
					e.reason = "REASON"
				}
				l.exclusion(e)
			}
			l.unaccounted()
			all := strings.Join(l.problems, "\n")
			if len(c.want) == 0 && all != "" {
				t.Fatalf("problems:\n%s", all)
			}
			for _, w := range c.want {
				if !strings.Contains(all, w) {
					t.Errorf("problems:\n%s\nwant one containing:\n%s", all, w)
				}
			}
		})
	}
}

// TestLedgerDatasetRows: a dataset row accounts for its value, target and period, and says which
// one its words lack.
func TestLedgerDatasetRows(t *testing.T) {
	text := "From 23 units in the fourth quarter of 2018; 22.6 per cent, compared to the target of 17 per cent.\n"
	s := Source{Quote: strings.TrimSuffix(text, "\n")}
	series := Dataset{ID: "gaps", Kind: Series}
	targets := Dataset{ID: "parity", Kind: Targets}
	l := newLedger(text)
	l.datasetRow(series, Row{Key: "2018-Q4", Value: 23, HasValue: true, ValueText: "23", AsWritten: "23 units in the fourth quarter of 2018", Line: 2}, s)
	l.datasetRow(targets, Row{Key: "Posts", Value: 22.6, HasValue: true, ValueText: "22.6", Target: 17, HasTarget: true, TargetText: "17",
		AsWritten: "22.6 per cent, compared to the target of 17 per cent", Line: 2}, s)
	l.datasetRow(targets, Row{Key: "Contingents", Line: 3}, s) // no figure given: nothing to account for
	l.unaccounted()
	if len(l.problems) != 0 {
		t.Fatalf("problems:\n%s", strings.Join(l.problems, "\n"))
	}
	l = newLedger(text)
	l.datasetRow(series, Row{Key: "2019-Q3", Value: 24, HasValue: true, ValueText: "24", AsWritten: "23 units in the fourth quarter of 2018", Line: 2}, s)
	all := strings.Join(l.problems, "\n")
	for _, want := range []string{
		`gaps.csv:2 (2019-Q3): the value 24 is not a number of as_written`,
		`gaps.csv:2 (2019-Q3): the year of period 2019-Q3 is not`,
		`gaps.csv:2 (2019-Q3): the quarter of period 2019-Q3 is not`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("problems:\n%s\nwant one containing:\n%s", all, want)
		}
	}
}

// TestExclusionRows: the rows of excluded-numbers.csv are checked like the data files.
func TestExclusionRows(t *testing.T) {
	header := strings.Join(exclusionColumns, ",") + "\n"
	cases := map[string]string{
		"2019,in 2019,1,date,\n":                       "",
		"twenty,in 2019,1,date,\n":                     `excluded-numbers.csv:2: column context: "in 2019" does not contain the text "twenty"`,
		"in 2019,in 2019,1,date,\n":                    `excluded-numbers.csv:2: column text: "in 2019" is not one number`,
		"2019,in 2019,0,date,\n":                       `excluded-numbers.csv:2: column count: "0" is not a positive whole number`,
		"2019,in 2019,1,year,\n":                       `excluded-numbers.csv:2: column reason: unknown reason "year" (one of date,`,
		"2019,in 2019,1,ordinal,\n":                    `excluded-numbers.csv:2: column reason: "2019" in "in 2019" does not look like a ordinal`,
		"2436,resolution 2436,1,resolution,\n":         "",
		"2436,in 2436,1,resolution,\n":                 `does not look like a resolution`,
		"hundreds,hundreds of boys,1,indefinite,\n":    "",
		"First,\"First,\",1,anniversary,\n":            `does not look like a anniversary`,
		"2019,in 2019,1,date,\n2019,in 2019,2,date,\n": `excluded-numbers.csv:3: column context: the same text and context as line 2`,
	}
	for rows, want := range cases {
		_, err := readExclusions(mapFS(exclusionsFile, header+rows))
		if want == "" && err != nil || want != "" && (err == nil || !strings.Contains(err.Error(), want)) {
			t.Errorf("%q: error %v, want %q", rows, err, want)
		}
	}
}

func mapFS(name, text string) fstest.MapFS {
	return fstest.MapFS{name: &fstest.MapFile{Data: []byte(text)}}
}
