package data

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

// A small valid set of files; each case below breaks one thing in it. Lines: header 1, rows 2...
var validFiles = map[string]string{
	"datasets.csv": `id,kind,title_en,title_fr,unit_en,unit_fr,description_en,description_fr
fatalities,series,Fatalities,Décès,fatalities,décès,Deaths.,Décès.
parity,targets,Parity,Parité,% women,% de femmes,Shares.,Parts.
`,
	"sources.csv": `id,document,date,speaker,speaker_fr,annex,page,page_to,quote
s1,S/2020/911,2020-09-14,"Jean-Pierre Lacroix, USG","Jean-Pierre Lacroix, SGA",Annex I,5,,"falling from 59 in 2017 to eight, so far, in 2020."
s2,S/2020/911,2020-09-14,"Jean-Pierre Lacroix, USG","Jean-Pierre Lacroix, SGA",Annex I,5,,"women made up 22.6 per cent of posts, compared to the target of 17 per cent, and 22 per cent of staff."
s3,S/2020/911,2020-09-14,"Geng Shuang, DPR of China","Geng Shuang, RPA de la Chine",Annex III,10,11,"tribute to the more than 80,000 United Nations peacekeepers deployed in 13 mission areas, and to peacekeepers."
`,
	"key-figures.csv": `id,figure,qualifier,unit,unit_fr,theme,source,as_written,note,note_fr,figure_words,figure_words_fr
peacekeepers,80000,more-than,peacekeepers,Casques bleus,force-generation,s3,"more than 80,000 United Nations peacekeepers",Deployed.,Déployés.,"more than 80,000",plus de 80 000
areas,13,,mission areas,zones de mission,force-generation,s3,in 13 mission areas,,,,
`,
	"fatalities.csv": `period,value,partial,as_of,note,note_fr,source,as_written
2017,59,false,,,,s1,59 in 2017
2020,8,true,2020-09-14,So far.,Jusqu'ici.,s1,"eight, so far, in 2020"
`,
	"parity.csv": `category,value,target,group,label_fr,as_of,note,note_fr,source,as_written
Posts,22.6,17,uniformed,Postes,2020-06,,,s2,"22.6 per cent of posts, compared to the target of 17 per cent"
Contingents,,,uniformed,Contingents,2020-09-14,No figure given.,Aucun chiffre.,s2,
Staff,22,,civilian,Personnel,2020-07,,,s2,22 per cent of staff
`,
}

