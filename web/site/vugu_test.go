package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
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

// TestEventSummaryCarriesWhatTheUIReads ties the edit that limits an event's summary to a few
// target properties to the code that reads them: a property web/ui reads with DOMEvent.Prop*
// that the summary does not carry would silently read as empty.
func TestEventSummaryCarriesWhatTheUIReads(t *testing.T) {
	list := regexp.MustCompile(`for\(let t of\[([^\]]*)\]\)`)
	var carried map[string]bool
	for _, e := range vuguEdits {
		if m := list.FindStringSubmatch(e.to); m != nil {
			carried = map[string]bool{}
			for _, p := range strings.Split(m[1], ",") {
				carried[strings.Trim(p, `"`)] = true
			}
		}
	}
	if len(carried) == 0 {
		t.Fatal("no event-summary edit found in vuguEdits")
	}
	files, _ := filepath.Glob("../ui/*.go")
	vugu, _ := filepath.Glob("../ui/*.vugu")
	read := regexp.MustCompile("Prop[A-Za-z]*\\(\\s*[\"`]target[\"`]\\s*,\\s*[\"`]([A-Za-z]+)[\"`]")
	seen := 0
	for _, f := range append(files, vugu...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range read.FindAllStringSubmatch(string(b), -1) {
			seen++
			if !carried[m[1]] {
				t.Errorf("%s reads the event target's %q, which the summary does not carry (web/site/vugu.go)", f, m[1])
			}
		}
	}
	if seen == 0 {
		t.Error("found no DOMEvent.Prop* reads in web/ui: the pattern is out of date")
	}
	// Any other path into an event's properties would bypass this check.
	for _, f := range files {
		b, _ := os.ReadFile(f)
		if strings.Contains(string(b), ".PropJSValue(") || strings.Contains(string(b), ".Prop(\"target\"") {
			t.Errorf("%s reads event properties in a way this test does not follow", f)
		}
	}
}
