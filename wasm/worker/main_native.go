//go:build !(js && wasm)

package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

// Natively this command prepares the Workers assets directory from the built site:
//
//	go run ./wasm/worker -dist dist -assets wasm/worker/build/assets
//
// The Worker itself is built with GOOS=js GOARCH=wasm (./build.sh worker).
func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("worker", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dist := fl.String("dist", "dist", "the built site (./build.sh build)")
	out := fl.String("assets", "", "Workers assets directory to write (replaced); required")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: go run ./wasm/worker -dist dist -assets DIR\n\n"+
			"Copies the built site into DIR for Workers static assets (without the .br/.gz\n"+
			"siblings: Cloudflare compresses itself) and writes DIR/_headers with serve.go's\n"+
			"security and cache headers. The Worker is built with GOOS=js GOARCH=wasm: ./build.sh worker.")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if *out == "" || fl.NArg() > 0 {
		fl.Usage()
		return 2
	}
	n, err := prepareAssets(*dist, *out)
	if err != nil {
		fmt.Fprintln(stderr, "worker:", err)
		return 1
	}
	fmt.Fprintf(stdout, "%d files and _headers in %s\n", n, *out)
	return 0
}
