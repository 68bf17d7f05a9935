package chart

// goldenCases are the charts kept as golden SVGs in testdata/.
func goldenCases() map[string]Spec {
	dark := fatalities(960, Dark)
	dark.ID = "fatalities-dark"
	proj := parity(960, true)
	proj.ID, proj.Theme, proj.ShowTitle = "parity-projector", Projector, true
	linesDark := fatalityLines(360, Dark)
	linesDark.ID = "fatalities-lines-dark"
	linesTitle := fatalityLines(960, Projector)
	linesTitle.ID, linesTitle.ShowTitle = "fatalities-lines-projector", true
	compact := parity(960, true)
	compact.ID, compact.Height = "parity-compact", 300
	return map[string]Spec{
		"lines-wide":           fatalityLines(960, Light),
		"lines-narrow":         fatalityLines(360, Light),
		"lines-dark":           linesDark,
		"lines-projector":      linesTitle,
		"groups-wide":          parityGroups(960),
		"groups-narrow":        parityGroups(360),
		"gaps-wide":            gaps(960),
		"gaps-narrow":          gaps(360),
		"gaps-mixed-wide":      gapsMixed(960),
		"gaps-mixed-narrow":    gapsMixed(360),
		"fatalities-wide":      fatalities(960, Light),
		"fatalities-narrow":    fatalities(360, Light),
		"coe-gaps":             coeGaps(960),
		"parity-targets":       parity(960, true),
		"parity-no-targets":    parity(960, false),
		"parity-narrow":        parity(360, true),
		"fatalities-dark":      dark,
		"parity-projector":     proj,
		"escaping":             hostile(360),
		"french":               french(360),
		"parity-compact":       compact,
		"parity-compact-slide": compactSlide(Projector),
	}
}
