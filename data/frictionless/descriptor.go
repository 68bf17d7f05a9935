package frictionless

import (
	"strings"

	"briefing/data"
)

// The descriptor types follow the Data Package and Table Schema specifications; field order
// here is the order in datapackage.json.
type dataPackage struct {
	Profile     string     `json:"profile"`
	Name        string     `json:"name"`
	Title       string     `json:"title"`
	Description string     `json:"description"`
	Version     string     `json:"version"`
	Created     string     `json:"created"`
	Keywords    []string   `json:"keywords"`
	Licenses    []license  `json:"licenses"`
	Sources     []source   `json:"sources"`
	Resources   []resource `json:"resources"`
}

type license struct {
	Name  string `json:"name"`
	Title string `json:"title"`
}

type source struct {
	Title       string `json:"title"`
	Path        string `json:"path"`
	Date        string `json:"date"`
	Description string `json:"description"`
}

type resource struct {
	Profile     string `json:"profile"`
	Name        string `json:"name"`
	Path        string `json:"path"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Format      string `json:"format"`
	Mediatype   string `json:"mediatype"`
	Encoding    string `json:"encoding"`
	Bytes       int    `json:"bytes"`
	Hash        string `json:"hash"`
	Schema      schema `json:"schema"`
}

type schema struct {
	Fields        []field      `json:"fields"`
	PrimaryKey    []string     `json:"primaryKey,omitempty"`
	ForeignKeys   []foreignKey `json:"foreignKeys,omitempty"`
	MissingValues []string     `json:"missingValues"`
}

type field struct {
	Name        string       `json:"name"`
	Type        string       `json:"type"`
	Description string       `json:"description"`
	TrueValues  []string     `json:"trueValues,omitempty"`
	FalseValues []string     `json:"falseValues,omitempty"`
	Constraints *constraints `json:"constraints,omitempty"`
}

type constraints struct {
	Required bool     `json:"required,omitempty"`
	Unique   bool     `json:"unique,omitempty"`
	Minimum  *float64 `json:"minimum,omitempty"`
	Maximum  *float64 `json:"maximum,omitempty"`
	Pattern  string   `json:"pattern,omitempty"`
	Enum     []string `json:"enum,omitempty"`
}

type foreignKey struct {
	Fields    []string  `json:"fields"`
	Reference reference `json:"reference"`
}

type reference struct {
	Resource string   `json:"resource"`
	Fields   []string `json:"fields"`
}

func newPackage() dataPackage {
	return dataPackage{
		Profile: "tabular-data-package",
		Name:    Name,
		Title:   "Figures of the Security Council briefing on peacekeeping reform, 14 September 2020 (S/2020/911)",
		Description: "Peacekeeper fatalities from acts of violence, units with critical equipment or performance gaps, " +
			"and the share of women in peacekeeping personnel against the 2020 gender parity targets, as given by " +
			"Jean-Pierre Lacroix, Under-Secretary-General for Peace Operations, in his annual briefing on peacekeeping " +
			"reform to the Security Council (video-teleconference of 14 September 2020); and every other figure stated " +
			"in that briefing and in the statements of the members of the Council printed with it (key-figures.csv). " +
			"The briefing is Annex I of S/2020/911, a letter dated 16 September 2020 from the President of the Security " +
			"Council, distributed on 17 September 2020. Every row cites the verbatim sentence it comes from " +
			"(sources.csv); a figure the briefing does not give is left empty with a note saying so.",
		Version:  Version,
		Created:  created(),
		Keywords: []string{"United Nations", "Security Council", "peacekeeping", "Action for Peacekeeping", "S/2020/911", "fatalities", "gender parity", "key figures"},
		Licenses: []license{{
			Name: "other-open",
			Title: "S/2020/911 is a public official document of the United Nations Security Council; the figures are " +
				"facts, restated here with the sentence each comes from. Cite S/2020/911 when reusing them.",
		}},
		Sources: []source{{
			Title: "S/2020/911: Letter dated 16 September 2020 from the President of the Security Council addressed to " +
				"the Secretary-General and the Permanent Representatives of the members of the Security Council",
			Path:        "https://undocs.org/S/2020/911",
			Date:        "2020-09-14",
			Description: "Briefing of 14 September 2020 (Annex I) and statements of members of the Council (Annexes II to IX); letter dated 16 September 2020, distributed 17 September 2020.",
		}},
	}
}

// text is a plain string column; required ones must be filled in every row.
func text(description string, required bool) field {
	f := field{Type: "string", Description: description}
	if required {
		f.Constraints = &constraints{Required: true}
	}
	return f
}

// amount is a value or target column: a non-negative number, at most 100 for a share.
func amount(description string, d data.Dataset) field {
	zero, hundred := 0.0, 100.0
	c := &constraints{Minimum: &zero}
	if strings.Contains(d.Unit, "%") {
		c.Maximum = &hundred
	}
	return field{Type: "number", Description: description, Constraints: c}
}

// datasetFields describes every column a dataset file may have.
func datasetFields(d data.Dataset) map[string]field {
	unit := " (" + d.Unit + ")"
	return map[string]field{
		"period": {Type: "string", Description: "Calendar year (2017) or quarter (2018-Q4) the figure describes.",
			Constraints: &constraints{Required: true, Unique: true, Pattern: `^[0-9]{4}(-Q[1-4])?$`}},
		"category": {Type: "string", Description: "Personnel category, in English, worded as in the briefing.",
			Constraints: &constraints{Required: true, Unique: true}},
		"value": amount("The figure"+unit+" as printed in the briefing, in digits even where the speaker said it "+
			"in words; empty when the briefing gives no figure (the note says so).", d),
		"target":     amount("The 2020 target"+unit+" the briefing compares the figure with; empty when none is given.", d),
		"group":      {Type: "string", Description: "Personnel group.", Constraints: &constraints{Required: true, Enum: []string{"uniformed", "civilian"}}},
		"label_fr":   text("The category in French.", true),
		"partial":    {Type: "boolean", Description: "true when the period was not over when the figure was given.", TrueValues: []string{"true"}, FalseValues: []string{"false"}},
		"as_of":      {Type: "string", Description: "ISO month or date the figure describes, or the date it was stated when the briefing names no month.", Constraints: &constraints{Pattern: `^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`}},
		"note":       text("Note in English shown with the figure, e.g. why it is partial or missing.", false),
		"note_fr":    text("The note in French.", false),
		"source":     text("id of the sentence in the sources resource the figure comes from.", true),
		"as_written": text("The words of that sentence that carry the figure, verbatim.", false),
	}
}

const pageToDescription = "Empty when page is certain. Otherwise the last page the sentence may be on: the text " +
	"keeps no trace of that page break, so the sentence is on page page or page_to and nobody guessed which."

// sourceFields describes sources.csv.
func sourceFields() map[string]field {
	one := 1.0
	return map[string]field{
		"id":       {Type: "string", Description: "Key that rows cite in their source column.", Constraints: &constraints{Required: true, Unique: true}},
		"document": text("Document symbol.", true),
		"date":     {Type: "date", Description: "Date the sentence was spoken: the briefing of 14 September 2020.", Constraints: &constraints{Required: true}},
		"speaker":  text("Speaker and title, as in the document.", true),
		"speaker_fr": text("Speaker and title in French: the project's translation, in the form the United Nations uses in French "+
			"(the document's text here is its English version).", true),
		"annex":   text("Annex of the document the statement is printed in.", false),
		"page":    {Type: "integer", Description: "Page of the document the sentence is printed on (page 1 is the covering letter); the first page it may be on when page_to is given.", Constraints: &constraints{Required: true, Minimum: &one}},
		"page_to": {Type: "integer", Description: pageToDescription, Constraints: &constraints{Minimum: &one}},
		"quote":   text("The sentence, verbatim, typing errors included.", true),
	}
}

// keyFigureFields describes key-figures.csv.
func keyFigureFields() map[string]field {
	zero := 0.0
	var themes []string
	for _, t := range data.Themes() {
		themes = append(themes, t.ID)
	}
	var qualifiers []string
	for _, q := range []data.Qualifier{data.MoreThan, data.AtLeast, data.Almost} {
		qualifiers = append(qualifiers, string(q))
	}
	return map[string]field{
		"id": {Type: "string", Description: "Stable key of the figure.", Constraints: &constraints{Required: true, Unique: true, Pattern: `^[a-z0-9]+(-[a-z0-9]+)*$`}},
		"figure": {Type: "number", Description: "The figure in digits and in full, whatever the speaker's words: " +
			"80000 for \"more than 80,000\", 4 for \"Four\", 1500000000 for \"$1.5 billion\".", Constraints: &constraints{Required: true, Minimum: &zero}},
		"qualifier": {Type: "string", Description: "How the speaker bounded the figure: more-than (\"more than\", \"over\"), " +
			"at-least, almost (\"almost\", \"nearly\"); empty for the figure as such.", Constraints: &constraints{Enum: qualifiers}},
		"unit":       text("What the figure counts, in English.", true),
		"unit_fr":    text("What the figure counts, in French.", true),
		"theme":      {Type: "string", Description: "Theme: an area of Action for Peacekeeping, force generation or funding.", Constraints: &constraints{Required: true, Enum: themes}},
		"source":     text("id of the sentence in the sources resource the figure comes from.", true),
		"as_written": text("The words of that sentence that state the figure, verbatim.", true),
		"note":       text("Note in English shown with the figure (what it counts, over what period).", false),
		"note_fr":    text("The note in French.", false),
		"figure_words": text("The figure as the speaker said it, where qualifier and digits would paraphrase it "+
			"(\"nearly $1.5 billion\"); part of as_written. Empty otherwise.", false),
		"figure_words_fr": text("figure_words in French (\"près de 1,5 milliard de dollars\").", false),
	}
}