func validFS() fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, text := range validFiles {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

func TestValidFiles(t *testing.T) {
	b, err := Parse(validFS())
	if err != nil {
		t.Fatal(err)
	}
	d, ok := b.Dataset("parity")
	if !ok || len(d.Rows) != 3 || d.Rows[1].HasValue || d.Rows[2].HasTarget || d.Rows[0].ValueText != "22.6" || d.Rows[0].Line != 2 {
		t.Fatalf("parity = %+v", d)
	}
	if s := b.Source(d.Rows[0]); s.Page != 5 || s.Quote == "" {
		t.Fatalf("source = %+v", s)
	}
	if _, ok := b.Dataset("nope"); ok {
		t.Fatal("unknown dataset found")
	}
	if len(b.KeyFigures) != 2 {
		t.Fatalf("key figures = %+v", b.KeyFigures)
	}
	k, ok := b.KeyFigure("peacekeepers")
	want := KeyFigure{
		ID: "peacekeepers", Figure: 80000, FigureText: "80000", Qualifier: MoreThan, Unit: "peacekeepers", UnitFR: "Casques bleus",
		Theme: Theme{"force-generation", "Force generation and deployment", "Constitution et déploiement des forces"},
		Note:  "Deployed.", NoteFR: "Déployés.", SourceID: "s3", Source: b.Sources["s3"],
		AsWritten: "more than 80,000 United Nations peacekeepers", FigureWords: "more than 80,000", FigureWordsFR: "plus de 80 000", Line: 2,
	}
	if !ok || k != want {
		t.Fatalf("key figure = %+v, want %+v", k, want)
	}
	if s := k.Source; s.Page != 10 || s.PageTo != 11 || s.Annex != "Annex III" {
		t.Fatalf("key figure source = %+v", s)
	}
	if a, _ := b.KeyFigure("areas"); a.Qualifier != Exact || a.Figure != 13 || a.Line != 3 {
		t.Fatalf("areas = %+v", a)
	}
	if _, ok := b.KeyFigure("nope"); ok {
		t.Fatal("unknown key figure found")
	}
}

// TestExclusionsFileIsNotADataset: excluded-numbers.csv sits next to the datasets for the
// completeness test; Parse neither reads it nor asks for a datasets.csv row for it.
func TestExclusionsFileIsNotADataset(t *testing.T) {
	fsys := validFS()
	fsys[exclusionsFile] = &fstest.MapFile{Data: []byte("anything,at all\n")}
	if _, err := Parse(fsys); err != nil {
		t.Fatal(err)
	}
}

func TestPageRange(t *testing.T) {
	for _, c := range []struct {
		page, to, first, last int
	}{{5, 0, 5, 5}, {10, 11, 10, 11}, {5, 5, 5, 5}, {5, 3, 5, 5}} {
		if first, last := (Source{Page: c.page, PageTo: c.to}).PageRange(); first != c.first || last != c.last {
			t.Errorf("Source{Page: %d, PageTo: %d}.PageRange() = %d, %d; want %d, %d", c.page, c.to, first, last, c.first, c.last)
		}
	}
}

// TestSpreadsheetExports: a byte order mark, CRLF line ends and blank rows, as spreadsheets
// write them, are accepted.
func TestSpreadsheetExports(t *testing.T) {
	fsys := validFS()
	text := "\uFEFF" + strings.ReplaceAll(validFiles["fatalities.csv"], "\n", "\r\n") + ",,,,,,,\r\n"
	fsys["fatalities.csv"] = &fstest.MapFile{Data: []byte(text)}
	b, err := Parse(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if d, _ := b.Dataset("fatalities"); len(d.Rows) != 2 || d.Rows[1].Note != "So far." {
		t.Fatalf("fatalities = %+v", d)
	}
}

func TestValidation(t *testing.T) {
	cases := []struct {
		name, file, old, new string // replace old by new in file; old "" replaces the whole file
		remove               bool
		want                 string
	}{
		{"not a number", "parity.csv", "Staff,22,", "Staff,seven,", false, `parity.csv:4: column value: "seven" is not a number`},
		{"exponent", "parity.csv", "Staff,22,", "Staff,2e1,", false, `parity.csv:4: column value: "2e1" is not a number`},
		{"decimal comma", "parity.csv", "Posts,22.6,", `Posts,"22,6",`, false, `parity.csv:2: column value: "22,6" is not a number: use a dot`},
		{"percent sign", "parity.csv", "Posts,22.6,", `Posts,22.6%,`, false, `parity.csv:2: column value: "22.6%" is not a number: write it without %`},
		{"target not a number", "parity.csv", ",17,", ",seventeen,", false, `parity.csv:2: column target: "seventeen" is not a number`},
		{"negative", "fatalities.csv", "2017,59,", "2017,-59,", false, `fatalities.csv:2: column value: "-59" is negative`},
		{"over 100 per cent", "parity.csv", "Posts,22.6,", "Posts,122.6,", false, `parity.csv:2: column value: "122.6" is over 100 per cent`},
		{"target over 100", "parity.csv", ",17,", ",170,", false, `parity.csv:2: column target: "170" is over 100 per cent`},
		{"missing column", "fatalities.csv", "period,value,", "period,", false, `fatalities.csv:1: missing column "value"`},
		{"unknown column", "fatalities.csv", ",note,", ",not,", false, `fatalities.csv:1: unknown column "not"`},
		{"column twice", "fatalities.csv", ",note,", ",source,", false, `fatalities.csv:1: column "source" appears twice`},
		{"lead columns order", "fatalities.csv", "period,value,", "value,period,", false, `fatalities.csv:1: the first columns must be period,value`},
		{"cell count", "fatalities.csv", "59 in 2017", "59 in 2017,extra", false, `fatalities.csv:2: row has 9 cells, the header has 8`},
		{"bare quote", "fatalities.csv", "2017,59,", `2017,5"9,`, false, `fatalities.csv:2: bare " in non-quoted-field`},
		{"not UTF-8", "fatalities.csv", "So far.", "So far\xe9.", false, `fatalities.csv:3: text is not UTF-8`},
		{"empty file", "fatalities.csv", "", "", false, `fatalities.csv:1: file is empty`},
		{"no rows", "fatalities.csv", "", "period,value,partial,as_of,note,note_fr,source,as_written\n", false, `fatalities.csv:1: no rows`},
		{"unknown source", "fatalities.csv", "false,,,,s1,59", "false,,,,s9,59", false, `fatalities.csv:2: column source: unknown source id "s9" (not in sources.csv)`},
		{"missing source", "fatalities.csv", "false,,,,s1,59", "false,,,,,59", false, `fatalities.csv:2: column source: missing source id`},
		{"as written not in quote", "fatalities.csv", ",59 in 2017", ",60 in 2017", false, `fatalities.csv:2: column as_written: "60 in 2017" is not in the quote of source "s1"`},
		{"as written missing", "fatalities.csv", ",59 in 2017", ",", false, `fatalities.csv:2: column as_written: missing`},
		{"duplicate period", "fatalities.csv", "2020,8,", "2017,8,", false, `fatalities.csv:3: column period: duplicate period "2017" (first on line 2)`},
		{"duplicate category", "parity.csv", "Staff,22,", "Posts,22,", false, `parity.csv:4: column category: duplicate category "Posts" (first on line 2)`},
		{"bad quarter", "fatalities.csv", "2017,59,", "2018-Q5,59,", false, `fatalities.csv:2: column period: "2018-Q5": period must be a year (2017) or a quarter (2018-Q4)`},
		{"bad year", "fatalities.csv", "2017,59,", "17,59,", false, `fatalities.csv:2: column period: "17": period must be`},
		{"partial", "fatalities.csv", "2017,59,false", "2017,59,yes", false, `fatalities.csv:2: column partial: "yes" must be true, false or empty`},
		{"partial without as_of", "fatalities.csv", "true,2020-09-14,", "true,,", false, `fatalities.csv:3: column as_of: a partial figure needs the date it was given`},
		{"bad as_of", "parity.csv", "2020-06", "June 2020", false, `parity.csv:2: column as_of: "June 2020" is not a date`},
		{"bad month", "parity.csv", "2020-06", "2020-13", false, `parity.csv:2: column as_of: "2020-13" is not a date`},
		{"value missing without note", "parity.csv", "No figure given.,Aucun chiffre.", ",", false, `parity.csv:3: column note: value is empty, so a note must say why`},
		{"note without French", "parity.csv", "No figure given.,Aucun chiffre.", "No figure given.,", false, `parity.csv:3: column note_fr: note and note_fr must both be filled`},
		{"bad group", "parity.csv", "Staff,22,,civilian", "Staff,22,,Civilian", false, `parity.csv:4: column group: "Civilian" must be uniformed or civilian`},
		{"missing French label", "parity.csv", "uniformed,Postes,", "uniformed,,", false, `parity.csv:2: column label_fr: missing text`},
		{"missing category", "parity.csv", "Staff,22,", ",22,", false, `parity.csv:4: column category: missing text`},
		{"unknown kind", "datasets.csv", "fatalities,series", "fatalities,line", false, `datasets.csv:2: column kind: unknown kind "line" (expected series or targets)`},
		{"bad dataset id", "datasets.csv", "fatalities,series", "Fatalities,series", false, `datasets.csv:2: column id: "Fatalities" is not a dataset id`},
		{"reserved id", "datasets.csv", "fatalities,series", "sources,series", false, `datasets.csv:2: column id: "sources" is reserved`},
		{"duplicate dataset", "datasets.csv", "parity,targets", "fatalities,targets", false, `datasets.csv:3: column id: duplicate dataset id "fatalities"`},
		{"missing title", "datasets.csv", "Fatalities,Décès", "Fatalities,", false, `datasets.csv:2: column title_fr: missing text`},
		{"no datasets", "datasets.csv", "", "id,kind,title_en,title_fr,unit_en,unit_fr,description_en,description_fr\n", false, `datasets.csv:1: no datasets listed`},
		{"dataset without file", "fatalities.csv", "", "", true, `datasets.csv:2: column id: dataset "fatalities" has no file fatalities.csv`},
		{"file not listed", "extra.csv", "", "a,b\n1,2\n", false, `extra.csv:1: file is not listed in datasets.csv: add a row for dataset "extra"`},
		{"no datasets.csv", "datasets.csv", "", "", true, `datasets.csv:1: cannot read file`},
		{"no sources.csv", "sources.csv", "", "", true, `sources.csv:1: cannot read file`},
		{"missing quote", "sources.csv", `5,,"falling from 59 in 2017 to eight, so far, in 2020."`, "5,,", false, `sources.csv:2: column quote: missing text`},
		{"page zero", "sources.csv", "Annex I,5,,\"falling", "Annex I,0,,\"falling", false, `sources.csv:2: column page: "0" is not a positive whole number`},
		{"page words", "sources.csv", "Annex I,5,,\"falling", "Annex I,five,,\"falling", false, `sources.csv:2: column page: "five" is not a positive whole number`},
		{"page sign", "sources.csv", "Annex I,5,,\"falling", "Annex I,+5,,\"falling", false, `sources.csv:2: column page: "+5" is not a positive whole number`},
		{"bad date", "sources.csv", "s1,S/2020/911,2020-09-14", "s1,S/2020/911,14/09/2020", false, `sources.csv:2: column date: "14/09/2020" is not a date (YYYY-MM-DD)`},
		{"month only date", "sources.csv", "s1,S/2020/911,2020-09-14", "s1,S/2020/911,2020-09", false, `sources.csv:2: column date: "2020-09" is not a date`},
		{"duplicate source", "sources.csv", "s2,", "s1,", false, `sources.csv:3: column id: duplicate source id "s1"`},
		{"missing document", "sources.csv", "s1,S/2020/911,", "s1,,", false, `sources.csv:2: column document: missing text`},
		{"missing speaker_fr", "sources.csv", `USG","Jean-Pierre Lacroix, SGA",Annex I,5,,"falling`, `USG",,Annex I,5,,"falling`, false, `sources.csv:2: column speaker_fr: missing text`},
		{"page_to words", "sources.csv", "Annex III,10,11,", "Annex III,10,eleven,", false, `sources.csv:4: column page_to: "eleven" is not a positive whole number`},
		{"page_to before page", "sources.csv", "Annex III,10,11,", "Annex III,10,9,", false, `sources.csv:4: column page_to: "9" must be after page 10: leave it empty when the page is certain`},
		{"page_to same page", "sources.csv", "Annex III,10,11,", "Annex III,10,10,", false, `sources.csv:4: column page_to: "10" must be after page 10`},
		{"no page_to column", "sources.csv", "page,page_to,quote", "page,quote", false, `sources.csv:1: missing column "page_to"`},
		{"key figures missing", "key-figures.csv", "", "", true, `key-figures.csv:1: cannot read file`},
		{"key figures empty", "key-figures.csv", "", "", false, `key-figures.csv:1: file is empty`},
		{"no key figures", "key-figures.csv", "", strings.Join(KeyFigureColumns(), ",") + "\n", false, `key-figures.csv:1: no key figures`},
		{"figure words not said", "key-figures.csv", `"more than 80,000",plus`, `"over 80,000",plus`, false, `key-figures.csv:2: column figure_words: "over 80,000" is not in as_written`},
		{"figure words without French", "key-figures.csv", `"more than 80,000",plus de 80 000`, `"more than 80,000",`, false, `key-figures.csv:2: column figure_words_fr: figure_words and figure_words_fr must both be filled`},
		{"key figure lead columns", "key-figures.csv", "id,figure,", "figure,id,", false, `key-figures.csv:1: the first columns must be id,figure`},
		{"key figure unknown column", "key-figures.csv", ",theme,", ",topic,", false, `key-figures.csv:1: unknown column "topic"`},
		{"key figure bad id", "key-figures.csv", "areas,13,", "Areas,13,", false, `key-figures.csv:3: column id: "Areas" is not a key figure id`},
		{"key figure duplicate id", "key-figures.csv", "areas,13,", "peacekeepers,13,", false, `key-figures.csv:3: column id: duplicate key figure id "peacekeepers" (first on line 2)`},
		{"figure missing", "key-figures.csv", "areas,13,", "areas,,", false, `key-figures.csv:3: column figure: missing: write the figure in digits`},
		{"figure grouped", "key-figures.csv", "peacekeepers,80000,", `peacekeepers,"80,000",`, false, `key-figures.csv:2: column figure: "80,000" is not a number: write it without thousands separators (80000)`},
		{"figure in words", "key-figures.csv", "areas,13,", "areas,thirteen,", false, `key-figures.csv:3: column figure: "thirteen" is not a number: write the figure in digits and in full`},
		{"figure with scale", "key-figures.csv", "areas,13,", "areas,1.5 billion,", false, `key-figures.csv:3: column figure: "1.5 billion" is not a number: write the figure in digits and in full`},
		{"figure negative", "key-figures.csv", "areas,13,", "areas,-13,", false, `key-figures.csv:3: column figure: "-13" is negative`},
		{"figure percent", "key-figures.csv", "areas,13,", "areas,13%,", false, `key-figures.csv:3: column figure: "13%" is not a number: write the figure in digits`},
		{"qualifier", "key-figures.csv", "80000,more-than,", "80000,over,", false, `key-figures.csv:2: column qualifier: "over" must be empty (the figure as such), more-than, at-least or almost`},
		{"theme", "key-figures.csv", "zones de mission,force-generation,", "zones de mission,women,", false, `key-figures.csv:3: column theme: unknown theme "women" (one of politics, women-peace-security,`},
		{"theme missing", "key-figures.csv", "zones de mission,force-generation,", "zones de mission,,", false, `key-figures.csv:3: column theme: unknown theme ""`},
		{"unit missing", "key-figures.csv", "13,,mission areas,", "13,,,", false, `key-figures.csv:3: column unit: missing text`},
		{"French unit missing", "key-figures.csv", "mission areas,zones de mission,", "mission areas,,", false, `key-figures.csv:3: column unit_fr: missing text`},
		{"key figure note without French", "key-figures.csv", "Deployed.,Déployés.", "Deployed.,", false, `key-figures.csv:2: column note_fr: note and note_fr must both be filled`},
		{"key figure unknown source", "key-figures.csv", ",s3,in 13", ",s9,in 13", false, `key-figures.csv:3: column source: unknown source id "s9" (not in sources.csv)`},
		{"key figure missing source", "key-figures.csv", ",s3,in 13", ",,in 13", false, `key-figures.csv:3: column source: missing source id`},
		{"key figure missing as_written", "key-figures.csv", ",in 13 mission areas,", ",,", false, `key-figures.csv:3: column as_written: missing: copy the words`},
		{"key figure as_written not in quote", "key-figures.csv", ",in 13 mission areas,", ",in 14 mission areas,", false, `key-figures.csv:3: column as_written: "in 14 mission areas" is not in the quote of source "s3"`},
		{"key figure as_written twice", "key-figures.csv", ",in 13 mission areas,", ",peacekeepers,", false, `key-figures.csv:3: column as_written: "peacekeepers" occurs 2 times in the quote of source "s3": copy more words`},
		{"reserved key-figures id", "datasets.csv", "fatalities,series", "key-figures,series", false, `datasets.csv:2: column id: "key-figures" is reserved`},
		{"reserved key-figures id", "datasets.csv", "fatalities,series", "key-figures,series", false, `datasets.csv:2: column id: "key-figures" is reserved`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := validFS()
			switch {
			case c.remove:
				delete(fsys, c.file)
			case c.old == "":
				fsys[c.file] = &fstest.MapFile{Data: []byte(c.new)}
			default:
				text := validFiles[c.file]
				if !strings.Contains(text, c.old) {
					t.Fatalf("test setup: %q not in %s", c.old, c.file)
				}
				fsys[c.file] = &fstest.MapFile{Data: []byte(strings.Replace(text, c.old, c.new, 1))}
			}
			b, err := Parse(fsys)
			if err == nil || b != nil {
				t.Fatalf("Parse = %v, %v; want an error containing %q", b, err, c.want)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error:\n%v\nwant it to contain:\n%s", err, c.want)
			}
			var le *LineError
			if !errors.As(err, &le) || le.File == "" || le.Line < 1 {
				t.Fatalf("error %v is not a *LineError with file and line", err)
			}
		})
	}
}

// TestAllProblemsReported: one run lists the problems of every file, not just the first.
func TestAllProblemsReported(t *testing.T) {
	fsys := validFS()
	fsys["fatalities.csv"].Data = []byte(strings.Replace(validFiles["fatalities.csv"], "2017,59,", "2017,x,", 1))
	fsys["parity.csv"].Data = []byte(strings.Replace(validFiles["parity.csv"], "Staff,22,", "Staff,y,", 1))
	_, err := Parse(fsys)
	for _, want := range []string{`fatalities.csv:2: column value: "x"`, `parity.csv:4: column value: "y"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v does not contain %q", err, want)
		}
	}
}

func TestParsePeriod(t *testing.T) {
	for s, want := range map[string][2]int{"2017": {2017, 0}, "2018-Q4": {2018, 4}, "2020-Q1": {2020, 1}} {
		if y, q, err := ParsePeriod(s); err != nil || y != want[0] || q != want[1] {
			t.Errorf("ParsePeriod(%q) = %d, %d, %v", s, y, q, err)
		}
	}
	for _, s := range []string{"", "20", "2018-Q0", "2018-Q", "2018-Q12", "2018Q4", "2018-q4", "２０１７"} {
		if _, _, err := ParsePeriod(s); err == nil {
			t.Errorf("ParsePeriod(%q) should fail", s)
		}
	}
}
