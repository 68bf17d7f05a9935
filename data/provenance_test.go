package data

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// sourceText is the in-repo copy of the document: the tests must not depend on anything outside
// the repository. The conversion escaped the dollar sign as Markdown does (`\$4 million`); the
// printed document reads "$4 million", and so do the quotes.
func sourceText(t *testing.T) string {
	t.Helper()
	raw, err := os.ReadFile("source/S-2020-911.txt")
	if err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(string(raw), `\$`, "$")
}

func load(t *testing.T) *Briefing {
	t.Helper()
	b, err := Load()
	if err != nil {
		t.Fatalf("the data files do not load:\n%v", err)
	}
	return b
}

// TestSourcesAreInTheDocument: every quote is verbatim in the text, printed on the page, in the
// annex and under the speaker its source entry names.
func TestSourcesAreInTheDocument(t *testing.T) {
	text := sourceText(t)
	for id, s := range load(t).Sources {
		if !strings.Contains(text, s.Quote) {
			t.Errorf("%s: quote is not verbatim in the source text: %q", id, s.Quote)
			continue
		}
		checkPages(t, id, s, text)
		annex, heading := annexOf(text, s.Quote)
		if annex != s.Annex {
			t.Errorf("%s: annex is %q, the quote is in %q", id, s.Annex, annex)
		}
		if name, _, _ := strings.Cut(s.Speaker, ","); !strings.Contains(heading, name) {
			t.Errorf("%s: speaker %q is not the one of %q", id, name, heading)
		}
		if !strings.HasPrefix(text, "United Nations "+s.Document+"\n") {
			t.Errorf("%s: document %q is not the symbol of the text", id, s.Document)
		}
		if !strings.Contains(text, "convened on Monday, "+longDate(s.Date)) {
			t.Errorf("%s: the text does not say the briefing was on %s", id, s.Date)
		}
	}
}

// checkPages: page is the page the text puts the quote on; where a page break left no trace, page
// and page_to are the first and last page it can be on, never a guess between them.
func checkPages(t *testing.T, id string, s Source, text string) {
	first, last, err := pageRange(text, s.Quote)
	switch {
	case err != nil:
		t.Errorf("%s: %v", id, err)
	case first == last && (s.Page != first || s.PageTo != 0):
		t.Errorf("%s: pages %d to %d, the text puts the quote on page %d: page %d, page_to empty", id, s.Page, s.PageTo, first, first)
	case first != last && (s.Page != first || s.PageTo != last):
		t.Errorf("%s: pages %d to %d, but the quote can be on page %d to %d and the text cannot tell which: page %d, page_to %d",
			id, s.Page, s.PageTo, first, last, first, last)
	}
}

// annexOf returns the annex heading before the quote ("Annex I") and the statement heading after it.
func annexOf(text, quote string) (annex, statement string) {
	lines := strings.Split(text[:strings.Index(text, quote)], "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if isAnnexHeading(lines[i]) {
			annex = strings.TrimSpace(strings.NewReplacer("#", "", "*", "").Replace(lines[i]))
			for _, l := range lines[i+1:] {
				if strings.HasPrefix(l, "#") {
					return annex, l
				}
			}
			return annex, ""
		}
	}
	return "", ""
}

var months = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// longDate writes "2020-09-14" as the document does: "14 September 2020".
func longDate(iso string) string {
	y, m, d := iso[:4], iso[5:7], strings.TrimPrefix(iso[8:], "0")
	return d + " " + months[(int(m[0]-'0')*10+int(m[1]-'0'))-1] + " " + y
}

// TestEveryFigureIsInItsQuote: each value, target, period and category of each row can be read in
// the sentence it cites.
func TestEveryFigureIsInItsQuote(t *testing.T) {
	b, text := load(t), sourceText(t)
	for _, d := range b.Datasets {
		for _, r := range d.Rows {
			s := b.Source(r)
			where := d.ID + ".csv:" + strconv.Itoa(r.Line)
			if !strings.Contains(s.Quote, r.AsWritten) {
				t.Errorf("%s: as_written %q is not in quote %s", where, r.AsWritten, s.ID)
			}
			checkValue(t, where, d, r)
			checkTarget(t, where, d, r, s)
			checkKey(t, where, d, r, s)
			checkAsOf(t, where, r, s, paragraphUpTo(text, s.Quote))
		}
	}
}

