package data

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// The source text is a conversion of the printed PDF. It keeps the footer of odd pages
// ("20-12063 5/23", sometimes in bold), but an even page only shows where a sentence is cut by a
// blank line ("we continue to make" / "" / "significant headway"). Page 1 is the covering letter;
// the first annex starts page 2. A page break that falls between two paragraphs leaves no trace,
// so for each line we compute the lowest page counting breaks forwards and the highest counting
// them backwards from the next footer: when the two differ, the page cannot be known and pageOf
// says so instead of guessing.

// pageBounds returns, for every line of text, the lowest and highest page it can be on.
func pageBounds(text string) (lo, hi []int, err error) {
	lines := strings.Split(text, "\n")
	starts := evenBreaks(lines)
	lo, hi = make([]int, len(lines)), make([]int, len(lines))
	page, annexSeen := 1, false
	for i, line := range lines {
		if isAnnexHeading(line) && !annexSeen {
			annexSeen, page = true, max(page, 2)
		}
		if starts[i] {
			page++
		}
		lo[i] = page
		if n, ok := footerPage(line); ok {
			if page > n {
				return nil, nil, fmt.Errorf("line %d: footer says page %d but %d page breaks were counted", i+1, n, page)
			}
			lo[i], page = n, n+1
		}
	}
	backwardBounds(lines, starts, hi)
	return lo, hi, nil
}

// noFooter is the upper bound of lines after the last footer: their page cannot be checked.
const noFooter = 1 << 30

// backwardBounds fills hi from the end: a footer fixes its page, a detected even break lowers
// the page by one for the lines above it, and the first annex heading starts page 2.
func backwardBounds(lines []string, starts []bool, hi []int) {
	page, firstAnnex := noFooter, -1
	for i, line := range lines {
		if isAnnexHeading(line) {
			firstAnnex = i
			break
		}
	}
	for i := len(lines) - 1; i >= 0; i-- {
		if n, ok := footerPage(lines[i]); ok {
			page = n
		}
		hi[i] = page
		if starts[i] {
			page--
		}
		if i == firstAnnex {
			page = 1
		}
	}
}

// evenBreaks marks lines that start a page after an even page: a paragraph that ends without
// terminal punctuation, a blank line, then a paragraph starting in lowercase.
func evenBreaks(lines []string) []bool {
	starts := make([]bool, len(lines))
	prev := -1 // index of the previous non-blank line
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if prev >= 0 && prev < i-1 && startsLower(l) && unfinished(lines[prev]) {
			starts[i] = true
		}
		prev = i
	}
	return starts
}

func startsLower(l string) bool { return l != "" && l[0] >= 'a' && l[0] <= 'z' }

// unfinished reports a body paragraph cut mid-sentence (headings and footers never count).
func unfinished(l string) bool {
	l = strings.TrimSpace(l)
	if _, footer := footerPage(l); footer || strings.HasPrefix(l, "#") || l == "" {
		return false
	}
	return !strings.ContainsRune(".!?:;\"”)]", rune(l[len(l)-1]))
}

// footerPage recognises an odd-page footer "20-12063 5/23" (markdown bold allowed) and returns 5.
func footerPage(l string) (int, bool) {
	f := strings.Fields(strings.ReplaceAll(l, "*", ""))
	if len(f) != 2 {
		return 0, false
	}
	job, pages := f[0], f[1]
	a, b, ok := strings.Cut(job, "-")
	n, total, ok2 := strings.Cut(pages, "/")
	if !ok || !ok2 || !allDigits(a) || !allDigits(b) || !allDigits(total) {
		return 0, false
	}
	page, err := strconv.Atoi(n)
	return page, err == nil && page > 0
}

// isAnnexHeading matches "#### Annex I", "### Annex IX", "#### **Annex III**".
func isAnnexHeading(l string) bool {
	l = strings.TrimSpace(strings.NewReplacer("#", "", "*", "").Replace(l))
	return strings.HasPrefix(l, "Annex ")
}

