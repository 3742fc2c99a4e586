package profiles

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// lookalike reports whether r is a direction or zero-width mark: invisible
// on screen, but able to reorder what follows or to make one name differ
// from another that looks the same. A name refuses them anywhere; other
// fields only lose them at their ends, as trimPasted does.
func lookalike(r rune) bool {
	switch {
	case r >= '\u202a' && r <= '\u202e', // embeddings and overrides
		r >= '\u2066' && r <= '\u2069',              // isolates
		r == '\u200e', r == '\u200f', r == '\u061c', // direction marks
		r >= '\u200b' && r <= '\u200d', r == '\u2060', r == '\ufeff': // zero-width
		return true
	}
	return false
}

// checkLookalikes refuses a value holding a lookalike character.
func checkLookalikes(f Field, s string) error {
	if strings.IndexFunc(s, lookalike) >= 0 {
		return problem(f, "Contains an invisible direction or zero-width mark, which can make it look like another name; retype it")
	}
	return nil
}

// Printable returns s as a terminal can show it safely: every character a
// terminal would act on rather than print (control characters and so
// escape sequences, direction and zero-width marks, other format
// characters, line separators) becomes a \u escape, and bytes that are not
// UTF-8 become \x escapes. Ordinary text, in any script, is unchanged. The
// CLI prints every name read from a file through it, since a file may hold
// what no editor would let through.
func Printable(s string) string {
	if strings.IndexFunc(s, hidden) < 0 && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[0])
		case hidden(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
		s = s[size:]
	}
	return b.String()
}

// hidden reports whether a terminal would act on r rather than show it.
func hidden(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029'
}
