package server

import (
	"io/fs"
	"net/http"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxPathLen bounds request paths; nothing in dist comes close, and long
// paths are a common probe.
const maxPathLen = 1024

// pathError is a rejected request path: the status and a short message.
type pathError struct {
	status int
	msg    string
}

func badPath(msg string) *pathError { return &pathError{http.StatusBadRequest, msg} }

// cleanPath validates the request path and maps it to an fs.FS name ("." for
// the root). dir reports a trailing slash. It rejects rather than normalises
// odd paths: a static site never needs them, and normalising is where
// traversal bugs live.
func cleanPath(u *url.URL) (name string, dir bool, perr *pathError) {
	p := u.Path
	if len(p) > maxPathLen || len(u.RawPath) > maxPathLen {
		return "", false, badPath("path too long")
	}
	if p == "" || p[0] != '/' {
		return "", false, badPath("path must start with /")
	}
	if perr := checkChars(p); perr != nil {
		return "", false, perr
	}
	// Decoding merged %2F into '/', so the segments we see are not the ones
	// the client meant; refuse instead of guessing.
	if strings.Contains(strings.ToLower(u.RawPath), "%2f") {
		return "", false, badPath("encoded slash in path")
	}
	if strings.Contains(p, "//") {
		return "", false, badPath("empty path segment")
	}
	rest := p[1:]
	dir = rest == "" || strings.HasSuffix(rest, "/")
	rest = strings.TrimSuffix(rest, "/")
	if rest == "" {
		return ".", true, nil
	}
	if perr := checkSegments(rest); perr != nil {
		return "", false, perr
	}
	if !fs.ValidPath(rest) { // belt and braces: fs.FS would refuse it anyway
		return "", false, badPath("invalid path")
	}
	return rest, dir, nil
}

// checkChars refuses bytes that have no business in a URL path of this site
// and that some file systems interpret specially.
func checkChars(p string) *pathError {
	if !utf8.ValidString(p) {
		return badPath("path is not valid UTF-8")
	}
	for _, r := range p {
		switch {
		case r == '\\':
			return badPath("backslash in path")
		case unicode.IsControl(r):
			return badPath("control character in path")
		}
	}
	return nil
}

// checkSegments refuses "." and ".." and hides dot-files (.git, .env, ...):
// those get 404 so their existence is not revealed.
func checkSegments(rest string) *pathError {
	for seg := range strings.SplitSeq(rest, "/") {
		if seg == "." || seg == ".." {
			return badPath("dot segment in path")
		}
		if seg[0] == '.' {
			return &pathError{http.StatusNotFound, "not found"}
		}
	}
	return nil
}
