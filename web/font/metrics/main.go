// Command metrics writes the outline-free metrics of the page's font (font.Metrics of
// font.Roboto), which the browser build of web/chart embeds to measure chart text:
//
//	go run ./web/font/metrics web/chart/metrics.ttf
package main

import (
	"fmt"
	"os"

	"briefing/web/font"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: metrics FILE")
		os.Exit(2)
	}
	if err := write(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "metrics:", err)
		os.Exit(1)
	}
}

func write(name string) error {
	s, err := font.Roboto()
	if err != nil {
		return err
	}
	m, err := font.Metrics(s.TTF)
	if err != nil {
		return err
	}
	return os.WriteFile(name, m, 0o644)
}
