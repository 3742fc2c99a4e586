package tokens

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens/emulator"
	"github.com/aztoken/aztoken/tokens/internal/readme"
)

// TestEveryEntraCodeIsExplained sends every AADSTS code of the table from
// the emulator and checks what a user reads: the code, its own fix naming
// the profile field, the ids for support, and no retry for an answer that
// will not change.
func TestEveryEntraCodeIsExplained(t *testing.T) {
	srv, c, _ := startWorld(t, nil)
	for _, f := range entraTable {
		t.Run(fmt.Sprint(f.code), func(t *testing.T) {
			status, tries := 400, 1
			if transientCodes[f.code] {
				status, tries = 503, 1+c.Retry.MaxRetries
			}
			for range tries {
				srv.Inject(emulator.TokenEndpoint, emulator.EntraReply(status, "invalid_request", f.code, "The cause: "+f.cause+"."))
			}
			before := srv.Requests(emulator.TokenEndpoint)
			_, err := c.Token(context.Background(), request(srv))
			var e *EntraError
			if !errors.As(err, &e) || e.AADSTS() != f.code {
				t.Fatalf("err = %v, want AADSTS%d", err, f.code)
			}
			want := f.text()
			if f.code == 7000215 {
				// The request sent a secret shaped like a Value, which
				// rules the Secret ID out.
				want = wrongSecretHint(false).text()
			}
			if Fix(err) != want {
				t.Errorf("fix %q, want %q", Fix(err), want)
			}
			for _, field := range f.fields {
				if !strings.Contains(Fix(err), string(field)) {
					t.Errorf("fix %q does not name the field %s", Fix(err), field)
				}
			}
			if e.TraceID == "" || e.CorrelationID == "" || !strings.Contains(e.Details(), e.TraceID) {
				t.Errorf("no trace or correlation id: %+v", e)
			}
			if n := srv.Requests(emulator.TokenEndpoint) - before; n != tries {
				t.Errorf("%d requests, want %d", n, tries)
			}
			if Unavailable(err) != transientCodes[f.code] {
				t.Errorf("Unavailable = %v for a transient code: %v", Unavailable(err), transientCodes[f.code])
			}
		})
	}
}

var updateREADME = flag.Bool("update-readme", false, "rewrite the README's error table from the code's tables")

// The README's table of Entra's codes lies between these lines;
// tokens/arm keeps the table of Resource Manager's codes below it.
const (
	tableStart = "<!-- Entra error table: generated from tokens/entrafixes.go by go test ./tokens -run TestREADMEErrorTable -update-readme -->\n"
	tableEnd   = "<!-- end of Entra error table -->\n"
)

// errorTable is the README's table of every Entra code aztoken explains.
func errorTable() string {
	rows := make([]readme.Row, len(entraTable))
	for i, f := range entraTable {
		rows[i] = readme.Row{Code: fmt.Sprintf("AADSTS%d", f.code), Cause: f.cause, Fields: fieldNames(f.fields), Fix: f.fix}
	}
	return readme.ErrorTable(rows)
}

func fieldNames(fs []Field) []string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = string(f)
	}
	return names
}

// TestREADMEErrorTable keeps the README's table and the code's tables from
// drifting apart: run with -update-readme after changing a fix.
func TestREADMEErrorTable(t *testing.T) {
	readme.Check(t, "../README.md", tableStart, tableEnd, errorTable(), *updateREADME, "go test ./tokens -run TestREADMEErrorTable -update-readme")
}

// TestREADMENamesEveryLimit keeps the README's limits table true to the
// defaults.
func TestREADMENamesEveryLimit(t *testing.T) {
	raw, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, limits, _ := strings.Cut(string(raw), "## Limits")
	limits, _, _ = strings.Cut(limits, "\n## ")
	p := DefaultRetry()
	seconds := func(d time.Duration) string { return strconv.FormatFloat(d.Seconds(), 'f', -1, 64) + " s" }
	for _, want := range []string{
		"| " + seconds(DefaultTimeout) + " (`--timeout`)",
		"| " + seconds(DefaultMaxRetryAfter) + " (`--max-retry-after`",
		fmt.Sprintf("| %d, backoff from %s doubling up to %s", DefaultMaxRetries, seconds(p.BaseDelay), seconds(p.MaxDelay)),
		fmt.Sprintf("%s, %s, %s, %s |", seconds(dialTimeout), seconds(tlsTimeout), seconds(headerTimeout), seconds(attemptTimeout)),
		fmt.Sprintf("| %d MiB |", MaxBodyBytes>>20),
	} {
		if !strings.Contains(limits, want) {
			t.Errorf("the README's limits lack %q", want)
		}
	}
	if p.MaxRetries != DefaultMaxRetries || p.Timeout != DefaultTimeout || p.MaxRetryAfter != DefaultMaxRetryAfter {
		t.Errorf("DefaultRetry %+v does not use the named defaults", p)
	}
}
