//go:build unix

package server

import (
	"os"
	"syscall"
)

// openFlags adds O_NONBLOCK: opening a FIFO for reading otherwise waits for a
// writer, forever, pinning an OS thread. Regular files ignore the flag. The
// handler refuses non-regular files after a Stat anyway; this closes the gap
// between that Stat and the open.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK
