//go:build !unix

package server

import "os"

// openFlags: outside Unix a directory holds no FIFOs (Windows' named pipes
// live in their own namespace), so a plain read-only open cannot block.
const openFlags = os.O_RDONLY
