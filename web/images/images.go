// Package images serves the briefing's charts as image files rendered on demand:
//
//	GET /charts/<dataset>.svg[?lang=en|fr&theme=light|dark|projector&width=320..1920&targets=on|off]
//	GET /charts/<dataset>.png[?...]   the same chart as a PNG at twice the width in pixels
//
// The chart is the one the page shows (view.Spec) for that state and width, framed as
// view.Image says: the dataset's title and headline above it, its notes in its legend and
// the source line under it, laid out at the width asked for. The SVG is a standalone file
// (chart.RenderImage): explicit size and text drawn as outlines of the font it was measured
// with, so it opens by itself, and looks the same, in a browser, an editor or a slide
// program; the PNG is the same image drawn by chart.RenderImagePNG.
//
// Every parameter is validated: an unknown dataset or format is 404; an unknown parameter,
// a repeated one or a value that is not one of the listed ones is 400 with a plain-text
// message saying what is accepted; an empty value means the default. A width outside
// MinWidth..MaxWidth is clamped to it, so any whole number gives a usable image.
//
// The handler is pure Go and keeps no state between requests (a Worker starts a fresh
// instance for each), so it renders on every request; its ETag is a hash of the bytes, which
// lets clients revalidate cheaply. It sets no security headers: wrap it with server.Headers.
package images

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"briefing/data"
	"briefing/web/chart"
	"briefing/web/export"
	"briefing/web/locale"
	"briefing/web/server"
	"briefing/web/state"
	"briefing/web/view"
)

// Prefix is the path the handler answers under.
const Prefix = "/charts/"

// Widths in px (the SVG's size; the PNG has PNGScale times as many pixels).
const (
	MinWidth     = 320
	MaxWidth     = 1920
	DefaultWidth = view.WideWidth
	PNGScale     = 2
)

// CacheControl is sent with every image: the charts change only with a deploy, like the data
// files, which the static server caches for as long (see server.CacheControl).
const CacheControl = "public, max-age=300"

// Content types, as the static server sends them for .svg and .png files.
const (
	svgType = "image/svg+xml"
	pngType = "image/png"
)

// Handler serves Prefix + "<dataset>.svg" and ".png" from a parsed briefing.
type Handler struct {
	b     *data.Briefing
	ids   []string // sorted, for messages
	known map[string]data.Dataset
}

// New returns the handler for b's datasets. b must come from data.Load or data.Parse.
func New(b *data.Briefing) *Handler {
	h := &Handler{b: b, known: map[string]data.Dataset{}}
	for _, ds := range b.Datasets {
		h.known[ds.ID] = ds
		h.ids = append(h.ids, ds.ID)
	}
	sort.Strings(h.ids)
	return h
}

// Options is what a request asks for besides the dataset and format.
type Options struct {
	Lang    locale.Lang
	Theme   state.Theme
	Targets bool // draw the target markers (datasets with targets)
	Width   int  // MinWidth..MaxWidth
}

// DefaultOptions is what a request without parameters gets: the page's default view, wide, in
// the light theme (an image cannot follow the reader's system theme as the page does).
func DefaultOptions() Options {
	return Options{Lang: state.Default().Lang, Theme: state.Light, Targets: true, Width: DefaultWidth}
}

// state is the page's view state that draws dataset id as the options ask.
func (o Options) state(id string) state.State {
	s := state.Default()
	s.Lang, s.Theme = o.Lang, o.Theme
	if !o.Targets {
		s.Views = map[string]state.View{id: {NoTargets: true}}
	}
	return s
}

// params lists the accepted query parameters with what they take, for messages.
var params = []string{"lang (en, fr)", "theme (light, dark, projector)",
	"width (" + strconv.Itoa(MinWidth) + " to " + strconv.Itoa(MaxWidth) + ")", "targets (on, off)"}

// ParseQuery reads a raw query string ("lang=fr&width=640"). The error says what is wrong
// and what is accepted, in words fit for the 400 response.
func ParseQuery(raw string) (Options, error) {
	o := DefaultOptions()
	q, err := url.ParseQuery(raw)
	if err != nil {
		return o, fmt.Errorf("malformed query string: %v", shortErr(err))
	}
	names := make([]string, 0, len(q))
	for name := range q {
		names = append(names, name)
	}
	sort.Strings(names) // the first problem reported does not depend on map order
	for _, name := range names {
		vals := q[name]
		if len(vals) > 1 {
			return o, fmt.Errorf("parameter %s is given %d times; give it once", clip(name), len(vals))
		}
		v := strings.TrimSpace(vals[0])
		if v == "" {
			if !isParam(name) {
				return o, unknownParam(name)
			}
			continue // empty means the default
		}
		switch name {
		case "lang":
			switch strings.ToLower(v) {
			case "en":
				o.Lang = locale.EN
			case "fr":
				o.Lang = locale.FR
			default:
				return o, fmt.Errorf("lang=%s: use en or fr", clip(v))
			}
		case "theme":
			t, ok := chart.ThemeByName(v)
			if !ok {
				return o, fmt.Errorf("theme=%s: use light, dark or projector", clip(v))
			}
			o.Theme = state.Theme(t.Name)
		case "width":
			w, ok := parseWidth(v)
			if !ok {
				return o, fmt.Errorf("width=%s: use a whole number of px (%d to %d; others are clamped)", clip(v), MinWidth, MaxWidth)
			}
			o.Width = w
		case "targets":
			switch strings.ToLower(v) {
			case "on":
				o.Targets = true
			case "off":
				o.Targets = false
			default:
				return o, fmt.Errorf("targets=%s: use on or off", clip(v))
			}
		default:
			return o, unknownParam(name)
		}
	}
	return o, nil
}

