package view

import (
	"testing"

	"briefing/web/locale"
)

// TestMatchStatus: the key figures' count agrees in number in both languages.
func TestMatchStatus(t *testing.T) {
	for _, c := range []struct {
		l            locale.Lang
		shown, total int
		want         string
	}{
		{locale.FR, 1, 21, "1 chiffre sur 21"},
		{locale.FR, 0, 21, "0 chiffre sur 21"},
		{locale.FR, 3, 21, "3 chiffres sur 21"},
		{locale.EN, 1, 21, "1 of 21 figures"},
		{locale.EN, 3, 21, "3 of 21 figures"},
		{locale.EN, 1, 1, "1 of 1 figure"},
	} {
		if got := For(c.l).MatchStatus(c.l, c.shown, c.total); got != c.want {
			t.Errorf("%s %d/%d: %q, want %q", c.l, c.shown, c.total, got, c.want)
		}
	}
}

// TestPageTitle: the tab's title is the page's title in its language.
func TestPageTitle(t *testing.T) {
	if got := PageTitle(locale.FR); got != "La réforme du maintien de la paix en chiffres — S/2020/911" {
		t.Errorf("French title %q", got)
	}
	if got := PageTitle(locale.EN); got != "Peacekeeping reform in figures — S/2020/911" {
		t.Errorf("English title %q", got)
	}
}
