// Package chromium holds how the browser tests (web/e2e) and the benchmark (web/bench) start
// Debian's headless Chromium, so both drive the same browser the same way.
package chromium

import "github.com/chromedp/chromedp"

// Path is where `apt-get install chromium` puts the browser (./build.sh installs it).
const Path = "/usr/bin/chromium"

// Options start the Chromium at path (usually Path) with a width×height window, with
// chromedp's defaults plus what headless Chromium needs on this kind of machine:
// no sandbox (it runs as root in a container), no GPU, and none of the background traffic
// (QUIC, first-run pages, component updates, sync) that would reach outside 127.0.0.1.
// A browser started with them gets a new temporary profile, removed when it exits.
func Options(path string, width, height int, extra ...chromedp.ExecAllocatorOption) []chromedp.ExecAllocatorOption {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(width, height),
	)
	return append(opts, extra...)
}
