package view

import (
	"strings"
	"testing"

	"briefing/data/upload"
	"briefing/web/locale"
)

// TestUploadMessagesInFrench: every message about a reader's file has a French version with
// the same arguments, and a French reader gets it, with the line and column.
func TestUploadMessagesInFrench(t *testing.T) {
	for _, tmpl := range upload.Templates {
		fr, ok := uploadFR[tmpl]
		if !ok {
			t.Errorf("no French for %q", tmpl)
			continue
		}
		if strings.Count(fr, "%s") != strings.Count(tmpl, "%s") {
			t.Errorf("%q and its French %q take different arguments", tmpl, fr)
		}
	}
	if len(uploadFR) != len(upload.Templates) {
		t.Errorf("%d French messages for %d English ones", len(uploadFR), len(upload.Templates))
	}

	_, _, err := upload.Parse("f.csv", []byte("period,value\n2017,7\n2018,sept\n2019,\"1,234\"\n"))
	if err == nil {
		t.Fatal("a bad file parsed")
	}
	en := UploadError(err, locale.EN)
	if en != err.Error() || !strings.Contains(en, `line 3, column value: "sept" is not a number`) {
		t.Errorf("English: %q", en)
	}
	fr := UploadError(err, locale.FR)
	for _, want := range []string{
		"ligne 3, colonne value\u202f: «\u202fsept\u202f» n’est pas un nombre",
		"ligne 4, colonne value\u202f: «\u202f1,234\u202f» n’est pas un nombre\u202f: écrivez-le sans séparateur de milliers (1234)",
	} {
		if !strings.Contains(fr, want) {
			t.Errorf("French lacks %q:\n%s", want, fr)
		}
	}
	if got := UploadError(upload.CheckSize(1_200_000), locale.FR); got != "le fichier fait 1,2\u00a0Mo\u202f; la limite est de 1\u00a0Mo" {
		t.Errorf("size in French: %q", got)
	}
	many := strings.Repeat("x,1\n", 12)
	_, _, err = upload.Parse("f.csv", []byte("period,value\n"+many))
	if fr := UploadError(err, locale.FR); !strings.Contains(fr, "et 2 autres problèmes") || strings.Contains(fr, "more") {
		t.Errorf("French summary line: %q", fr)
	}
	if UploadError(nil, locale.FR) != "" {
		t.Error("no error, some text")
	}
}

func TestUploadNotes(t *testing.T) {
	_, info, err := upload.Parse("f.csv", []byte("period,value,extra\n2022,9,x\n2021,13,y\n"))
	if err != nil {
		t.Fatal(err)
	}
	en := strings.Join(UploadNotes(info.Warnings, locale.EN), "\n")
	fr := strings.Join(UploadNotes(info.Warnings, locale.FR), "\n")
	for _, want := range []string{"rows were put in period order", `ignored columns: "extra"`} {
		if !strings.Contains(en, want) {
			t.Errorf("English notes lack %q: %q", want, en)
		}
	}
	for _, want := range []string{"les lignes ont été remises dans l’ordre des périodes", "colonnes ignorées\u202f: «\u202fextra\u202f»"} {
		if !strings.Contains(fr, want) {
			t.Errorf("French notes lack %q: %q", want, fr)
		}
	}
}
