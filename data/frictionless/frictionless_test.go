package frictionless

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"briefing/data"
)

func write(t *testing.T) (string, dataPackage, *data.Briefing) {
	t.Helper()
	t.Setenv("SOURCE_DATE_EPOCH", "1600300800") // 2020-09-17, the distribution date
	b, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "out")
	if err := Write(dir, b, data.Files()); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "datapackage.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pkg dataPackage
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields() // what the test reads back is all that was written
	if err := dec.Decode(&pkg); err != nil {
		t.Fatal(err)
	}
	return dir, pkg, b
}

func TestPackageDescriptor(t *testing.T) {
	_, pkg, _ := write(t)
	if pkg.Name != "s-2020-911-briefing" || pkg.Version != Version || pkg.Created != "2020-09-17T00:00:00Z" {
		t.Errorf("name %q version %q created %q", pkg.Name, pkg.Version, pkg.Created)
	}
	for _, want := range []string{"16 September 2020", "17 September 2020", "14 September 2020", "S/2020/911"} {
		if !strings.Contains(pkg.Description, want) {
			t.Errorf("description does not mention %q", want)
		}
	}
	if len(pkg.Licenses) != 1 || !strings.Contains(pkg.Licenses[0].Title, "public") || !strings.Contains(pkg.Licenses[0].Title, "facts") {
		t.Errorf("licenses = %+v", pkg.Licenses)
	}
	if len(pkg.Sources) != 1 || pkg.Sources[0].Date != "2020-09-14" || !strings.HasPrefix(pkg.Sources[0].Title, "S/2020/911") {
		t.Errorf("sources = %+v", pkg.Sources)
	}
	var names []string
	for _, r := range pkg.Resources {
		names = append(names, r.Name)
		if r.Path != r.Name+".csv" || r.Format != "csv" || r.Mediatype != "text/csv" || r.Encoding != "utf-8" {
			t.Errorf("resource %s: path %q format %q mediatype %q encoding %q", r.Name, r.Path, r.Format, r.Mediatype, r.Encoding)
		}
	}
	if got := strings.Join(names, ","); got != "fatalities,coe-gaps,parity,key-figures,sources" {
		t.Errorf("resources %s", got)
	}
}

// TestResourcesMatchFiles: each copy is byte-identical to the data file, its size and hash are
// right, and the schema lists exactly the CSV header with sensible types.
func TestResourcesMatchFiles(t *testing.T) {
	dir, pkg, _ := write(t)
	types := map[string]string{"value": "number", "target": "number", "partial": "boolean", "page": "integer", "page_to": "integer",
		"date": "date", "period": "string", "figure": "number", "theme": "string"}
	for _, r := range pkg.Resources {
		original, err := fs.ReadFile(data.Files(), r.Path)
		if err != nil {
			t.Fatal(err)
		}
		copied, err := os.ReadFile(filepath.Join(dir, r.Path))
		if err != nil || !bytes.Equal(original, copied) || r.Bytes != len(original) || r.Hash != sha256Hex(original) {
			t.Errorf("%s: copy differs from the data file (err %v, bytes %d)", r.Path, err, r.Bytes)
		}
		header, _ := csv.NewReader(bytes.NewReader(copied)).Read()
		var fields []string
		for _, f := range r.Schema.Fields {
			fields = append(fields, f.Name)
			if want, ok := types[f.Name]; ok && f.Type != want {
				t.Errorf("%s: column %s has type %s, want %s", r.Name, f.Name, f.Type, want)
			}
			if f.Description == "" {
				t.Errorf("%s: column %s has no description", r.Name, f.Name)
			}
		}
		if strings.Join(fields, ",") != strings.Join(header, ",") {
			t.Errorf("%s: fields %v, header %v", r.Name, fields, header)
		}
	}
}

