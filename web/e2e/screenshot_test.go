package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestScreenshots writes full-page screenshots of the explorer for people to look at, when
// SCREENSHOTS names a folder: SCREENSHOTS=/tmp/shots go test -timeout 20m ./web/e2e -run Screenshots
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
		element       string // screenshot of this element only; "" = the whole page
	}{
		{"explorer", "", 1280, 900, ""},
		{"explorer-top", "", 1280, 1000, "viewport"},
		{"explorer-phone", "", 375, 800, ""},
		{"explorer-fr-dark", "?lang=fr&theme=dark", 1280, 900, ""},
		{"explorer-projector", "?theme=projector", 1280, 900, ""},
		{"parity", "", 1280, 900, "#parity"},
		{"parity-gap-fr", "?v=2&parity=gap&lang=fr", 1280, 900, "#parity"},
		{"fatalities-table", "?v=2&fatalities=table,sort-value-desc", 1280, 900, "#fatalities"},
		{"fatalities-line", "?v=2&fatalities=line", 1280, 900, "#fatalities"},
		{"key-figures", "?v=2&q=PCRS", 1280, 900, "#key-figures"},
		{"upload", "", 1280, 900, "#your-data"},
		{"slide-title", "?v=2&slide=1", 1920, 1080, ""},
		{"slide-fatalities-projector", "?v=2&slide=2&theme=projector", 1920, 1080, ""},
		{"slide-parity-fr-dark", "?v=2&slide=4&lang=fr&theme=dark", 1920, 1080, ""},
		{"slide-civilian", "?v=2&slide=5", 1920, 1080, ""},
		{"slide-key", "?v=2&slide=6", 1920, 1080, ""},
		{"slide-sources", "?v=2&slide=7", 1920, 1080, ""},
		{"embed-600-parity", "?v=2&embed=parity", 600, 900, ""},
		{"embed-600-fatalities", "?v=2&embed=fatalities", 600, 700, ""},
		{"embed-280-coe", "?v=2&embed=coe-gaps", 280, 700, ""},
		{"desktop-1440-dark", "?v=2&theme=dark", 1440, 900, ""},
		{"slide-1024-parity", "?v=2&slide=4&theme=projector", 1024, 768, ""},
		{"slide-1280-fatalities", "?v=2&slide=2", 1280, 720, ""},
		{"slide-375-fatalities", "?v=2&slide=2", 375, 667, ""},
		{"slide-1024-key", "?v=2&slide=6&lang=fr", 1024, 768, ""},
		{"slide-1920-civilian", "?v=2&slide=5", 1920, 1080, ""},
		{"room-phone-375-top", "", 375, 812, "viewport"},
		{"room-phone-375-parity-fr", "?v=2&lang=fr", 375, 812, "#parity"},
		{"room-1440-dark-parity", "?v=2&theme=dark", 1440, 900, "#parity"},
		{"room-1024-coe", "", 1024, 768, "#coe-gaps"},
		{"slide-1024-fr-civilian", "?v=2&slide=5&lang=fr", 1024, 768, ""},
		{"slide-1024-fr-parity", "?v=2&slide=4&lang=fr", 1024, 768, ""},
	}
	only := os.Getenv("SCREENSHOTS_ONLY") // a substring of the names to take, e.g. "slide-"
	for _, s := range shots {
		if !strings.Contains(s.name, only) {
			continue
		}
		t.Log(s.name)
		p := newPage(t, u, s.width, s.height)
		p.run(t, chromedp.EmulateViewport(s.width, s.height))
		p.open(t, u+"/"+s.query)
		// The layout the explorer measures can still change the page after its controls work
		// (a theme's charts drawn for the box they have): an element shot whose box was taken
		// before came out showing another part of the page, magnified.
		p.settled(t)
		shot := chromedp.FullScreenshot(100)
		if s.element == "viewport" {
			shot = chromedp.CaptureScreenshot()
		} else if s.element != "" {
			shot = chromedp.Screenshot(chromedp.CSS(s.element))
		}
		png, err := chromedp.Run(p.ctx, shot)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, s.name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
