package chart

// goldenCases are the charts kept as golden SVGs in testdata/.
func goldenCases() map[string]Spec {
	dark := fatalities(960, Dark)
	dark.ID = "fatalities-dark"
	proj := parity(960, true)
	proj.ID, proj.Theme, proj.ShowTitle = "parity-projector", Projector, true
	return map[string]Spec{
		"fatalities-wide":   fatalities(960, Light),
		"fatalities-narrow": fatalities(360, Light),
		"coe-gaps":          coeGaps(960),
		"parity-targets":    parity(960, true),
		"parity-no-targets": parity(960, false),
		"parity-narrow":     parity(360, true),
		"fatalities-dark":   dark,
		"parity-projector":  proj,
		"escaping":          hostile(360),
		"french":            french(360),
	}
}
