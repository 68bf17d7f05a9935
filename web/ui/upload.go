package ui

import (
	"github.com/vugu/vugu"

	"briefing/data/upload"
	"briefing/web/view"
)

// Upload lets readers chart their own CSV: a file (chosen or dropped, read by the browser
// build, see wasm/upload.go) or pasted text.
type Upload struct {
	Words  view.Words
	Limits string // what a file may hold (view.UploadLimits)
	Err    string
	Notes  []string // about the last file that charted
	Add    func(name string, b []byte)
	// Title is the title the reader typed for their next file (Root.UploadTitle);
	// SetTitle keeps it.
	Title, TitleLabel string
	SetTitle          func(string)
	text              string
}

// SetText keeps the pasted text (the change event fires when the text area loses focus,
// which happens before the button's click).
func (c *Upload) SetText(e vugu.DOMEvent) { c.text = e.PropString("target", "value") }

// ChartPasted charts the pasted text.
func (c *Upload) ChartPasted() {
	if c.text != "" {
		c.Add(upload.PastedName, []byte(c.text)) // each paste is a card of its own (Root.AddUpload)
	}
}