// checkValue: the value is the first number of AsWritten, as digits or as an English word; a
// share reads "<value> per cent"; a missing value has no number in its words at all.
func checkValue(t *testing.T, where string, d Dataset, r Row) {
	nums := numbersIn(r.AsWritten)
	switch {
	case !r.HasValue && len(nums) > 0:
		t.Errorf("%s: value is empty but %q gives %v", where, r.AsWritten, nums)
	case !r.HasValue:
	case len(nums) == 0 || !sameNumber(nums[0], r):
		t.Errorf("%s: value %s is not the first number of %q", where, r.ValueText, r.AsWritten)
	case strings.Contains(d.Unit, "%") && !strings.Contains(r.AsWritten, r.ValueText+" per cent"):
		t.Errorf("%s: %q does not say %s per cent", where, r.AsWritten, r.ValueText)
	}
}

// sameNumber: the token is the ValueText digits, or the word for the value ("eight" for 8).
func sameNumber(token string, r Row) bool {
	if token == r.ValueText {
		return true
	}
	n, ok := numberWord(token)
	return ok && float64(n) == r.Value
}

// checkTarget: the number after "target" in AsWritten (or else in the quote) is the target, and a
// row without a target does not hide one its words give.
func checkTarget(t *testing.T, where string, d Dataset, r Row, s Source) {
	if d.Kind != Targets {
		return
	}
	got, ok := targetIn(r.AsWritten)
	if !ok && r.HasTarget {
		got, ok = targetIn(s.Quote)
	}
	if r.HasTarget && (!ok || got != r.TargetText) {
		t.Errorf("%s: target %s is not the number after \"target\" (found %q)", where, r.TargetText, got)
	}
	if !r.HasTarget && ok {
		t.Errorf("%s: target is empty but %q gives %s", where, r.AsWritten, got)
	}
}

func targetIn(s string) (string, bool) {
	words := tokens(s)
	for i, w := range words {
		if w != "target" {
			continue
		}
		for _, n := range words[i+1:] {
			if isNumberToken(n) {
				return n, true
			}
		}
	}
	return "", false
}

// checkKey: a period is written out in AsWritten ("in 2017", "fourth quarter of 2018"); every
// significant word of a category is in the quote or explained in the note.
func checkKey(t *testing.T, where string, d Dataset, r Row, s Source) {
	if d.Kind == Series {
		year, q, _ := ParsePeriod(r.Key)
		want := strconv.Itoa(year)
		if q > 0 {
			want = []string{"first", "second", "third", "fourth"}[q-1] + " quarter of " + want
		}
		if !strings.Contains(r.AsWritten, want) {
			t.Errorf("%s: period %s: %q does not say %q", where, r.Key, r.AsWritten, want)
		}
		return
	}
	said := strings.ToLower(s.Quote + " " + r.Note)
	for _, w := range tokens(strings.ToLower(r.Key)) {
		if len(w) > 3 && !strings.Contains(said, w) {
			t.Errorf("%s: category word %q is neither in the quote nor in the note", where, w)
		}
	}
}

// paragraphUpTo returns the paragraph of the quote, up to the end of the quote: a month named in an
// earlier sentence ("For instance, in June, ...") also dates the figures that follow it
// ("Similarly, ...").
func paragraphUpTo(text, quote string) string {
	end := strings.Index(text, quote) + len(quote)
	start := strings.LastIndex(text[:end], "\n") + 1
	return text[start:end]
}

// checkAsOf: a partial figure is as of the briefing; a month is the one the paragraph names up to
// the quote, in the year of the briefing; a full date is the briefing's.
func checkAsOf(t *testing.T, where string, r Row, s Source, paragraph string) {
	switch {
	case r.Partial && r.AsOf != s.Date:
		t.Errorf("%s: partial figure as_of %q, want the briefing date %s", where, r.AsOf, s.Date)
	case len(r.AsOf) == 10 && r.AsOf != s.Date:
		t.Errorf("%s: as_of %q is a date but not the briefing's (%s)", where, r.AsOf, s.Date)
	case len(r.AsOf) == 7:
		month := months[(int(r.AsOf[5]-'0')*10+int(r.AsOf[6]-'0'))-1]
		if !strings.Contains(paragraph, month) || r.AsOf[:4] != s.Date[:4] || r.AsOf > s.Date {
			t.Errorf("%s: as_of %q: the paragraph of the quote does not name %s before the briefing", where, r.AsOf, month)
		}
	}
}

