package view

import (
	"math"
	"strings"

	"briefing/data"
	"briefing/data/upload"
	"briefing/web/locale"
)

// The rules every generated sentence follows, in one place (issue 11). A presenter reads a
// headline aloud, so each one must be a claim a fact-checker accepts:
//
//  1. Like with like. A change, absolute or in per cent, is only computed between two
//     complete periods of the same kind (a year with a year, a quarter with a quarter). A
//     partial period (2020 "so far", to 14 September) is stated on its own, with its date,
//     and never compared with full ones; the line chart does not join it either.
//  2. No number the source does not state, unless it is named as ours. A per cent change is
//     the explorer's derivation, so every sentence that gives one says "our calculation".
//     A count of targets met is not in the briefing (which says "most"), so the briefing's
//     datasets quote its words instead; a reader's file may be counted, as "in your file".
//  3. The source's words where it gives no number ("parity reached, with some exceptions").
//  4. A reader's file speaks for itself: no "2020", "uniformed" or "%" unless it says so
//     (data/upload: the unit comes from the value column's header).
//
// claims_test.go walks every dataset, chart variant and language and a set of readers' files
// and checks every sentence against these rules.

// Change is the change between the first and last complete periods of the same kind.
type Change struct {
	From, To   data.Row
	Abs        float64 // To − From, in the values' unit (points for percentages)
	Pct        float64 // rounded to a whole per cent: our calculation, never a source figure
	HasPercent bool    // false when From is not above zero or the values are percentages
}

// ChangeOf computes the change of a series over its complete periods; ok is false with
// fewer than two comparable values. Partial periods never enter it (see Partials).
func ChangeOf(ds data.Dataset) (Change, bool) {
	full := fullRows(ds)
	if len(full) < 2 {
		return Change{}, false
	}
	// The latest full period, and the first of the same kind: quarters are compared with
	// quarters, years with years.
	last := full[len(full)-1]
	first := last
	for _, r := range full {
		if sameKind(last.Key, r.Key) {
			first = r
			break
		}
	}
	if last.Key == first.Key {
		return Change{}, false
	}
	c := Change{From: first, To: last, Abs: last.Value - first.Value}
	if first.Value > 0 && last.Value >= 0 && c.Abs != 0 && !percentValues(ds) {
		c.Pct, c.HasPercent = math.Round(100*c.Abs/first.Value), true
	}
	return c, true
}

// fullRows are the rows with a value for a complete period.
func fullRows(ds data.Dataset) []data.Row {
	var out []data.Row
	for _, r := range ds.Rows {
		if r.HasValue && !r.Partial {
			out = append(out, r)
		}
	}
	return out
}

// Partials are the rows with a value for a period that was not over: stated apart.
func Partials(ds data.Dataset) []data.Row {
	var out []data.Row
	for _, r := range ds.Rows {
		if r.HasValue && r.Partial {
			out = append(out, r)
		}
	}
	return out
}

// sameKind: two years, or two quarters; anything else is not compared.
func sameKind(a, b string) bool {
	_, qa, ea := data.ParsePeriod(a)
	_, qb, eb := data.ParsePeriod(b)
	return ea == nil && eb == nil && (qa == 0) == (qb == 0)
}

// percentValues: the values are percentages. The briefing's datasets say so by their unit
// ("% women"); a reader's file only by its value header ("value (%)", data/upload).
func percentValues(ds data.Dataset) bool { return strings.Contains(ds.Unit, "%") }

// ours names a derivation of the explorer's: "our calculation".
func ours(l locale.Lang) string {
	if l == locale.FR {
		return "notre calcul"
	}
	return "our calculation"
}

// periodNoun is what a period is: "year", "quarter" or "period", with its French gender.
func periodNoun(key string, l locale.Lang, plural bool) (noun string, feminine bool) {
	_, q, err := data.ParsePeriod(key)
	switch {
	case l == locale.FR && err == nil && q == 0:
		return map[bool]string{false: "année", true: "années"}[plural], true
	case l == locale.FR && err == nil:
		return map[bool]string{false: "trimestre", true: "trimestres"}[plural], false
	case l == locale.FR:
		return map[bool]string{false: "période", true: "périodes"}[plural], true
	case err == nil && q == 0:
		return map[bool]string{false: "year", true: "years"}[plural], false
	case err == nil:
		return map[bool]string{false: "quarter", true: "quarters"}[plural], false
	}
	return map[bool]string{false: "period", true: "periods"}[plural], false
}

