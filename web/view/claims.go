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
	if first.Value > 0 && last.Value >= 0 && c.Abs != 0 && !percentValues(&ds) {
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
func percentValues(ds *data.Dataset) bool { return strings.Contains(ds.Unit, "%") }

// The phrases of generated sentences, by language (0 English, 1 French), filled by fill. They
// are tables rather than code because every branch of string building costs the page's
// download (docs/size.md).
var phrases = [2]struct {
	ours, in, inQuarter, soFar, soFarUndated, partialAlone      string
	fellBy, roseBy, fell, rose, unchanged, points               string
	file                                                        [9]string // fileTargetsHeadline
	noValue, noTarget, values, partialLegend, partialLegendDate string
}{{
	ours: "our calculation", in: "in %s", inQuarter: "in %s", soFar: "%s so far %s, %s", soFarUndated: "%s so far %s",
	partialAlone: "%s %s, a %s", fellBy: "%s fell by %s from %s to %s", roseBy: "%s rose by %s from %s to %s",
	fell: "%s fell from %s to %s", rose: "%s rose from %s to %s", unchanged: "%s was unchanged at %s from %s to %s",
	points: "%s percentage points",
	file: [9]string{"No target in your file to compare with", "The one target in your file met or surpassed",
		"The one target in your file not met", "All %s targets in your file met or surpassed",
		"None of the %s targets in your file met", "%s of %s targets in your file met or surpassed", "%s of %s targets in your file met or surpassed"},
	noValue: "no value for ", noTarget: "no target for ", values: "values from %s to %s",
	partialLegend: "%s: %s", partialLegendDate: "%s: %s (%s)",
}, {
	ours: "notre calcul", in: "en %s", inQuarter: "au %s", soFar: "%s %s, %s", soFarUndated: "%s %s (%s)",
	partialAlone: "%s %s, %s", fellBy: "%s\u202f: baisse de %s, de %s à %s", roseBy: "%s\u202f: hausse de %s, de %s à %s",
	fell: "%s\u202f: de %s à %s", rose: "%s\u202f: de %s à %s", unchanged: "%s\u202f: stable à %s de %s à %s",
	points: "%s points de pourcentage",
	file: [9]string{"Aucun objectif à comparer dans votre fichier", "L’objectif de votre fichier est atteint ou dépassé",
		"L’objectif de votre fichier n’est pas atteint", "Les %s objectifs de votre fichier sont atteints ou dépassés",
		"Aucun des %s objectifs de votre fichier n’est atteint", "%s objectif sur %s de votre fichier atteint ou dépassé",
		"%s objectifs sur %s de votre fichier atteints ou dépassés"},
	noValue: "aucune valeur pour ", noTarget: "aucun objectif pour ", values: "valeurs de %s à %s",
	partialLegend: "%s\u202f: %s", partialLegendDate: "%s\u202f: %s (%s)",
}}

// periodWords are, by language and kind of period (year, quarter, other), the partial period
// ("partial year", "année incomplète") and what it is not compared with.
var periodWords = [2][3][2]string{
	{{"partial year", "not compared with full years"}, {"partial quarter", "not compared with full quarters"},
		{"partial period", "not compared with full periods"}},
	{{"année incomplète", "non comparée aux années complètes"}, {"trimestre incomplet", "non comparé aux trimestres complets"},
		{"période incomplète", "non comparée aux périodes complètes"}},
}

// fill puts args, in order, in the places of "%s" in tmpl.
func fill(tmpl string, args ...string) string {
	for _, a := range args {
		tmpl = strings.Replace(tmpl, "%s", a, 1)
	}
	return tmpl
}

// ours names a derivation of the explorer's: "our calculation".
func ours(l locale.Lang) string { return phrases[langIndex(l)].ours }

// periodKind is 0 for a year, 1 for a quarter, 2 for anything else.
func periodKind(key string) int {
	_, q, err := data.ParsePeriod(key)
	switch {
	case err != nil:
		return 2
	case q > 0:
		return 1
	}
	return 0
}

// in is "in 2017" / "en 2017", "in Q4 2018" / "au T4 2018".
func in(key string, l locale.Lang) string {
	p := phrases[langIndex(l)]
	if periodKind(key) == 1 {
		return fill(p.inQuarter, l.Period(key))
	}
	return fill(p.in, l.Period(key))
}

// amount is a row's value as a sentence states it: "59", "12%".
func amount(ds data.Dataset, r data.Row, l locale.Lang) string {
	if percentValues(&ds) {
		return l.Percent(r.ValueText)
	}
	return l.Decimal(r.ValueText)
}

// at is "59 in 2017".
func at(ds data.Dataset, r data.Row, l locale.Lang) string {
	return amount(ds, r, l) + " " + in(r.Key, l)
}

// changeWords is the derived change: "−58% (our calculation)", or for percentages
// "+3 percentage points (our calculation)"; "" when there is none to give. unsigned drops
// the sign, for a sentence that says "fell by".
func changeWords(ds data.Dataset, c Change, l locale.Lang, unsigned bool) string {
	v := c.Abs
	if c.HasPercent {
		v = c.Pct
	} else if !percentValues(&ds) || c.Abs == 0 {
		return ""
	}
	dec := max(decimals(c.From.ValueText), decimals(c.To.ValueText))
	if unsigned {
		v = math.Abs(v)
	}
	s := l.Number(v, dec)
	if c.HasPercent {
		s = l.Percent(l.Number(v, 0))
	} else {
		s = fill(phrases[langIndex(l)].points, s)
	}
	if v > 0 && !unsigned {
		s = "+" + s
	}
	return s + " (" + ours(l) + ")"
}

// partialShort is "8 so far in 2020, to 14 September" / "8 en 2020, jusqu’au 14 septembre".
func partialShort(ds data.Dataset, r data.Row, l locale.Lang) string {
	p := phrases[langIndex(l)]
	if r.AsOf == "" {
		return fill(p.soFarUndated, amount(ds, r, l), in(r.Key, l), periodWords[langIndex(l)][periodKind(r.Key)][0])
	}
	return fill(p.soFar, amount(ds, r, l), in(r.Key, l), partialUntil(l, r.AsOf))
}

// partialLong is the alt text's "8 in 2020, a partial year (to 14 September), not compared
// with full years".
func partialLong(ds data.Dataset, r data.Row, l locale.Lang, withFull bool) string {
	w := periodWords[langIndex(l)][periodKind(r.Key)]
	s := fill(phrases[langIndex(l)].partialAlone, amount(ds, r, l), in(r.Key, l), w[0])
	if r.AsOf != "" {
		s += " (" + partialUntil(l, r.AsOf) + ")"
	}
	if withFull {
		s += ", " + w[1]
	}
	return s
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
		s := at(ds, c.From, l) + " → " + at(ds, c.To, l)
		if w := changeWords(ds, c, l, false); w != "" {
			s += ", " + w
		}
		parts = append(parts, s)
	} else if full := fullRows(ds); len(full) > 0 {
		parts = append(parts, at(ds, full[len(full)-1], l))
	}
	for _, r := range Partials(ds) {
		parts = append(parts, partialShort(ds, r, l))
	}
	return strings.Join(parts, semicolon(l))
}

