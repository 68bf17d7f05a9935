package data

import (
	"strconv"
	"strings"
	"testing"
)

// The completeness test finds every number of the source text with numberTokens. What counts as
// a number:
//
//   - digits, with thousands separators and one decimal part ("80,000", "22.6"), even inside a
//     name ("A4P", "COVID-19", "S/2020/911": "/" and "-" separate numbers);
//   - an amount: digits or a cardinal word followed by "thousand", "million" or "billion", with
//     the "$" before it ("$1.5 billion" is one number, 1500000000);
//   - English cardinal words: zero to nineteen, twenty to ninety and their hyphenated compounds
//     ("twenty-five"), hundred, thousand, million, billion, also inside hyphenated words
//     ("zero-tolerance"); the plurals ("hundreds of", "millions of") are indefinite;
//   - English ordinals: first to nineteenth, twentieth to ninetieth, compounds ("seventy-fifth")
//     and the adverbs firstly to fifthly. They are found so that every "First," and "seventy-fifth
//     anniversary" is accounted for like any other number, not skipped unseen.
//
// Not numbers: Roman numerals (Annex I to IX), words such as "once", "twice", "half", "single",
// "both", "several", "quarterly", "annual".
type numberToken struct {
	start, end int     // byte offsets in the text
	text       string  // as written: "80,000", "$1.5 billion", "Four", "seventy-fifth"
	value      float64 // 80000, 1500000000, 4, 75
	ordinal    bool    // "first", "Secondly", "seventy-fifth"
	indefinite bool    // "hundreds", "millions"
}

