package state

import (
	"testing"

	"briefing/web/locale"
)

func TestURLRoundTrip(t *testing.T) {
	states := []State{
		Default(),
		{ShowTargets: false, Lang: locale.FR, Theme: "dark"},
		{ShowTargets: true, Lang: locale.EN, Theme: "projector"},
	}
	for _, s := range states {
		q := Encode(s)
		if got := Decode(q); got != s {
			t.Errorf("Decode(Encode(%+v)) = %+v via %q", s, got, q)
		}
	}
	if q := Encode(Default()); q != "" {
		t.Errorf("default state encodes as %q, want empty", q)
	}
}

func TestDecodeBadInput(t *testing.T) {
	for _, q := range []string{"", "?", "targets", "lang=xx", "theme=<script>", "%zz=1&lang=fr", "lang=fr&lang=de", ";;;&&&="} {
		s := Decode(q)
		if s.Theme != "light" || (s.Lang != locale.EN && s.Lang != locale.FR) {
			t.Errorf("Decode(%q) = %+v", q, s)
		}
	}
	if s := Decode("lang=de&lang=fr"); s.Lang != locale.FR {
		t.Errorf("the last of duplicated parameters should win: %+v", s)
	}
}

func FuzzDecode(f *testing.F) {
	for _, q := range []string{"", "targets=off&lang=fr&theme=dark", "%", "a=b=c&&"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		s := Decode(q)
		if !validTheme(s.Theme) || (s.Lang != locale.EN && s.Lang != locale.FR) {
			t.Fatalf("Decode(%q) gave an invalid state %+v", q, s)
		}
		if again := Decode(Encode(s)); again != s {
			t.Fatalf("round trip of %+v gave %+v", s, again)
		}
	})
}