// seriesSummary: "Peacekeeper fatalities … fell by 58% (our calculation) from 59 in 2017 to
// 25 in 2019; 8 in 2020, a partial year (to 14 September), not compared with full years."
func seriesSummary(ds data.Dataset, l locale.Lang) string {
	t, p := title(ds, l), phrases[langIndex(l)]
	full := fullRows(ds)
	c, ok := ChangeOf(ds)
	w := changeWords(ds, c, l, true)
	from, to := at(ds, c.From, l), at(ds, c.To, l)
	tmpl, args := "%s", []string{t}
	switch {
	case ok && c.Abs == 0:
		tmpl, args = p.unchanged, []string{t, amount(ds, c.To, l), l.Period(c.From.Key), l.Period(c.To.Key)}
	case ok && w != "":
		tmpl, args = p.roseBy, []string{t, w, from, to}
		if c.Abs < 0 {
			tmpl = p.fellBy
		}
	case ok:
		tmpl, args = p.rose, []string{t, from, to}
		if c.Abs < 0 {
			tmpl = p.fell
		}
	case len(full) > 0:
		args = append(args, l.Colon()+at(ds, full[len(full)-1], l))
		tmpl = "%s%s"
	}
	parts := []string{fill(tmpl, args...)}
	for i, r := range Partials(ds) {
		if i == 0 && len(full) == 0 {
			parts[0] = t + l.Colon() + partialLong(ds, r, l, false)
			continue
		}
		parts = append(parts, partialLong(ds, r, l, len(full) > 0))
	}
	return strings.Join(parts, semicolon(l)) + "."
}

// briefingTargets are the briefing's own words about its targets datasets, in place of a
// count it does not give: S/2020/911, Annex I, p. 5 — "most 2020 targets set out in the
// Uniformed Gender Parity Strategy 2018-2028 for uniformed personnel … have been met or
// surpassed", and "we have yet to achieve our targets for women in formed contingents".
// TestBriefingTargetsQuoteTheSource checks the words against the document.
var briefingTargets = map[string][2]string{
	"parity": {
		"Most 2020 targets for uniformed personnel met or surpassed, the briefing says; not yet those for women in formed contingents",
		"La plupart des objectifs 2020 du personnel en tenue atteints ou dépassés, selon l’exposé\u202f; pas encore ceux des contingents constitués",
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
