package export

import (
	"strings"

	"briefing/data"
)

// MaxFileName is the longest name FileName returns, in bytes (well under the 255 of common
// file systems, and short enough to read in a download bar).
const MaxFileName = 100

// FileName joins parts into a safe, meaningful download name:
//
//	FileName("S/2020/911", "fatalities", "chart", "2020-09-14", ".csv") == "s-2020-911-fatalities-chart-2020-09-14.csv"
//
// Parts are joined with "-", except an extension part (".csv", ".tar.gz": a dot, then ASCII
// letters and digits), which is appended lowercased; other parts starting with dots are text. The result is lowercase and holds only a-z, 0-9, "-" and "."; common accented Latin
// letters lose their accent ("Répartition" -> "repartition"), anything else becomes "-", runs of
// "-" and "." collapse, and the name neither starts nor ends with "-" or ".". It is at most
// MaxFileName bytes, keeping the extension when cutting; a Windows device name (con, nul, ...)
// gets "-file" so the name can be saved everywhere. Nothing usable gives "download".
func FileName(parts ...string) string {
	var stem, ext []string
	for _, p := range parts {
		if isExtension(p) {
			ext = append(ext, strings.ToLower(p[1:]))
		} else if s := slug(p, true); s != "" {
			stem = append(stem, s)
		}
	}
	name := strings.Join(stem, "-")
	if name == "" {
		name = "download"
	}
	extension := ""
	if len(ext) > 0 {
		extension = "." + strings.Join(ext, ".")
	}
	if len(name)+len(extension) > MaxFileName {
		name = strings.TrimRight(name[:MaxFileName-len(extension)], "-.")
	}
	base, _, _ := strings.Cut(name, ".")
	if reserved[base] {
		name = base + "-file" + name[len(base):]
	}
	return name + extension
}

// isExtension reports whether p is an extension: ".csv", ".tar.gz" (a dot, then ASCII letters and
// digits with inner dots, at most 16 bytes).
func isExtension(p string) bool {
	if len(p) < 2 || len(p) > 16 || p[0] != '.' || p[len(p)-1] == '.' {
		return false
	}
	for i := 1; i < len(p); i++ {
		c := p[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' && p[i-1] != '.') {
			return false
		}
	}
	return true
}

// reserved are names Windows gives to devices, with or without an extension.
var reserved = map[string]bool{
	"con": true, "prn": true, "aux": true, "nul": true,
	"com1": true, "com2": true, "com3": true, "com4": true, "com5": true, "com6": true, "com7": true, "com8": true, "com9": true,
	"lpt1": true, "lpt2": true, "lpt3": true, "lpt4": true, "lpt5": true, "lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true,
}

// slug lowercases s and keeps [a-z0-9-] (and "." with dots), folding accents; other characters
// become "-". Runs of separators collapse to their first and none is left at either end.
func slug(s string, dots bool) string {
	var b strings.Builder
	sep := byte(0) // pending separator
	for _, r := range data.Fold(s) {
		var out string
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			out = string(r)
		case r == '.' && dots:
			if sep == 0 || sep == '-' {
				sep = '.'
			}
			continue
		default:
			if sep == 0 {
				sep = '-'
			}
			continue
		}
		if sep != 0 && b.Len() > 0 {
			b.WriteByte(sep)
		}
		sep = 0
		b.WriteString(out)
	}
	return b.String()
}
