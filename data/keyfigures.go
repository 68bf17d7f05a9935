package data

import "strings"

// Files next to the datasets that are not datasets.
const (
	keyFiguresFile = "key-figures.csv"
	// exclusionsFile lists the numbers of the source text that are not figures (years, resolution
	// numbers, "First,"...). Only the completeness test reads it; Parse ignores it.
	exclusionsFile = "source/excluded-numbers.csv" // test-only: kept out of the embedded files
)

var keyFigureColumns = []string{"id", "figure", "qualifier", "unit", "unit_fr", "theme", "source", "as_written", "note", "note_fr", "figure_words", "figure_words_fr"}

// KeyFigureColumns returns the header of key-figures.csv; id,figure come first.
func KeyFigureColumns() []string { return append([]string(nil), keyFigureColumns...) }

// themes is the fixed list of key-figure themes: the eight thematic areas of the A4P Declaration
// of Shared Commitments, A4P itself, force generation and funding.
var themes = []Theme{
	{"politics", "Politics", "Politique"},
	{"women-peace-security", "Women and peace and security", "Femmes et paix et sécurité"},
	{"protection", "Protection", "Protection"},
	{"safety-security", "Safety and security", "Sûreté et sécurité"},
	{"performance", "Performance and accountability", "Performance et responsabilité"},
	{"peacebuilding", "Peacebuilding and sustaining peace", "Consolidation et pérennisation de la paix"},
	{"partnerships", "Partnerships", "Partenariats"},
	{"conduct", "Conduct of peacekeepers and peacekeeping operations", "Conduite du personnel et des opérations de maintien de la paix"},
	{"a4p", "Action for Peacekeeping", "Action pour le maintien de la paix"},
	{"force-generation", "Force generation and deployment", "Constitution et déploiement des forces"},
	{"funding", "Funding", "Financement"},
}

// Themes returns the themes a key figure can have, in display order.
func Themes() []Theme { return append([]Theme(nil), themes...) }

// ThemeByID returns the theme with the given id ("safety-security").
func ThemeByID(id string) (Theme, bool) {
	for _, t := range themes {
		if t.ID == id {
			return t, true
		}
	}
	return Theme{}, false
}

func themeIDs() string {
	ids := make([]string, len(themes))
	for i, t := range themes {
		ids[i] = t.ID
	}
	return strings.Join(ids, ", ")
}

var qualifiers = []Qualifier{Exact, MoreThan, AtLeast, Almost}

// Words returns the qualifier as English and French words to put before the figure:
// "more than" / "plus de"; both empty for Exact.
func (q Qualifier) Words() (en, fr string) {
	switch q {
	case MoreThan:
		return "more than", "plus de"
	case AtLeast:
		return "at least", "au moins"
	case Almost:
		return "almost", "près de"
	}
	return "", ""
}

// PageRange returns the pages the sentence may be on: first == last when the page is certain.
func (s Source) PageRange() (first, last int) {
	if s.PageTo > s.Page {
		return s.Page, s.PageTo
	}
	return s.Page, s.Page
}

// KeyFigure returns the key figure with the given id.
func (b *Briefing) KeyFigure(id string) (KeyFigure, bool) {
	for _, k := range b.KeyFigures {
		if k.ID == id {
			return k, true
		}
	}
	return KeyFigure{}, false
}

// Matches reports whether every word of query occurs in the key figure: its figure (as in the
// CSV and as written), qualifier, unit, theme and note in English and French, and the speaker,
// annex and sentence of its source (its speaker in French too). Case and accents are ignored ("securite" finds "Sûreté et
// sécurité", "pcrs" finds "PCRS"); an empty query matches every figure.
func (k KeyFigure) Matches(query string) bool {
	words := strings.Fields(fold(query))
	if len(words) == 0 {
		return true
	}
	qEN, qFR := k.Qualifier.Words()
	haystack := fold(strings.Join([]string{
		k.FigureText, k.AsWritten, qEN, qFR, k.Unit, k.UnitFR, k.Theme.ID, k.Theme.EN, k.Theme.FR,
		k.Note, k.NoteFR, k.Source.Speaker, k.Source.SpeakerFR, k.Source.Annex, k.Source.Quote,
	}, "\n"))
	for _, w := range words {
		if !strings.Contains(haystack, w) {
			return false
		}
	}
	return true
}

// foldings maps the accented letters of English and French text to plain ones, and typographic
// spaces and apostrophes to ASCII ones, so that a search ignores them.
var foldings = strings.NewReplacer(
	"à", "a", "á", "a", "â", "a", "ä", "a", "ã", "a", "å", "a", "æ", "ae",
	"ç", "c", "è", "e", "é", "e", "ê", "e", "ë", "e",
	"ì", "i", "í", "i", "î", "i", "ï", "i", "ñ", "n",
	"ò", "o", "ó", "o", "ô", "o", "ö", "o", "õ", "o", "œ", "oe",
	"ù", "u", "ú", "u", "û", "u", "ü", "u", "ý", "y", "ÿ", "y", "ß", "ss",
	"’", "'", "‘", "'", "\u00a0", " ", "\u202f", " ",
)

// fold lowercases s and removes its accents.
func fold(s string) string { return Fold(s) }

// Fold lowercases text and takes the accents off Latin letters (é → e, œ → oe) and typographic
// spaces and apostrophes to ASCII: for searching, and for file names and ids made from text.
func Fold(s string) string { return foldings.Replace(strings.ToLower(s)) }