// TestCopiesGiveTheFigures re-reads the written CSVs as any data package user would.
func TestCopiesGiveTheFigures(t *testing.T) {
	dir, _, b := write(t)
	for _, d := range b.Datasets {
		f, err := os.Open(filepath.Join(dir, d.ID+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		records, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil || len(records) != len(d.Rows)+1 {
			t.Fatalf("%s: %d records, %v", d.ID, len(records), err)
		}
		for i, r := range d.Rows {
			rec := records[i+1]
			v, err := strconv.ParseFloat(rec[1], 64)
			if rec[0] != r.Key || rec[1] != r.ValueText || (r.HasValue && (err != nil || v != r.Value)) {
				t.Errorf("%s row %d: %v, want %s = %s", d.ID, i, rec, r.Key, r.ValueText)
			}
		}
	}
	fat, err := os.ReadFile(filepath.Join(dir, "fatalities.csv"))
	if err != nil || !bytes.Contains(fat, []byte("\n2017,59,")) || !bytes.Contains(fat, []byte("\n2020,8,true,")) {
		t.Errorf("fatalities.csv copy does not give 2017 59 and 2020 8 (partial): %v", err)
	}
}

func TestMissingFile(t *testing.T) {
	b, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	files := fstest.MapFS{"sources.csv": {Data: []byte("id\n")}}
	if err := Write(t.TempDir(), b, files); err == nil || !strings.Contains(err.Error(), "fatalities.csv") {
		t.Fatalf("Write without fatalities.csv = %v", err)
	}
}

func TestUndescribedColumn(t *testing.T) {
	b, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	files := fstest.MapFS{}
	for _, name := range []string{"fatalities.csv", "coe-gaps.csv", "parity.csv", "key-figures.csv", "sources.csv"} {
		raw, _ := fs.ReadFile(data.Files(), name)
		files[name] = &fstest.MapFile{Data: raw}
	}
	files["parity.csv"] = &fstest.MapFile{Data: []byte("category,value,target,comment\n")}
	if err := Write(t.TempDir(), b, files); err == nil || !strings.Contains(err.Error(), `column "comment"`) {
		t.Fatalf("Write with an undescribed column = %v", err)
	}
}

// TestKeyFiguresResource: key-figures.csv is described with its key, its link to the sources and
// the allowed themes and qualifiers, and the copy gives every figure.
func TestKeyFiguresResource(t *testing.T) {
	dir, pkg, b := write(t)
	var r *resource
	for i := range pkg.Resources {
		if pkg.Resources[i].Name == "key-figures" {
			r = &pkg.Resources[i]
		}
	}
	if r == nil {
		t.Fatal("no key-figures resource")
	}
	if strings.Join(r.Schema.PrimaryKey, ",") != "id" || len(r.Schema.ForeignKeys) != 1 || r.Schema.ForeignKeys[0].Reference.Resource != "sources" {
		t.Errorf("key-figures keys: %+v %+v", r.Schema.PrimaryKey, r.Schema.ForeignKeys)
	}
	for _, f := range r.Schema.Fields {
		switch f.Name {
		case "theme":
			if f.Constraints == nil || len(f.Constraints.Enum) != len(data.Themes()) {
				t.Errorf("theme enum = %+v", f.Constraints)
			}
		case "qualifier":
			if f.Constraints == nil || strings.Join(f.Constraints.Enum, ",") != "more-than,at-least,almost" {
				t.Errorf("qualifier enum = %+v", f.Constraints)
			}
		}
	}
	f, err := os.Open(filepath.Join(dir, "key-figures.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	if err != nil || len(records) != len(b.KeyFigures)+1 {
		t.Fatalf("key-figures.csv copy: %d records, %v", len(records), err)
	}
	for i, k := range b.KeyFigures {
		if rec := records[i+1]; rec[0] != k.ID || rec[1] != k.FigureText {
			t.Errorf("row %d: %v, want %s = %s", i, rec[:2], k.ID, k.FigureText)
		}
	}
}