// in is "in 2017" / "en 2017", "in Q4 2018" / "au T4 2018".
func in(key string, l locale.Lang) string {
	if l == locale.FR {
		if _, q, err := data.ParsePeriod(key); err == nil && q > 0 {
			return "au " + l.Period(key)
		}
		return "en " + l.Period(key)
	}
	return "in " + l.Period(key)
}

// amount is a row's value as a sentence states it: "59", "12%".
func amount(ds data.Dataset, r data.Row, l locale.Lang) string {
	if percentValues(ds) {
		return l.Percent(r.ValueText)
	}
	return l.Decimal(r.ValueText)
}

// changeWords is the derived change: "−58% (our calculation)", or for percentages
// "+3 percentage points (our calculation)"; "" when there is none to give.
func changeWords(ds data.Dataset, c Change, l locale.Lang, long bool) string {
	switch {
	case c.HasPercent && long:
		return l.Percent(l.Number(math.Abs(c.Pct), 0)) + " (" + ours(l) + ")"
	case c.HasPercent:
		return l.SignedPercent(c.Pct) + " (" + ours(l) + ")"
	case percentValues(ds) && c.Abs != 0:
		dec := max(decimals(c.From.ValueText), decimals(c.To.ValueText))
		pts := l.Number(c.Abs, dec)
		if long {
			pts = l.Number(math.Abs(c.Abs), dec)
		} else if c.Abs > 0 {
			pts = "+" + pts
		}
		if l == locale.FR {
			return pts + " points de pourcentage (" + ours(l) + ")"
		}
		return pts + " percentage points (" + ours(l) + ")"
	}
	return ""
}

// partialShort is "8 so far in 2020, to 14 September" / "8 en 2020, jusqu’au 14 septembre".
func partialShort(ds data.Dataset, r data.Row, l locale.Lang) string {
	v := amount(ds, r, l)
	if l == locale.FR {
		if r.AsOf == "" {
			n, fem := periodNoun(r.Key, l, false)
			return v + " " + in(r.Key, l) + " (" + n + " " + agree("incomplet", fem) + ")"
		}
		return v + " " + in(r.Key, l) + ", " + partialUntil(l, r.AsOf)
	}
	if r.AsOf == "" {
		return v + " so far " + in(r.Key, l)
	}
	return v + " so far " + in(r.Key, l) + ", " + partialUntil(l, r.AsOf)
}

// partialLong is the alt text's "8 in 2020, a partial year (to 14 September), not compared
// with full years".
func partialLong(ds data.Dataset, r data.Row, l locale.Lang, withFull bool) string {
	n, fem := periodNoun(r.Key, l, false)
	ns, _ := periodNoun(r.Key, l, true)
	s := amount(ds, r, l) + " " + in(r.Key, l)
	if l == locale.FR {
		s += ", " + n + " " + agree("incomplet", fem)
		if r.AsOf != "" {
			s += " (" + partialUntil(l, r.AsOf) + ")"
		}
		if withFull {
			s += ", non " + agree("comparé", fem) + " aux " + ns + " " + agree("complet", fem) + "s"
		}
		return s
	}
	s += ", a partial " + n
	if r.AsOf != "" {
		s += " (" + partialUntil(l, r.AsOf) + ")"
	}
	if withFull {
		s += ", not compared with full " + ns
	}
	return s
}

// agree puts a French adjective in the feminine.
func agree(adj string, feminine bool) string {
	if !feminine {
		return adj
	}
	if stem, ok := strings.CutSuffix(adj, "et"); ok { // complet → complète
		return stem + "ète"
	}
	return adj + "e"
}

// semicolon is "; " or the French " ; " with a narrow no-break space.
func semicolon(l locale.Lang) string {
	if l == locale.FR {
		return "\u202f; "
	}
	return "; "
}

// seriesHeadline: "59 in 2017 → 25 in 2019, −58% (our calculation); 8 so far in 2020, to
// 14 September".
func seriesHeadline(ds data.Dataset, l locale.Lang) string {
	var parts []string
	if c, ok := ChangeOf(ds); ok {
		s := amount(ds, c.From, l) + " " + in(c.From.Key, l) + " → " + amount(ds, c.To, l) + " " + in(c.To.Key, l)
		if w := changeWords(ds, c, l, false); w != "" {
			s += ", " + w
		}
		parts = append(parts, s)
	} else if full := fullRows(ds); len(full) > 0 {
		r := full[len(full)-1]
		parts = append(parts, amount(ds, r, l)+" "+in(r.Key, l))
	}
	for _, r := range Partials(ds) {
		parts = append(parts, partialShort(ds, r, l))
	}
	return strings.Join(parts, semicolon(l))
}

