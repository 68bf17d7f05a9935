package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"briefing/data"
)

var sources = map[string]data.Source{
	"s1": {ID: "s1", Document: "S/2020/911", Date: "2020-09-14", Speaker: "Jean-Pierre Lacroix, Under-Secretary-General", Annex: "Annex I", Page: 3,
		Quote: `He said "eight, so far, in 2020", then, after a pause —
continued.`},
	"s2": {ID: "s2", Document: "S/2020/911", Date: "2020-09-14", Speaker: "=HYPERLINK(\"http://x\")", Annex: "Annex II", Page: 7, Quote: "Répartition des femmes…"},
}

func series() data.Dataset {
	return data.Dataset{ID: "fatalities", Kind: data.Series, Title: "Peacekeeper fatalities", TitleFR: "Décès", Unit: "fatalities", Rows: []data.Row{
		{Key: "2017", Value: 59, HasValue: true, ValueText: "59", SourceID: "s1", AsWritten: "59 in 2017"},
		{Key: "2018", Value: 27.50, HasValue: true, ValueText: "27.50", SourceID: "s1"},
		{Key: "2019", Note: "no figure given, \"really\"", NoteFR: "aucun chiffre", SourceID: "s1"},
		{Key: "2020", Value: 8, HasValue: true, ValueText: "8", Partial: true, AsOf: "2020-09-14", Note: "=1+1", SourceID: "s2"},
		{Key: "2021", Value: 8.5, HasValue: true, ValueText: "08.50", Note: "-5 fewer\r\nthan before", SourceID: "missing"},
		{Key: "2022", Value: 3, HasValue: true, Note: "@SUM(A1)", SourceID: ""},
	}}
}

func targets() data.Dataset {
	return data.Dataset{ID: "test-targets", Kind: data.Targets, Title: "Women", Unit: "% women", Rows: []data.Row{
		{Key: "Military contingents", LabelFR: "Contingents", Group: "uniformed", Value: 5.4, HasValue: true, ValueText: "5.4", Target: 6.5, HasTarget: true, TargetText: "6.5", SourceID: "s2"},
		{Key: "+Civilians, \"all\"", Group: "civilian", Value: 33, HasValue: true, ValueText: "33", SourceID: "s1"},
		{Key: "Negative", Group: "civilian", Value: -5, HasValue: true, ValueText: "-5", Target: -0.5, HasTarget: true, TargetText: "-0.5", SourceID: "s1"},
		{Key: "\tTabbed", Group: "civilian"},
	}}
}

// readCSV checks the BOM and CRLF and decodes the file with encoding/csv.
func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")) {
		t.Fatalf("no UTF-8 BOM: %q", b[:10])
	}
	b = b[3:]
	if !bytes.HasSuffix(b, []byte("\r\n")) {
		t.Errorf("last record does not end with CRLF")
	}
	unquotedLF := false
	inQuote := false
	for i, c := range b {
		if c == '"' {
			inQuote = !inQuote
		}
		if c == '\n' && !inQuote && (i == 0 || b[i-1] != '\r') {
			unquotedLF = true
		}
	}
	if unquotedLF {
		t.Errorf("a record ends with LF, not CRLF")
	}
	r := csv.NewReader(bytes.NewReader(b))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("encoding/csv cannot read the export: %v\n%s", err, b)
	}
	return recs
}

