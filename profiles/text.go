package profiles

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Length caps, in characters. They are generous for real values and keep a
// runaway paste from reaching the file, the keyring or a request.
const (
	maxName   = 64
	maxNotes  = 2000
	maxURL    = 2048
	maxDomain = 253
	// maxSecret stays well under the smallest keyring item (Windows allows
	// 2560 bytes); Entra's own secrets are 40 characters.
	maxSecret = 1024
)

// trimPasted removes what copying from a portal, a chat or a PDF adds around
// a value: spaces, tabs, newlines and invisible zero-width or direction marks.
func trimPasted(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		switch r {
		case '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060', '\ufeff':
			return true
		}
		return unicode.IsSpace(r)
	})
}

// checkText refuses what no field may hold: text that is not UTF-8, text
// longer than max characters, and control characters (newlines and tabs
// too, unless multiline). The message never repeats the text, so it is safe
// for secrets.
func checkText(f Field, s string, max int, multiline bool) error {
	// Check the byte length first: a 10,000-character paste is refused
	// without decoding it.
	if len(s) > max*utf8.UTFMax || utf8.RuneCountInString(s) > max {
		return problem(f, fmt.Sprintf("Too long: at most %d characters", max))
	}
	if !utf8.ValidString(s) {
		return problem(f, "Contains bytes that are not text")
	}
	for _, r := range s {
		if multiline && (r == '\n' || r == '\t') {
			continue
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return problem(f, "Contains a control character such as a line break; retype it on one line")
		}
	}
	return nil
}

// checkRequired is checkText for a value that must not be empty; missing is
// the message shown when it is.
func checkRequired(f Field, s string, max int, missing string) error {
	if s == "" {
		return problem(f, missing)
	}
	return checkText(f, s, max, false)
}
