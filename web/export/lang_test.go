package export

import (
	"encoding/json"
	"strings"
	"testing"

	"briefing/data"
	"briefing/data/upload"
	"briefing/web/locale"
)

// TestCSVFrench: a French download has French headers, notes, labels, groups, partial flags,
// speakers and annexes, and the same figures, dates and quotes as the English one.
func TestCSVFrench(t *testing.T) {
	src := map[string]data.Source{
		"s1": {ID: "s1", Document: "S/2020/911", Date: "2020-09-14", Speaker: "Jean-Pierre Lacroix, Under-Secretary-General",
			SpeakerFR: "Jean-Pierre Lacroix, Secrétaire général adjoint", Annex: "Annex I", Page: 3, Quote: "Eight so far."},
	}
	ds := series()
	ds.Rows = ds.Rows[2:4]
	ds.Rows[1].SourceID = "s1"
	compare(t, readCSV(t, CSVIn(ds, src, locale.FR)), [][]string{
		{"période", "valeur", "partiel", "situation au", "note", "document", "date", "orateur", "annexe", "page", "citation (anglais)"},
		{"2019", "", "non", "", "aucun chiffre", "S/2020/911", "2020-09-14", "Jean-Pierre Lacroix, Secrétaire général adjoint", "annexe I", "3", "Eight so far."},
		{"2020", "8", "oui", "2020-09-14", "'=1+1", "S/2020/911", "2020-09-14", "Jean-Pierre Lacroix, Secrétaire général adjoint", "annexe I", "3", "Eight so far."},
	})
	tg := targets()
	tg.Rows = tg.Rows[:1]
	tg.Rows[0].SourceID = ""
	compare(t, readCSV(t, CSVIn(tg, src, locale.FR)), [][]string{
		{"catégorie", "valeur", "objectif", "groupe", "situation au", "note", "document", "date", "orateur", "annexe", "page", "citation (anglais)"},
		{"Contingents", "5.4", "6.5", "en tenue", "", "", "", "", "", "", "", ""},
	})
}

// TestCSVFrenchReadsBack uploads each French download again: the same figures come back, with
// the French labels and notes.
func TestCSVFrenchReadsBack(t *testing.T) {
	b, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, ds := range b.Datasets {
		got, _, err := upload.Parse(ds.ID+".csv", CSVIn(ds, b.Sources, locale.FR))
		if err != nil {
			t.Fatalf("%s: %v", ds.ID, err)
		}
		if got.Kind != ds.Kind || len(got.Rows) != len(ds.Rows) {
			t.Fatalf("%s: %s with %d rows", ds.ID, got.Kind, len(got.Rows))
		}
		for i, r := range ds.Rows {
			g := got.Rows[i]
			key, _, note := rowText(r, locale.FR)
			// An upload makes runs of spaces, no-break ones too, one space.
			same := func(a, b string) bool {
				return strings.Join(strings.Fields(a), " ") == strings.Join(strings.Fields(b), " ")
			}
			if !same(g.Key, key) || g.ValueText != r.ValueText || g.TargetText != r.TargetText || g.Partial != r.Partial || g.AsOf != r.AsOf || !same(g.Note, note) {
				t.Errorf("%s row %d:\n got %+v\nwant %+v", ds.ID, i, g, r)
			}
		}
	}
}

// TestJSONLabels: the JSON's keys are the same in both languages; "labels" says them in the
// reader's language.
func TestJSONLabels(t *testing.T) {
	type doc struct {
		Lang    string
		Labels  map[string]string
		Rows    []map[string]any
		Sources []map[string]any
	}
	var en, fr doc
	if err := json.Unmarshal(JSONIn(series(), sources, locale.EN), &en); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(JSONIn(series(), sources, locale.FR), &fr); err != nil {
		t.Fatal(err)
	}
	if en.Lang != "en" || fr.Lang != "fr" || en.Labels["period"] != "period" || fr.Labels["period"] != "période" || fr.Labels["speaker"] != "orateur" {
		t.Errorf("lang and labels: en %q %v, fr %q %v", en.Lang, en.Labels, fr.Lang, fr.Labels)
	}
	for k := range fr.Labels {
		if _, ok := en.Labels[k]; !ok {
			t.Errorf("label %q only in French", k)
		}
	}
	for k := range fr.Rows[0] {
		if _, ok := fr.Labels[k]; !ok && k != "note_fr" {
			t.Errorf("row key %q has no label", k)
		}
	}
	if len(fr.Rows) != len(en.Rows) || fr.Rows[0]["period"] != en.Rows[0]["period"] || fr.Sources[1]["annex_fr"] != "annexe II" {
		t.Errorf("rows or sources differ: %v %v", fr.Rows[0], fr.Sources)
	}
}
