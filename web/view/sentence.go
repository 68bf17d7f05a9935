package view

import (
	"fmt"
	"math"
	"strings"

	"briefing/data"
	"briefing/web/locale"
)

// ends returns the first and last rows that carry a value.
func ends(ds data.Dataset) (first, last data.Row, ok bool) {
	var vals []data.Row
	for _, r := range ds.Rows {
		if r.HasValue {
			vals = append(vals, r)
		}
	}
	if len(vals) < 2 {
		return first, last, false
	}
	return vals[0], vals[len(vals)-1], true
}

// Change is the difference between the first and last values, absolute and in per cent.
type Change struct {
	From, To   data.Row
	Abs        float64
	Pct        float64 // rounded to a whole per cent: a derived figure, not a source figure
	HasPercent bool    // false when the first value is zero
}

// ChangeOf computes the change of a series; ok is false with fewer than two values.
func ChangeOf(ds data.Dataset) (Change, bool) {
	first, last, ok := ends(ds)
	if !ok {
		return Change{}, false
	}
	c := Change{From: first, To: last, Abs: last.Value - first.Value}
	if first.Value != 0 {
		c.Pct, c.HasPercent = math.Round(100*c.Abs/first.Value), true
	}
	return c, true
}

// Headline is the one-line figure summary above a chart, e.g. "59 → 8: −51, −86% since 2017 · 2020 partial".
func Headline(ds data.Dataset, l locale.Lang) string {
	w := For(l)
	if ds.Kind == data.Targets {
		met, total := targetsMet(ds)
		return fmt.Sprintf(w.TargetsMet, met, total)
	}
	c, ok := ChangeOf(ds)
	if !ok {
		return ""
	}
	s := l.Decimal(c.From.ValueText) + " → " + l.Decimal(c.To.ValueText) + l.Colon() + l.Signed(c.Abs)
	if c.HasPercent {
		s += ", " + l.SignedPercent(c.Pct)
	}
	s += " " + fmt.Sprintf(w.Since, l.Period(c.From.Key))
	if c.To.Partial {
		s += " · " + fmt.Sprintf(w.PartialShort, l.Period(c.To.Key))
	}
	return s
}

// targetsMet counts uniformed categories whose value meets its target. A category with no
// figure counts as not met: the source says those targets are yet to be achieved.
func targetsMet(ds data.Dataset) (met, total int) {
	for _, r := range ds.Rows {
		if r.Group != "uniformed" {
			continue
		}
		total++
		if r.HasValue && r.HasTarget && r.Value >= r.Target {
			met++
		}
	}
	return met, total
}

// Summary is the chart's text alternative: one sentence generated from the data.
func Summary(ds data.Dataset, l locale.Lang) string {
	if ds.Kind == data.Targets {
		return targetSummary(ds, l)
	}
	c, ok := ChangeOf(ds)
	if !ok {
		return title(ds, l) + "."
	}
	w := For(l)
	verb := w.Unchanged
	if c.Abs < 0 {
		verb = w.Fell
	} else if c.Abs > 0 {
		verb = w.Rose
	}
	to := l.Period(c.To.Key)
	if c.To.Partial {
		to += " (" + partialUntil(l, c.To.AsOf) + ")"
	}
	if l == locale.FR {
		return fmt.Sprintf("%s\u202f: %s de %s en %s à %s en %s.", title(ds, l), verb,
			l.Decimal(c.From.ValueText), l.Period(c.From.Key), l.Decimal(c.To.ValueText), to)
	}
	return fmt.Sprintf("%s %s from %s in %s to %s in %s.", title(ds, l), verb,
		l.Decimal(c.From.ValueText), l.Period(c.From.Key), l.Decimal(c.To.ValueText), to)
}

func partialUntil(l locale.Lang, asOf string) string {
	if l == locale.FR {
		return "jusqu’au " + l.DayMonth(asOf)
	}
	return "to " + l.DayMonth(asOf)
}

