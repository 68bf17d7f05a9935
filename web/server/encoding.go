package server

import (
	"strconv"
	"strings"
)

// preferredEncodings returns the codings we can serve ("br", "gzip") that the
// Accept-Encoding header allows, best first. q=0 is a refusal; an explicit
// entry beats "*"; on equal q, br wins because it is smaller. Malformed
// entries are ignored rather than guessed at.
func preferredEncodings(header string) []string {
	br, gz := acceptQ(header)
	switch {
	case br > 0 && br >= gz:
		if gz > 0 {
			return []string{"br", "gzip"}
		}
		return []string{"br"}
	case gz > 0:
		if br > 0 {
			return []string{"gzip", "br"}
		}
		return []string{"gzip"}
	}
	return nil
}

// acceptQ extracts the q-values for br and gzip (x-gzip is the legacy alias).
// Duplicates keep the highest value; unspecified codings fall back to "*".
func acceptQ(header string) (br, gz float64) {
	br, gz, star := -1.0, -1.0, -1.0
	for part := range strings.SplitSeq(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		q, ok := parseQ(params)
		if !ok {
			continue
		}
		switch strings.ToLower(strings.TrimSpace(coding)) {
		case "br":
			br = max(br, q)
		case "gzip", "x-gzip":
			gz = max(gz, q)
		case "*":
			star = max(star, q)
		}
	}
	if br < 0 {
		br = max(star, 0)
	}
	if gz < 0 {
		gz = max(star, 0)
	}
	return br, gz
}

// parseQ reads the q parameter from ";q=0.5;other=x"; absent means 1.
// Out-of-range or unparsable values (including NaN) make the entry invalid.
func parseQ(params string) (float64, bool) {
	q := 1.0
	for p := range strings.SplitSeq(params, ";") {
		k, v, found := strings.Cut(strings.TrimSpace(p), "=")
		if !found || !strings.EqualFold(strings.TrimSpace(k), "q") {
			continue
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || !(f >= 0 && f <= 1) {
			return 0, false
		}
		q = f
	}
	return q, true
}
