package view

import "briefing/web/locale"

// words are the interface texts of one language. Generated sentences are built in
// sentence.go from these and the data, never translated by hand per figure.
type words struct {
	Source       string
	Page         string
	Pages        string
	Briefing     string
	Partial      string // legend for a partial period: "%s: to %s (partial year)"
	PartialShort string // "%s partial"
	Since        string // "since %s"
	Target       string // legend for the target marker
	TargetOf     string // "target %s"
	NoFigure     string
	Fell         string
	Rose         string
	Unchanged    string
	TargetsMet   string // "%d of %d uniformed targets for 2020 met or surpassed"
	Women        string // "%s women"
	QuoteNote    string // the quotes are in English
}

var wordsEN = words{
	Source:       "Source",
	Page:         "p.",
	Pages:        "pp.",
	Briefing:     "briefing of",
	Partial:      "%s: to %s (partial year)",
	PartialShort: "%s partial",
	Since:        "since %s",
	Target:       "◆ Target for 2020",
	TargetOf:     "target %s",
	NoFigure:     "no figure given",
	Fell:         "fell",
	Rose:         "rose",
	Unchanged:    "was unchanged",
	TargetsMet:   "%d of %d uniformed targets for 2020 met or surpassed",
	Women:        "%s women",
	QuoteNote:    "",
}

var wordsFR = words{
	Source:       "Source",
	Page:         "p.",
	Pages:        "p.",
	Briefing:     "exposé du",
	Partial:      "%s : jusqu’au %s (année incomplète)",
	PartialShort: "%s incomplète",
	Since:        "depuis %s",
	Target:       "◆ Objectif pour 2020",
	TargetOf:     "objectif %s",
	NoFigure:     "aucun chiffre donné",
	Fell:         "est passé",
	Rose:         "est passé",
	Unchanged:    "est resté",
	TargetsMet:   "%d objectifs 2020 sur %d atteints ou dépassés pour le personnel en tenue",
	Women:        "%s de femmes",
	QuoteNote:    "Citation dans la langue originale du document (anglais) ; aucune traduction officielle n’est disponible ici.",
}

func wordsFor(l locale.Lang) words {
	if l == locale.FR {
		return wordsFR
	}
	return wordsEN
}
