package server

import (
	"fmt"
	"strconv"
	"time"
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
	Problem string
}

// String is the entry as one log line, for a terminal. Path and resource
// come from whoever sent the request (any web page can make a browser send
// one), so they are quoted and shortened: no escape sequences and no fake
// log lines reach the user's terminal.
func (e Entry) String() string {
	s := fmt.Sprintf("%s %s %s", e.Time.Format("15:04:05"), e.Method, safe(e.Path))
	if e.Resource != "" {
		s += " resource=" + safe(e.Resource)
	}
	s += fmt.Sprintf(" %d %s", e.Status, e.Duration.Round(time.Millisecond))
	if e.Problem != "" {
		s += ": " + e.Problem
	}
	return s
}

// safe shows untrusted text as printable ASCII, at most 120 characters of
// it: plain when it already is, quoted when it holds anything else.
func safe(s string) string {
	const limit = 120
	if r := []rune(s); len(r) > limit {
		s = string(r[:limit]) + "…"
	}
	for _, r := range s {
		if r <= ' ' || r > '~' || r == '"' {
			return strconv.QuoteToASCII(s)
		}
	}
	return s
}
