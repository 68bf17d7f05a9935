// Package markup writes HTML in which every text and attribute value is escaped: the only
// unescaped strings a caller can write are tag and attribute names, which have their own
// types so that data cannot be passed as one by accident, and Trusted markup (a chart's SVG
// from our own renderer). It is what the explorer's blocks (web/ui) are written with: the
// templating package of the standard library costs the wasm too much for a few rows.
package markup

import (
	"html"
	"strings"
)

// Tag is an element name, spelt out in the code (never data).
type Tag string

// Name is an attribute name, spelt out in the code (never data).
type Name string

// Trusted is markup made by this program (a chart's SVG), written as it is.
type Trusted string

// Attr is an attribute; its value is escaped when written. An empty Name omits it, so that
// an optional attribute can be written inline.
type Attr struct {
	Name  Name
	Value string
}

// A is an attribute.
func A(name Name, value string) Attr { return Attr{name, value} }

// If is an attribute present only when on.
func If(on bool, name Name, value string) Attr {
	if !on {
		return Attr{}
	}
	return Attr{name, value}
}

// Builder writes HTML.
type Builder struct{ b strings.Builder }

// Open writes a start tag with its attributes.
func (b *Builder) Open(t Tag, attrs ...Attr) *Builder {
	b.b.WriteByte('<')
	b.b.WriteString(string(t))
	for _, a := range attrs {
		if a.Name == "" {
			continue
		}
		b.b.WriteByte(' ')
		b.b.WriteString(string(a.Name))
		b.b.WriteString(`="`)
		b.b.WriteString(html.EscapeString(a.Value))
		b.b.WriteByte('"')
	}
	b.b.WriteByte('>')
	return b
}

// Close writes an end tag.
func (b *Builder) Close(t Tag) *Builder {
	b.b.WriteString("</")
	b.b.WriteString(string(t))
	b.b.WriteByte('>')
	return b
}

// Text writes text, escaped.
func (b *Builder) Text(s string) *Builder {
	b.b.WriteString(html.EscapeString(s))
	return b
}

// Elem writes an element holding only text.
func (b *Builder) Elem(t Tag, text string, attrs ...Attr) *Builder {
	return b.Open(t, attrs...).Text(text).Close(t)
}

// Trusted writes markup made by this program as it is.
func (b *Builder) Trusted(m Trusted) *Builder {
	b.b.WriteString(string(m))
	return b
}

// Comment writes a comment; "--" in s is dropped, since it would end the comment early.
func (b *Builder) Comment(s string) *Builder {
	b.b.WriteString("<!--")
	b.b.WriteString(strings.ReplaceAll(s, "--", ""))
	b.b.WriteString("-->")
	return b
}

// String is the HTML written.
func (b *Builder) String() string { return b.b.String() }
