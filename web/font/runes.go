package font

import "github.com/wcharczuk/go-chart/v2/roboto"

// Runes are the characters the page's font keeps: printable ASCII and Latin-1, General
// Punctuation (typographic quotes, dashes, the ellipsis, the thin and narrow no-break spaces
// French numbers use), the French ligatures œ Œ and Ÿ, the euro and minus signs, and the
// arrows and shapes the interface shows (a character Roboto lacks, such as →, is simply not
// kept: the browser falls back as before, and charts draw it themselves), the byte order
// mark and the replacement character. TestRunesCover
// checks that every character of the interface's texts and the data that Roboto has is here.
func Runes() []rune {
	var rs []rune
	span := func(from, to rune) {
		for r := from; r <= to; r++ {
			rs = append(rs, r)
		}
	}
	span(0x20, 0x7E)
	span(0xA0, 0xFF)
	span(0x2000, 0x206F)
	rs = append(rs, 0x152, 0x153, 0x178, // Œ œ Ÿ
		0x20AC,                 // €
		0x2190, 0x2192, 0x2195, // ← → ↕
		0x2212,                         // −
		0x25B2, 0x25BC, 0x25BE, 0x25C6, // ▲ ▼ ▾ ◆
		0xFEFF, 0xFFFD) // the byte order mark (CSV downloads) and the replacement character (readers' files)
	return rs
}

// Roboto is the page's font: go-chart's Roboto Medium cut down to Runes.
func Roboto() (Subset, error) { return MakeSubset(roboto.Roboto, Runes()) }
