package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// DefaultAddr is loopback-only: a dev server should not be reachable from
// the network unless asked for explicitly.
const DefaultAddr = "127.0.0.1:8080"

// shutdownGrace bounds how long in-flight downloads (a large wasm) may finish
// after ctx is cancelled before connections are cut.
const shutdownGrace = 5 * time.Second

// Listen binds addr ("host:port"; an empty host means 127.0.0.1, "" means
// DefaultAddr), calls ready with the base URL once the socket is bound, and
// serves h until ctx is cancelled, then shuts down gracefully. Binding happens
// before ready so a busy port is returned as an error, never a silent hang.
// It returns nil after a clean shutdown.
func Listen(ctx context.Context, addr string, h http.Handler, ready func(url string)) error {
	addr, err := withDefaultHost(addr)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	srv := newHTTPServer(h)
	if ready != nil {
		ready("http://" + ln.Addr().String() + "/")
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc: // Serve only returns early on a real failure
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

func withDefaultHost(addr string) (string, error) {
	if addr == "" {
		return DefaultAddr, nil
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("address %q: want host:port: %w", addr, err)
	}
	if host == "" {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port), nil
}

// newHTTPServer sets the timeouts net/http leaves unbounded: slow-header
// clients (slowloris) and idle keep-alives must not pin goroutines forever.
// WriteTimeout is generous because a multi-megabyte wasm on a slow link is
// legitimate.
func newHTTPServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      5 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}