// seriesSummary: "Peacekeeper fatalities … fell by 58% (our calculation) from 59 in 2017 to
// 25 in 2019; 8 in 2020, a partial year (to 14 September), not compared with full years."
func seriesSummary(ds data.Dataset, l locale.Lang) string {
	t := title(ds, l)
	full := fullRows(ds)
	var s string
	c, ok := ChangeOf(ds)
	switch {
	case ok && l == locale.FR:
		span := "de " + amount(ds, c.From, l) + " " + in(c.From.Key, l) + " à " + amount(ds, c.To, l) + " " + in(c.To.Key, l)
		switch w := changeWords(ds, c, l, true); {
		case c.Abs == 0:
			s = t + l.Colon() + "stable à " + amount(ds, c.To, l) + " de " + l.Period(c.From.Key) + " à " + l.Period(c.To.Key)
		case w != "" && c.Abs < 0:
			s = t + l.Colon() + "baisse de " + w + ", " + span
		case w != "":
			s = t + l.Colon() + "hausse de " + w + ", " + span
		default:
			s = t + l.Colon() + span
		}
	case ok:
		switch w := changeWords(ds, c, l, true); {
		case c.Abs == 0:
			s = t + " was unchanged at " + amount(ds, c.To, l) + " from " + l.Period(c.From.Key) + " to " + l.Period(c.To.Key)
		case c.Abs < 0 && w != "":
			s = t + " fell by " + w + " from " + amount(ds, c.From, l) + " " + in(c.From.Key, l) + " to " + amount(ds, c.To, l) + " " + in(c.To.Key, l)
		case c.Abs < 0:
			s = t + " fell from " + amount(ds, c.From, l) + " " + in(c.From.Key, l) + " to " + amount(ds, c.To, l) + " " + in(c.To.Key, l)
		case w != "":
			s = t + " rose by " + w + " from " + amount(ds, c.From, l) + " " + in(c.From.Key, l) + " to " + amount(ds, c.To, l) + " " + in(c.To.Key, l)
		default:
			s = t + " rose from " + amount(ds, c.From, l) + " " + in(c.From.Key, l) + " to " + amount(ds, c.To, l) + " " + in(c.To.Key, l)
		}
	case len(full) > 0:
		r := full[len(full)-1]
		s = t + l.Colon() + amount(ds, r, l) + " " + in(r.Key, l)
	}
	for _, r := range Partials(ds) {
		if s == "" {
			s = t + l.Colon() + partialLong(ds, r, l, len(full) > 0)
			continue
		}
		s += semicolon(l) + partialLong(ds, r, l, len(full) > 0)
	}
	if s == "" {
		return t + "."
	}
	return s + "."
}

// briefingTargets are the briefing's own words about its targets datasets, in place of a
// count it does not give: S/2020/911, Annex I, p. 5 — "most 2020 targets set out in the
// Uniformed Gender Parity Strategy 2018-2028 for uniformed personnel … have been met or
// surpassed", and "we have yet to achieve our targets for women in formed contingents".
// TestBriefingTargetsQuoteTheSource checks the words against the document.
var briefingTargets = map[string][2]string{
	"parity": {
		"Most 2020 targets for uniformed personnel met or surpassed, the briefing says; not yet those for women in formed contingents",
		"La plupart des objectifs 2020 pour le personnel en tenue atteints ou dépassés, selon l’exposé\u202f; pas encore ceux concernant les femmes dans les contingents constitués",
	},
}

// sourceWords is what the source says where it gives no figure, for the chart row: the first
// sentence of the row's note ("parity reached, with some exceptions; no percentage given").
// "" for a reader's file, whose notes are free text, or a row with no note.
func sourceWords(ds data.Dataset, r data.Row, l locale.Lang) string {
	n := note(r, l)
	if upload.IsUpload(ds) || n == "" {
		return ""
	}
	if i := strings.Index(n, ". "); i > 0 {
		n = n[:i]
	}
	n = strings.TrimSuffix(n, ".")
	for i, c := range n {
		return strings.ToLower(string(c)) + n[i+len(string(c)):]
	}
	return n
}