var (
	cardinalWords = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
		"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	ordinalWords = []string{"zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
		"tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"}
	tensWords        = []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	tensOrdinalWords = []string{"", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"}
	adverbWords      = []string{"", "firstly", "secondly", "thirdly", "fourthly", "fifthly"}
	scaleWords       = map[string]float64{"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9}
)

// wordNumber reads one word (no hyphen) or a tens-units compound ("seventy-fifth"), any case.
func wordNumber(w string) (value float64, ordinal, indefinite, ok bool) {
	w = strings.ToLower(w)
	if i := index(cardinalWords, w); i >= 0 {
		return float64(i), false, false, true
	}
	if i := index(ordinalWords, w); i > 0 {
		return float64(i), true, false, true
	}
	if i := index(adverbWords, w); i > 0 {
		return float64(i), true, false, true
	}
	if i := index(tensWords, w); i >= 2 {
		return float64(i * 10), false, false, true
	}
	if i := index(tensOrdinalWords, w); i >= 2 {
		return float64(i * 10), true, false, true
	}
	if v, found := scaleWords[w]; found {
		return v, false, false, true
	}
	if v, found := scaleWords[strings.TrimSuffix(w, "s")]; found && strings.HasSuffix(w, "s") {
		return v, false, true, true
	}
	if ten, unit, compound := strings.Cut(w, "-"); compound {
		if t := index(tensWords, ten); t >= 2 {
			if u := index(cardinalWords, unit); u >= 1 && u <= 9 {
				return float64(t*10 + u), false, false, true
			}
			if u := index(ordinalWords, unit); u >= 1 && u <= 9 {
				return float64(t*10 + u), true, false, true
			}
		}
	}
	return 0, false, false, false
}

func index(list []string, s string) int {
	for i, x := range list {
		if x != "" && x == s {
			return i
		}
	}
	return -1
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// numberTokens returns every number of text in order.
func numberTokens(text string) []numberToken {
	var out []numberToken
	for i := 0; i < len(text); {
		switch c := text[i]; {
		case isDigit(c):
			tok := digitsAt(text, i)
			out = append(out, tok)
			i = tok.end
		case isLetter(c):
			end := i
			for end < len(text) && (isLetter(text[end]) || text[end] == '-' && end+1 < len(text) && isLetter(text[end+1])) {
				end++
			}
			out = append(out, wordTokens(text, i, end)...)
			i = end
		default:
			i++
		}
	}
	return mergeScales(text, out)
}

// digitsAt reads "80,000", "22.6" or "2017" at i. A comma groups digits only when exactly three
// follow ("2018, 25" is two numbers); a dot is decimal only when a digit follows ("2017." ends a
// sentence).
func digitsAt(text string, i int) numberToken {
	end := i
	for end < len(text) && isDigit(text[end]) {
		end++
	}
	for end+4 <= len(text) && text[end] == ',' && allDigits(text[end+1:end+4]) && (end+4 == len(text) || !isDigit(text[end+4])) {
		end += 4
	}
	if end+1 < len(text) && text[end] == '.' && isDigit(text[end+1]) {
		for end++; end < len(text) && isDigit(text[end]); end++ {
		}
	}
	s := text[i:end]
	v, _ := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	return numberToken{start: i, end: end, text: s, value: v}
}

// wordTokens finds the number words of one word, hyphenated or not: "zero-tolerance" holds
// "zero", "seventy-fifth" is one number, "Secretary-General" none.
func wordTokens(text string, start, end int) []numberToken {
	var out []numberToken
	parts := strings.Split(text[start:end], "-")
	at := start
	for i := 0; i < len(parts); i++ {
		part, partEnd := parts[i], at+len(parts[i])
		if i+1 < len(parts) {
			compound := part + "-" + parts[i+1]
			if v, ord, _, ok := wordNumber(compound); ok && strings.Contains(compound, "-") {
				out = append(out, numberToken{start: at, end: at + len(compound), text: compound, value: v, ordinal: ord})
				at += len(compound) + 1
				i++
				continue
			}
		}
		if v, ord, indef, ok := wordNumber(part); ok {
			out = append(out, numberToken{start: at, end: partEnd, text: part, value: v, ordinal: ord, indefinite: indef})
		}
		at = partEnd + 1
	}
	return out
}

// mergeScales joins a cardinal and the scale word after it ("1.5 billion", "two hundred") and a
// "$" before it into one number.
func mergeScales(text string, toks []numberToken) []numberToken {
	var out []numberToken
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if i+1 < len(toks) && !t.ordinal && !t.indefinite && strings.TrimSpace(text[t.end:toks[i+1].start]) == "" &&
			toks[i+1].start == t.end+1 && !toks[i+1].indefinite {
			if scale, isScale := scaleWords[strings.ToLower(toks[i+1].text)]; isScale {
				t = numberToken{start: t.start, end: toks[i+1].end, text: text[t.start:toks[i+1].end], value: t.value * scale}
				i++
			}
		}
		if t.start > 0 && text[t.start-1] == '$' && !t.ordinal {
			t.start--
			t.text = text[t.start:t.end]
		}
		out = append(out, t)
	}
	return out
}

func TestNumberTokens(t *testing.T) {
	type tok struct {
		text                string
		value               float64
		ordinal, indefinite bool
	}
	cases := map[string][]tok{
		"more than 80,000 peacekeepers in 13 mission areas": {{"80,000", 80000, false, false}, {"13", 13, false, false}},
		"from 59 in 2017 to 27 in 2018, 25 in 2019.":        {{"59", 59, false, false}, {"2017", 2017, false, false}, {"27", 27, false, false}, {"2018", 2018, false, false}, {"25", 25, false, false}, {"2019", 2019, false, false}},
		"22.6 per cent; 1,5 and 1,500,000":                  {{"22.6", 22.6, false, false}, {"1", 1, false, false}, {"5", 5, false, false}, {"1,500,000", 1500000, false, false}},
		"nearly $1.5 billion, over $70 million, $4 million": {{"$1.5 billion", 1.5e9, false, false}, {"$70 million", 7e7, false, false}, {"$4 million", 4e6, false, false}},
		"Four units; three units; two hundred; eight.":      {{"Four", 4, false, false}, {"three", 3, false, false}, {"two hundred", 200, false, false}, {"eight", 8, false, false}},
		"First, Secondly, the seventy-fifth and twentieth":  {{"First", 1, true, false}, {"Secondly", 2, true, false}, {"seventy-fifth", 75, true, false}, {"twentieth", 20, true, false}},
		"zero-tolerance, twenty-five, Secretary-General":    {{"zero", 0, false, false}, {"twenty-five", 25, false, false}},
		"hundreds of boys and millions of people":           {{"hundreds", 100, false, true}, {"millions", 1e6, false, true}},
		"A4P, COVID-19, S/2020/911, 20-12063 **3/23**":      {{"4", 4, false, false}, {"19", 19, false, false}, {"2020", 2020, false, false}, {"911", 911, false, false}, {"20", 20, false, false}, {"12063", 12063, false, false}, {"3", 3, false, false}, {"23", 23, false, false}},
		"someone, everyone, none, ones, once, tone, often":  nil,
		"a 250-strong force, 2018-2028, 5 to 10 years":      {{"250", 250, false, false}, {"2018", 2018, false, false}, {"2028", 2028, false, false}, {"5", 5, false, false}, {"10", 10, false, false}},
	}
	for text, want := range cases {
		var got []tok
		for _, n := range numberTokens(text) {
			if text[n.start:n.end] != n.text {
				t.Errorf("%q: token %q has offsets %d-%d", text, n.text, n.start, n.end)
			}
			got = append(got, tok{n.text, n.value, n.ordinal, n.indefinite})
		}
		if len(got) != len(want) {
			t.Errorf("%q: got %v, want %v", text, got, want)
			continue
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%q: token %d = %v, want %v", text, i, got[i], want[i])
			}
		}
	}
}
