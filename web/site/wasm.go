package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/andybalholm/brotli"
)

// wasmFile is the written wasm and its sizes.
type wasmFile struct {
	Name             string // content-hashed name, so it can be cached forever
	Raw, Gzip, Brotl int
}

// writeWasm copies the wasm under a content-hashed name with .gz and .br beside it, so the
// server sends it precompressed instead of compressing 5 MB on every request.
func writeWasm(out, path string) (wasmFile, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return wasmFile{}, fmt.Errorf("wasm: %w (build it with GOOS=js GOARCH=wasm first)", err)
	}
	sum := sha256.Sum256(raw)
	w := wasmFile{Name: "app." + hex.EncodeToString(sum[:5]) + ".wasm", Raw: len(raw)}
	gz, err := gzipBytes(raw)
	if err != nil {
		return w, err
	}
	br, err := brotliBytes(raw)
	if err != nil {
		return w, err
	}
	w.Gzip, w.Brotl = len(gz), len(br)
	for name, b := range map[string][]byte{w.Name: raw, w.Name + ".gz": gz, w.Name + ".br": br} {
		if err := os.WriteFile(filepath.Join(out, name), b, 0o644); err != nil {
			return w, err
		}
	}
	return w, nil
}

func gzipBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	err = zw.Close()
	return buf.Bytes(), err
}

func brotliBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	bw := brotli.NewWriterLevel(&buf, brotli.BestCompression)
	if _, err := bw.Write(b); err != nil {
		return nil, err
	}
	err := bw.Close()
	return buf.Bytes(), err
}

func (w wasmFile) report() string {
	mb := func(n int) string { return strconv.FormatFloat(float64(n)/1e6, 'f', 2, 64) + " MB" }
	return fmt.Sprintf("wasm %s: %d bytes raw (%s), %d gzip -9 (%s), %d brotli -q 11 (%s)",
		w.Name, w.Raw, mb(w.Raw), w.Gzip, mb(w.Gzip), w.Brotl, mb(w.Brotl))
}

// checkBudget fails the build when the brotli size passes the budget kept in the repo.
func (w wasmFile) checkBudget(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("size budget: %w", err)
	}
	limit, err := strconv.Atoi(strings.TrimSpace(firstLine(string(b))))
	if err != nil {
		return fmt.Errorf("size budget %s: first line must be a byte count: %w", path, err)
	}
	if w.Brotl > limit {
		return fmt.Errorf("wasm is %d bytes brotli, over the budget of %d in %s: find what grew (see docs/size.md) before raising it", w.Brotl, limit, path)
	}
	fmt.Printf("wasm within budget: %d of %d bytes brotli (%d%%)\n", w.Brotl, limit, 100*w.Brotl/limit)
	return nil
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
