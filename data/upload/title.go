package upload

// Title makes a title the reader typed for their figures safe to show: one line of plain
// text, without bidirectional controls, at most MaxLabel characters; "" when nothing is left.
func Title(s string) string {
	t := cleanText(s)
	if r := []rune(t); len(r) > MaxLabel {
		t = string(r[:MaxLabel-1]) + "…"
	}
	return t
}
