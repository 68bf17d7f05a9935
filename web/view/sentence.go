package view

import (
	"fmt"
	"math"
	"strings"

	"briefing/data"
	"briefing/data/upload"
	"briefing/web/locale"
)

// Headline is the one-line figure summary above a chart (claims.go has the rules):
// "59 in 2017 → 25 in 2019, −58% (our calculation); 8 so far in 2020, to 14 September".
func Headline(ds data.Dataset, l locale.Lang) string {
	if ds.Kind != data.Targets {
		return seriesHeadline(ds, l)
	}
	if words, ok := briefingTargets[ds.ID]; ok && !upload.IsUpload(ds) {
		return words[langIndex(l)]
	}
	return fileTargetsHeadline(ds, l)
}

func langIndex(l locale.Lang) int {
	if l == locale.FR {
		return 1
	}
	return 0
}

// Summary is the chart's text alternative, generated from the data.
func Summary(ds data.Dataset, l locale.Lang) string {
	if ds.Kind == data.Targets {
		return targetSummary(ds, l)
	}
	return seriesSummary(ds, l)
}

func partialUntil(l locale.Lang, asOf string) string {
	if l == locale.FR {
		return "jusqu’au " + l.DayMonth(asOf)
	}
	return "to " + l.DayMonth(asOf)
}

// targetSummary is a targets chart's text alternative. The briefing's: its own words, then
// the range of the shares, each with its target. A reader's file: what the file holds.
func targetSummary(ds data.Dataset, l locale.Lang) string {
	if upload.IsUpload(ds) {
		s := title(ds, l) + l.Colon() + fileTargetsHeadline(ds, l)
		if lo, hi, ok := valueRange(ds, "", l); ok && hi != lo {
			s += semicolon(l) + fill(phrases[langIndex(l)].values, lo, hi)
		}
		return s + "."
	}
	s := title(ds, l) + l.Colon()
	if words, ok := briefingTargets[ds.ID]; ok {
		s += lowerFirst(words[langIndex(l)]) + ". "
	}
	lo, hi, ok := valueRange(ds, "uniformed", l)
	if !ok {
		return strings.TrimSpace(s)
	}
	if l == locale.FR {
		s += "Dans le personnel en tenue, la part des femmes va de " + lo + " à " + hi
	} else {
		s += "Among uniformed personnel, women’s share ranged from " + lo + " to " + hi
	}
	var missing []string
	for _, r := range ds.Rows {
		if r.Group == "uniformed" && !r.HasValue {
			missing = append(missing, strings.ToLower(rowLabel(ds, r, l)))
		}
	}
	if len(missing) > 0 {
		if l == locale.FR {
			s += semicolon(l) + "aucun chiffre pour" + l.Colon() + strings.Join(missing, ", ")
		} else {
			s += "; no figure given for " + strings.Join(missing, ", ")
		}
	}
	return s + "."
}

// valueRange is the lowest and the highest value of a group's rows ("" = all rows), each
// with the rows that have it (ties named together) and their targets:
// "10.9% (formed police units, target 10%)".
func valueRange(ds data.Dataset, group string, l locale.Lang) (lo, hi string, ok bool) {
	var rows []data.Row
	for _, r := range ds.Rows {
		if r.HasValue && (group == "" || r.Group == group) {
			rows = append(rows, r)
		}
	}
	if len(rows) == 0 {
		return "", "", false
	}
	least, most := rows[0].Value, rows[0].Value
	for _, r := range rows {
		least, most = math.Min(least, r.Value), math.Max(most, r.Value)
	}
	at := func(v float64) string {
		var who []string
		text := ""
		for _, r := range rows {
			if r.Value != v {
				continue
			}
			text = amount(ds, r, l)
			w := rowLabel(ds, r, l)
			if !upload.IsUpload(ds) {
				w = strings.ToLower(w)
			}
			if r.HasTarget {
				w += ", " + fmt.Sprintf(For(l).TargetOf, targetAmount(ds, r, l))
			}
			who = append(who, w)
		}
		if len(who) > maxTakeawayRows {
			who = append(who[:maxTakeawayRows], "…")
		}
		return text + " (" + strings.Join(who, semicolon(l)) + ")"
	}
	return at(least), at(most), true
}

func targetAmount(ds data.Dataset, r data.Row, l locale.Lang) string {
	if percentValues(&ds) {
		return l.Percent(r.TargetText)
	}
	return l.Decimal(r.TargetText)
}

