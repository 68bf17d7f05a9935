package data

import "strings"

// Column lists. Every listed column is required, in any order after the leading ones, so the
// files stay uniform for spreadsheets and for the data package schema.
var (
	datasetsColumns = []string{"id", "kind", "title_en", "title_fr", "unit_en", "unit_fr", "description_en", "description_fr"}
	sourcesColumns  = []string{"id", "document", "date", "speaker", "speaker_fr", "annex", "page", "page_to", "quote"}
	seriesColumns   = []string{"period", "value", "partial", "as_of", "note", "note_fr", "source", "as_written"}
	targetsColumns  = []string{"category", "value", "target", "group", "label_fr", "as_of", "note", "note_fr", "source", "as_written"}
)

// Columns returns the header of a dataset file of this kind (nil for an unknown kind).
// Its leading columns (period,value or category,value,target) must come first.
func (k Kind) Columns() []string {
	switch k {
	case Series:
		return append([]string(nil), seriesColumns...)
	case Targets:
		return append([]string(nil), targetsColumns...)
	}
	return nil
}

// lead is the fixed start of the header, which readers rely on.
func (k Kind) lead() []string {
	if k == Series {
		return seriesColumns[:2]
	}
	return targetsColumns[:3]
}

// IndexColumns returns the headers of datasets.csv and sources.csv.
func IndexColumns() (datasets, sources []string) {
	return append([]string(nil), datasetsColumns...), append([]string(nil), sourcesColumns...)
}

// datasetMeta is a datasets.csv row before its file is read; line points back at it.
type datasetMeta struct {
	Dataset
	line int
}

// parseDatasets reads the index. listed holds every id named, valid or not, so that a file
// is not also reported as unlisted when only its index row is wrong.
func parseDatasets(t *table, p *problems) (metas []datasetMeta, listed map[string]bool) {
	listed = map[string]bool{}
	for _, rec := range t.rows {
		before := len(p.list)
		d := datasetMeta{line: rec.line, Dataset: Dataset{
			ID: t.cell(rec, "id"), Kind: Kind(t.cell(rec, "kind")),
			Title: t.cell(rec, "title_en"), TitleFR: t.cell(rec, "title_fr"),
			Unit: t.cell(rec, "unit_en"), UnitFR: t.cell(rec, "unit_fr"),
			Description: t.cell(rec, "description_en"), DescriptionFR: t.cell(rec, "description_fr"),
		}}
		checkDatasetID(t, rec, d.ID, listed, p)
		if d.Kind.Columns() == nil {
			p.add(t.file, rec.line, "kind", "unknown kind %q (expected %s or %s)", d.Kind, Series, Targets)
		}
		requireText(t, rec, datasetsColumns[2:], p)
		if len(p.list) == before {
			metas = append(metas, d)
		}
	}
	if len(t.rows) == 0 {
		p.add(t.file, 1, "", "no datasets listed")
	}
	return metas, listed
}

// checkDatasetID rejects ids that cannot be file names or that repeat, and records the id.
func checkDatasetID(t *table, rec record, id string, listed map[string]bool, p *problems) {
	switch {
	case !isID(id):
		p.add(t.file, rec.line, "id", "%q is not a dataset id (lowercase letters, digits and hyphens)", id)
	case isIndexFile(id + ".csv"):
		p.add(t.file, rec.line, "id", "%q is reserved", id)
	case listed[id]:
		p.add(t.file, rec.line, "id", "duplicate dataset id %q", id)
	}
	listed[id] = true
}

// requireText reports each named cell that is empty: titles, units and descriptions are shown
// to readers in both languages, so none may be missing.
func requireText(t *table, rec record, columns []string, p *problems) {
	for _, c := range columns {
		if strings.TrimSpace(t.cell(rec, c)) == "" {
			p.add(t.file, rec.line, c, "missing text")
		}
	}
}

// parseSources reads sources.csv into a map by id.
func parseSources(t *table, p *problems) map[string]Source {
	sources := map[string]Source{}
	for _, rec := range t.rows {
		s := Source{
			ID: t.cell(rec, "id"), Document: t.cell(rec, "document"), Date: t.cell(rec, "date"),
			Speaker: t.cell(rec, "speaker"), SpeakerFR: t.cell(rec, "speaker_fr"), Annex: t.cell(rec, "annex"), Quote: t.cell(rec, "quote"),
		}
		if _, dup := sources[s.ID]; dup {
			p.add(t.file, rec.line, "id", "duplicate source id %q", s.ID)
		} else if !isID(s.ID) {
			p.add(t.file, rec.line, "id", "%q is not a source id (lowercase letters, digits and hyphens)", s.ID)
		}
		requireText(t, rec, []string{"document", "speaker", "speaker_fr", "quote"}, p)
		if problem := checkDate(s.Date, false); problem != "" {
			p.add(t.file, rec.line, "date", "%s", problem)
		}
		var ok bool
		if s.Page, ok = positiveInt(t.cell(rec, "page")); !ok {
			p.add(t.file, rec.line, "page", "%q is not a positive whole number", t.cell(rec, "page"))
		}
		if to := t.cell(rec, "page_to"); to != "" {
			if s.PageTo, ok = positiveInt(to); !ok {
				p.add(t.file, rec.line, "page_to", "%q is not a positive whole number", to)
			} else if s.PageTo <= s.Page {
				p.add(t.file, rec.line, "page_to", "%q must be after page %d: leave it empty when the page is certain", to, s.Page)
			}
		}
		sources[s.ID] = s
	}
	return sources
}
