package chart

import (
	"math"
	"strconv"
)

// Fixtures from the data in data/*.csv (S/2020/911), as the UI would pass them.

func pct(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) + " %" }

func percentTick(v float64) string { return strconv.FormatFloat(v, 'f', 0, 64) + " %" }

func fatalities(width int, th Theme) Spec {
	return Spec{
		ID: "fatalities", Shape: Columns, Width: width, Theme: th, ShowValues: true,
		Title: "Peacekeeper fatalities from acts of violence",
		Desc:  "Fatalities fell from 59 in 2017 to 8 in 2020 (to 14 September).",
		Bars: []Bar{
			{Label: "2017", Value: 59, HasValue: true, ValueText: "59", Tip: "2017: 59 fatalities"},
			{Label: "2018", Value: 27, HasValue: true, ValueText: "27", Tip: "2018: 27 fatalities"},
			{Label: "2019", Value: 25, HasValue: true, ValueText: "25", Tip: "2019: 25 fatalities"},
			{Label: "2020", Value: 8, HasValue: true, ValueText: "8", Partial: true, Tip: "2020 (to 14 September): 8 fatalities"},
		},
		Legend: []LegendLine{{KeyPartial, "2020: to 14 September (partial year)"}, {KeyNone, "Source: S/2020/911"}},
	}
}

func coeGaps(width int) Spec {
	return Spec{
		ID: "coe-gaps", Shape: Columns, Width: width, Theme: Light, ShowValues: true,
		Title: "Units with critical equipment or performance gaps",
		Desc:  "23 units in the fourth quarter of 2018, 18 in the first quarter of 2020.",
		Bars: []Bar{
			{Label: "Q4 2018", Value: 23, HasValue: true, Tip: "Q4 2018: 23 units"},
			{Label: "Q1 2020", Value: 18, HasValue: true, Tip: "Q1 2020: 18 units"},
		},
		Legend: []LegendLine{{KeyNone, "The quarters in between are not given."}},
	}
}

func parityBar(label string, v, t float64, hasV, hasT bool) Bar {
	b := Bar{Label: label, Value: v, HasValue: hasV, Target: t, HasTarget: hasT}
	if hasV {
		b.ValueText = pct(v)
	}
	if hasT {
		b.TargetText = "target " + pct(t)
	}
	b.Tip = label + ": " + b.ValueText
	if !hasV {
		b.Tip = label + ": no figure given"
	}
	if hasT {
		b.TargetTip = "Target for 2020: " + pct(t)
	}
	return b
}

func parity(width int, targets bool) Spec {
	return Spec{
		ID: "parity", Shape: Rows, Width: width, Theme: Light, ShowValues: true, ShowTargets: targets,
		Percent: true, Tick: percentTick, MissingText: "no figure given",
		Title: "Women's share of uniformed peacekeeping personnel against the 2020 targets",
		Desc:  "Five of six categories meet their 2020 target; no figure is given for formed military contingents.",
		Bars: []Bar{
			parityBar("Military professional posts at Headquarters", 22.6, 17, true, true),
			parityBar("Staff and military observers in the field", 18.3, 17, true, true),
			parityBar("Individual police officers in the field", 28.2, 22, true, true),
			parityBar("Formed police units", 10.9, 10, true, true),
			parityBar("Deployed justice and corrections personnel", 29.6, 27, true, true),
			parityBar("Formed military contingents", 0, 0, false, false),
		},
		Legend:    []LegendLine{{KeyTarget, "Target for 2020"}, {KeyNone, "Source: S/2020/911"}},
		Reference: 50, ReferenceText: "Gender parity: 50 %",
	}
}

// french checks Unicode: U+202F narrow no-break space, U+2212 minus, accents.
func french(width int) Spec {
	s := parity(width, true)
	s.ID = "parité FR"
	s.Title = "Part des femmes — objectifs 2020"
	s.Tick = func(v float64) string { return strconv.FormatFloat(v, 'f', 0, 64) + "\u202f%" }
	s.Bars = []Bar{
		{Label: "Postes militaires d'administrateur au Siège", Value: 22.6, HasValue: true, ValueText: "22,6\u202f%", Target: 17, HasTarget: true, TargetText: "objectif 17\u202f%", Tip: "22,6\u202f% (objectif 17\u202f%)"},
		{Label: "Décès : évolution 2017–2020", Value: 8, HasValue: true, ValueText: "\u221286\u202f%", Tip: "T4 2018 → T1 2020"},
		{Label: "Contingents militaires constitués", Tip: "aucun chiffre"},
	}
	s.MissingText = "aucun chiffre indiqué"
	s.Legend = []LegendLine{{KeyTarget, "Objectif 2020"}, {KeyNone, "Source\u202f: S/2020/911"}}
	s.ReferenceText = "Parité des sexes\u202f: 50\u202f%"
	return s
}

