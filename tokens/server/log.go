package server

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Entry is one request as the log shows it. It never holds the token or
// the header value: only what a user needs to see who asked for what.
type Entry struct {
	Time     time.Time
	Method   string
	Path     string
	Resource string
	Status   int
	Duration time.Duration
	// Problem says why a request was refused or failed; empty on success.
	// It may repeat what the request sent (its resource, its Origin).
	Problem string
}

// The longest each field of a log line may be, in characters. A field cut
// short ends in "…".
const (
	methodLimit  = 16
	fieldLimit   = 120
	problemLimit = 400
)

// String is the entry as one log line, for a terminal. Method, path,
// resource and problem all carry text from whoever sent the request (any
// web page can make a browser send some of it), so every one is escaped and
// shortened: no escape sequence, line break or bidi control reaches the
// user's terminal, and no request can write a second, fake line.
func (e Entry) String() string {
	s := fmt.Sprintf("%s %s %s", e.Time.Format("15:04:05"), quoted(e.Method, methodLimit), quoted(e.Path, fieldLimit))
	if e.Resource != "" {
		s += " resource=" + quoted(e.Resource, fieldLimit)
	}
	s += fmt.Sprintf(" %d %s", e.Status, e.Duration.Round(time.Millisecond))
	if e.Problem != "" {
		s += ": " + escaped(e.Problem, problemLimit)
	}
	return s
}

// safe is untrusted text as it appears inside an answer or a log line:
// quoted when it holds anything but printable ASCII, and shortened.
func safe(s string) string { return quoted(s, fieldLimit) }

// quoted shows s as printable ASCII, at most limit characters of it: plain
// when it already is, quoted with Go's escapes when it holds anything else.
func quoted(s string, limit int) string {
	s = shorten(s, limit)
	for _, r := range s {
		if r <= ' ' || r > '~' || r == '"' {
			return strconv.QuoteToASCII(s)
		}
	}
	return s
}

// escaped keeps a sentence readable: printable characters stay as they
// are, anything else (controls, line and paragraph separators, bidi and
// zero-width characters, invalid UTF-8) becomes a Go escape such as \n,
// \x1b or \u202e.
func escaped(s string, limit int) string {
	s = shorten(s, limit)
	var b strings.Builder
	for _, r := range s {
		// IsPrint leaves out the format characters (Cf), among them the
		// bidi overrides and zero-width joiners, and every separator but
		// the ASCII space.
		if unicode.IsPrint(r) && r != '\\' && r != unicode.ReplacementChar {
			b.WriteRune(r)
			continue
		}
		b.WriteString(strings.Trim(strconv.QuoteRuneToASCII(r), "'"))
	}
	return b.String()
}

// shorten cuts s to limit characters, marking the cut.
func shorten(s string, limit int) string {
	n := 0
	for i := range s {
		if n == limit {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
