package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Vugu's DOM renderer installs its JavaScript helper by calling window.eval, which a strict
// Content-Security-Policy (no 'unsafe-eval') forbids. The build writes the same script as a
// file the page loads with <script src>; loader.js then answers Vugu's eval of that script
// (which returns at once when the helper exists) without evaluating anything. The build also
// makes the script skip DOM writes that change nothing (vuguEdits).

// vuguGuard is how the helper script starts: it does nothing when already installed, which
// is what makes skipping its eval safe.
const vuguGuard = "(function(){if(window.vuguRender)return;"

// vuguScript extracts domrender's helper script from the Vugu module's source.
func vuguScript(vuguDir string) (string, error) {
	path := filepath.Join(vuguDir, "domrender", "renderer-js-script.go")
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		return "", fmt.Errorf("reading Vugu's renderer script: %w", err)
	}
	var script string
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || vs.Names[0].Name != "jsHelperScript" || len(vs.Values) != 1 {
			return true
		}
		if lit, ok := vs.Values[0].(*ast.BasicLit); ok {
			script, err = strconv.Unquote(lit.Value)
		}
		return false
	})
	if err != nil || script == "" {
		return "", fmt.Errorf("no jsHelperScript constant in %s", path)
	}
	if !strings.HasPrefix(script, vuguGuard) {
		return "", fmt.Errorf("Vugu's renderer script no longer starts with %q: check loader.js's eval guard", vuguGuard)
	}
	return script, nil
}

// The helper re-applies every instruction on every render: each chart's innerHTML (tens of
// KB of SVG, re-parsed), every attribute, text and property (a form control's value). Writing
// the same value again costs a parse and a style recalculation, which made a click take
// several frames. These edits skip a write when the element already holds the value (for
// innerHTML, first compared with what the prerendered page holds: the take-over re-parsed
// about 190 elements' unchanged content otherwise), and
// trim what an event sends to Go; behaviour is otherwise unchanged.
// Each must match exactly as often as listed, or the build stops: Vugu's script changed.
var vuguEdits = []struct {
	from, to string
	count    int
}{
	{`x.el.innerHTML=(x.bufferedInnerHTML||"")+e,x.bufferedInnerHTML=null`,
		`((el,h)=>{el.__vuguHTML===void 0&&el.innerHTML===h&&(el.__vuguHTML=h);el.__vuguHTML!==h&&(el.innerHTML=h,el.__vuguHTML=h)})(x.el,(x.bufferedInnerHTML||"")+e),x.bufferedInnerHTML=null`, 1},
	{`e.setAttribute(t,n),x.elAttrNames[t]=!0`, `e.getAttribute(t)!==n&&e.setAttribute(t,n),x.elAttrNames[t]=!0`, 1},
	{`else x.el.textContent=e`, `else x.el.textContent!==e&&(x.el.textContent=e)`, 2},
	{`e[t]=JSON.parse(n)`, `((v)=>{e[t]!==v&&(e[t]=v)})(JSON.parse(n))`, 1},
	// Every tag, attribute and text of the page is a string in the buffer, most a few ASCII
	// bytes; a TextDecoder call on a new DataView for each cost about 1 ms per render. Short
	// ASCII strings are now read byte by byte; anything else still goes through the decoder.
	{`let x=new TextDecoder;`, `let x=new TextDecoder,vuguASCII=(d,o,n)=>{if(n>64)return null;let s="";for(let i=0;i<n;i++){let c=d.getUint8(o+i);if(c>127)return null;s+=String.fromCharCode(c)}return s};`, 1},
	{`t=x.decode(new DataView(this.dataView.buffer,this.dataView.byteOffset+this.offset+4,e));`,
		`t=vuguASCII(this.dataView,this.offset+4,e);t===null&&(t=x.decode(new DataView(this.dataView.buffer,this.dataView.byteOffset+this.offset+4,e)));`, 1},
	// An event's summary for Go copied every property of its target element (about 300,
	// innerHTML and offsetWidth among them: a serialisation and a layout), and Go parsed that
	// JSON on every click. The UI reads only these (vugu.DOMEvent.Prop* in web/ui).
	{`for(let t in e)try{let n=typeof e[t]`, `for(let t of["value","checked","open","selectedIndex","id","name","type","tagName"])try{let n=typeof e[t]`, 1},
}

func editVuguScript(s string) (string, error) {
	for _, e := range vuguEdits {
		if n := strings.Count(s, e.from); n != e.count {
			return "", fmt.Errorf("Vugu's renderer script has %d copies of %q, expected %d: review web/site/vugu.go", n, e.from, e.count)
		}
		s = strings.ReplaceAll(s, e.from, e.to)
	}
	return s, nil
}

func writeVuguScript(out, vuguDir string) error {
	s, err := vuguScript(vuguDir)
	if err != nil {
		return err
	}
	if s, err = editVuguScript(s); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "vugu-render.js"), []byte(s+"\n"), 0o644)
}