// hostile checks escaping: markup, ampersands, quotes in every text slot.
func hostile(width int) Spec {
	evil := `<img src=x onerror=alert(1)>`
	return Spec{
		ID: `"><script>`, Shape: Columns, Width: width, ShowValues: true,
		Title: evil, Desc: `A&B "quoted" 'single' </desc>`,
		Bars: []Bar{
			{Label: evil, Value: 3, HasValue: true, ValueText: "A&B", Tip: evil},
			{Label: "A&B", Value: 5, HasValue: true, ValueText: `"quoted"`, Tip: `"quoted" & <b>`},
			{Label: `"quoted"`, Value: 1, HasValue: true, ValueText: "T4 2018", Partial: true, Tip: "]]> --> <!--"},
		},
		Legend:      []LegendLine{{KeyPartial, "* <partial> & \"done\""}, {KeyNone, "Ctrl\x01char and bad \xff byte"}},
		ShowTitle:   true,
		MissingText: "<none>",
	}
}

// fatalityLines is the fatalities series as a line chart.
func fatalityLines(width int, th Theme) Spec {
	s := fatalities(width, th)
	s.ID, s.Shape = "fatalities-lines", Lines
	return s
}

// parityGroups is the whole parity dataset: uniformed personnel against their targets,
// civilian staff without targets, two rows without a figure, each with its own note.
func parityGroups(width int) Spec {
	s := parity(width, true)
	s.ID = "parity-groups"
	s.Title = "Women's share of peacekeeping personnel"
	s.GroupLabels = map[string]string{"uniformed": "Uniformed personnel, June 2020", "civilian": "Civilian personnel, July 2020"}
	for i := range s.Bars {
		s.Bars[i].Group = "uniformed"
	}
	s.Bars[5].MissingText = "target not yet met; no figure given"
	civ := []Bar{
		parityBar("Civilian staff in the field", 22, 0, true, false),
		parityBar("Heads and Deputy Heads of missions led by DPO and DOS", 35, 0, true, false),
		parityBar("Civilian staff at Headquarters in DPO and the shared regional structure", 0, 0, false, false),
	}
	civ[2].MissingText = "parity reached, with some exceptions; no percentage given"
	for _, b := range civ {
		b.Group = "civilian"
		s.Bars = append(s.Bars, b)
	}
	return s
}

// pp formats a gap in percentage points with a sign (U+2212 for minus).
func pp(v float64) string {
	t := strconv.FormatFloat(math.Abs(v), 'f', -1, 64) + " pp"
	switch {
	case v > 0:
		return "+" + t
	case v < 0:
		return "\u2212" + t
	}
	return t
}

// gapBar is a row of a gap-to-target chart.
func gapBar(label string, v float64, has bool) Bar {
	b := Bar{Label: label, Value: v, HasValue: has}
	if has {
		b.ValueText = pp(v)
		b.Tip = label + ": " + pp(v) + " against the target"
	}
	return b
}

// gaps is the gap of each uniformed category to its 2020 target (all met in June 2020).
func gaps(width int) Spec {
	return Spec{
		ID: "gaps", Shape: Rows, Signed: true, Width: width, Theme: Light, ShowValues: true,
		Tick: func(v float64) string { return pp(v) }, MissingText: "no figure given",
		Title: "Women's share against the 2020 targets: gap in percentage points",
		Desc:  "Every category with a figure is above its 2020 target.",
		Bars: []Bar{
			gapBar("Military professional posts at Headquarters", 5.6, true),
			gapBar("Staff and military observers in the field", 1.3, true),
			gapBar("Individual police officers in the field", 6.2, true),
			gapBar("Formed police units", 0.9, true),
			gapBar("Deployed justice and corrections personnel", 2.6, true),
			{Label: "Formed military contingents", MissingText: "target not yet met; no figure given"},
		},
		Legend: []LegendLine{{KeyTarget, "Target for 2020"}, {KeyNone, "Source: S/2020/911"}},
	}
}

// gapsMixed is a made-up gap chart with values on both sides of zero, in two groups.
func gapsMixed(width int) Spec {
	s := gaps(width)
	s.ID = "gaps-mixed"
	s.Desc = "Test data: values below and above the target."
	s.GroupLabels = map[string]string{"a": "Uniformed personnel, June 2020", "b": "Civilian personnel, July 2020"}
	s.Bars = []Bar{
		gapBar("Military professional posts at Headquarters", 5.6, true),
		gapBar("Staff and military observers in the field", -2, true),
		gapBar("Formed police units", 0, true),
		gapBar("Individual police officers in the field", -11.4, true),
		gapBar("Civilian staff in the field", 3, true),
		gapBar("Heads of mission", -0.5, true),
	}
	for i := range s.Bars {
		s.Bars[i].Group = map[bool]string{true: "a", false: "b"}[i < 4]
	}
	return s
}
