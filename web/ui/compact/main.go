// Command compact generates the Go code of the ui package's Vugu components from templates
// without their indentation: `go generate ./web/ui` runs it.
//
// vugugen turns every whitespace text node between tags into code and into a DOM node that
// every render rebuilds; the indentation of the templates was a third of the generated code
// and of the page's nodes. The layouts never depend on that whitespace (they use flex, grid
// and blocks), and whitespace within a line, such as " · " between two spans, is kept.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

// indentation is whitespace with a line break between a tag's end and the next tag.
var indentation = regexp.MustCompile(`>[ \t]*\r?\n[ \t\r\n]*<`)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "compact:", err)
		os.Exit(1)
	}
}

func run() error {
	tmp, err := os.MkdirTemp("", "vugu-compact-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	templates, err := filepath.Glob("*.vugu")
	if err != nil || len(templates) == 0 {
		return fmt.Errorf("no .vugu files here (run it in web/ui): %v", err)
	}
	for _, t := range templates {
		b, err := os.ReadFile(t)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(tmp, t), indentation.ReplaceAll(b, []byte("><")), 0o644); err != nil {
			return err
		}
	}
	// vugugen reads the Go files beside the templates for the package name and the component
	// types it must not declare again.
	gos, _ := filepath.Glob("*.go")
	for _, g := range gos {
		if strings.HasSuffix(g, "_gen.go") || strings.HasSuffix(g, "_test.go") {
			continue
		}
		b, err := os.ReadFile(g)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(tmp, g), b, 0o644); err != nil {
			return err
		}
	}
	if err := runCmd("go", "tool", "vugugen", "-skip-main", tmp); err != nil {
		return err
	}
	old, _ := filepath.Glob("*_gen.go") // a template removed leaves no stale code behind
	for _, g := range old {
		os.Remove(g)
	}
	gens, _ := filepath.Glob(filepath.Join(tmp, "*_gen.go"))
	for _, g := range gens {
		b, err := os.ReadFile(g)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Base(g), b, 0o644); err != nil {
			return err
		}
	}
	args := append([]string{"-w"}, baseNames(gens)...)
	return runCmd("gofmt", args...)
}

func baseNames(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.Base(p)
	}
	return out
}

func runCmd(name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	return cmd.Run()
}
