//go:build !(js && wasm)

// Command wasm is the explorer running in the browser; built natively it only says so, so that
// `go build ./...` and `go vet ./...` cover the module without GOOS=js.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "the explorer runs in a browser: build it with ./build.sh build")
	os.Exit(2)
}
