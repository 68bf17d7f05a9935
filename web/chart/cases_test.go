package chart

import "strconv"

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
		Legend: []string{"2020: to 14 September (partial year)", "Source: S/2020/911"},
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
		Legend: []string{"The quarters in between are not given."},
	}
}

func parityBar(label string, v, t float64, hasV, hasT bool) Bar {
	b := Bar{Label: label, Value: v, HasValue: hasV, Target: t, HasTarget: hasT}
	if hasV {
		b.ValueText = pct(v)
	}
	if hasT {
		b.TargetText = pct(t)
	}
	b.Tip = label + ": " + b.ValueText
	if !hasV {
		b.Tip = label + ": no figure given"
	}
	if hasT {
		b.TargetTip = "Target for 2020: " + b.TargetText
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
		Legend: []string{"◆ Target for 2020", "Source: S/2020/911"},
	}
}

// french checks Unicode: U+202F narrow no-break space, U+2212 minus, accents.
func french(width int) Spec {
	s := parity(width, true)
	s.ID = "parité FR"
	s.Title = "Part des femmes — objectifs 2020"
	s.Tick = func(v float64) string { return strconv.FormatFloat(v, 'f', 0, 64) + "\u202f%" }
	s.Bars = []Bar{
		{Label: "Postes militaires d'administrateur au Siège", Value: 22.6, HasValue: true, ValueText: "22,6\u202f%", Target: 17, HasTarget: true, TargetText: "17\u202f%", Tip: "22,6\u202f% (objectif 17\u202f%)"},
		{Label: "Décès : évolution 2017–2020", Value: 8, HasValue: true, ValueText: "\u221286\u202f%", Tip: "T4 2018 → T1 2020"},
		{Label: "Contingents militaires constitués", Tip: "aucun chiffre"},
	}
	s.MissingText = "aucun chiffre indiqué"
	s.Legend = []string{"◆ Objectif 2020", "Source : S/2020/911"}
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
		Legend:      []string{"* <partial> & \"done\"", "Ctrl\x01char and bad \xff byte"},
		ShowTitle:   true,
		MissingText: "<none>",
	}
}
