package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestScreenshots writes full-page screenshots of the explorer for people to look at, when
// SCREENSHOTS names a folder: SCREENSHOTS=/tmp/shots go test ./web/e2e -run Screenshots
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("SCREENSHOTS")
	if dir == "" {
		t.Skip("set SCREENSHOTS=<folder> to write screenshots")
	}
	u := site(t)
	shots := []struct {
		name          string
		query         string
		width, height int64
	}{
		{"explorer", "", 1280, 900},
		{"explorer-phone", "", 375, 800},
		{"explorer-fr-dark", "?lang=fr&theme=dark", 1280, 900},
		{"explorer-projector", "?theme=projector", 1280, 900},
	}
	for _, s := range shots {
		p := newPage(t, u, s.width, s.height)
		p.open(t, u+"/"+s.query)
		png, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, s.name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
