// Command wasmsize attributes a Go wasm binary's code bytes to Go packages, to find what
// makes the explorer's download grow:
//
//	GOOS=js GOARCH=wasm go build -o /tmp/app.wasm ./wasm && go run ./wasm/wasmsize /tmp/app.wasm
//
// It reads the code section's function bodies and the "name" section (so build without -s).
package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: wasmsize FILE.wasm")
		os.Exit(2)
	}
	b, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	sizes, total, err := packageSizes(b)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%-60s %10s\n", "package", "code bytes")
	for _, p := range sizes {
		fmt.Printf("%-60s %10d\n", p.name, p.bytes)
	}
	fmt.Printf("%-60s %10d\n", "total code", total)
}

type pkgSize struct {
	name  string
	bytes int
}

// packageSizes sums function body sizes by the package part of each function's name.
func packageSizes(b []byte) ([]pkgSize, int, error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, 0, errors.New("not a wasm file")
	}
	var bodies []int
	names := map[int]string{}
	imported := 0
	for p := 8; p < len(b); {
		id := b[p]
		n, l := binary.Uvarint(b[p+1:])
		start := p + 1 + l
		end := start + int(n)
		sec := b[start:end]
		switch id {
		case 2:
			imported = countFuncImports(sec)
		case 10:
			bodies = codeSizes(sec)
		case 0:
			readNames(sec, names)
		}
		p = end
	}
	by := map[string]int{}
	total := 0
	for i, size := range bodies {
		by[pkgOf(names[imported+i])] += size
		total += size
	}
	var out []pkgSize
	for k, v := range by {
		out = append(out, pkgSize{k, v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].bytes > out[j].bytes })
	return out, total, nil
}

func uv(b []byte, p *int) int {
	v, l := binary.Uvarint(b[*p:])
	*p += l
	return int(v)
}

func countFuncImports(sec []byte) int {
	p, funcs := 0, 0
	for i, n := 0, uv(sec, &p); i < n; i++ {
		for k := 0; k < 2; k++ { // module and field names
			l := uv(sec, &p)
			p += l
		}
		kind := sec[p]
		p++
		switch kind {
		case 0:
			uv(sec, &p)
			funcs++
		case 1:
			p++
			limits(sec, &p)
		case 2:
			limits(sec, &p)
		case 3:
			p += 2
		}
	}
	return funcs
}

func limits(sec []byte, p *int) {
	flag := sec[*p]
	*p++
	uv(sec, p)
	if flag&1 == 1 {
		uv(sec, p)
	}
}

func codeSizes(sec []byte) []int {
	p := 0
	n := uv(sec, &p)
	sizes := make([]int, 0, n)
	for i := 0; i < n; i++ {
		size := uv(sec, &p)
		sizes = append(sizes, size)
		p += size
	}
	return sizes
}

// readNames reads the function names subsection of the custom "name" section.
func readNames(sec []byte, names map[int]string) {
	p := 0
	l := uv(sec, &p)
	if string(sec[p:p+l]) != "name" {
		return
	}
	p += l
	for p < len(sec) {
		id := sec[p]
		p++
		size := uv(sec, &p)
		end := p + size
		if id == 1 {
			for i, n := 0, uv(sec, &p); i < n; i++ {
				idx := uv(sec, &p)
				nl := uv(sec, &p)
				names[idx] = string(sec[p : p+nl])
				p += nl
			}
		}
		p = end
	}
}

// pkgOf is the import path of a Go symbol such as "github.com/a/b.(*T).M".
func pkgOf(sym string) string {
	if sym == "" {
		return "(unnamed)"
	}
	from := strings.LastIndexByte(sym, '/') + 1
	for _, host := range []string{"github.com", "golang.org"} { // the wasm name section keeps these dots
		if strings.HasPrefix(sym, host) {
			from = max(from, len(host))
		}
	}
	if i := strings.IndexByte(sym[from:], '.'); i >= 0 {
		return sym[:from+i]
	}
	return sym
}