// tokens splits text into words and numbers, keeping decimal points and hyphens inside them.
func tokens(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(c rune) bool {
		return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-')
	}) {
		if f = strings.Trim(f, ".-"); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func isNumberToken(w string) bool {
	_, word := numberWord(w)
	return isDecimal(w) || word
}

func numbersIn(s string) []string {
	var out []string
	for _, w := range tokens(s) {
		if isNumberToken(w) {
			out = append(out, w)
		}
	}
	return out
}

// numberWord reads an English number word up to ninety-nine, as speeches write small numbers.
func numberWord(w string) (int, bool) {
	units := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
		"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	tens := []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	w = strings.ToLower(w)
	ten, unit, compound := strings.Cut(w, "-")
	for i, u := range units {
		if w == u {
			return i, true
		}
	}
	for i, tw := range tens {
		if tw == "" || ten != tw {
			continue
		}
		if !compound {
			return i * 10, true
		}
		for j, u := range units[1:10] {
			if unit == u {
				return i*10 + j + 1, true
			}
		}
	}
	return 0, false
}

func TestNumberWord(t *testing.T) {
	for w, want := range map[string]int{"eight": 8, "Eight": 8, "twenty": 20, "twenty-five": 25, "nineteen": 19} {
		if got, ok := numberWord(w); !ok || got != want {
			t.Errorf("numberWord(%q) = %d, %v", w, got, ok)
		}
	}
	for _, w := range []string{"eighty-ten", "units", "", "twenty-"} {
		if _, ok := numberWord(w); ok {
			t.Errorf("numberWord(%q) should fail", w)
		}
	}
}

// TestFigures pins the figures of the briefing, so an edit that changes one is a conscious one.
func TestFigures(t *testing.T) {
	b := load(t)
	type fig struct {
		key, value, target string
		partial            bool
	}
	want := map[string][]fig{
		"fatalities": {{"2017", "59", "", false}, {"2018", "27", "", false}, {"2019", "25", "", false}, {"2020", "8", "", true}},
		"coe-gaps":   {{"2018-Q4", "23", "", false}, {"2020-Q1", "18", "", false}},
		"parity": {
			{"Military professional posts at Headquarters", "22.6", "17", false},
			{"Staff and military observers in the field", "18.3", "17", false},
			{"Individual police officers in the field", "28.2", "22", false},
			{"Formed police units", "10.9", "10", false},
			{"Deployed justice and corrections personnel", "29.6", "27", false},
			{"Formed military contingents", "", "", false},
			{"Civilian staff in the field", "22", "", false},
			{"Heads and Deputy Heads of missions led by DPO and DOS", "35", "", false},
			{"Civilian staff at Headquarters in DPO and the shared regional structure", "", "", false},
		},
	}
	if len(b.Datasets) != len(want) {
		t.Errorf("%d datasets, want %d", len(b.Datasets), len(want))
	}
	for id, figs := range want {
		d, ok := b.Dataset(id)
		if !ok || len(d.Rows) != len(figs) {
			t.Errorf("dataset %s: found %v with %d rows, want %d", id, ok, len(d.Rows), len(figs))
			continue
		}
		for i, f := range figs {
			r := d.Rows[i]
			got := fig{r.Key, r.ValueText, r.TargetText, r.Partial}
			if got != f || r.HasValue != (f.value != "") || r.HasTarget != (f.target != "") {
				t.Errorf("%s row %d = %+v (HasValue %v, HasTarget %v), want %+v", id, i, got, r.HasValue, r.HasTarget, f)
			}
			if r.HasValue && strconv.FormatFloat(r.Value, 'f', -1, 64) != f.value {
				t.Errorf("%s row %d: Value %v does not match %s", id, i, r.Value, f.value)
			}
		}
	}
}

// TestMissingFiguresAreExplained: the two figures the briefing does not give say so in both languages.
func TestMissingFiguresAreExplained(t *testing.T) {
	d, _ := load(t).Dataset("parity")
	for key, words := range map[string]string{
		"Formed military contingents": "target not yet achieved; no figure given",
		"Civilian staff at Headquarters in DPO and the shared regional structure": "parity reached, with some exceptions; no percentage given",
	} {
		r, ok := d.Row(key)
		if !ok || r.HasValue || r.HasTarget || !strings.Contains(strings.ToLower(r.Note), words) || r.NoteFR == "" {
			t.Errorf("%s: %+v; want no value, no target and a note saying %q", key, r, words)
		}
	}
	f, _ := load(t).Dataset("fatalities")
	if r, _ := f.Row("2020"); r.AsOf != "2020-09-14" || r.Note == "" || r.NoteFR == "" {
		t.Errorf("2020 fatalities: %+v; want as_of 2020-09-14 and notes", r)
	}
}
