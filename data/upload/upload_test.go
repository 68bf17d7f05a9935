package upload

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"briefing/data"
)

func TestParseValid(t *testing.T) {
	for _, c := range []struct {
		name, in string
		kind     data.Kind
		keys     []string
		values   []string // ValueText, "" = not given
		targets  []string
	}{
		{"years", "period,value\n2017,59\n2018,27\n2019,25\n2020,8\n", data.Series,
			[]string{"2017", "2018", "2019", "2020"}, []string{"59", "27", "25", "8"}, nil},
		{"quarters", "Period , Value \n2018 Q4, 3\nq1-2019,4.50\n2019-Q2,\n", data.Series,
			[]string{"2018-Q4", "2019-Q1", "2019-Q2"}, []string{"3", "4.50", ""}, nil},
		{"bom and crlf", "\uFEFFperiod,value\r\n2017,59\r\n2018,.5\r\n\r\n\r\n", data.Series,
			[]string{"2017", "2018"}, []string{"59", "0.5"}, nil},
		{"classic mac line ends", "period,value\r2017,1\r2018,2\r", data.Series,
			[]string{"2017", "2018"}, []string{"1", "2"}, nil},
		{"sorted", "period,value\n2019,1\n2017,2\n2018-Q2,3\n2018,4\n", data.Series,
			[]string{"2017", "2018", "2018-Q2", "2019"}, []string{"2", "4", "3", "1"}, nil},
		{"targets", "category,value,target\nPolice,28.2,22\nMilitary,5.4,\n\"Staff, HQ\",22.6,17\n", data.Targets,
			[]string{"Police", "Military", "Staff, HQ"}, []string{"28.2", "5.4", "22.6"}, []string{"22", "", "17"}},
		{"targets without target", "Category,Value\nA,1\nB,\n", data.Targets,
			[]string{"A", "B"}, []string{"1", ""}, []string{"", ""}},
		{"semicolon and decimal comma", "catégorie;valeur;objectif\nFemmes;22,6;17\nHommes;77,40;83\n", data.Targets,
			[]string{"Femmes", "Hommes"}, []string{"22.6", "77.40"}, []string{"17", "83"}},
		{"excel sep line", "sep=;\r\nperiod;value\r\n2017;1,5\r\n", data.Series,
			[]string{"2017"}, []string{"1.5"}, nil},
		{"pasted from a spreadsheet", "period\tvalue\tnote\n2017\t12 345,5\tfirst\n2018\t1\u00a0234\t\n", data.Series,
			[]string{"2017", "2018"}, []string{"12345.5", "1234"}, nil},
		{"trailing empty cells and unnamed columns", "period,value,,\n2017,1\n2018,2,,\n", data.Series,
			[]string{"2017", "2018"}, []string{"1", "2"}, nil},
		{"leading zeros", "period,value\n2017,007\n2018,00.50\n", data.Series,
			[]string{"2017", "2018"}, []string{"7", "0.50"}, nil},
		{"markup stays text", "category,value\n<img src=x onerror=alert(1)>,1\n\"<script>alert('x')</script>\",2\n", data.Targets,
			[]string{"<img src=x onerror=alert(1)>", "<script>alert('x')</script>"}, []string{"1", "2"}, nil},
		{"whitespace in labels", "category,value\n\"  two\nlines\t here \",1\n", data.Targets,
			[]string{"two lines here"}, []string{"1"}, nil},
		{"own export reads back", "\uFEFFcategory,value,target,group,as_of,note,document,date,speaker,annex,page,quote\r\n" +
			"'=Police,28.2,22,uniformed,2020-06,'-5 note,S/2020/911,2020-09-14,X,Annex I,5,\"q, \"\"x\"\"\"\r\n", data.Targets,
			[]string{"=Police"}, []string{"28.2"}, []string{"22"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ds, info, err := Parse("my_figures.csv", []byte(c.in))
			if err != nil {
				t.Fatalf("%v", err)
			}
			if ds.Kind != c.kind || len(ds.Rows) != len(c.keys) || info.Rows != len(c.keys) {
				t.Fatalf("kind %s, %d rows (info %d), want %s, %d", ds.Kind, len(ds.Rows), info.Rows, c.kind, len(c.keys))
			}
			for i, r := range ds.Rows {
				if r.Key != c.keys[i] || r.ValueText != c.values[i] || r.HasValue != (c.values[i] != "") || r.SourceID != "" {
					t.Errorf("row %d: key %q value %q (%v) source %q, want %q %q", i, r.Key, r.ValueText, r.HasValue, r.SourceID, c.keys[i], c.values[i])
				}
				if want, _ := strconv.ParseFloat(r.ValueText, 64); r.HasValue && r.Value != want {
					t.Errorf("row %d: value %v for text %q", i, r.Value, r.ValueText)
				}
				if c.targets != nil && (r.TargetText != c.targets[i] || r.HasTarget != (c.targets[i] != "")) {
					t.Errorf("row %d: target %q, want %q", i, r.TargetText, c.targets[i])
				}
			}
			if ds.ID != "upload-my-figures" || ds.Title != "my figures" || !IsUpload(ds) {
				t.Errorf("id %q title %q", ds.ID, ds.Title)
			}
		})
	}
}

