// Command site builds the explorer's static site into a folder: the prerendered page, the
// hashed and precompressed wasm, styles, font and the data package, the static chart images
// (charts/) and the one-file edition (s-2020-911-explorer.html).
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

	"briefing/data"
	"briefing/data/frictionless"
	"briefing/web/locale"
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
	fonts, err := makeFonts()
	if err != nil {
		return fmt.Errorf("font: %w", err)
	}
	if err := fonts.write(out); err != nil {
		return fmt.Errorf("font: %w", err)
	}
	fmt.Printf("font: %s %d bytes, %s %d bytes\n", fonts.WOFF2, len(fonts.files[fonts.WOFF2]), fonts.TTF, len(fonts.files[fonts.TTF]))
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
	charts, err := writeCharts(out, b)
	if err != nil {
		return err
	}
	fmt.Println(charts)
	shell, err := os.ReadFile(shellPath)
	if err != nil {
		return err
	}
	items := noscriptItems(b)
	versioned := map[string]bool{}
	for _, l := range []locale.Lang{locale.EN, locale.FR} {
		if err := writePage(out, b, fonts.fill(string(shell)), items, w, l, versioned); err != nil {
			return err
		}
	}
	if err := writeSingleFile(out, b, fonts.fill(string(shell)), noscriptHTML(items, true, locale.EN), w, fonts); err != nil {
		return err
	}
	m, err := writeServiceWorker(out, versioned)
	if err != nil {
		return err
	}
	fmt.Printf("service worker %s: build %s, %d files kept for repeat and offline visits\n", swFile, m.Version, len(m.Files))
	return nil
}

// writePage writes the page prerendered in a language (lang.go), asking for its scripts and
// style sheets by content (versionRefs, offline.go); it adds the names it versioned to versioned.
func writePage(out string, b *data.Briefing, shell string, items []noscriptItem, w wasmFile, l locale.Lang, versioned map[string]bool) error {
	page, err := prerender(b, false, l)
	if err != nil {
		return fmt.Errorf("prerender: %w", err)
	}
	html, err := fill(shell, page, noscriptHTML(items, false, l), w)
	if err == nil {
		html, err = localize(html, l)
	}
	var names map[string]bool
	if err == nil {
		html, names, err = versionRefs(html, out)
	}
	if err != nil {
		return err
	}
	for n := range names {
		versioned[n] = true
	}
	return os.WriteFile(filepath.Join(out, pageFile(l)), []byte(html), 0o644)
}

// writeSingleFile writes the one-file edition (singlefile.go) and reports its size.
func writeSingleFile(out string, b *data.Briefing, shell, noscript string, w wasmFile, fonts fontFiles) error {
	page, err := prerender(b, true, locale.EN)
	if err != nil {
		return fmt.Errorf("prerender: %w", err)
	}
	filled, err := fill(shell, page, noscript, w)
	if err == nil {
		filled, err = localize(filled, locale.EN)
	}
	if err != nil {
		return err
	}
	gz, err := os.ReadFile(filepath.Join(out, w.Name+".gz"))
	if err != nil {
		return err
	}
	root, err := os.OpenRoot(out)
	if err != nil {
		return err
	}
	defer root.Close()
	one, err := assembleSingleFile(singleFileParts{
		Page:     filled,
		Read:     fonts.singleFileRead(func(name string) ([]byte, error) { return fs.ReadFile(root.FS(), name) }),
		WasmGzip: gz,
		WasmRaw:  w.Raw,
	})
	if err != nil {
		return fmt.Errorf("one-file edition: %w", err)
	}
	if probs := selfContainedProblems(one); len(probs) > 0 {
		return fmt.Errorf("one-file edition is not self-contained:\n  %s", strings.Join(probs, "\n  "))
	}
	if err := os.WriteFile(filepath.Join(out, singleFileName), []byte(one), 0o644); err != nil {
		return err
	}
	z, err := gzipBytes([]byte(one))
	if err != nil {
		return err
	}
	fmt.Printf("one file %s: %d bytes (%.2f MB), %d gzip -9 (%.2f MB)\n",
		singleFileName, len(one), float64(len(one))/1e6, len(z), float64(len(z))/1e6)
	return nil
}

// fill puts the prerendered view, the <noscript> block and the wasm name into the page shell.
func fill(shell, page, noscript string, w wasmFile) (string, error) {
	html, err := replacePlaceholder(shell, "<!--app", page)
	if err != nil {
		return "", err
	}
	if html, err = replacePlaceholder(html, "<!--noscript", noscript); err != nil {
		return "", err
	}
	html = strings.ReplaceAll(html, "{{wasm}}", w.Name)
	html = strings.ReplaceAll(html, "{{wasm-size}}", strconv.Itoa(w.Raw))
	return html, nil
}

// replacePlaceholder replaces the one comment that starts with start (up to its "-->").
func replacePlaceholder(shell, start, with string) (string, error) {
	i := strings.Index(shell, start)
	if i < 0 {
		return "", fmt.Errorf("page shell has no %s--> placeholder", start)
	}
	end := strings.Index(shell[i:], "-->")
	if end < 0 {
		return "", fmt.Errorf("page shell: %s placeholder is not closed with -->", start)
	}
	if strings.Contains(shell[i+end:], start) {
		return "", fmt.Errorf("page shell has more than one %s--> placeholder", start)
	}
	return shell[:i] + with + shell[i+end+3:], nil
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
	if wasmExec == "" {
		return fmt.Errorf("-wasm-exec is required (Go's lib/wasm/wasm_exec.js)")
	}
	b, err := os.ReadFile(wasmExec)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "wasm_exec.js"), b, 0o644)
}
