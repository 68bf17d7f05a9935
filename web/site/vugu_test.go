package main

import (
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
