package export

import (
	"strings"

	"briefing/data"
	"briefing/web/locale"
)

// A download in French keeps its structure and its figures; what a French reader reads is in
// French: the CSV's column headers, notes, category labels, speakers' titles and annexes, and
// the JSON's labels for its keys (its keys stay the same in both languages, for programs). The
// quotes stay in English, the document's original language, as on the page.

// frenchColumns are the French headers of the CSV columns and the French labels of the JSON
// keys. data/upload reads the French headers back (période, catégorie, valeur, objectif,
// partiel, note, situation au), so a French download can be charted again. A table of pairs
// rather than a map: it is static data, where a map literal is code in the wasm.
var frenchColumns = [...][2]string{
	{"period", "période"}, {"category", "catégorie"}, {"value", "valeur"}, {"target", "objectif"},
	{"partial", "partiel"}, {"group", "groupe"}, {"as_of", "situation au"}, {"note", "note"},
	{"document", "document"}, {"date", "date"}, {"speaker", "orateur"}, {"annex", "annexe"}, {"page", "page"},
	{"quote", "citation (anglais)"}, {"source", "source"}, {"as_written", "tel qu’écrit"},
	// the parity groups
	{"uniformed", "en tenue"}, {"civilian", "civil"},
}

// column is a column's header, a key's label or a group's name in a language: the key itself
// in English.
func column(key string, l locale.Lang) string {
	if l != locale.FR {
		return key
	}
	for _, c := range frenchColumns {
		if c[0] == key {
			return c[1]
		}
	}
	return key
}

// rowText is a row's texts in a language: its category label, group and note.
func rowText(r data.Row, l locale.Lang) (key, group, note string) {
	key, group, note = r.Key, r.Group, r.Note
	if l != locale.FR {
		return key, group, note
	}
	if r.LabelFR != "" {
		key = r.LabelFR
	}
	group = column(group, l)
	if r.NoteFR != "" {
		note = r.NoteFR
	}
	return key, group, note
}

// sourceText is a source's speaker and annex in a language: "annexe IX" as the document's
// French version names it.
func sourceText(s data.Source, l locale.Lang) (speaker, annex string) {
	if l != locale.FR {
		return s.Speaker, s.Annex
	}
	speaker, annex = s.Speaker, frenchAnnex(s.Annex)
	if s.SpeakerFR != "" {
		speaker = s.SpeakerFR
	}
	return speaker, annex
}

func frenchAnnex(a string) string {
	if rest, ok := strings.CutPrefix(a, "Annex "); ok {
		return "annexe " + rest
	}
	return a
}

// yesNo is a partial flag in a language: true/false in English (as the data files), oui/non
// in French (data/upload reads both).
func yesNo(b bool, l locale.Lang) string {
	switch {
	case l != locale.FR && b:
		return "true"
	case l != locale.FR:
		return "false"
	case b:
		return "oui"
	}
	return "non"
}
