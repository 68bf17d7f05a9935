package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	htmltok "github.com/vugu/html"
	"github.com/vugu/vugu"
	"github.com/vugu/vugu/staticrender"

	"briefing/data"
	"briefing/web/locale"
	"briefing/web/state"
	"briefing/web/ui"
	"briefing/web/view"
)

// TestFrenchViewsHaveNoEnglish renders everything a French reader can see — the prerendered
// French page with its <noscript> block, tab title and loading text, each dataset as a table,
// the chart variants, every slide, every embed, the error banner, a reader's own file, a
// search, loader.js's texts and error banner, offline.js's notice, and the CSV and JSON downloads — and fails on any
// text of the English word table (view.Words and view.PageWords) in it. Text marked as English
// (lang="en": the briefing's quotes, the language switch, links to the English page) is left
// out, as are the columns of a download that stay in English by design (the quote). It also
// fails on a straight apostrophe in French text: French typography wants ’.
func TestFrenchViewsHaveNoEnglish(t *testing.T) {
	english := englishFragments()
	if len(english) < 80 {
		t.Fatalf("only %d English fragments: the word table was not read", len(english))
	}
	straight := regexp.MustCompile(`\pL'\pL`)
	views := frenchViews(t)
	if len(views) < 20 {
		t.Fatalf("only %d French views", len(views))
	}
	for _, v := range views {
		if len(v.texts) == 0 {
			t.Errorf("%s: no text to check", v.name)
		}
		for _, text := range v.texts {
			for _, en := range english {
				if containsWord(text, en) {
					t.Errorf("%s: English %q in %q", v.name, en, clip(text, en))
				}
			}
			if m := straight.FindString(text); m != "" {
				t.Errorf("%s: straight apostrophe %q in %q", v.name, m, clip(text, m))
			}
		}
	}
}

// TestPluralsInFrench: the key figures' count says "1 chiffre sur 21" on the French page.
func TestPluralsInFrench(t *testing.T) {
	b, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	var one string // a search that finds exactly one key figure
	for _, k := range b.KeyFigures {
		if n := len(view.KeyFigures(b, k.ID, "", locale.FR).Rows); n == 1 {
			one = k.ID
			break
		}
	}
	if one == "" {
		t.Skip("no search finds exactly one key figure")
	}
	s := state.Default()
	s.Lang, s.Query = locale.FR, one
	page := render(t, &ui.Root{Briefing: b, State: s, Prerender: true})
	if want := fmt.Sprintf("1 chiffre sur %d", len(b.KeyFigures)); !strings.Contains(page, want) {
		t.Errorf("a search with one result does not say %q", want)
	}
}

// frenchView is the text of one French view, in pieces.
type frenchView struct {
	name  string
	texts []string
}

// sameInBoth are the words of the table that French writes as English does. Any other word
// the same in both languages is a French word left in English, and is looked for.
var sameInBoth = map[string]bool{"Source": true, "Sources": true, "Note": true, "Page": true}

// englishFragments are the English word table's texts, cut at their format verbs, without the
// punctuation around them; pieces under 4 characters (of, p., pp, MB), words French shares
// (sameInBoth) and pieces the French text has too (names such as S/2020/911) are left out.
func englishFragments() []string {
	verb := regexp.MustCompile(`%[sd%]`)
	var out []string
	seen := map[string]bool{}
	pairs := [][2]any{{view.For(locale.EN), view.For(locale.FR)}, {view.PageFor(locale.EN), view.PageFor(locale.FR)},
		{view.NoticesFor(locale.EN), view.NoticesFor(locale.FR)}}
	for _, p := range pairs {
		en, fr := reflect.ValueOf(p[0]), reflect.ValueOf(p[1])
		for i := 0; i < en.NumField(); i++ {
			if en.Field(i).Kind() != reflect.String {
				continue
			}
			e, f := en.Field(i).String(), fr.Field(i).String()
			if sameInBoth[en.Type().Field(i).Name] {
				continue
			}
			for _, frag := range verb.Split(e, -1) {
				frag = strings.TrimFunc(frag, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
				if utf8.RuneCountInString(frag) < 4 || (e != f && strings.Contains(f, frag)) || seen[frag] {
					continue
				}
				seen[frag] = true
				out = append(out, frag)
			}
		}
	}
	// The downloads' English column names and flags (web/export), which French says otherwise.
	return append(out, "period", "category", "value", "target", "partial", "group", "as_of", "speaker", "annex", "quote", "as_written", "true", "false", "uniformed", "civilian")
}

// containsWord reports whether text has word (case as written) not inside a longer word or name.
func containsWord(text, word string) bool {
	for at := 0; ; {
		i := strings.Index(text[at:], word)
		if i < 0 {
			return false
		}
		i += at
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+len(word):])
		if !inWord(before) && !inWord(after) {
			return true
		}
		at = i + 1
	}
}

