package ui

import (
	"briefing/web/page"
	"briefing/web/view"
)

// DataTable is a dataset as an accessible, sortable table.
type DataTable struct {
	Table  view.Table
	Rows   page.Block // the table's rows (tableRows), kept out of Vugu's tree while Live
	Live   bool       // in the browser (see Block)
	Blocks Blocks     // shows Rows in the browser
	Sort   func(column string)
}

// ariaSort is the aria-sort value of a header; nil omits the attribute on columns that
// do not sort (an empty aria-sort is invalid).
func ariaSort(col view.Column) any {
	if col.AriaSort == "" {
		return nil
	}
	return col.AriaSort
}

func sortIcon(ariaSort string) string {
	switch ariaSort {
	case "ascending":
		return " ▲"
	case "descending":
		return " ▼"
	}
	return " ↕"
}

func numClass(numeric bool) any {
	if numeric {
		return "num"
	}
	return nil
}
