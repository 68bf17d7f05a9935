package locale

import "strings"

var monthsEN = [...]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

var monthsFR = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
	"août", "septembre", "octobre", "novembre", "décembre"}

// Period renders a period key: "2017" stays, "2018-Q4" becomes "Q4 2018" or "T4 2018"
// (trimestre). An unknown form is returned as it is rather than guessed at.
func (l Lang) Period(key string) string {
	year, q, ok := strings.Cut(key, "-Q")
	if !ok {
		return key
	}
	if l == FR {
		return "T" + q + "\u00a0" + year
	}
	return "Q" + q + " " + year
}

// Date renders an ISO date or month ("2020-09-14", "2020-06") as "14 September 2020",
// "June 2020" or "14 septembre 2020", "juin 2020". Malformed input is returned unchanged.
func (l Lang) Date(iso string) string {
	parts := strings.Split(iso, "-")
	if len(parts) < 2 || len(parts) > 3 || len(parts[0]) != 4 {
		return iso
	}
	m := atoi(parts[1])
	if m < 1 || m > 12 {
		return iso
	}
	month := monthsEN[m-1]
	if l == FR {
		month = monthsFR[m-1]
	}
	if len(parts) == 2 {
		return month + " " + parts[0]
	}
	d := atoi(parts[2])
	if d < 1 || d > 31 {
		return iso
	}
	day := itoa(d)
	if l == FR && d == 1 {
		day = "1er"
	}
	return day + " " + month + " " + parts[0]
}

// DayMonth renders "14 September" / "14 septembre" for an ISO date, for "to 14 September".
func (l Lang) DayMonth(iso string) string {
	full := l.Date(iso)
	if i := strings.LastIndexByte(full, ' '); i > 0 && len(strings.Split(iso, "-")) == 3 {
		return full[:i]
	}
	return full
}

func atoi(s string) int {
	n := 0
	if s == "" || len(s) > 2 {
		return -1
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return string(rune('0'+n/10)) + string(rune('0'+n%10))
}
