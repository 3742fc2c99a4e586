package server

import (
	"fmt"
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

// String is the entry as one log line, for a terminal.
func (e Entry) String() string {
	s := fmt.Sprintf("%s %s %s", e.Time.Format("15:04:05"), e.Method, e.Path)
	if e.Resource != "" {
		s += " resource=" + e.Resource
	}
	s += fmt.Sprintf(" %d %s", e.Status, e.Duration.Round(time.Millisecond))
	if e.Problem != "" {
		s += ": " + e.Problem
	}
	return s
}