func TestParseDetails(t *testing.T) {
	ds, info, err := Parse("Répartition.CSV", []byte("période;valeur;partiel;as of;note\n2020;8;oui;2020-09-14;so far\n2019;25;;;\n"))
	if err != nil {
		t.Fatal(err)
	}
	if info.Separator != ';' || info.DecimalComma || !info.Sorted {
		t.Errorf("info %+v", info)
	}
	r := ds.Rows[1]
	if !r.Partial || r.AsOf != "2020-09-14" || r.Note != "so far" || r.NoteFR != "so far" || r.Line != 2 {
		t.Errorf("row %+v", r)
	}
	if ds.ID != "upload-repartition" || ds.Title != "Répartition" || ds.TitleFR != "Répartition" {
		t.Errorf("id %q title %q", ds.ID, ds.Title)
	}
	_, info, err = Parse("", []byte("category;value\nA;1,5\n"))
	if err != nil || !info.DecimalComma {
		t.Errorf("decimal comma not reported: %+v %v", info, err)
	}
	ds, info, err = Parse("C:\\fakepath\\..\\x y.z.csv", []byte("period,value,target,source\n2017,1,2,abc\n"))
	if err != nil || ds.ID != "upload-x-y-z" || len(info.Ignored) != 2 || len(info.Warnings) != 2 || ds.Rows[0].HasTarget {
		t.Errorf("id %q info %+v err %v", ds.ID, info, err)
	}
	ds, _, err = Parse("", []byte("period,value\n2017,\n"))
	if err != nil || ds.ID != "upload-data" || ds.Title != UntitledEN || ds.TitleFR != UntitledFR || ds.Rows[0].HasValue {
		t.Errorf("no name: %q %q %q %v", ds.ID, ds.Title, ds.TitleFR, err)
	}
	// UTF-16 little endian with tabs, as Excel saves "Unicode text".
	u16 := []byte{0xFF, 0xFE}
	for _, r := range "category\tvalue\r\nÉtat\t1\r\n" {
		u16 = append(u16, byte(r), byte(r>>8))
	}
	ds, _, err = Parse("u.txt", u16)
	if err != nil || ds.Rows[0].Key != "État" {
		t.Errorf("UTF-16: %+v %v", ds.Rows, err)
	}
}

