package chart

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
)

// node is a minimal XML tree for inspecting the output.
type node struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Children []node     `xml:",any"`
	Text     string     `xml:",chardata"`
}

func (n node) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (n node) walk(f func(node)) {
	f(n)
	for _, c := range n.Children {
		c.walk(f)
	}
}

func parseSVG(t *testing.T, s string) node {
	t.Helper()
	var n node
	if err := xml.NewDecoder(bytes.NewReader([]byte(s))).Decode(&n); err != nil {
		t.Fatalf("parse: %v", err)
	}
	return n
}

func render(t *testing.T, s Spec) Result {
	t.Helper()
	res, err := Render(s)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestRootAndTitle(t *testing.T) {
	res := render(t, fatalities(960, Light))
	if !strings.HasPrefix(res.SVG, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 960 `) {
		t.Fatalf("root: %.120s", res.SVG)
	}
	root := parseSVG(t, res.SVG)
	if root.attr("role") != "img" || root.attr("aria-labelledby") != "fatalities-title fatalities-desc" {
		t.Errorf("root attrs: %v", root.Attrs)
	}
	if c := root.Children; len(c) < 2 || c[0].XMLName.Local != "title" || c[0].attr("id") != "fatalities-title" ||
		c[1].XMLName.Local != "desc" || c[1].attr("id") != "fatalities-desc" || c[0].Text != fatalities(960, Light).Title {
		t.Errorf("title/desc: %+v", root.Children[:2])
	}
}

// TestBarElements: every bar is a path with class "bar bar-N", data-index and a <title>.
func TestBarElements(t *testing.T) {
	for _, s := range []Spec{fatalities(960, Light), parity(360, true), hostile(360), fatalityLines(360, Dark), parityGroups(360), gapsMixed(960)} {
		root := parseSVG(t, render(t, s).SVG)
		seen := map[string]string{}
		root.walk(func(n node) {
			if strings.HasPrefix(n.attr("class"), "bar ") {
				if len(n.Children) != 1 || n.Children[0].XMLName.Local != "title" {
					t.Errorf("%s: no <title> child", n.attr("class"))
					return
				}
				seen[n.attr("data-index")] = n.Children[0].Text
				if !strings.Contains(n.attr("style"), "fill:rgba(") {
					t.Errorf("%s: style lost: %q", n.attr("class"), n.attr("style"))
				}
			}
		})
		for i, b := range s.Bars {
			if seen[fmt.Sprint(i)] != b.Tip {
				t.Errorf("%s bar %d: tip %q, want %q", s.ID, i, seen[fmt.Sprint(i)], b.Tip)
			}
		}
	}
	svg := render(t, fatalities(960, Light)).SVG
	if !strings.Contains(svg, `class="bar bar-3 partial" data-index="3"`) || !strings.Contains(svg, "stroke-dasharray") {
		t.Error("partial bar not marked or not dashed")
	}
}

func TestTargetsOnlyWhenShown(t *testing.T) {
	on := render(t, parity(960, true)).SVG
	off := render(t, parity(960, false)).SVG
	if n := strings.Count(on, `class="target target-`); n != 5 {
		t.Errorf("targets on: %d markers, want 5", n)
	}
	if strings.Contains(off, `class="target`) || strings.Contains(off, "Target for 2020") {
		t.Error("targets off: marker or target legend drawn")
	}
	if !strings.Contains(on, `class="target target-0" data-index="0"`) || !strings.Contains(on, "Target for 2020") {
		t.Error("targets on: marker 0 or legend missing")
	}
}

func TestMissingValue(t *testing.T) {
	svg := render(t, parity(360, true)).SVG
	if !strings.Contains(svg, ">no figure given</text>") {
		t.Error("MissingText not drawn")
	}
	if !strings.Contains(svg, `class="bar bar-5 missing" data-index="5"`) {
		t.Error("missing bar has no addressable element")
	}
}

func TestEscaping(t *testing.T) {
	s := hostile(360)
	svg := render(t, s).SVG
	checkXML(t, svg)
	for _, bad := range []string{"<img", "<script", "<b>", "<partial>", "A&B", "\x01", "\xff"} {
		if strings.Contains(svg, bad) {
			t.Errorf("unescaped %q in output", bad)
		}
	}
	for _, good := range []string{"&lt;img src=x onerror=alert(1)&gt;", "A&amp;B", "&#34;quoted&#34;", `aria-labelledby="c---script--title c---script--desc"`} {
		if !strings.Contains(svg, good) {
			t.Errorf("missing %q", good)
		}
	}
	root := parseSVG(t, svg)
	if root.Children[0].Text != s.Title || root.Children[1].Text != s.Desc {
		t.Errorf("title/desc did not round-trip: %q %q", root.Children[0].Text, root.Children[1].Text)
	}
}

func TestUnicodeKept(t *testing.T) {
	svg := render(t, french(360)).SVG
	for _, want := range []string{"22,6\u202f%", "\u221286\u202f%", "Siège", "aria-labelledby=\"parit--fr-title"} {
		if !strings.Contains(svg, want) {
			t.Errorf("missing %q", want)
		}
	}
}

func TestSanitizeID(t *testing.T) {
	for in, want := range map[string]string{"": "chart", "Fatalities-Wide": "fatalities-wide", "9x": "c9x", "a b/c": "a-b-c", "é": "c-"} {
		if got := sanitizeID(in); got != want {
			t.Errorf("sanitizeID(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPartialMarked: a partial bar differs by more than colour: dashed outline, a mark after
// its label, and the legend line about it gets the same mark and a swatch.
func TestPartialMarked(t *testing.T) {
	svg := render(t, fatalities(360, Light)).SVG
	for _, want := range []string{">2020*</text>", ">* 2020: to 14 September (partial year)</text>", `stroke-dasharray`} {
		if !strings.Contains(svg, want) {
			t.Errorf("missing %q", want)
		}
	}
	s := fatalities(360, Light)
	s.PartialMark = "†"
	s.Legend = []LegendLine{{KeyPartial, "† to 14 September"}}
	svg = render(t, s).SVG
	if !strings.Contains(svg, ">2020†</text>") || !strings.Contains(svg, ">† to 14 September</text>") {
		t.Error("custom partial mark not used")
	}
}
