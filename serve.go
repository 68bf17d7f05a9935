// Command serve is the local static server for the built explorer:
//
//	go run serve.go [-addr 127.0.0.1] [-port 8080] [-dir dist] [-frame-ancestors "'self'"]
//
// It serves dir through web/server, the same handler the Cloudflare Worker
// uses, so local behaviour (headers, compression, caching) matches production.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"

	"briefing/web/server"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type config struct {
	host, dir string
	port      int
	opt       server.Options
}

func run(args []string, stdout, stderr io.Writer) int {
	cfg, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintln(stderr, "serve:", err)
		return 2
	}
	index := filepath.Join(cfg.dir, "index.html")
	if st, err := os.Stat(index); err != nil || !st.Mode().IsRegular() {
		fmt.Fprintf(stderr, "%s not found: run ./build.sh build first (or ./build.sh serve)\n", index)
		return 1
	}
	// os.Root confines every open to dir, symlinks included, which os.DirFS does not.
	root, err := os.OpenRoot(cfg.dir)
	if err != nil {
		fmt.Fprintln(stderr, "serve:", err)
		return 1
	}
	defer root.Close()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	addr := net.JoinHostPort(cfg.host, strconv.Itoa(cfg.port))
	err = server.Listen(ctx, addr, server.New(root.FS(), cfg.opt), func(url string) {
		fmt.Fprintf(stdout, "serving %s on %s\n", cfg.dir, url)
	})
	if err != nil {
		fmt.Fprintln(stderr, "serve:", err)
		return 1
	}
	return 0
}

// parseFlags applies the precedence flag > $PORT > 8080 by using $PORT as the
// flag's default.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	defPort := 8080
	if v := os.Getenv("PORT"); v != "" {
		p, err := strconv.Atoi(v)
		if err != nil || p < 0 || p > 65535 {
			return config{}, fmt.Errorf("PORT=%q is not a port number", v)
		}
		defPort = p
	}
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var cfg config
	fl.StringVar(&cfg.host, "addr", "127.0.0.1", "interface to bind (0.0.0.0 exposes the server to the network)")
	fl.IntVar(&cfg.port, "port", defPort, "TCP port; $PORT overrides the default, 0 picks a free port")
	fl.StringVar(&cfg.dir, "dir", "dist", "directory to serve")
	fl.StringVar(&cfg.opt.FrameAncestors, "frame-ancestors", "'self'", "CSP frame-ancestors source list for embedding")
	if err := fl.Parse(args); err != nil {
		return config{}, err
	}
	if fl.NArg() > 0 {
		return config{}, fmt.Errorf("unexpected arguments: %q", fl.Args())
	}
	if cfg.port < 0 || cfg.port > 65535 {
		return config{}, fmt.Errorf("-port %d out of range", cfg.port)
	}
	return cfg, cfg.opt.Validate()
}
