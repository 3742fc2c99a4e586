// Package locale keeps Fyne quiet about locales it cannot parse. Fyne reads
// the locale while its packages initialise and logs three lines of "Fyne
// error: Error parsing user locale C" for C.UTF-8, the default of Debian and
// Ubuntu containers, CI runners and many SSH sessions; the command line
// links Fyne too, so every command printed them.
//
// Importing this package for its side effect fixes that before Fyne looks:
// Go initialises packages in import-path order among those whose imports
// are ready, and this one needs only os and strings, so it runs before
// fyne.io/fyne/v2/lang, whose imports (github.com/jeandeaual/go-locale and
// more) sort after github.com/aztoken. The command-line tests run the real
// binary in each locale, so a change that breaks this order fails them.
package locale

import (
	"os"
	"strings"
)

func init() {
	if Unparsable(os.Getenv) {
		// LANGUAGE is what go-locale, Fyne's locale reader, prefers
		// over LANG and the LC_ variables (other than exactly C or
		// POSIX). Programs aztoken starts see it too; for them it
		// only matters in the same C-like locales, where they speak
		// English anyway.
		os.Setenv("LANGUAGE", "en")
	}
}

// Unparsable says whether Fyne would fail to turn the locale that getenv
// describes into a language tag: a locale such as C.UTF-8 or POSIX.utf8
// whose language part is C or POSIX (exactly "C" and "POSIX" are
// understood as no locale), or one that is not language[_TERRITORY] at all.
func Unparsable(getenv func(string) string) bool {
	value := ""
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if value = getenv(name); value != "" {
			break
		}
	}
	if value == "C" || value == "POSIX" {
		return false
	}
	if languages := getenv("LANGUAGE"); languages != "" {
		value = languages
	}
	if value == "" {
		return false
	}
	for _, l := range strings.Split(value, ":") {
		if !wellFormed(l) {
			return true
		}
	}
	return false
}

// wellFormed says whether l, less its codeset and modifier, is a language
// of two or three letters with an optional territory of two letters or
// three digits, as de_DE.UTF-8 and en are.
func wellFormed(l string) bool {
	l, _, _ = strings.Cut(l, ".")
	l, _, _ = strings.Cut(l, "@")
	lang, territory, hasTerritory := strings.Cut(strings.ReplaceAll(l, "-", "_"), "_")
	if !letters(lang, 2, 3) {
		return false
	}
	return !hasTerritory || letters(territory, 2, 2) || digits(territory, 3)
}

func letters(s string, min, max int) bool {
	if len(s) < min || len(s) > max {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
			return false
		}
	}
	return true
}

func digits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