func TestParseInvalid(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     []string
	}{
		{"not a number", "period,value\n2017,1\n2018,seven\n", []string{`line 3, column value: "seven" is not a number`}},
		{"missing value column", "period,amount\n2017,1\n", []string{`line 1: missing column "value"`}},
		{"missing key column", "when,value\n2017,1\n", []string{`line 1: missing column "period" or "category"`}},
		{"both keys", "period,category,value\n2017,a,1\n", []string{`line 1: use column "period" or column "category", not both`}},
		{"column twice", "period,value,Valeur\n2017,1,2\n", []string{`line 1: column "value" appears twice`}},
		{"duplicate period", "period,value\n2017,1\n2018,2\n2018-Q1,3\n2019,4\n2019,5\n", []string{`line 6: duplicate period "2019"`}},
		{"duplicate normalised quarter", "period,value\n2018-Q4,1\nQ4 2018,2\n", []string{`line 3: duplicate period "2018-Q4"`}},
		{"duplicate category", "category,value\nA,1\nA,2\n", []string{`line 3: duplicate category "A"`}},
		{"empty", "", []string{"file is empty"}},
		{"blank", "\uFEFF \r\n\r\n ,, \n", []string{"file is empty"}},
		{"header only", "period,value\r\n\r\n", []string{"no data rows: add rows under the header"}},
		{"too many cells", "period,value\n2017,1,x\n", []string{"line 2: 3 cells, but the header has 2 columns"}},
		{"too few cells", "period,value,note\n2017\n", []string{"line 2: 1 cell, but the header has 3 columns"}},
		{"long label", "category,value\n" + strings.Repeat("é", 201) + ",1\n", []string{"line 2, column category: label is 201 characters; the limit is 200"}},
		{"long note", "category,value,note\na,1," + strings.Repeat("n", 501) + "\n", []string{"line 2, column note: note is 501 characters; the limit is 500"}},
		{"empty label", "category,value\n,1\n", []string{"line 2, column category: empty: every row needs a category"}},
		{"invalid UTF-8", "category,value\nok,1\nbad\xe9,2\n", []string{`line 3: text is not UTF-8: save the file as "CSV UTF-8"`}},
		{"free label as period", "period,value\nSpring,1\n", []string{`line 2, column period: "Spring" is not a year (2017) or a quarter (2018-Q4); for other labels, name the column "category"`}},
		{"bad quarter", "period,value\n2018-Q5,1\n", []string{`line 2, column period: "2018-Q5" is not a year (2017) or a quarter (2018-Q4); for other labels, name the column "category"`}},
		{"negative", "period,value\n2017,-5\n2018,−0.5\n", []string{`line 2, column value: "-5" is negative: values cannot be negative`, `line 3, column value: "−0.5" is negative: values cannot be negative`}},
		{"percent", "period,value\n2017,22.6%\n", []string{`line 2, column value: "22.6%" is not a number: write it without %`}},
		{"not finite", "period,value\n2017,NaN\n2018,Inf\n2019,1e3\n2020,0x10\n", []string{
			`line 2, column value: "NaN" is not a number`, `line 3, column value: "Inf" is not a number`,
			`line 4, column value: "1e3" is not a number`, `line 5, column value: "0x10" is not a number`}},
		{"too large", "period,value\n2017,1000000000000000\n2018," + strings.Repeat("1", 40) + "\n", []string{
			`line 2, column value: "1000000000000000" is too large (the limit is 10^15)`,
			`line 3, column value: "1111111111111111111111111111111111111111" has too many digits (the limit is 30)`}},
		{"decimal comma in a comma file", "period,value\n2017,\"22,6\"\n2018,\"12,001\"\n", []string{
			`line 2, column value: "22,6" is not a number: use a dot as the decimal separator`,
			`line 3, column value: "12,001" is not a number: write it without thousands separators (12001)`}},
		{"ambiguous dot with semicolons", "period;value\n2017;1.234\n2018;1.234,5\n2019;1.5\n", []string{
			`line 2, column value: "1.234" is ambiguous: write 1234 for a whole number or 1,234 for a decimal, without thousands separators`,
			`line 3, column value: "1.234,5" is not a number: write it without thousands separators`}},
		{"bad grouping", "period;value\n2017;1 23\n2018;12  345\n", []string{
			`line 2, column value: "1 23" is not a number`, `line 3, column value: "12  345" is not a number`}},
		{"bad target", "category,value,target\nA,1,lots\n", []string{`line 2, column target: "lots" is not a number`}},
		{"bad partial and date", "period,value,partial,as_of\n2020,8,maybe,14/09/2020\n2019,1,,2019-02-29\n", []string{
			`line 2, column partial: "maybe" must be true, false or empty`,
			`line 2, column as_of: "14/09/2020" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`,
			`line 3, column as_of: "2019-02-29" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`}},
		{"unclosed quote", "category,value\nA,1\n\"B,2\nC,3\n", []string{`line 3: a quoted cell is not closed: a " is missing`}},
		{"unclosed quote on the last line", "category,value\n\"B,2", []string{`line 2: a quoted cell is not closed: a " is missing`}},
		{"text after a closing quote", "category,value\n\"B\"x,2\n", []string{`line 2: a quoted cell must end with " right before the separator`}},
		{"bare quote", "category,value\n5\" screens,1\n", []string{`line 2: a cell has a " inside but does not start with one: put the cell in quotes and double the " inside`}},
		{"xlsx", "PK\x03\x04rest", []string{`this is a zip file, such as an Excel workbook (.xlsx): save it as "CSV UTF-8"`}},
		{"binary", "period,value\n\x00\x01", []string{`this is not a text file: save it as "CSV UTF-8"`}},
		{"long cell quoted short", "period,value\n2017," + strings.Repeat("x", 100) + "\n", []string{
			`line 2, column value: "` + strings.Repeat("x", 39) + `…" is not a number`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := Parse("f.csv", []byte(c.in))
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("error %v (%T), want Errors", err, err)
			}
			if got := err.Error(); got != strings.Join(c.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", got, strings.Join(c.want, "\n"))
			}
		})
	}
}

