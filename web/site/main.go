// Command site builds the explorer's static site into a folder: the prerendered page, the
// hashed and precompressed wasm, styles, font and the data package.
//
//	go run ./web/site -wasm build/app.wasm -wasm-exec "$(go env GOROOT)/lib/wasm/wasm_exec.js" -out dist
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/wcharczuk/go-chart/v2/roboto"

	"briefing/data"
	"briefing/data/frictionless"
	"briefing/web/static"
)

func main() {
	out := flag.String("out", "dist", "output folder (replaced)")
	wasm := flag.String("wasm", "build/app.wasm", "the compiled explorer")
	wasmExec := flag.String("wasm-exec", "", "Go's wasm_exec.js ($(go env GOROOT)/lib/wasm/wasm_exec.js)")
	shell := flag.String("shell", "index.html", "page shell with the <!--app...--> placeholder")
	budget := flag.String("budget", "wasm/budget.txt", "file holding the largest allowed brotli size of the wasm, in bytes")
	vuguDir := flag.String("vugu-dir", "", "the Vugu module's folder (go list -m -f '{{.Dir}}' github.com/vugu/vugu)")
	flag.Parse()
	if err := build(*out, *wasm, *wasmExec, *shell, *budget, *vuguDir); err != nil {
		fmt.Fprintln(os.Stderr, "build failed:", err)
		os.Exit(1)
	}
}

func build(out, wasmPath, wasmExec, shellPath, budgetPath, vuguDir string) error {
	b, err := data.Load()
	if err != nil {
		return fmt.Errorf("data: %w", err)
	}
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(out, "fonts"), 0o755); err != nil {
		return err
	}
	if err := frictionless.Write(filepath.Join(out, "data"), b, data.Files()); err != nil {
		return fmt.Errorf("data package: %w", err)
	}
	if err := copyStatic(out, wasmExec); err != nil {
		return err
	}
	if err := writeVuguScript(out, vuguDir); err != nil {
		return err
	}
	w, err := writeWasm(out, wasmPath)
	if err != nil {
		return err
	}
	fmt.Println(w.report())
	if err := w.checkBudget(budgetPath); err != nil {
		return err
	}
	shell, err := os.ReadFile(shellPath)
	if err != nil {
		return err
	}
	page, err := prerender(b)
	if err != nil {
		return fmt.Errorf("prerender: %w", err)
	}
	html, err := fill(string(shell), page, w)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "index.html"), []byte(html), 0o644)
}

// fill puts the prerendered view and the wasm name into the page shell.
func fill(shell, page string, w wasmFile) (string, error) {
	start := strings.Index(shell, "<!--app")
	end := strings.Index(shell[max(start, 0):], "-->")
	if start < 0 || end < 0 {
		return "", fmt.Errorf("page shell has no <!--app--> placeholder")
	}
	html := shell[:start] + page + shell[start+end+3:]
	html = strings.ReplaceAll(html, "{{wasm}}", w.Name)
	html = strings.ReplaceAll(html, "{{wasm-size}}", strconv.Itoa(w.Raw))
	return html, nil
}

func copyStatic(out, wasmExec string) error {
	err := fs.WalkDir(static.Files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := static.Files.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(out, p), b, 0o644)
	})
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "fonts", "roboto-medium.ttf"), roboto.Roboto, 0o644); err != nil {
		return err
	}
	if wasmExec == "" {
		return fmt.Errorf("-wasm-exec is required (Go's lib/wasm/wasm_exec.js)")
	}
	b, err := os.ReadFile(wasmExec)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "wasm_exec.js"), b, 0o644)
}