// inWord: a letter, or a joiner of names such as key-figures.csv and as_of.
func inWord(r rune) bool { return unicode.IsLetter(r) || r == '-' || r == '_' || r == '/' }

func clip(text, around string) string {
	i := strings.Index(text, around)
	from, to := max(0, i-60), min(len(text), i+len(around)+60)
	return strings.ToValidUTF8(text[from:to], "")
}

// frenchViews renders every French view.
func frenchViews(t *testing.T) []frenchView {
	t.Helper()
	b, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	var views []frenchView
	add := func(name, html string) { views = append(views, frenchView{name, pageTexts(t, html)}) }

	// The prerendered French page, as the build writes index.fr.html.
	page, err := prerender(b, false, locale.FR)
	if err != nil {
		t.Fatal(err)
	}
	shell := `<!doctype html>
<html lang="en">
<head><title>x</title><meta name="description" content="x"></head>
<body><!--noscript--><!--app-->
<div id="loader"><span class="loader-text">x</span></div>
<script src="loader.js" data-wasm="{{wasm}}" data-size="{{wasm-size}}"></script>
<script src="offline.js"></script></body></html>`
	filled, err := fill(shell, page, noscriptHTML(noscriptItems(b), false, locale.FR), wasmFile{Name: "app.wasm", Raw: 1})
	if err == nil {
		filled, err = localize(filled, locale.FR)
	}
	if err != nil {
		t.Fatal(err)
	}
	add("prerendered page", filled)
	add("noscript block", noscriptHTML(noscriptItems(b), false, locale.FR))
	add("one-file noscript block", noscriptHTML(noscriptItems(b), true, locale.FR))

	// loader.js's texts: its progress line and its error banner.
	var loader map[string]map[string]string
	if err := json.Unmarshal([]byte(loaderWords()), &loader); err != nil {
		t.Fatal(err)
	}
	var lw []string
	for _, v := range loader["fr"] {
		lw = append(lw, v)
	}
	views = append(views, frenchView{"loader and its error banner", lw})

	// offline.js's notice: a newer version is installed.
	var offline map[string]map[string]string
	if err := json.Unmarshal([]byte(offlineWords()), &offline); err != nil {
		t.Fatal(err)
	}
	var ow []string
	for _, v := range offline["fr"] {
		ow = append(ow, v)
	}
	views = append(views, frenchView{"the newer-version notice", ow})

	fr := func() state.State { s := state.Default(); s.Lang = locale.FR; return s }
	root := func(s state.State) *ui.Root {
		r := &ui.Root{Briefing: b, State: s, Prerender: true}
		r.AddUpload("chiffres.csv", []byte("période,valeur\n2021,13\n2022,9\n"))
		r.AddUpload("objectifs.csv", []byte("catégorie,valeur,objectif\nA,12,15\nB,20,18\n"))
		return r
	}
	// Tables, the other chart variants, without values and targets.
	tables, variants := fr(), fr()
	for _, ds := range b.Datasets {
		tables = state.Reduce(tables, state.SetTable{Dataset: ds.ID, On: true})
		variants = state.Reduce(variants, state.SetValues{Dataset: ds.ID, On: false})
		variants = state.Reduce(variants, state.SetTargets{Dataset: ds.ID, On: false})
	}
	for _, id := range []string{"upload-1", "upload-2"} { // readers' cards are numbered
		tables = state.Reduce(tables, state.SetTable{Dataset: id, On: true})
	}
	variants = state.Reduce(variants, state.SetVariant{Dataset: "fatalities", Variant: state.Line})
	variants = state.Reduce(variants, state.SetVariant{Dataset: "parity", Variant: state.Gap})
	add("explorer with readers' files", render(t, root(fr())))
	add("tables", render(t, root(tables)))
	add("variants", render(t, root(variants)))
	search := fr()
	search.Query = "zzzz-nothing"
	add("search with no result", render(t, root(search)))
	withErr := root(fr())
	withErr.Err = "test"
	add("error banner", render(t, withErr))
	// What the page says about odd links, other readers' cards and a crowded file.
	for _, q := range []string{"embed=nope&lang=fr", "slide=99&lang=fr"} {
		add("link "+q, render(t, root(state.Decode(q, state.KindsOf(b.Datasets)))))
	}
	foreign := root(fr())
	foreign.Foreign = true
	var crowded strings.Builder
	crowded.WriteString("catégorie,valeur\n")
	for i := range 300 {
		fmt.Fprintf(&crowded, "c%d,%d\n", i, i)
	}
	foreign.AddUpload("beaucoup.csv", []byte(crowded.String()))
	add("another reader's card, a crowded file", render(t, foreign))
	slides := root(fr()).SlideCount()
	if slides < 3 {
		t.Fatalf("%d slides", slides)
	}
	for i := 1; i <= slides; i++ {
		s := fr()
		s.Slide = i
		add(fmt.Sprintf("slide %d", i), render(t, root(s)))
	}
	for _, ds := range b.Datasets {
		s := fr()
		s.Embed = ds.ID
		add("embed "+ds.ID, render(t, root(s)))
		s.Bare = true
		add("bare embed "+ds.ID, render(t, root(s)))
	}

	// The downloads: every CSV cell but the quotes (in English, said so in the header); the
	// JSON's labels and French texts (its English texts sit beside them under their own keys).
	r := root(fr())
	for _, ds := range append(b.Datasets, r.Uploads...) {
		body, _, _, err := r.File(ds.ID, "csv")
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\uFEFF")))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		var cells []string
		for _, rec := range recs {
			cells = append(cells, rec[:len(rec)-1]...)
		}
		views = append(views, frenchView{"CSV " + ds.ID, cells})
		body, _, _, err = r.File(ds.ID, "json")
		if err != nil {
			t.Fatal(err)
		}
		views = append(views, frenchView{"JSON " + ds.ID, frenchJSONTexts(t, body)})
	}
	return views
}