func isParam(name string) bool {
	switch name {
	case "lang", "theme", "width", "targets":
		return true
	}
	return false
}

func unknownParam(name string) error {
	return fmt.Errorf("unknown parameter %s: use %s", clip(name), strings.Join(params, ", "))
}

// parseWidth accepts ASCII digits only and clamps the number to MinWidth..MaxWidth, so a
// huge value can neither overflow nor make a huge image.
func parseWidth(v string) (int, bool) {
	if v == "" || !allDigits(v) {
		return 0, false
	}
	if len(v) > 9 {
		return MaxWidth, true
	}
	n, _ := strconv.Atoi(v) // at most 9 digits: cannot fail
	return min(max(n, MinWidth), MaxWidth), true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// clip quotes user input for a message, cut to a readable length.
func clip(s string) string {
	const max = 40
	if len(s) > max {
		return strconv.Quote(s[:max]) + "…"
	}
	return strconv.Quote(s)
}

// shortErr keeps a parse error's message short: it may quote the client's input.
func shortErr(err error) string {
	s := err.Error()
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return s
}

// ServeHTTP answers GET and HEAD for Prefix + "<dataset>.svg" or ".png".
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		server.PlainError(w, r, http.StatusMethodNotAllowed, "method not allowed: use GET or HEAD")
		return
	}
	ds, format, ok := h.route(r.URL.Path)
	if !ok {
		server.PlainError(w, r, http.StatusNotFound, "no such chart: use "+Prefix+"<dataset>.svg or .png with a dataset of "+
			strings.Join(h.ids, ", "))
		return
	}
	opt, err := ParseQuery(r.URL.RawQuery)
	if err != nil {
		server.PlainError(w, r, http.StatusBadRequest, err.Error())
		return
	}
	body, err := h.Render(ds.ID, format, opt)
	if err != nil {
		log.Printf("images: %s.%s %+v: %v", ds.ID, format, opt, err)
		server.PlainError(w, r, http.StatusInternalServerError, "the chart could not be drawn")
		return
	}
	sum := sha256.Sum256(body)
	hdr := w.Header()
	hdr.Set("Content-Type", map[string]string{"svg": svgType, "png": pngType}[format])
	hdr.Set("Cache-Control", CacheControl)
	hdr.Set("ETag", `"`+hex.EncodeToString(sum[:16])+`"`)
	hdr.Set("Content-Disposition", `inline; filename="`+FileName(ds.ID, format, opt)+`"`)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// route splits Prefix + "<id>.<ext>" into a known dataset and "svg" or "png".
func (h *Handler) route(p string) (data.Dataset, string, bool) {
	name, ok := strings.CutPrefix(p, Prefix)
	if !ok {
		return data.Dataset{}, "", false
	}
	id, format, ok := strings.Cut(name, ".")
	if !ok || (format != "svg" && format != "png") {
		return data.Dataset{}, "", false
	}
	ds, ok := h.known[id]
	return ds, format, ok
}

// Render draws dataset id as "svg" or "png" with the options (which it does not validate
// beyond what the renderer checks: use ParseQuery for input).
func (h *Handler) Render(id, format string, opt Options) ([]byte, error) {
	ds, ok := h.known[id]
	if !ok {
		return nil, fmt.Errorf("images: unknown dataset %q", id)
	}
	spec, frame := view.Image(h.b, ds, opt.state(ds.ID), opt.Width)
	switch format {
	case "svg":
		res, err := chart.RenderImage(spec, frame)
		if err != nil {
			return nil, err
		}
		return []byte(res.SVG), nil
	case "png":
		return chart.RenderImagePNG(spec, frame, PNGScale)
	}
	return nil, fmt.Errorf("images: unknown format %q", format)
}

// FileName is the name a browser saves the image under, e.g. "fatalities-fr-dark-960.svg"
// (targets-off is added when the targets are hidden).
func FileName(id, format string, opt Options) string {
	parts := []string{id, string(opt.Lang), string(opt.Theme), strconv.Itoa(opt.Width)}
	if !opt.Targets {
		parts = append(parts, "targets-off")
	}
	return export.FileName(append(parts, "."+format)...)
}
