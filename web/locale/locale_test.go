package locale

import "testing"

func TestFormats(t *testing.T) {
	cases := []struct{ got, want string }{
		{EN.Decimal("22.6"), "22.6"},
		{FR.Decimal("22.6"), "22,6"},
		{EN.Percent("22.6"), "22.6%"},
		{FR.Percent("22.6"), "22,6\u202f%"},
		{EN.Decimal("80000"), "80,000"},
		{FR.Decimal("80000"), "80\u202f000"},
		{EN.Decimal("2020"), "2020"},
		{EN.Decimal("-5"), "\u22125"},
		{EN.SignedPercent(-86), "\u221286%"},
		{FR.SignedPercent(-86), "\u221286\u202f%"},
		{EN.Signed(-51), "\u221251"},
		{EN.Signed(3), "+3"},
		{EN.Period("2018-Q4"), "Q4 2018"},
		{FR.Period("2018-Q4"), "T4\u00a02018"},
		{EN.Period("2017"), "2017"},
		{EN.Date("2020-09-14"), "14 September 2020"},
		{FR.Date("2020-09-14"), "14 septembre 2020"},
		{FR.Date("2020-09-01"), "1er septembre 2020"},
		{EN.Date("2020-06"), "June 2020"},
		{FR.Date("2020-07"), "juillet 2020"},
		{EN.Date("2020-13"), "2020-13"},
		{EN.Date("junk"), "junk"},
		{EN.DayMonth("2020-09-14"), "14 September"},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d: got %q, want %q", i, c.got, c.want)
		}
	}
}

func TestParse(t *testing.T) {
	for tag, want := range map[string]Lang{"fr-CA": FR, "FR": FR, "en-GB": EN, "en": EN} {
		if got, ok := Parse(tag); !ok || got != want {
			t.Errorf("Parse(%q) = %v, %v", tag, got, ok)
		}
	}
	if _, ok := Parse("de"); ok {
		t.Error("Parse(de) should not be supported")
	}
}

// TestPlural: French counts 0 and 1 as singular, English only 1.
func TestPlural(t *testing.T) {
	cases := []struct {
		l    Lang
		n    int
		want string
	}{
		{EN, 0, "other"}, {EN, 1, "one"}, {EN, 2, "other"}, {EN, 21, "other"},
		{FR, 0, "one"}, {FR, 1, "one"}, {FR, 2, "other"}, {FR, 21, "other"},
	}
	for _, c := range cases {
		if got := c.l.Plural(c.n, "one", "other"); got != c.want {
			t.Errorf("%s.Plural(%d) = %q, want %q", c.l, c.n, got, c.want)
		}
	}
}
