// Command serve is the local static server for the built explorer:
//
//	go run serve.go [-addr 127.0.0.1] [-port 8080] [-dir dist] [-frame-ancestors "'self'"]
//	go run serve.go -addr localhost:8080
//
// It serves dir through web/server, the same handler the Cloudflare Worker
// uses, so local behaviour (headers, compression, caching) matches production.
// dir is looked up afresh on every request, so `./build.sh build` can replace
// it while the server runs. Binding anything but loopback prints a warning.
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
	"strings"
	"syscall"

	"briefing/web/server"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

type config struct {
	host, dir string
	port      int
	opt       server.Options
}

// run serves until ctx is cancelled; it is main without the process around
// it, so tests can drive the real command.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
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
	addr := net.JoinHostPort(cfg.host, strconv.Itoa(cfg.port))
	// server.Dir reopens dir per request (a rebuild replaces it) and confines
	// every open to it, symlinks included, as os.Root does.
	err = server.Listen(ctx, addr, server.New(server.Dir(cfg.dir), cfg.opt), func(url, warning string) {
		if warning != "" {
			fmt.Fprintln(stderr, "serve: warning:", warning)
		}
		fmt.Fprintf(stdout, "serving %s on %s\n", cfg.dir, url)
	})
	if err != nil {
		fmt.Fprintln(stderr, "serve:", err)
		return 1
	}
	return 0
}

// parseFlags applies the precedence flag > $PORT > 8080 by using $PORT as the
// flag's default. -addr may carry the port itself (localhost:8080, [::1]:8080);
// naming a port there and in -port too is refused rather than guessed.
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
	var addr string
	fl.StringVar(&addr, "addr", "127.0.0.1", "host or host:port to bind; anything but loopback "+
		"(e.g. 0.0.0.0) exposes the server to the network")
	fl.IntVar(&cfg.port, "port", defPort, "TCP port; $PORT overrides the default, 0 picks a free port")
	fl.StringVar(&cfg.dir, "dir", "dist", "directory to serve")
	fl.StringVar(&cfg.opt.FrameAncestors, "frame-ancestors", "'self'", "CSP frame-ancestors source list for embedding")
	if err := fl.Parse(args); err != nil {
		return config{}, err
	}
	if fl.NArg() > 0 {
		return config{}, fmt.Errorf("unexpected arguments: %q", fl.Args())
	}
	portFlag := false
	fl.Visit(func(f *flag.Flag) { portFlag = portFlag || f.Name == "port" })
	var err error
	if cfg.host, cfg.port, err = splitAddr(addr, cfg.port, portFlag); err != nil {
		return config{}, err
	}
	if cfg.port < 0 || cfg.port > 65535 {
		return config{}, fmt.Errorf("-port %d out of range", cfg.port)
	}
	return cfg, cfg.opt.Validate()
}

// splitAddr reads -addr as a bare host (127.0.0.1, localhost, ::1, [::1]) or
// as host:port, in which case its port replaces port.
func splitAddr(addr string, port int, portFlag bool) (string, int, error) {
	host, p, err := net.SplitHostPort(addr)
	if err != nil { // no port: a host alone, brackets optional for IPv6
		if strings.HasPrefix(addr, "[") && strings.HasSuffix(addr, "]") {
			addr = addr[1 : len(addr)-1]
		}
		if strings.ContainsAny(addr, "[]") {
			return "", 0, fmt.Errorf("-addr %q: want a host (127.0.0.1, localhost, ::1) or host:port", addr)
		}
		return addr, port, nil
	}
	n, err := strconv.Atoi(p)
	if err != nil || n < 0 || n > 65535 {
		return "", 0, fmt.Errorf("-addr %q: port %q is not a number from 0 to 65535", addr, p)
	}
	if portFlag && n != port {
		return "", 0, fmt.Errorf("-addr %q names port %d and -port names %d: give the port once", addr, n, port)
	}
	return host, n, nil
}