func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// fileTargetsHeadline counts the targets of a reader's file that are met: a count the file
// itself states, so it is said to be about the file ("2 of 3 targets in your file met or
// surpassed"). Rows without a value or a target are named, not counted.
func fileTargetsHeadline(ds data.Dataset, l locale.Lang) string {
	var met, n int
	var noValue, noTarget []string
	for _, r := range ds.Rows {
		switch {
		case r.HasValue && r.HasTarget:
			n++
			if r.Value >= r.Target {
				met++
			}
		case r.HasTarget:
			noValue = append(noValue, rowLabel(ds, r, l))
		case r.HasValue:
			noTarget = append(noTarget, rowLabel(ds, r, l))
		}
	}
	p := phrases[langIndex(l)]
	form := 6 // "2 of 3"; 5 is its French singular, "1 objectif sur 3 … atteint"
	switch {
	case n == 0:
		form = 0
	case n == 1 && met == 1:
		form = 1
	case n == 1:
		form = 2
	case met == n:
		form = 3
	case met == 0:
		form = 4
	case met == 1:
		form = 5
	}
	num := func(k int) string { return l.Number(float64(k), 0) }
	args := []string{num(met), num(n)}
	if form == 3 || form == 4 {
		args = args[1:]
	}
	s := fill(p.file[form], args...)
	list := func(xs []string) string {
		if len(xs) > maxTakeawayRows {
			xs = append(xs[:maxTakeawayRows:maxTakeawayRows], "…")
		}
		return strings.Join(xs, ", ")
	}
	if len(noValue) > 0 {
		s += semicolon(l) + p.noValue + list(noValue)
	}
	if len(noTarget) > 0 && n > 0 {
		s += semicolon(l) + p.noTarget + list(noTarget)
	}
	return s
}

// tip is the full sentence shown when a bar is hovered or focused.
func tip(ds data.Dataset, r data.Row, l locale.Lang) string {
	w := For(l)
	label := rowLabel(ds, r, l)
	if !r.HasValue {
		s := label + l.Colon() + w.NoFigure
		if upload.IsUpload(ds) {
			s = label + l.Colon() + w.NoValue
		}
		if n := note(r, l); n != "" {
			s += " (" + n + ")"
		}
		return s
	}
	var s string
	if ds.Kind == data.Targets {
		s = label + l.Colon() + amount(ds, r, l)
		if !upload.IsUpload(ds) {
			s = label + l.Colon() + fmt.Sprintf(w.Women, amount(ds, r, l))
		}
		if r.HasTarget {
			s += ", " + fmt.Sprintf(w.TargetOf, targetAmount(ds, r, l))
		}
		if r.AsOf != "" {
			s += " (" + l.Date(r.AsOf) + ")"
		}
		return s
	}
	s = label + l.Colon() + amount(ds, r, l)
	if u := unit(ds, l); u != "" && !percentValues(&ds) {
		s += " " + u
	}
	if r.Partial && r.AsOf != "" {
		s += " (" + partialUntil(l, r.AsOf) + ")"
	} else if r.Partial {
		s += " (" + w.PartialFlag + ")"
	}
	return s
}

// Takeaway is a one-line reading of the chart for a slide, which shows the title already:
// the summary without the title. For targets it names those not met.
func Takeaway(ds data.Dataset, l locale.Lang) string {
	if ds.Kind == data.Targets {
		return targetTakeaway(ds, l)
	}
	s := Summary(ds, l)
	for _, sep := range []string{title(ds, l) + l.Colon(), title(ds, l) + " "} {
		if rest, ok := strings.CutPrefix(s, sep); ok {
			return upperFirst(rest)
		}
	}
	return s
}

func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// groupHeadline states a group's figures when the group has no targets (civilian staff),
// else the dataset's headline about targets.
func groupHeadline(ds data.Dataset, group string, l locale.Lang) string {
	var parts []string
	hasTarget := false
	for _, r := range ds.Rows {
		if r.Group != group {
			continue
		}
		hasTarget = hasTarget || r.HasTarget
		if r.HasValue {
			parts = append(parts, rowLabel(ds, r, l)+l.Colon()+valueText(ds, r, l))
		}
	}
	if hasTarget {
		return Headline(ds, l)
	}
	return strings.Join(parts, " · ")
}

// groupTakeaway is the notes of a group's figures not given (the source's words), or for
// the group with targets the dataset's takeaway.
func groupTakeaway(ds data.Dataset, group string, l locale.Lang) string {
	if group == "uniformed" {
		return Takeaway(ds, l)
	}
	var notes []string
	for _, r := range ds.Rows {
		if r.Group == group && !r.HasValue && note(r, l) != "" {
			notes = append(notes, rowLabel(ds, r, l)+l.Colon()+note(r, l))
		}
	}
	return strings.Join(notes, " ")
}

// targetTakeaway names the categories whose target is not met (or has no figure).
func targetTakeaway(ds data.Dataset, l locale.Lang) string {
	w := For(l)
	file := upload.IsUpload(ds)
	var missed []string
	for _, r := range ds.Rows {
		if (r.Group == "uniformed" || file && r.HasTarget) && !(r.HasValue && r.HasTarget && r.Value >= r.Target) {
			m := rowLabel(ds, r, l)
			if !r.HasValue && file {
				m += " (" + w.NoValue + ")"
			} else if !r.HasValue {
				m += " (" + w.NoFigure + ")"
			}
			missed = append(missed, m)
		}
	}
	if len(missed) > maxTakeawayRows {
		missed = append(missed[:maxTakeawayRows], "…")
	}
	switch {
	case file && !hasTargets(ds):
		return ""
	case file && len(missed) == 0:
		return w.FileTargetsMet
	case file:
		return w.BelowTarget + l.Colon() + strings.Join(missed, ", ")
	case len(missed) == 0:
		return ""
	}
	return w.NotMetYet + l.Colon() + strings.Join(missed, ", ")
}
