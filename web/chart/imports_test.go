package chart

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLightImports keeps the package usable in wasm and a Worker. It follows the whole import
// graph of the browser build (go list -deps), not only this package's own imports: nothing
// reached may be a network or XML package, and none of our packages may import syscall/js
// or regexp. regexp is in the graph through go-chart's drawing package (its colour parser),
// which the design card fixes; the test names that importer, so that a second one shows.
func TestLightImports(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "-f", `{{.ImportPath}} {{join .Imports ","}}`, ".")
	cmd.Env = append(cmd.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Skipf("go list is not available here: %v", err)
	}
	importers := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, " ")
		for _, im := range strings.Split(imports, ",") {
			if im != "" {
				importers[im] = append(importers[im], pkg)
			}
		}
		if pkg == "encoding/xml" || pkg == "net" || strings.HasPrefix(pkg, "net/") {
			t.Errorf("the chart package reaches %s (imported by %v)", pkg, importers[pkg])
		}
	}
	for _, pkg := range []string{"syscall/js", "regexp"} {
		for _, by := range importers[pkg] {
			if strings.HasPrefix(by, "briefing/") {
				t.Errorf("%s imports %s", by, pkg)
			}
		}
	}
	if by := importers["regexp"]; len(by) != 1 || by[0] != "github.com/wcharczuk/go-chart/v2/drawing" {
		t.Errorf("regexp is imported by %v; only go-chart's drawing package was known to", by)
	}
}
