package export

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"briefing/data"
	"briefing/web/locale"
)

// JSON writes ds as an indented JSON document:
//
//	{
//	  "id": "fatalities", "kind": "series", "title": ..., "title_fr": ..., "unit": ..., "unit_fr": ...,
//	  "description": ..., "description_fr": ...,
//	  "rows": [{"period": "2017", "value": 59, "partial": false, "as_of": null, "note": null,
//	            "note_fr": null, "source": "lacroix-fatalities", "as_written": "59 in 2017"}, ...],
//	  "sources": [{"id": ..., "document": ..., "date": ..., "speaker": ..., "annex": ...,
//	               "page": 3, "quote": ...}, ...]
//	}
//
// Targets rows have "category", "label_fr", "group", "value", "target" instead of "period"
// and "partial". Numbers are written from Row.ValueText/TargetText so their precision is the
// source's; a figure that is not given, and an empty optional text, is null. "sources" holds the
// sources the rows cite, in the order first cited (empty for a reader's own data).
func JSON(ds data.Dataset, sources map[string]data.Source) []byte {
	return JSONIn(ds, sources, locale.EN)
}

// JSONIn is JSON for a reader of a language: the keys and values are the same in every
// language (both languages' texts are there: title and title_fr, speaker and speaker_fr...);
// "lang" names the reader's language and "labels" says each key in it (lang.go), so a French
// reader finds "période" for "period".
func JSONIn(ds data.Dataset, sources map[string]data.Source, l locale.Lang) []byte {
	var w jsonWriter
	w.open('{')
	w.str("id", ds.ID)
	w.str("kind", string(ds.Kind))
	w.str("lang", string(l))
	w.key("labels")
	w.open('{')
	keys := []string{"period", "value", "partial"}
	if ds.Kind == data.Targets {
		keys = []string{"category", "group", "value", "target"}
	}
	for _, k := range append(keys, "as_of", "note", "source", "as_written", "document", "date", "speaker", "annex", "page", "quote") {
		w.str(k, column(k, l))
	}
	w.close('}')
	w.str("title", ds.Title)
	w.str("title_fr", ds.TitleFR)
	w.str("unit", ds.Unit)
	w.str("unit_fr", ds.UnitFR)
	w.str("description", ds.Description)
	w.str("description_fr", ds.DescriptionFR)
	w.key("rows")
	w.open('[')
	for _, r := range ds.Rows {
		w.elem()
		w.open('{')
		if ds.Kind == data.Targets {
			w.str("category", r.Key)
			w.optStr("label_fr", r.LabelFR)
			w.optStr("group", r.Group)
			w.raw("value", jsonNumber(r.HasValue, r.ValueText, r.Value))
			w.raw("target", jsonNumber(r.HasTarget, r.TargetText, r.Target))
		} else {
			w.str("period", r.Key)
			w.raw("value", jsonNumber(r.HasValue, r.ValueText, r.Value))
			w.raw("partial", strconv.FormatBool(r.Partial))
		}
		w.optStr("as_of", r.AsOf)
		w.optStr("note", r.Note)
		w.optStr("note_fr", r.NoteFR)
		w.optStr("source", r.SourceID)
		w.optStr("as_written", r.AsWritten)
		w.close('}')
	}
	w.close(']')
	w.key("sources")
	w.open('[')
	for _, s := range referenced(ds, sources) {
		w.elem()
		w.open('{')
		w.str("id", s.ID)
		w.str("document", s.Document)
		w.str("date", s.Date)
		w.str("speaker", s.Speaker)
		w.str("speaker_fr", s.SpeakerFR)
		w.str("annex", s.Annex)
		w.str("annex_fr", frenchAnnex(s.Annex))
		page := "null"
		if s.Page > 0 {
			page = strconv.Itoa(s.Page)
		}
		w.raw("page", page)
		w.str("quote", s.Quote)
		w.close('}')
	}
	w.close(']')
	w.close('}')
	w.b.WriteByte('\n')
	return []byte(w.b.String())
}

// jsonWriter writes indented JSON; it tracks whether the current object or array has members.
type jsonWriter struct {
	b     strings.Builder
	depth int
	count []int // members written so far, per open level
}

func (w *jsonWriter) open(c byte) {
	w.b.WriteByte(c)
	w.depth++
	w.count = append(w.count, 0)
}

func (w *jsonWriter) close(c byte) {
	n := w.count[len(w.count)-1]
	w.count = w.count[:len(w.count)-1]
	w.depth--
	if n > 0 {
		w.newline()
	}
	w.b.WriteByte(c)
}

func (w *jsonWriter) newline() {
	w.b.WriteByte('\n')
	for i := 0; i < w.depth; i++ {
		w.b.WriteString("  ")
	}
}

// elem starts a member: a comma after the previous one, then a new indented line.
func (w *jsonWriter) elem() {
	if w.count[len(w.count)-1] > 0 {
		w.b.WriteByte(',')
	}
	w.count[len(w.count)-1]++
	w.newline()
}

func (w *jsonWriter) key(k string) {
	w.elem()
	w.b.WriteString(Quote(k))
	w.b.WriteString(": ")
}

func (w *jsonWriter) raw(k, v string) {
	w.key(k)
	w.b.WriteString(v)
}

func (w *jsonWriter) str(k, v string) { w.raw(k, Quote(v)) }

// optStr writes null for an empty text: the field exists but has no value.
func (w *jsonWriter) optStr(k, v string) {
	if v == "" {
		w.raw(k, "null")
		return
	}
	w.str(k, v)
}

// jsonNumber is the JSON number for a figure: its text as written when that is a valid JSON
// number ("22.6"), with redundant leading zeros dropped ("08" -> "8"); otherwise the value
// itself; null when the figure is not given or not finite.
func jsonNumber(has bool, text string, v float64) string {
	if !has {
		return "null"
	}
	if isPlainNumber(text) {
		neg := text[0] == '-'
		t := strings.TrimPrefix(text, "-")
		for len(t) > 1 && t[0] == '0' && t[1] != '.' {
			t = t[1:]
		}
		if neg {
			t = "-" + t
		}
		return t
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "null"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

const hex = "0123456789abcdef"

// Quote returns s as a JSON string. It escapes quotes, backslashes and control characters,
// U+2028 and U+2029 (line breaks to JavaScript) and < > & (so the text is safe inside HTML);
// invalid UTF-8 becomes U+FFFD, so the output is always valid JSON.
func Quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteString(`\ufffd`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == '<' || r == '>' || r == '&' || r == 0x7f:
			b.WriteString(`\u00`)
			b.WriteByte(hex[r>>4])
			b.WriteByte(hex[r&0xf])
		case r == '\u2028':
			b.WriteString(`\u2028`)
		case r == '\u2029':
			b.WriteString(`\u2029`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
