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
// (which returns at once when the helper exists) without evaluating anything.

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

func writeVuguScript(out, vuguDir string) error {
	s, err := vuguScript(vuguDir)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "vugu-render.js"), []byte(s+"\n"), 0o644)
}
