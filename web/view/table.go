package view

import (
	"fmt"
	"slices"
	"sort"
	"strconv"

	"briefing/data"
	"briefing/data/upload"
	"briefing/web/state"
)

// Column is a table header.
type Column struct {
	Key      string // sort key, "" when the column does not sort
	Label    string
	Numeric  bool
	AriaSort string // "ascending", "descending" or "none" for sortable columns; "" otherwise
	SortHint string // accessible name of the sort button
}

// Cell is a table cell; Num is what numeric sorting uses.
type Cell struct {
	Text string
	Num  float64
	Has  bool // the cell has a number (missing figures sort last)
}

// TableRow is one figure.
type TableRow struct {
	Cells   []Cell
	Partial bool
	Source  string // "S/2020/911, p. 5" or "" for the reader's own data
}

// Table is a dataset as an accessible table.
type Table struct {
	Caption string
	Columns []Column
	Rows    []TableRow
}

// NewTable lays a dataset out as a table, sorted as the view asks.
func NewTable(b *data.Briefing, ds data.Dataset, s state.State) Table {
	l, w, v := s.Lang, For(s.Lang), s.View(ds.ID)
	t := Table{Caption: title(ds, l)}
	if u := unit(ds, l); u != "" {
		t.Caption += " (" + u + ")"
	}
	// A reader's file is headed with its own column names, as written.
	file := upload.IsUpload(ds)
	header := func(own, ours string) string {
		if file && own != "" {
			return own
		}
		return ours
	}
	if ds.Kind == data.Targets {
		value, target, gap := w.Value+" (%)", w.TargetCol+" (%)", w.GapCol
		if file && !percentValues(&ds) {
			gap = w.GapPlain
		}
		t.Columns = []Column{{Key: "category", Label: header(ds.KeyLabel, w.Category)}, {Key: "value", Label: header(ds.ValueLabel, value), Numeric: true},
			{Key: "target", Label: header(ds.TargetLabel, target), Numeric: true}, {Key: "gap", Label: gap, Numeric: true}}
	} else {
		value := w.Value
		if u := unit(ds, l); u != "" {
			value += " (" + u + ")"
		}
		t.Columns = []Column{{Key: "period", Label: header(ds.KeyLabel, w.Period)}, {Key: "value", Label: header(ds.ValueLabel, value), Numeric: true}}
	}
	t.Columns = append(t.Columns, Column{Label: w.Note}, Column{Label: w.Source})
	for i, r := range ds.Rows {
		t.Rows = append(t.Rows, tableRow(b, ds, r, i, s))
	}
	if file && ds.Kind == data.Targets && ds.TargetLabel == "" {
		// A reader's file without a target column: no target, no gap columns.
		t.Columns = slices.Delete(t.Columns, 2, 4)
		for i := range t.Rows {
			t.Rows[i].Cells = slices.Delete(t.Rows[i].Cells, 2, 4)
		}
	}
	sortRows(t, v)
	for i, c := range t.Columns {
		if c.Key == "" {
			continue
		}
		t.Columns[i].AriaSort, t.Columns[i].SortHint = "none", fmt.Sprintf(w.SortBy, c.Label)
		if c.Key == v.Sort {
			t.Columns[i].AriaSort = map[bool]string{false: "ascending", true: "descending"}[v.Desc]
		}
	}
	return t
}

func tableRow(b *data.Briefing, ds data.Dataset, r data.Row, i int, s state.State) TableRow {
	l, w := s.Lang, For(s.Lang)
	label := Cell{Text: rowLabel(ds, r, l), Num: float64(i), Has: true} // label sorts in source order
	val := numCell(r.HasValue, r.Value, l.Decimal(r.ValueText), w.NoFigure)
	row := TableRow{Partial: r.Partial}
	if ds.Kind == data.Targets {
		gap := Cell{Text: "—"}
		if r.HasValue && r.HasTarget {
			g, dec := Gap(r)
			gap = Cell{Text: signedGap(l, g, dec, percentValues(&ds)), Num: g, Has: true}
		}
		row.Cells = []Cell{label, val, numCell(r.HasTarget, r.Target, l.Decimal(r.TargetText), "—"), gap}
	} else {
		if r.Partial {
			val.Text += " (" + w.PartialFlag + ")"
		}
		row.Cells = []Cell{label, val}
	}
	row.Cells = append(row.Cells, Cell{Text: note(r, l)})
	if src, ok := b.Sources[r.SourceID]; ok {
		// A no-break space keeps "p." with its number in a narrow column.
		row.Source = src.Document + ", " + w.Page + "\u00a0" + pageText(src)
		if pageText(src) != strconv.Itoa(src.Page) {
			row.Source = src.Document + ", " + w.Pages + "\u00a0" + pageText(src)
		}
	}
	row.Cells = append(row.Cells, Cell{Text: row.Source})
	return row
}

func numCell(has bool, v float64, text, missing string) Cell {
	if !has {
		return Cell{Text: missing}
	}
	return Cell{Text: text, Num: v, Has: true}
}

// sortRows orders rows by the view's sort column; figures not given always sort last.
func sortRows(t Table, v state.View) {
	col := slices.IndexFunc(t.Columns, func(c Column) bool { return c.Key != "" && c.Key == v.Sort })
	if col < 0 {
		return
	}
	// sort.SliceStable, not slices.SortStableFunc: each generic instantiation adds its own
	// copy of the sorting code to the wasm.
	sort.SliceStable(t.Rows, func(i, j int) bool {
		x, y := t.Rows[i].Cells[col], t.Rows[j].Cells[col]
		if x.Has != y.Has {
			return x.Has
		}
		if v.Desc {
			return x.Num > y.Num
		}
		return x.Num < y.Num
	})
}