// targetSummary names how many targets were met and the lowest and highest shares.
func targetSummary(ds data.Dataset, l locale.Lang) string {
	met, total := targetsMet(ds)
	var lo, hi *data.Row
	var missing []string
	for i, r := range ds.Rows {
		if r.Group != "uniformed" {
			continue
		}
		if !r.HasValue {
			missing = append(missing, strings.ToLower(rowLabel(ds, r, l)))
			continue
		}
		if lo == nil || r.Value < lo.Value {
			lo = &ds.Rows[i]
		}
		if hi == nil || r.Value > hi.Value {
			hi = &ds.Rows[i]
		}
	}
	if lo == nil {
		return title(ds, l) + "."
	}
	share := func(r *data.Row) string {
		return fmt.Sprintf("%s (%s)", l.Percent(r.ValueText), strings.ToLower(rowLabel(ds, *r, l)))
	}
	if l == locale.FR {
		s := fmt.Sprintf("%s\u202f: %d objectifs 2020 sur %d atteints ou dépassés\u202f; part des femmes de %s à %s",
			title(ds, l), met, total, share(lo), share(hi))
		if len(missing) > 0 {
			s += "\u202f; aucun chiffre pour\u202f: " + strings.Join(missing, ", ")
		}
		return s + "."
	}
	s := fmt.Sprintf("%s: %d of %d targets for 2020 met or surpassed; women's share ranged from %s to %s",
		title(ds, l), met, total, share(lo), share(hi))
	if len(missing) > 0 {
		s += "; no figure given for " + strings.Join(missing, ", ")
	}
	return s + "."
}

// tip is the full sentence shown when a bar is hovered or focused.
func tip(ds data.Dataset, r data.Row, l locale.Lang) string {
	w := For(l)
	label := rowLabel(ds, r, l)
	if !r.HasValue {
		s := label + l.Colon() + w.NoFigure
		if n := note(r, l); n != "" {
			s += " (" + n + ")"
		}
		return s
	}
	var s string
	if ds.Kind == data.Targets {
		s = label + l.Colon() + fmt.Sprintf(w.Women, l.Percent(r.ValueText))
		if r.HasTarget {
			s += ", " + fmt.Sprintf(w.TargetOf, l.Percent(r.TargetText))
		}
		s += " (" + l.Date(r.AsOf) + ")"
		return s
	}
	s = label + l.Colon() + l.Decimal(r.ValueText) + " " + unit(ds, l)
	if r.Partial {
		s += " (" + partialUntil(l, r.AsOf) + ")"
	}
	return s
}

// Takeaway is a one-line reading of the chart for a slide, which shows the title already:
// "Fell from 59 in 2017 to 8 in 2020 (to 14 September)." For targets it names those not met.
func Takeaway(ds data.Dataset, l locale.Lang) string {
	if ds.Kind == data.Targets {
		return targetTakeaway(ds, l)
	}
	s := Summary(ds, l)
	for _, sep := range []string{title(ds, l) + "\u202f: ", title(ds, l) + " : ", title(ds, l) + ": ", title(ds, l) + " "} {
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

// groupTakeaway is the range of a group's shares, or the notes of figures not given.
func groupTakeaway(ds data.Dataset, group string, l locale.Lang) string {
	var notes []string
	for _, r := range ds.Rows {
		if r.Group == group && !r.HasValue && note(r, l) != "" && r.Group != "uniformed" {
			notes = append(notes, rowLabel(ds, r, l)+l.Colon()+note(r, l))
		}
	}
	if group == "uniformed" {
		return Takeaway(ds, l)
	}
	return strings.Join(notes, " ")
}

// targetTakeaway names the categories whose target is not met (or has no figure).
func targetTakeaway(ds data.Dataset, l locale.Lang) string {
	var missed []string
	for _, r := range ds.Rows {
		if r.Group == "uniformed" && !(r.HasValue && r.HasTarget && r.Value >= r.Target) {
			m := rowLabel(ds, r, l)
			if !r.HasValue {
				m += " (" + For(l).NoFigure + ")"
			}
			missed = append(missed, m)
		}
	}
	if len(missed) == 0 {
		return For(l).AllTargetsMet
	}
	if len(missed) > maxTakeawayRows {
		missed = append(missed[:maxTakeawayRows], "…")
	}
	return For(l).NotMetYet + l.Colon() + strings.Join(missed, ", ")
}