func TestManyProblems(t *testing.T) {
	in := "period,value\n"
	for i := 0; i < 25; i++ {
		in += strconv.Itoa(2000+i) + ",x\n"
	}
	_, _, err := Parse("", []byte(in))
	var es Errors
	if !errors.As(err, &es) || len(es) != MaxProblems+1 || es[MaxProblems].Problem.English() != "and 15 more problems" || es[0].Line != 2 || es[0].Column != "value" {
		t.Fatalf("%v", err)
	}
	var e Error
	if !errors.As(err, &e) || e.Line != 2 {
		t.Errorf("errors.As(Error) = %+v", e)
	}
}

func TestLimits(t *testing.T) {
	big := make([]byte, 1468006) // 1.4 MB
	_, _, err := Parse("big.csv", big)
	if err == nil || err.Error() != "file is 1.4 MB; the limit is 1 MB" {
		t.Errorf("size: %v", err)
	}
	if _, _, err := Parse("x", make([]byte, MaxBytes+1)); err == nil || err.Error() != "file is 1.1 MB; the limit is 1 MB" {
		t.Errorf("just over: %v", err)
	}
	var b strings.Builder
	b.WriteString("category,value\n")
	for i := 0; i < MaxRows+1; i++ {
		b.WriteString("c" + strconv.Itoa(i) + ",1\n")
	}
	if _, _, err := Parse("rows.csv", []byte(b.String())); err == nil || err.Error() != "10,001 rows; the limit is 10,000" {
		t.Errorf("rows: %v", err)
	}
	b.Reset()
	b.WriteString("category,value\n")
	for i := 0; i < 12001; i++ {
		b.WriteString(strconv.Itoa(i) + ",\n")
	}
	if _, _, err := Parse("rows.csv", []byte(b.String())); err == nil || err.Error() != "12,001 rows; the limit is 10,000" {
		t.Errorf("rows: %v", err)
	}
	b.Reset()
	b.WriteString("category,value\n")
	for i := 0; i < MaxRows; i++ {
		b.WriteString("c" + strconv.Itoa(i) + ",1\n")
	}
	if ds, _, err := Parse("rows.csv", []byte(b.String())); err != nil || len(ds.Rows) != MaxRows {
		t.Errorf("exactly MaxRows: %v", err)
	}
}