func TestCSVSeries(t *testing.T) {
	recs := readCSV(t, CSV(series(), sources))
	want := [][]string{
		{"period", "value", "partial", "as_of", "note", "document", "date", "speaker", "annex", "page", "quote"},
		{"2017", "59", "false", "", "", "S/2020/911", "2020-09-14", "Jean-Pierre Lacroix, Under-Secretary-General", "Annex I", "3", sources["s1"].Quote},
		{"2018", "27.50", "false", "", "", "S/2020/911", "2020-09-14", "Jean-Pierre Lacroix, Under-Secretary-General", "Annex I", "3", sources["s1"].Quote},
		{"2019", "", "false", "", "no figure given, \"really\"", "S/2020/911", "2020-09-14", "Jean-Pierre Lacroix, Under-Secretary-General", "Annex I", "3", sources["s1"].Quote},
		{"2020", "8", "true", "2020-09-14", "'=1+1", "S/2020/911", "2020-09-14", "'=HYPERLINK(\"http://x\")", "Annex II", "7", "Répartition des femmes…"},
		// encoding/csv turns a quoted CRLF into LF
		{"2021", "08.50", "false", "", "'-5 fewer\nthan before", "", "", "", "", "", ""},
		{"2022", "3", "false", "", "'@SUM(A1)", "", "", "", "", "", ""},
	}
	compare(t, recs, want)
}

func TestCSVTargets(t *testing.T) {
	recs := readCSV(t, CSV(targets(), sources))
	q1 := sources["s1"].Quote
	want := [][]string{
		{"category", "value", "target", "group", "as_of", "note", "document", "date", "speaker", "annex", "page", "quote"},
		{"Military contingents", "5.4", "6.5", "uniformed", "", "", "S/2020/911", "2020-09-14", "'=HYPERLINK(\"http://x\")", "Annex II", "7", "Répartition des femmes…"},
		{"'+Civilians, \"all\"", "33", "", "civilian", "", "", "S/2020/911", "2020-09-14", "Jean-Pierre Lacroix, Under-Secretary-General", "Annex I", "3", q1},
		{"Negative", "-5", "-0.5", "civilian", "", "", "S/2020/911", "2020-09-14", "Jean-Pierre Lacroix, Under-Secretary-General", "Annex I", "3", q1},
		{"'\tTabbed", "", "", "civilian", "", "", "", "", "", "", "", ""},
	}
	compare(t, recs, want)
}

func compare(t *testing.T, got, want [][]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d records, want %d:\n%q", len(got), len(want), got)
	}
	for i := range want {
		if strings.Join(got[i], "\x00") != strings.Join(want[i], "\x00") {
			t.Errorf("record %d:\n got %q\nwant %q", i, got[i], want[i])
		}
	}
}

func TestCSVQuoting(t *testing.T) {
	b := string(CSV(series(), sources))
	for _, s := range []string{
		"\"no figure given, \"\"really\"\"\"", // comma and quotes: quoted, quotes doubled
		"\"'-5 fewer\r\nthan before\"",        // CRLF inside a quoted field
		"\r\n2018,27.50,false,,,S/2020/911,",  // plain fields unquoted, CRLF ends records
		"Répartition des femmes…",             // accents and … as UTF-8
	} {
		if !strings.Contains(b, s) {
			t.Errorf("CSV lacks %q:\n%s", s, b)
		}
	}
	bad := data.Dataset{Kind: data.Series, Rows: []data.Row{{Key: "20\xff17", Note: " leading space"}}}
	recs := readCSV(t, CSV(bad, nil))
	if recs[1][0] != "20\uFFFD17" || recs[1][4] != " leading space" {
		t.Errorf("invalid UTF-8 or a leading space not kept safely: %q", recs[1])
	}
}

