package server

import (
	"strings"
	"testing"
	"time"
)

func TestLogLinesCannotBeForged(t *testing.T) {
	e := Entry{Time: time.Now(), Method: "GET", Path: "/msi/token\n12:00:00 GET /token 200\x1b[2J", Resource: strings.Repeat("r", 500), Status: 401}
	line := e.String()
	if strings.ContainsAny(line, "\n\x1b") {
		t.Errorf("raw control characters in the log: %q", line)
	}
	if len(line) > 400 {
		t.Errorf("a 500-character resource made a %d-character line", len(line))
	}
}