func TestPeriod(t *testing.T) {
	for in, want := range map[string]string{
		"2017": "2017", "2018-Q4": "2018-Q4", "2018 q4": "2018-Q4", "2018Q4": "2018-Q4", "Q4 2018": "2018-Q4",
		"q4-2018": "2018-Q4", "T2 2019": "2019-Q2", "2019/Q3": "2019-Q3",
		"": "", "17": "", "2018-Q0": "", "2018-Q": "", "Q42018x": "", "20.7": "", "２０１７": "", "2018-Q44": "",
	} {
		got, ok := period(in)
		if got != want || ok != (want != "") {
			t.Errorf("period(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestSeparator(t *testing.T) {
	for in, want := range map[string]rune{
		"period,value": ',', "period;value": ';', "period\tvalue": '\t', "period": ',', "\n\n a;b,c;d": ';',
		`"a;b",c`: ',', "sep=|\na|b": '|', "SEP=;\r\na,b": ';', "a\tb;c": '\t',
	} {
		if got, _ := separator(in); got != want {
			t.Errorf("separator(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzParse: Parse never panics, and what it accepts can be charted.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"period,value\n2017,59\n2018,27\n", "category;value;target\nA;22,6;17\nB;;\n",
		"\uFEFFperiod\tvalue\tnote\r\n2018 Q4\t12 345,5\tx\r\n", "sep=;\ncategory;value\n\"a\"\"b\";1\n",
		"period,value,partial,as_of\n2020,8,true,2020-09-14\n", "category,value\n<img src=x onerror=alert(1)>,1\n",
		"period,value\n2017,-5\n2018,1e3\n", "\xFF\xFEp\x00",
	} {
		f.Add("f.csv", []byte(s))
	}
	f.Fuzz(func(t *testing.T, name string, b []byte) {
		ds, info, err := Parse(name, b)
		if err != nil {
			var es Errors
			if !errors.As(err, &es) || len(es) == 0 || len(es) > MaxProblems+1 {
				t.Fatalf("error %v is not Errors of 1..%d", err, MaxProblems+1)
			}
			for _, e := range es {
				if e.Problem.English() == "" || e.Line < 0 {
					t.Fatalf("bad problem %+v", e)
				}
			}
			return
		}
		if len(ds.Rows) == 0 || len(ds.Rows) > MaxRows || info.Rows != len(ds.Rows) {
			t.Fatalf("%d rows (info %d)", len(ds.Rows), info.Rows)
		}
		if !IsUpload(ds) || ds.Title == "" || (ds.Kind != data.Series && ds.Kind != data.Targets) {
			t.Fatalf("dataset %q %q %q", ds.ID, ds.Title, ds.Kind)
		}
		seen := map[string]bool{}
		for _, r := range ds.Rows {
			if r.Key == "" || seen[r.Key] || utf8.RuneCountInString(r.Key) > MaxLabel || !utf8.ValidString(r.Key) || r.SourceID != "" {
				t.Fatalf("row %+v: bad or repeated label", r)
			}
			seen[r.Key] = true
			if ds.Kind == data.Series {
				if _, _, err := data.ParsePeriod(r.Key); err != nil {
					t.Fatalf("period %q", r.Key)
				}
			}
			check := func(has bool, v float64, text string) {
				if !has {
					if text != "" || v != 0 {
						t.Fatalf("row %+v: a missing figure with a value", r)
					}
					return
				}
				parsed, err := strconv.ParseFloat(text, 64)
				if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v >= MaxValue || err != nil || parsed != v {
					t.Fatalf("row %+v: figure %v %q", r, v, text)
				}
			}
			check(r.HasValue, r.Value, r.ValueText)
			check(r.HasTarget, r.Target, r.TargetText)
		}
	})
}

// TestLightImports keeps the package fit for the wasm page.
func TestLightImports(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		ast, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, im := range ast.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			switch {
			case p == "syscall/js", p == "reflect", p == "regexp", p == "text/template", p == "html/template", p == "fmt",
				strings.HasPrefix(p, "encoding/json"), strings.HasPrefix(p, "encoding/xml"), p == "net", strings.HasPrefix(p, "net/"):
				t.Errorf("%s imports %s", f, p)
			}
		}
	}
}

// TestMessagesAreTemplates: every message this package gives comes from a Msg constant listed
// in Templates, so the interface can translate each (web/view has the French); a message
// written in place would stay in English.
func TestMessagesAreTemplates(t *testing.T) {
	listed := map[string]bool{}
	for _, m := range Templates {
		listed[m] = true
	}
	files, _ := filepath.Glob("*.go")
	consts := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(token.NewFileSet(), f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if strings.HasPrefix(name.Name, "Msg") && i < len(n.Values) {
						consts++
						lit, _ := n.Values[i].(*ast.BasicLit)
						if v, err := strconv.Unquote(lit.Value); err != nil || !listed[v] {
							t.Errorf("%s: %s is not in Templates", f, name.Name)
						}
					}
				}
			case *ast.CallExpr:
				// The template argument of each function that makes a message.
				pos := map[string]int{"fail": 0, "bad": 0, "newError": 2, "add": 2}
				name := ""
				switch fn := n.Fun.(type) {
				case *ast.Ident:
					name = fn.Name
				case *ast.SelectorExpr:
					if fn.Sel.Name == "add" {
						name = "add"
					}
				}
				i, ok := pos[name]
				if !ok || len(n.Args) <= i {
					return true
				}
				switch a := n.Args[i].(type) {
				case *ast.Ident:
					if !strings.HasPrefix(a.Name, "Msg") && a.Name != "tmpl" {
						t.Errorf("%s: %s(…) with template %s, not a Msg constant", f, name, a.Name)
					}
				case *ast.SelectorExpr: // problem.Tmpl, passed on
				default:
					t.Errorf("%s: %s(…) with a message written in place", f, name)
				}
			}
			return true
		})
	}
	if consts != len(Templates) {
		t.Errorf("%d Msg constants, %d in Templates", consts, len(Templates))
	}
	if got := Format("a %s b %s %% c", "1", "2"); got != "a 1 b 2 % c" {
		t.Errorf("Format: %q", got)
	}
}

