package data

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// number parses a value or target cell. Only plain decimals written with digits are accepted
// ("22.6", "8"): strconv.ParseFloat alone would also take "1e3", "Inf" or "0x10", none of which
// a figure from the source is. An empty cell means "not given" and returns ok false, no problem.
func number(s string) (v float64, ok bool, problem string) {
	if s == "" {
		return 0, false, ""
	}
	digits := strings.TrimPrefix(s, "-")
	switch {
	case strings.HasSuffix(s, "%"):
		return 0, false, fmt.Sprintf("%q is not a number: write it without %%", s)
	case isDecimal(strings.Replace(digits, ",", ".", 1)) && strings.Contains(digits, ","):
		return 0, false, fmt.Sprintf("%q is not a number: use a dot as the decimal separator", s)
	case !isDecimal(digits):
		return 0, false, fmt.Sprintf("%q is not a number", s)
	case digits != s:
		return 0, false, fmt.Sprintf("%q is negative: counts and shares cannot be negative", s)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil { // unreachable for a decimal, but never trust a parse silently
		return 0, false, fmt.Sprintf("%q is not a number", s)
	}
	return v, true, ""
}

// isDecimal reports whether s is digits with at most one dot between digits.
func isDecimal(s string) bool {
	whole, frac, hasDot := strings.Cut(s, ".")
	return allDigits(whole) && (!hasDot || allDigits(frac))
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// ParsePeriod splits a Series key: "2017" is a year (quarter 0), "2018-Q4" a quarter of a year.
// It is exported so the page can format periods by locale without parsing them again.
func ParsePeriod(s string) (year, quarter int, err error) {
	y, q, hasQ := strings.Cut(s, "-Q")
	if len(y) != 4 || !allDigits(y) || (hasQ && (len(q) != 1 || q < "1" || q > "4")) {
		return 0, 0, errors.New("period must be a year (2017) or a quarter (2018-Q4)")
	}
	year, _ = strconv.Atoi(y)
	if hasQ {
		quarter = int(q[0] - '0')
	}
	return year, quarter, nil
}

// checkDate accepts an ISO date; with partial, also a month (2020-06) or a year (2020).
// It returns the problem, or "".
func checkDate(s string, partial bool) string {
	parts := strings.Split(s, "-")
	want := "YYYY-MM-DD"
	if partial {
		want = "YYYY-MM-DD, YYYY-MM or YYYY"
	}
	if (!partial && len(parts) != 3) || len(parts) > 3 || len(parts[0]) != 4 || !allDigits(parts[0]) {
		return fmt.Sprintf("%q is not a date (%s)", s, want)
	}
	limits := []int{12, 31}
	for i, part := range parts[1:] {
		n, err := strconv.Atoi(part)
		if len(part) != 2 || !allDigits(part) || err != nil || n < 1 || n > limits[i] {
			return fmt.Sprintf("%q is not a date (%s)", s, want)
		}
	}
	return ""
}

// positiveInt parses a page number: digits only, at least 1.
func positiveInt(s string) (int, bool) {
	n, err := strconv.Atoi(s)
	return n, allDigits(s) && err == nil && n > 0
}

// isID reports whether s is a safe identifier: lowercase ASCII letters, digits and inner hyphens.
// Dataset ids are file names and URL values, so nothing else is allowed.
func isID(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for _, c := range s {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}
