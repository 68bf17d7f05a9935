package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"time"
)

// DefaultAddr is loopback-only: a dev server should not be reachable from
// the network unless asked for explicitly.
const DefaultAddr = "127.0.0.1:8080"

// shutdownGrace bounds how long in-flight downloads (a large wasm) may finish
// after ctx is cancelled before connections are cut.
const shutdownGrace = 5 * time.Second

// Listen binds addr ("host:port"; an empty host means 127.0.0.1, "" means
// DefaultAddr; the host may be an IP address or a name such as localhost),
// calls ready once the socket is bound, and serves h until ctx is cancelled,
// then shuts down gracefully. ready gets the base URL to open on this machine
// and, when the socket also accepts connections from other machines, a
// warning naming that risk ("" otherwise). Binding happens before ready so a
// busy port is returned as an error, never a silent hang. It returns nil
// after a clean shutdown.
func Listen(ctx context.Context, addr string, h http.Handler, ready func(url, warning string)) error {
	addr, err := resolveAddr(ctx, addr)
	if err != nil {
		return err
	}
	ln, err := listenTCP("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	srv := newHTTPServer(h)
	if ready != nil {
		ready(describe(ln.Addr()))
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

// listenTCP is net.Listen; tests replace it to see what Listen reports for a
// socket bound beyond loopback without binding one.
var listenTCP = net.Listen

// lookupTimeout bounds the name lookup of a host given by name: a resolver
// that does not answer must not look like a server that does not start.
const lookupTimeout = 5 * time.Second

// resolveAddr fills in the default host and turns a host name into one IP
// address, so a name that does not resolve gets a message saying what to give
// instead of a resolver's error, and so the address bound is the one reported.
// Like net.Listen, it binds one address of a name, preferring IPv4.
func resolveAddr(ctx context.Context, addr string) (string, error) {
	if addr == "" {
		return DefaultAddr, nil
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("address %q: want host:port, e.g. 127.0.0.1:8080", addr)
	}
	if host == "" {
		host = "127.0.0.1"
	}
	if _, err := netip.ParseAddr(host); err == nil {
		return net.JoinHostPort(host, port), nil
	}
	lctx, cancel := context.WithTimeout(ctx, lookupTimeout)
	defer cancel()
	ips, err := net.DefaultResolver.LookupNetIP(lctx, "ip", host)
	if err != nil || len(ips) == 0 {
		return "", fmt.Errorf("address %q: %q is not an IP address or a name this machine resolves; "+
			"give an IP address, e.g. 127.0.0.1 (this machine only)", addr, host)
	}
	ip := ips[0]
	for _, a := range ips {
		if a.Unmap().Is4() {
			ip = a.Unmap()
			break
		}
	}
	return net.JoinHostPort(ip.String(), port), nil
}

// describe returns the URL to open on this machine for a bound address and,
// unless the socket is loopback-only, a warning. A socket on every interface
// (0.0.0.0 or ::) is opened through loopback, since its own address is not one
// a browser can use.
func describe(a net.Addr) (url, warning string) {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return "http://" + a.String() + "/", ""
	}
	ip := tcp.IP
	switch {
	case ip.IsLoopback():
		return "http://" + tcp.String() + "/", ""
	case ip.IsUnspecified():
		local := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: tcp.Port}
		if ip.To4() == nil {
			local.IP = net.IPv6loopback
		}
		return "http://" + local.String() + "/", fmt.Sprintf("listening on every network interface (%s): "+
			"any machine that can reach this one can read everything served; "+
			"bind 127.0.0.1 to keep it to this machine", tcp)
	}
	return "http://" + tcp.String() + "/", fmt.Sprintf("listening on %s, which is not loopback: "+
		"machines that can reach that address can read everything served; "+
		"bind 127.0.0.1 to keep it to this machine", tcp)
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
		// "OPTIONS *" then reaches h, which answers it like any other method
		// it does not serve (405, Allow: GET, HEAD) with the security
		// headers, instead of net/http's bare 200. The answers net/http
		// still writes itself are listed in docs/security.md.
		DisableGeneralOptionsHandler: true,
	}
}
