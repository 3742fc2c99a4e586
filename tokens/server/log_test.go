package server

import (
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// forgery is what an attacker puts in a request to write a second, fake
// log line and clear the user's terminal.
const forgery = "x\n12:00:00 GET /msi/token resource=https://management.azure.com 200 1ms\x1b[2J\r"

// hidden are characters a terminal shows as nothing, or that turn the
// text after them around.
var hidden = []string{"\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200b", "\u200d", "\u200e", "\u2028", "\ufeff", "\x7f"}

func TestLogLinesCannotBeForged(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("r", 5000)
	tests := []struct {
		name string
		e    Entry
	}{
		{"path", Entry{Method: "GET", Path: "/msi/token" + forgery}},
		{"resource", Entry{Method: "GET", Path: "/msi/token", Resource: forgery}},
		{"method", Entry{Method: "GET" + forgery, Path: "/"}},
		{"problem", Entry{Method: "GET", Path: "/token", Problem: "resource " + forgery + " is not on this server's allow-list"}},
		{"bidi in the problem", Entry{Method: "GET", Path: "/token", Problem: "web pages from https://moc.elpmaxe\u202e.evil may not ask" + strings.Join(hidden, "")}},
		{"long fields", Entry{Method: long, Path: long, Resource: long, Problem: long}},
		{"invalid UTF-8", Entry{Method: "GET", Path: "/\xff\xfe", Problem: "bad \xc0\x80 bytes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.e.Time, tt.e.Status = time.Now(), 403
			line := tt.e.String()
			if strings.ContainsAny(line, "\n\r\x1b\x00") {
				t.Errorf("raw control characters in the log: %q", line)
			}
			for _, h := range hidden {
				if strings.Contains(line, h) {
					t.Errorf("invisible %U in the log: %q", []rune(h)[0], line)
				}
			}
			if !utf8.ValidString(line) {
				t.Errorf("invalid UTF-8 in the log: %q", line)
			}
			if n := utf8.RuneCountInString(line); n > 800 {
				t.Errorf("a %d-character line", n)
			}
		})
	}
}

func TestLogShowsWhatWasEscaped(t *testing.T) {
	t.Parallel()
	e := Entry{Time: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), Method: "GET", Path: "/token", Status: 403,
		Problem: "web pages from https://a\u202eb.example\n may not ask, \"quoted\" and \\ kept; café"}
	want := `03:04:05 GET /token 403 0s: web pages from https://a\u202eb.example\n may not ask, "quoted" and \\ kept; café`
	if got := e.String(); got != want {
		t.Errorf("line\n%s\nwant\n%s", got, want)
	}
}

// TestForgedRequestsLogOneLineEach sends the attack itself: a resource
// and an Origin built to forge log lines, with the right header.
func TestForgedRequestsLogOneLineEach(t *testing.T) {
	t.Parallel()
	rg := start(t, nil)
	rg.get(MSIPath + "?" + url.Values{"api-version": {MSIAPIVersion}, "resource": {forgery}}.Encode())
	rg.get(TokenPath+"?"+url.Values{"resource": {forgery + strings.Repeat("z", 3000)}}.Encode(), "Origin", "https://evil\u202e.example")
	rg.get(TokenPath, "Origin", "https://evil\u202e.example")
	rg.get(MSIPath + "?" + url.Values{"api-version": {forgery}, "resource": {armResource}}.Encode())
	log := rg.log()
	if lines := strings.Count(log, "\n"); lines != 4 {
		t.Errorf("4 requests wrote %d lines:\n%s", lines, log)
	}
	if strings.ContainsAny(log, "\r\x1b") || strings.Contains(log, "\u202e") {
		t.Errorf("raw escape or bidi characters in the log:\n%q", log)
	}
	for _, line := range strings.Split(strings.TrimSuffix(log, "\n"), "\n") {
		if !strings.Contains(line, " 40") {
			t.Errorf("not a refusal line, perhaps a forged one: %q", line)
		}
		if n := utf8.RuneCountInString(line); n > 800 {
			t.Errorf("a %d-character line", n)
		}
	}
}