// pageOf returns the page a quote is printed on. The quote must occur exactly once and within one
// paragraph; an error says why when the page cannot be determined.
func pageOf(text, quote string) (int, error) {
	first, last, err := pageRange(text, quote)
	if err == nil && first != last {
		i := strings.Count(text[:strings.Index(text, quote)], "\n")
		err = fmt.Errorf("line %d is on page %d to %d: a page break there left no trace", i+1, first, last)
	}
	if err != nil {
		return 0, err
	}
	return first, nil
}

// pageRange returns the lowest and highest page a quote can be printed on: first == last when the
// text tells the page. The quote must occur exactly once and within one paragraph.
func pageRange(text, quote string) (first, last int, err error) {
	if n := strings.Count(text, quote); quote == "" || n != 1 {
		return 0, 0, fmt.Errorf("quote occurs %d times in the text", n)
	}
	lo, hi, err := pageBounds(text)
	if err != nil {
		return 0, 0, err
	}
	i := strings.Count(text[:strings.Index(text, quote)], "\n")
	if hi[i] == noFooter {
		return 0, 0, fmt.Errorf("line %d follows the last footer: its page cannot be checked", i+1)
	}
	return lo[i], hi[i], nil
}

func TestPageOf(t *testing.T) {
	text := strings.Join([]string{
		"Letter on page one.", "",
		"#### Annex I", "",
		"Page two starts here. A sentence is cut at the end of page", "",
		"three, where it goes on. Still page three.", "",
		"20-12063 **3/23** ", "",
		"page four starts mid-sentence. Another paragraph is cut on page", "",
		"five. Then a full paragraph.", "",
		"Still page five.", "",
		"20-12063 5/23", "",
		"Somewhere on page six or seven.", "",
		"20-12063 7/23", "",
		"Page eight, but maybe nine.", "",
	}, "\n")
	cases := []struct {
		quote   string
		page    int
		problem string
	}{
		{"Letter on page one.", 1, ""},
		{"Page two starts here.", 2, ""},
		{"Still page three.", 3, ""},
		{"page four starts", 4, ""},
		{"five. Then", 5, ""},
		{"Still page five.", 5, ""},
		{"Somewhere on page six", 0, "page 6 to 7"},
		{"Page eight", 0, "last footer"},
		{"page", 0, "times"},
		{"not there", 0, "0 times"},
	}
	for _, c := range cases {
		got, err := pageOf(text, c.quote)
		if c.problem == "" && (err != nil || got != c.page) {
			t.Errorf("pageOf(%q) = %d, %v; want %d", c.quote, got, err, c.page)
		}
		if c.problem != "" && (err == nil || !strings.Contains(err.Error(), c.problem)) {
			t.Errorf("pageOf(%q) = %d, %v; want error containing %q", c.quote, got, err, c.problem)
		}
	}
}

func TestPageBoundsCatchInconsistentFooter(t *testing.T) {
	text := "Letter.\n\n#### Annex I\n\nText that is cut\n\nhere.\n\n20-12063 2/23\n"
	if _, _, err := pageBounds(text); err == nil || !strings.Contains(err.Error(), "footer says page 2") {
		t.Fatalf("want a footer inconsistency, got %v", err)
	}
}

// TestSourceTextPages checks the page model against the whole document: every footer agrees with
// the breaks counted before it, and the one visible even break is where the brief says it is.
func TestSourceTextPages(t *testing.T) {
	text := sourceText(t)
	if _, _, err := pageBounds(text); err != nil {
		t.Fatal(err)
	}
	for quote, want := range map[string]int{
		"I have the honour to enclose herewith": 1,
		"In that regard, we continue to make":   4,
		"significant headway on ensuring":       5,
		"practices. That will now be shared":    4,
	} {
		if got, err := pageOf(text, quote); err != nil || got != want {
			t.Errorf("pageOf(%q) = %d, %v; want %d", quote, got, err, want)
		}
	}
}
