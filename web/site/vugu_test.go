package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestVuguScript extracts and edits the real helper script of the Vugu version in go.mod.
func TestVuguScript(t *testing.T) {
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/vugu/vugu").Output()
	if err != nil {
		t.Fatal(err)
	}
	s, err := vuguScript(strings.TrimSpace(string(dir)))
	if err != nil {
		t.Fatal(err)
	}
	edited, err := editVuguScript(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range vuguEdits {
		if strings.Count(edited, e.to) != e.count || (!strings.Contains(e.to, e.from) && strings.Contains(edited, e.from)) {
			t.Errorf("edit %q not applied", e.from)
		}
	}
	if _, err := editVuguScript(strings.Replace(s, "innerHTML", "outerHTML", -1)); err == nil {
		t.Error("a changed script must stop the build")
	}
}

func TestBudgetFailsTheBuild(t *testing.T) {
	dir := t.TempDir()
	budget := dir + "/budget.txt"
	if err := os.WriteFile(budget, []byte("1000\nbytes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	over := wasmFile{Name: "app.wasm", Raw: 5000, Gzip: 2000, Brotl: 1500}
	if err := over.checkBudget(budget); err == nil || !strings.Contains(err.Error(), "over the budget of 1000") {
		t.Errorf("a wasm over budget must fail the build, got %v", err)
	}
	under := wasmFile{Name: "app.wasm", Raw: 5000, Gzip: 900, Brotl: 800}
	if err := under.checkBudget(budget); err != nil {
		t.Errorf("within budget: %v", err)
	}
	if err := under.checkBudget(dir + "/missing.txt"); err == nil {
		t.Error("a missing budget file must fail the build")
	}
}