// TestBidiControlsRemoved: a right-to-left override in a reader's label, note or file name
// would reverse the text around it wherever it is shown; the characters are removed, the
// letters (also of right-to-left scripts) are kept.
func TestBidiControlsRemoved(t *testing.T) {
	text := "category,value,note\n\"A\u202Efed\u202C B\",3,\"x\u2067y\u2069 \u200Fz\"\nسلام\u200E,4,\n"
	ds, _, err := Parse("my\u202Efile\u202C.csv", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	got := []string{ds.Title, ds.Rows[0].Key, ds.Rows[0].Note, ds.Rows[1].Key}
	want := []string{"myfile", "Afed B", "xy z", "سلام"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("text %d: %q, want %q", i, got[i], want[i])
		}
	}
}

func TestTypedTitle(t *testing.T) {
	for in, want := range map[string]string{"  Next\tyear\u202e  ": "Next year", "\n": "", strings.Repeat("é", 300): strings.Repeat("é", MaxLabel-1) + "…"} {
		if got := Title(in); got != want {
			t.Errorf("Title(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestWhatTheFileSays: pasted text is not titled "pasted"; the header cells are kept as
// written; the unit, and so percentages, come only from the value column's header.
func TestWhatTheFileSays(t *testing.T) {
	ds, _, err := Parse(PastedName, []byte("category,value,target\nA,5,4\n"))
	if err != nil || ds.ID != "upload-pasted" || ds.Title != "Your figures" || ds.TitleFR != "Vos chiffres" {
		t.Errorf("pasted: %q %q %q %v", ds.ID, ds.Title, ds.TitleFR, err)
	}
	if ds.Unit != "" || ds.KeyLabel != "category" || ds.ValueLabel != "value" || ds.TargetLabel != "target" {
		t.Errorf("plain header: unit %q labels %q %q %q", ds.Unit, ds.KeyLabel, ds.ValueLabel, ds.TargetLabel)
	}
	for _, c := range []struct{ header, unit, value string }{
		{"Catégorie;Valeur (%);Objectif (%)", "%", "Valeur (%)"},
		{"category;value %;target", "%", "value %"},
		{"category;value (tonnes);target", "tonnes", "value (tonnes)"},
		{"category;value;target", "", "value"},
	} {
		ds, _, err := Parse("f.csv", []byte(c.header+"\nA;5;4\n"))
		if err != nil || ds.Unit != c.unit || ds.UnitFR != c.unit || ds.ValueLabel != c.value || ds.Kind != data.Targets || !ds.Rows[0].HasTarget {
			t.Errorf("%q: unit %q value label %q kind %q err %v", c.header, ds.Unit, ds.ValueLabel, ds.Kind, err)
		}
	}
	if _, _, err := Parse("f.csv", []byte("category,(%)\nA,5\n")); err == nil {
		t.Error("a header of a unit alone is not a value column")
	}
}
