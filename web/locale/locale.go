// Package locale formats numbers, periods and dates for the reader's language.
package locale

import (
	"strconv"
	"strings"
)

// Lang is a supported interface language.
type Lang string

const (
	EN Lang = "en"
	FR Lang = "fr"
)

// Minus is the typographic minus sign: a hyphen reads as a dash in large type.
const Minus = "\u2212"

// narrowNBSP separates a French number from "%" and groups thousands, as French typography wants.
const narrowNBSP = "\u202f"

// Parse returns the supported language for a BCP 47 tag such as "fr-CA", and false if none fits.
func Parse(tag string) (Lang, bool) {
	base := strings.ToLower(strings.SplitN(strings.TrimSpace(tag), "-", 2)[0])
	switch base {
	case "en":
		return EN, true
	case "fr":
		return FR, true
	}
	return EN, false
}

// Decimal renders a number already written as a decimal string ("22.6", "8") in the language,
// keeping its digits exactly: figures from the source are never re-rounded.
func (l Lang) Decimal(text string) string {
	neg := strings.HasPrefix(text, "-")
	text = strings.TrimPrefix(text, "-")
	intPart, frac, hasFrac := strings.Cut(text, ".")
	intPart = group(intPart, l.thousands())
	out := intPart
	if hasFrac {
		out += l.decimalMark() + frac
	}
	if neg {
		out = Minus + out
	}
	return out
}

// Number renders v with the given number of decimals.
func (l Lang) Number(v float64, decimals int) string {
	return l.Decimal(strconv.FormatFloat(v, 'f', decimals, 64))
}

// Percent renders a decimal string as a percentage: "22.6%" or "22,6 %".
func (l Lang) Percent(text string) string {
	if l == FR {
		return l.Decimal(text) + narrowNBSP + "%"
	}
	return l.Decimal(text) + "%"
}

// Signed renders a whole number with an explicit sign (+5, −51).
func (l Lang) Signed(v float64) string {
	if v > 0 {
		return "+" + l.Number(v, 0)
	}
	return l.Number(v, 0)
}

// SignedPercent renders a whole percentage with an explicit sign (−86%, −86 %).
func (l Lang) SignedPercent(v float64) string {
	s := l.Signed(v)
	if l == FR {
		return s + narrowNBSP + "%"
	}
	return s + "%"
}

func (l Lang) decimalMark() string {
	if l == FR {
		return ","
	}
	return "."
}

func (l Lang) thousands() string {
	if l == FR {
		return narrowNBSP
	}
	return ","
}

// group inserts a separator every three digits from the right.
func group(digits, sep string) string {
	if len(digits) <= 4 { // 2020 stays 2020 in both languages; a year is not grouped
		return digits
	}
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Colon is ": " in English and " : " with a narrow no-break space in French.
func (l Lang) Colon() string {
	if l == FR {
		return narrowNBSP + ": "
	}
	return ": "
}