func TestNeutralize(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+1": "'+1", "-1": "'-1", "@A1": "'@A1", "\tx": "'\tx", "\rx": "'\rx",
		"＝1": "'＝1", "text": "text", "": "", "1-2": "1-2", "'=x": "'=x",
	} {
		if got := Neutralize(in); got != want {
			t.Errorf("Neutralize(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCSVRealData exports every built-in dataset and checks it reads back cell for cell.
func TestCSVRealData(t *testing.T) {
	b, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, ds := range b.Datasets {
		recs := readCSV(t, CSV(ds, b.Sources))
		if len(recs) != len(ds.Rows)+1 {
			t.Fatalf("%s: %d records for %d rows", ds.ID, len(recs), len(ds.Rows))
		}
		for i, r := range ds.Rows {
			rec := recs[i+1]
			if rec[0] != Neutralize(r.Key) || rec[1] != r.ValueText {
				t.Errorf("%s row %d: %q, want key %q value %q", ds.ID, i, rec, r.Key, r.ValueText)
			}
			if src := b.Source(r); rec[len(rec)-1] != src.Quote || rec[len(rec)-2] != strconv.Itoa(src.Page) {
				t.Errorf("%s row %d: source cells %q", ds.ID, i, rec)
			}
		}
	}
}

func TestJSON(t *testing.T) {
	for _, ds := range []data.Dataset{series(), targets()} {
		b := JSON(ds, sources)
		var got struct {
			ID, Kind, Title, Unit string
			TitleFR               string `json:"title_fr"`
			Rows                  []map[string]any
			Sources               []map[string]any
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.UseNumber()
		if err := dec.Decode(&got); err != nil {
			t.Fatalf("%s: %v\n%s", ds.ID, err, b)
		}
		if got.ID != ds.ID || got.Kind != string(ds.Kind) || got.Title != ds.Title || got.Unit != ds.Unit || got.TitleFR != ds.TitleFR {
			t.Errorf("%s: header %+v", ds.ID, got)
		}
		if len(got.Rows) != len(ds.Rows) {
			t.Fatalf("%s: %d rows", ds.ID, len(got.Rows))
		}
		key := "period"
		if ds.Kind == data.Targets {
			key = "category"
		}
		for i, r := range ds.Rows {
			g := got.Rows[i]
			if g[key] != r.Key {
				t.Errorf("%s row %d: %s %q, want %q", ds.ID, i, key, g[key], r.Key)
			}
			checkNumber(t, g["value"], r.HasValue, r.Value)
			if ds.Kind == data.Targets {
				checkNumber(t, g["target"], r.HasTarget, r.Target)
			} else if g["partial"] != r.Partial {
				t.Errorf("row %d: partial %v", i, g["partial"])
			}
			if (r.Note == "" && g["note"] != nil) || (r.Note != "" && g["note"] != r.Note) {
				t.Errorf("row %d: note %q, want %q", i, g["note"], r.Note)
			}
		}
	}
	var got struct{ Rows []map[string]json.RawMessage }
	if err := json.Unmarshal(JSON(series(), sources), &got); err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"59", "27.50", "null", "8", "8.50", "3"} {
		if v := string(got.Rows[i]["value"]); v != want {
			t.Errorf("row %d: value written as %s, want %s (the text as written)", i, v, want)
		}
	}
	var s struct{ Sources []data.Source }
	if err := json.Unmarshal(JSON(series(), sources), &s); err != nil {
		t.Fatal(err)
	}
	if len(s.Sources) != 2 || s.Sources[0] != sources["s1"] || s.Sources[1] != sources["s2"] {
		t.Errorf("sources: %+v", s.Sources)
	}
}

func checkNumber(t *testing.T, v any, has bool, want float64) {
	t.Helper()
	if !has {
		if v != nil {
			t.Errorf("missing figure written as %v, want null", v)
		}
		return
	}
	n, ok := v.(json.Number)
	f, err := n.Float64()
	if !ok || err != nil || f != want {
		t.Errorf("figure %v, want %v", v, want)
	}
}

func TestQuote(t *testing.T) {
	for _, s := range []string{
		"", "plain", `"quoted" \ back`, "tab\tnl\ncr\r\x00\x01\x1f\x7f", "line\u2028para\u2029",
		"<script>&</script>", "é ñ 漢字 🎉", "\uFFFD real replacement char",
	} {
		var got string
		q := Quote(s)
		if err := json.Unmarshal([]byte(q), &got); err != nil || got != s {
			t.Errorf("Quote(%q) = %s decodes to %q, %v", s, q, got, err)
		}
		if strings.ContainsAny(q, "\u2028\u2029<>&\n") {
			t.Errorf("Quote(%q) = %s leaves a raw line separator or HTML character", s, q)
		}
	}
	var got string
	if err := json.Unmarshal([]byte(Quote("a\xffb\xc3")), &got); err != nil || got != "a\uFFFDb\uFFFD" {
		t.Errorf("invalid UTF-8: %q, %v", got, err)
	}
	if jsonNumber(true, "", 1e300) != "1e+300" || jsonNumber(true, "007", 7) != "7" || jsonNumber(true, "0.5", 0.5) != "0.5" ||
		jsonNumber(true, "x", 2) != "2" || jsonNumber(false, "3", 3) != "null" {
		t.Error("jsonNumber")
	}
}

func TestJSONRealData(t *testing.T) {
	b, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, ds := range b.Datasets {
		var got struct {
			Rows    []struct{ Value, Target *float64 }
			Sources []struct {
				data.Source
				SpeakerFR string `json:"speaker_fr"`
			}
		}
		out := JSON(ds, b.Sources)
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("%s: %v\n%s", ds.ID, err, out)
		}
		for i, r := range ds.Rows {
			if (got.Rows[i].Value != nil) != r.HasValue || (r.HasValue && *got.Rows[i].Value != r.Value) {
				t.Errorf("%s row %d: value", ds.ID, i)
			}
		}
		for _, gs := range got.Sources {
			s := gs.Source
			s.SpeakerFR = gs.SpeakerFR
			if s != b.Sources[s.ID] {
				t.Errorf("%s: source %q differs", ds.ID, s.ID)
			}
		}
	}
}

func TestFileName(t *testing.T) {
	for _, c := range []struct {
		parts []string
		want  string
	}{
		{[]string{"S/2020/911", "fatalities", "chart", "2020-09-14", ".csv"}, "s-2020-911-fatalities-chart-2020-09-14.csv"},
		{[]string{"s-2020-911", "coe-gaps", "2020-09-14.svg"}, "s-2020-911-coe-gaps-2020-09-14.svg"},
		{[]string{"Répartition des femmes (%)", ".JSON"}, "repartition-des-femmes.json"},
		{[]string{"../../etc/passwd"}, "etc-passwd"},
		{[]string{"...hidden", "..", ".csv"}, "hidden.csv"},
		{[]string{"", "  ", "<script>"}, "script"},
		{[]string{"???", ".csv"}, "download.csv"},
		{nil, "download"},
		{[]string{"CON", ".txt"}, "con-file.txt"},
		{[]string{"a\x00b\\c:d*e|f\"g"}, "a-b-c-d-e-f-g"},
		{[]string{"漢字", "data", ".tar.gz"}, "data.tar.gz"},
	} {
		if got := FileName(c.parts...); got != c.want {
			t.Errorf("FileName(%q) = %q, want %q", c.parts, got, c.want)
		}
	}
	long := FileName(strings.Repeat("fatalities ", 40), ".csv")
	if len(long) > MaxFileName || !strings.HasSuffix(long, "s.csv") && !strings.HasSuffix(long, "-.csv") && !strings.HasSuffix(long, ".csv") {
		t.Errorf("long name %q (%d bytes)", long, len(long))
	}
	for _, parts := range [][]string{{"a.b..c", "--d--"}, {".", "-", "é"}, {strings.Repeat("x.", 100)}} {
		n := FileName(parts...)
		if n == "" || len(n) > MaxFileName || strings.HasPrefix(n, ".") || strings.HasPrefix(n, "-") || strings.HasSuffix(n, ".") || strings.HasSuffix(n, "-") || strings.Contains(n, "..") {
			t.Errorf("FileName(%q) = %q", parts, n)
		}
		for _, r := range n {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '.') {
				t.Errorf("FileName(%q) = %q has %q", parts, n, r)
			}
		}
	}
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
			case p == "syscall/js", p == "reflect", p == "regexp", p == "text/template", p == "html/template",
				strings.HasPrefix(p, "encoding/json"), strings.HasPrefix(p, "encoding/xml"), p == "net", strings.HasPrefix(p, "net/"):
				t.Errorf("%s imports %s", f, p)
			}
		}
	}
}
