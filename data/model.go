// Package data holds the briefing datasets of S/2020/911 with the provenance of every figure.
//
// The figures live in CSV files next to this file (datasets.csv, sources.csv and one file per
// dataset) so that a person can edit them in a spreadsheet; Parse validates them and names the
// file and line of every problem.
package data

// Kind says which columns a dataset has and how it is charted.
type Kind string

const (
	// Series is a value per period (columns period,value,partial,as_of,note,note_fr,source,as_written).
	Series Kind = "series"
	// Targets is a value against a target per category
	// (columns category,value,target,group,label_fr,as_of,note,note_fr,source,as_written).
	Targets Kind = "targets"
)

// Source is one verbatim sentence of the source document that figures come from.
type Source struct {
	ID       string // stable key referenced by rows, e.g. "lacroix-fatalities"
	Document string // document symbol, "S/2020/911"
	Date     string // ISO date of the briefing the sentence was spoken at, "2020-09-14"
	Speaker  string // e.g. "Jean-Pierre Lacroix, Under-Secretary-General for Peace Operations"
	// SpeakerFR is the name with the title in French, for the French interface. The source
	// text is the English version of the document, so this is the project's translation, in
	// the form the United Nations uses in French ("Secrétaire général adjoint aux opérations
	// de paix"); Speaker stays the reference.
	SpeakerFR string
	Annex     string // e.g. "Annex I"
	Page      int    // page of the document the sentence is printed on (page 1 is the covering letter)
	// PageTo is 0 when Page is certain. Otherwise the sentence is on page Page or on page PageTo
	// (in this document always the next page): the text keeps no trace of that page break, so the
	// page cannot be told and both are shown ("pp. 8–9"). See PageRange.
	PageTo int
	Quote  string // the sentence, verbatim (typos included)
}

// Dataset is one briefing dataset with its rows in source order.
type Dataset struct {
	ID            string // file stem: "fatalities", "coe-gaps", "parity"
	Kind          Kind
	Title         string // English title
	TitleFR       string // French title
	Unit          string // English unit, e.g. "fatalities", "units", "% women"; a unit with "%" caps values at 100
	UnitFR        string
	Description   string // one-paragraph English description of what is counted
	DescriptionFR string
	// KeyLabel, ValueLabel and TargetLabel are a reader's own file's column headers as written
	// ("year", "share (%)", "objective"), so that a reader's chart and table say what the file
	// says. Empty for the briefing's datasets, whose labels are the interface's own.
	KeyLabel, ValueLabel, TargetLabel string
	Rows                              []Row
}

// Row is one figure. A figure the source does not give has HasValue false and a Note saying so:
// it is never filled in.
type Row struct {
	Key        string  // Series: period "2017" or "2018-Q4" (see ParsePeriod); Targets: category in English
	LabelFR    string  // Targets: category in French ("" for Series: periods are formatted by locale)
	Group      string  // Targets: "uniformed" or "civilian"; "" for Series
	Value      float64 // the figure as printed in the source
	HasValue   bool
	ValueText  string // the value exactly as in the CSV, e.g. "22.6": keeps the source's precision
	Target     float64
	HasTarget  bool   // false when the source gives no target (civilian rows, formed contingents)
	TargetText string // the target exactly as in the CSV, e.g. "17"
	Partial    bool   // the period was not complete when the figure was given (2020 "so far")
	// AsOf is the ISO date or month the figure describes, e.g. "2020-06" ("in June"), or, when the
	// quote names no month, the date it was stated at, "2020-09-14". Empty for a complete period.
	AsOf      string
	Note      string // English note shown with the figure, e.g. "so far, at the 14 September 2020 briefing"
	NoteFR    string // French note; present whenever Note is
	SourceID  string // key into Briefing.Sources
	AsWritten string // the words of the quote that carry this figure, e.g. "eight, so far, in 2020"
	Line      int    // line of the CSV file the row came from (for messages)
}

// Briefing is everything loaded from the data files.
type Briefing struct {
	Datasets   []Dataset // in the order of datasets.csv
	Sources    map[string]Source
	KeyFigures []KeyFigure // in the order of key-figures.csv
}

// KeyFigure is one other number stated in the briefing or a member's statement, with the words
// that state it (key-figures.csv).
type KeyFigure struct {
	ID         string    // stable key, e.g. "china-peacekeepers"
	Figure     float64   // the number in full: 80000 for "more than 80,000", 4 for "Four", 1500000000 for "$1.5 billion"
	FigureText string    // the figure exactly as in the CSV, "80000"
	Qualifier  Qualifier // "more than", "almost"... as the speaker said; Exact when none
	Unit       string    // English unit, e.g. "United Nations peacekeepers", "US dollars", "per cent"
	UnitFR     string
	Theme      Theme
	Note       string // English note shown with the figure (what it counts, over what period)
	NoteFR     string // French note; present whenever Note is
	SourceID   string // key into Briefing.Sources
	Source     Source // that source sentence, copied so the figure stands alone (search, cards)
	AsWritten  string // the words of the quote that state the figure, e.g. "more than 80,000 United Nations peacekeepers"
	// FigureWords is the figure as the speaker said it, shown in place of qualifier and digits
	// where those would paraphrase ("nearly $1.5 billion", not "almost 1,500,000,000"); it is
	// part of AsWritten. FigureWordsFR is its French form ("près de 1,5 milliard de dollars").
	// Both are empty when qualifier and digits say it as the speaker did.
	FigureWords, FigureWordsFR string
	Line                       int // line of key-figures.csv the figure came from (for messages)
}

// Theme groups key figures by the areas of the Action for Peacekeeping (A4P) commitments, plus
// force generation and funding. The list is fixed: see Themes.
type Theme struct {
	ID string // the value in key-figures.csv, e.g. "safety-security"
	EN string // English label, "Safety and security"
	FR string // French label, "Sûreté et sécurité"
}

// Qualifier is how the speaker bounded a figure ("more than 80,000", "almost $4 million").
type Qualifier string

const (
	Exact    Qualifier = ""          // the figure as such: "Four units"
	MoreThan Qualifier = "more-than" // "more than", "over": the figure is a lower bound
	AtLeast  Qualifier = "at-least"  // "at least"
	Almost   Qualifier = "almost"    // "almost", "nearly": just below the figure
)
