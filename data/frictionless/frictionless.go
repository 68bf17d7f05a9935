// Package frictionless publishes the briefing data as a Frictionless Data Package
// (https://specs.frictionlessdata.io/): datapackage.json describing every column, next to
// byte-identical copies of the CSV files, so the figures can be reused with standard tools.
//
// It runs at build time only: it uses encoding/json and crypto, which the WebAssembly page must
// not carry.
package frictionless

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"briefing/data"
)

// Version is the version of the data package. Bump it when a figure or a column changes:
// major for a column change, minor for new figures, patch for corrections.
// 2.0.0: sources.csv gained page_to; key-figures.csv was added.
// 3.0.0: sources.csv gained speaker_fr.
const Version = "3.0.0"

// Name is the package name, also a safe file and URL stem.
const Name = "s-2020-911-briefing"

// Write writes dir/datapackage.json and a copy of sources.csv, key-figures.csv and of each
// dataset's <id>.csv, bytes identical to the files in files (normally data.Files()). b must come from parsing files.
// The created time is SOURCE_DATE_EPOCH when set, so that builds can be reproducible.
func Write(dir string, b *data.Briefing, files fs.FS) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	pkg := newPackage()
	for _, d := range b.Datasets {
		r, err := copyResource(dir, files, d.ID, d.Title, d.Description, datasetFields(d))
		if err != nil {
			return err
		}
		r.Schema.PrimaryKey = []string{keyColumn(d.Kind)}
		r.Schema.ForeignKeys = []foreignKey{{Fields: []string{"source"}, Reference: reference{Resource: "sources", Fields: []string{"id"}}}}
		pkg.Resources = append(pkg.Resources, r)
	}
	r, err := copyResource(dir, files, "key-figures", "Key figures",
		"The other figures of the briefing and of the members' statements (peacekeepers deployed, units assessed, "+
			"funding...), one per row, each with the words that state it and the sentence they are in.", keyFigureFields())
	if err != nil {
		return err
	}
	r.Schema.PrimaryKey = []string{"id"}
	r.Schema.ForeignKeys = []foreignKey{{Fields: []string{"source"}, Reference: reference{Resource: "sources", Fields: []string{"id"}}}}
	pkg.Resources = append(pkg.Resources, r)
	r, err = copyResource(dir, files, "sources", "Source sentences",
		"One verbatim sentence of S/2020/911 per row, with where it is printed; every figure cites one.", sourceFields())
	if err != nil {
		return err
	}
	r.Schema.PrimaryKey = []string{"id"}
	pkg.Resources = append(pkg.Resources, r)
	return writeJSON(filepath.Join(dir, "datapackage.json"), pkg)
}

// copyResource copies <id>.csv into dir and describes it; the schema follows the file's own
// header, so the description can never list a column the file does not have.
func copyResource(dir string, files fs.FS, id, title, description string, known map[string]field) (resource, error) {
	name := id + ".csv"
	raw, err := fs.ReadFile(files, name)
	if err != nil {
		return resource{}, err
	}
	header, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\uFEFF")))).Read()
	if err != nil {
		return resource{}, fmt.Errorf("%s: header: %w", name, err)
	}
	r := resource{
		Profile: "tabular-data-resource", Name: id, Path: name, Title: title, Description: description,
		Format: "csv", Mediatype: "text/csv", Encoding: "utf-8", Bytes: len(raw), Hash: sha256Hex(raw),
		Schema: schema{MissingValues: []string{""}},
	}
	for _, column := range header {
		f, ok := known[column]
		if !ok {
			return resource{}, fmt.Errorf("%s: no description for column %q", name, column)
		}
		f.Name = column
		r.Schema.Fields = append(r.Schema.Fields, f)
	}
	return r, os.WriteFile(filepath.Join(dir, name), raw, 0o644)
}

func sha256Hex(raw []byte) string {
	sum := sha256.Sum256(raw)
	return "sha256:" + hex.EncodeToString(sum[:])
}

func keyColumn(k data.Kind) string { return k.Columns()[0] }

// created is the package creation time: SOURCE_DATE_EPOCH (reproducible builds) or now.
func created() string {
	t := time.Now()
	if s, ok := os.LookupEnv("SOURCE_DATE_EPOCH"); ok {
		if sec, err := strconv.ParseInt(s, 10, 64); err == nil {
			t = time.Unix(sec, 0)
		}
	}
	return t.UTC().Truncate(time.Second).Format(time.RFC3339)
}

// writeJSON writes indented JSON without HTML escaping, so quotes and "<" stay readable.
func writeJSON(path string, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
