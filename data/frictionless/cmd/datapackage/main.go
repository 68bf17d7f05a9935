// Command datapackage writes the Frictionless Data Package of the briefing data:
//
//	go run ./data/frictionless/cmd/datapackage -out dist/data
//
// It validates the embedded CSV files first and exits non-zero, listing every problem with its
// file:line, if they do not load.
package main

import (
	"flag"
	"fmt"
	"os"

	"briefing/data"
	"briefing/data/frictionless"
)

func main() {
	out := flag.String("out", "dist/data", "directory to write datapackage.json and the CSV files to")
	flag.Parse()
	b, err := data.Load()
	if err == nil {
		err = frictionless.Write(*out, b, data.Files())
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println("wrote", *out+"/datapackage.json")
}