// frenchJSONTexts are a JSON download's labels and its *_fr texts.
func frenchJSONTexts(t *testing.T, body []byte) []string {
	var doc map[string]any
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range doc["labels"].(map[string]any) {
		out = append(out, l.(string))
	}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if s, ok := x.(string); ok && strings.HasSuffix(k, "_fr") {
					out = append(out, s)
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(doc)
	return out
}

func render(t *testing.T, root *ui.Root) string {
	t.Helper()
	r := staticrender.New(nil)
	env, err := vugu.NewBuildEnv(r.EventEnv())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	r.SetWriter(&buf)
	if err := r.Render(env.RunBuild(root)); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// readAttrs are the attributes a reader sees or hears.
var readAttrs = map[string]bool{"aria-label": true, "title": true, "placeholder": true, "alt": true, "content": true, "aria-description": true, "label": true}

var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// pageTexts are the texts and read attributes of an HTML page, without elements in another
// language than French (lang="en") and scripts; a <noscript> block's markup is read too.
func pageTexts(t *testing.T, page string) []string {
	t.Helper()
	var out []string
	type open struct {
		name string
		skip bool
	}
	var stack []open
	skipping := func() bool { return len(stack) > 0 && stack[len(stack)-1].skip }
	z := htmltok.NewTokenizer(strings.NewReader(page))
	for {
		tt := z.Next()
		if tt == htmltok.ErrorToken {
			if z.Err() != io.EOF {
				t.Fatal(z.Err())
			}
			return out
		}
		tok := z.Token()
		switch tt {
		case htmltok.StartTagToken, htmltok.SelfClosingTagToken:
			skip := skipping() || tok.Data == "script" || tok.Data == "style"
			for _, a := range tok.Attr {
				if a.Key == "lang" && a.Val != "fr" {
					skip = true
				}
			}
			if !skip {
				for _, a := range tok.Attr {
					if readAttrs[a.Key] && strings.TrimSpace(a.Val) != "" {
						out = append(out, a.Val)
					}
				}
			}
			if tt == htmltok.StartTagToken && !voidElements[tok.Data] {
				stack = append(stack, open{tok.Data, skip})
			}
		case htmltok.EndTagToken:
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i].name == tok.Data {
					stack = stack[:i]
					break
				}
			}
		case htmltok.TextToken:
			switch {
			case skipping():
			case len(stack) > 0 && stack[len(stack)-1].name == "noscript":
				out = append(out, pageTexts(t, tok.Data)...)
			case strings.TrimSpace(tok.Data) != "":
				out = append(out, tok.Data)
			}
		}
	}
}
