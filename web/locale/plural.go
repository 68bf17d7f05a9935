package locale

// Plural picks the form of a word that goes with the count n: one for a single thing, other
// for the rest. French treats 0 and 1 as singular ("0 chiffre", "1 chiffre"); English only 1
// ("0 figures", "1 figure"). Every "%d <noun>" of the interface chooses its form here.
func (l Lang) Plural(n int, one, other string) string {
	if n == 1 || (l == FR && n == 0) {
		return one
	}
	return other
}
