package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
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
// that the summary does not carry would silently read as empty. Every call of a DOMEvent
// method that reads the summary is found in web/ui's syntax trees (the generated files hold
// the templates' expressions); one whose keys are not constant strings fails, since it cannot
// be checked.
func TestEventSummaryCarriesWhatTheUIReads(t *testing.T) {
	files, _ := filepath.Glob("../ui/*.go")
	problems, seen, err := summaryReads(files, summaryTargetProps(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
	if seen == 0 {
		t.Error("found no DOMEvent.Prop* reads in web/ui: the test is out of date")
	}
}

// summaryReads checks the calls of DOMEvent's summary readers in Go files against the target
// properties carried; seen counts the calls.
func summaryReads(files []string, carried map[string]bool) (problems []string, seen int, err error) {
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			return nil, 0, err
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			at := fset.Position(call.Pos()).String()
			switch sel.Sel.Name {
			case "EventSummary":
				problems = append(problems, at+": EventSummary() reads properties this test cannot follow")
			case "Prop", "PropString", "PropBool", "PropFloat64":
				seen++
				var keys []string
				for _, a := range call.Args {
					lit, ok := a.(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						problems = append(problems, at+": "+sel.Sel.Name+" with a key that is not a constant string")
						return true
					}
					k, _ := strconv.Unquote(lit.Value)
					keys = append(keys, k)
				}
				if len(keys) >= 2 && keys[0] == "target" && !carried[keys[1]] {
					problems = append(problems, fmt.Sprintf("%s reads the event target's %q, which the summary does not carry (web/site/vugu.go)", at, keys[1]))
				}
			}
			return true
		})
	}
	return problems, seen, nil
}

// TestSummaryCheckCatchesAMissingProperty: the check fails for a property the summary does not
// carry, for a key it cannot read, and for the whole summary.
func TestSummaryCheckCatchesAMissingProperty(t *testing.T) {
	f := filepath.Join(t.TempDir(), "x.go")
	src := "package ui\nfunc f(e E, k string) {\n\te.PropString(\"target\", \"value\")\n\te.PropString(\"target\", \"innerHTML\")\n\te.PropBool(\"target\", k)\n\te.EventSummary()\n}\n"
	if err := os.WriteFile(f, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	problems, seen, err := summaryReads([]string{f}, summaryTargetProps(t))
	if err != nil {
		t.Fatal(err)
	}
	if seen != 3 || len(problems) != 3 || !strings.Contains(problems[0], `"innerHTML"`) {
		t.Errorf("%d reads, problems %q; want 3 reads and 3 problems, the first innerHTML", seen, problems)
	}
}

// summaryTargetProps are the target properties the event-summary edit keeps.
func summaryTargetProps(t *testing.T) map[string]bool {
	list := regexp.MustCompile(`for\(let t of\[([^\]]*)\]\)`)
	carried := map[string]bool{}
	for _, e := range vuguEdits {
		if m := list.FindStringSubmatch(e.to); m != nil {
			for _, p := range strings.Split(m[1], ",") {
				carried[strings.Trim(p, `"`)] = true
			}
		}
	}
	if len(carried) == 0 {
		t.Fatal("no event-summary edit found in vuguEdits")
	}
	return carried
}