// parseKeyFigures reads key-figures.csv. sources is nil when sources.csv was unreadable.
func parseKeyFigures(t *table, sources map[string]Source, p *problems) []KeyFigure {
	var out []KeyFigure
	seen := map[string]int{}
	for _, rec := range t.rows {
		k := KeyFigure{
			ID: t.cell(rec, "id"), FigureText: t.cell(rec, "figure"), Qualifier: Qualifier(t.cell(rec, "qualifier")),
			Unit: t.cell(rec, "unit"), UnitFR: t.cell(rec, "unit_fr"), Note: t.cell(rec, "note"), NoteFR: t.cell(rec, "note_fr"),
			SourceID: t.cell(rec, "source"), AsWritten: t.cell(rec, "as_written"), Line: rec.line,
			FigureWords: t.cell(rec, "figure_words"), FigureWordsFR: t.cell(rec, "figure_words_fr"),
		}
		if first, dup := seen[k.ID]; dup {
			p.add(t.file, rec.line, "id", "duplicate key figure id %q (first on line %d)", k.ID, first)
		} else if !isID(k.ID) {
			p.add(t.file, rec.line, "id", "%q is not a key figure id (lowercase letters, digits and hyphens)", k.ID)
		}
		seen[k.ID] = rec.line
		k.Figure = parseFigure(t, rec, k.FigureText, p)
		if !contains(qualifierNames(), string(k.Qualifier)) {
			p.add(t.file, rec.line, "qualifier", "%q must be empty (the figure as such), %s, %s or %s", k.Qualifier, MoreThan, AtLeast, Almost)
		}
		var ok bool
		if k.Theme, ok = ThemeByID(t.cell(rec, "theme")); !ok {
			p.add(t.file, rec.line, "theme", "unknown theme %q (one of %s)", t.cell(rec, "theme"), themeIDs())
		}
		requireText(t, rec, []string{"unit", "unit_fr"}, p)
		if (k.Note == "") != (k.NoteFR == "") {
			p.add(t.file, rec.line, "note_fr", "note and note_fr must both be filled or both be empty")
		}
		if (k.FigureWords == "") != (k.FigureWordsFR == "") {
			p.add(t.file, rec.line, "figure_words_fr", "figure_words and figure_words_fr must both be filled or both be empty")
		}
		if k.FigureWords != "" && !strings.Contains(k.AsWritten, k.FigureWords) {
			p.add(t.file, rec.line, "figure_words", "%q is not in as_written %q: the figure's words must be the speaker's", k.FigureWords, k.AsWritten)
		}
		k.Source = keyFigureSource(t, k, sources, p)
		out = append(out, k)
	}
	if len(t.rows) == 0 {
		p.add(t.file, 1, "", "no key figures")
	}
	return out
}

func qualifierNames() []string {
	names := make([]string, len(qualifiers))
	for i, q := range qualifiers {
		names[i] = string(q)
	}
	return names
}

// parseFigure reads the figure cell: required, digits in full, a dot for decimals.
func parseFigure(t *table, rec record, s string, p *problems) float64 {
	v, _, problem := number(s)
	switch {
	case s == "":
		p.add(t.file, rec.line, "figure", "missing: write the figure in digits (80000 for “more than 80,000”, 4 for “Four”)")
	case problem != "" && isGrouped(s):
		p.add(t.file, rec.line, "figure", "%q is not a number: write it without thousands separators (%s)", s, strings.ReplaceAll(s, ",", ""))
	case problem != "" && strings.HasPrefix(s, "-"):
		p.add(t.file, rec.line, "figure", "%s", problem)
	case problem != "":
		p.add(t.file, rec.line, "figure", "%q is not a number: write the figure in digits and in full "+
			"(4 for “Four”, 1500000000 for “$1.5 billion”); as_written keeps the words", s)
	}
	return v
}

// isGrouped reports digits grouped by thousands, "80,000".
func isGrouped(s string) bool {
	groups := strings.Split(s, ",")
	if len(groups) < 2 || len(groups[0]) > 3 || !allDigits(groups[0]) {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 || !allDigits(g) {
			return false
		}
	}
	return true
}

// keyFigureSource checks that the figure cites a sentence and that its words are in that sentence
// exactly once, so the figure can be traced to one place.
func keyFigureSource(t *table, k KeyFigure, sources map[string]Source, p *problems) Source {
	if k.AsWritten == "" {
		p.add(t.file, k.Line, "as_written", "missing: copy the words of the quote that give the figure")
	}
	if k.SourceID == "" {
		p.add(t.file, k.Line, "source", "missing source id (an id from %s)", sourcesFile)
		return Source{}
	}
	if sources == nil {
		return Source{} // sources.csv is broken and already reported
	}
	s, ok := sources[k.SourceID]
	if !ok {
		p.add(t.file, k.Line, "source", "unknown source id %q (not in %s)", k.SourceID, sourcesFile)
		return Source{}
	}
	if k.AsWritten == "" {
		return s
	}
	switch n := strings.Count(s.Quote, k.AsWritten); n {
	case 0:
		p.add(t.file, k.Line, "as_written", "%q is not in the quote of source %q", k.AsWritten, k.SourceID)
	case 1:
	default:
		p.add(t.file, k.Line, "as_written", "%q occurs %d times in the quote of source %q: copy more words so it names one place", k.AsWritten, n, k.SourceID)
	}
	return s
}
