package server

import (
	"io/fs"
	"os"
	"path/filepath"
)

// Dir returns the directory at path as an fs.FS for New. Unlike an os.Root or
// an open directory handle kept for the server's lifetime, it opens the
// directory afresh on every call, so when a rebuild removes dist/ and writes a
// new one the next request sees the new files instead of the deleted ones.
// Each call still goes through an os.Root, so no name (and no symlink) reaches
// outside path. Files are opened without blocking (see openFlags): a FIFO left
// in the directory cannot hold a request, or the server's shutdown, hostage.
//
// It is the only part of this package that touches the operating system; the
// Worker serves an embedded fs.FS and never calls it.
func Dir(path string) fs.FS { return dirFS(path) }

type dirFS string

func (d dirFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	root, err := os.OpenRoot(string(d))
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	// Closing the root leaves files opened through it open: they are
	// descriptors of their own.
	defer root.Close()
	f, err := root.OpenFile(filepath.FromSlash(name), openFlags, 0)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// Stat lets the handler check a name is a regular file before opening it
// (fs.Stat uses it), which is what keeps FIFOs from ever being opened.
func (d dirFS) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	root, err := os.OpenRoot(string(d))
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	defer root.Close()
	return root.Stat(filepath.FromSlash(name))
}
