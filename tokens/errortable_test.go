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

// TestEveryARMCodeIsExplained does the same for Resource Manager's codes:
// throttles and 5xx are retried, then reported with their own fix.
func TestEveryARMCodeIsExplained(t *testing.T) {
	srv, c, _ := startWorld(t, nil)
	arm := armFor(t, srv, c, appID, tenantID, Target{})
	for _, f := range armTable {
		t.Run(f.code, func(t *testing.T) {
			tries := 1
			if retryableStatus(f.status) {
				tries = 1 + c.Retry.MaxRetries
			}
			for range tries {
				srv.Inject(emulator.ARMEndpoint, emulator.ARMReply(f.status, f.code, "The cause: "+f.cause+"."))
			}
			before := srv.Requests(emulator.ARMEndpoint)
			_, err := arm.Get(context.Background(), "/subscriptions/"+readableSub+"/resourcegroups?api-version="+ResourceGroupsAPIVersion)
			var e *ARMError
			if !errors.As(err, &e) || e.Code != f.code || e.Status != f.status {
				t.Fatalf("err = %v, want %d %s", err, f.status, f.code)
			}
			if Fix(err) != f.text() || e.RequestID == "" {
				t.Errorf("fix %q, want %q; request id %q", Fix(err), f.text(), e.RequestID)
			}
			if n := srv.Requests(emulator.ARMEndpoint) - before; n != tries {
				t.Errorf("%d requests, want %d", n, tries)
			}
			if Unavailable(err) != retryableStatus(f.status) {
				t.Errorf("Unavailable = %v for HTTP %d", Unavailable(err), f.status)
			}
		})
	}
}

func TestUnknownARMCodeGetsARMsWordsAndTheRequestIDs(t *testing.T) {
	srv, c, _ := startWorld(t, nil)
	arm := armFor(t, srv, c, appID, tenantID, Target{})
	srv.Inject(emulator.ARMEndpoint, emulator.ARMReply(400, "SomethingNew", "Something new happened."))
	_, err := arm.Get(context.Background(), "/subscriptions/"+readableSub+"?api-version="+SubscriptionsAPIVersion)
	var e *ARMError
	if !errors.As(err, &e) {
		t.Fatalf("err = %v", err)
	}
	fix := Fix(err)
	if !strings.Contains(fix, "SomethingNew") || !strings.Contains(fix, e.RequestID) || !strings.Contains(fix, e.CorrelationID) || !strings.Contains(err.Error(), "Something new happened") {
		t.Errorf("err %q, fix %q", err, fix)
	}
	for _, f := range armTable {
		if strings.Contains(fix, strings.TrimSuffix(f.fix, ".")) {
			t.Errorf("fix %q is %s's", fix, f.code)
		}
	}
}

func TestSubscriptionStatesAreReadFromAnyCode(t *testing.T) {
	tests := []struct{ code, message, want string }{
		{"SubscriptionWarned", "The subscription '1' is in the warned state.", "past due"},
		{"SubscriptionNotActive", "The subscription '1' is past due.", "past due"},
		{"SubscriptionDeleted", "The subscription '1' was deleted.", "use another subscription"},
		{"SomeNewCode", "Subscription '1' is disabled.", "reactivate"},
		{"SomeNewCode", "The storage account is disabled.", "code SomeNewCode is not in aztoken's table"},
	}
	for _, tt := range tests {
		e := &ARMError{Status: 409, Code: tt.code, Message: tt.message}
		if !strings.Contains(e.Fix(), tt.want) {
			t.Errorf("%s %q: fix %q lacks %q", tt.code, tt.message, e.Fix(), tt.want)
		}
	}
}

func TestAPIVersionRefusalsOfferTheListedVersions(t *testing.T) {
	tests := []struct{ code, message, want string }{
		{"InvalidApiVersionParameter", "The api-version '2099-01-01' is invalid. The supported versions are '2025-04-01-preview,2024-11-01,2024-07-01,2021-04-01'. Please note that the api-version is case sensitive.",
			"such as 2024-11-01 (it supports 2024-11-01, 2024-07-01, 2021-04-01, 2025-04-01-preview)"},
		{"NoRegisteredProviderFound", "No registered resource provider found for location 'westeurope' and API version '2099-01-01' for type 'resourceGroups'. The supported api-versions are '2014-04-01, 2015-11-01, 2016-02-01'. The supported locations are 'westeurope'.",
			"such as 2016-02-01"},
		{"InvalidApiVersionParameter", "The api-version is invalid.", "such as " + ResourceGroupsAPIVersion},
	}
	for _, tt := range tests {
		e := &ARMError{Status: 400, Code: tt.code, Message: tt.message}
		if !strings.Contains(e.Fix(), tt.want) {
			t.Errorf("%s: fix %q lacks %q", tt.code, e.Fix(), tt.want)
		}
	}
}

var updateREADME = flag.Bool("update-readme", false, "rewrite the README's error table from the code's tables")

// The README's error table lies between these lines.
const (
	tableStart = "<!-- error table: generated from tokens/entrafixes.go and armfixes.go by go test ./tokens -run TestREADMEErrorTable -update-readme -->\n"
	tableEnd   = "<!-- end of error table -->\n"
)

// errorTable is the README's table: every code aztoken explains.
func errorTable() string {
	var b strings.Builder
	b.WriteString("| code | cause | look at | fix |\n|---|---|---|---|\n")
	fields := func(fs []Field) string {
		if len(fs) == 0 {
			return "—"
		}
		names := make([]string, len(fs))
		for i, f := range fs {
			names[i] = string(f)
		}
		return strings.Join(names, ", ")
	}
	cell := strings.NewReplacer("|", `\|`, "<", `\<`, ">", `\>`).Replace
	for _, f := range entraTable {
		fmt.Fprintf(&b, "| AADSTS%d | %s | %s | %s |\n", f.code, cell(f.cause), fields(f.fields), cell(f.fix))
	}
	for _, f := range armTable {
		fmt.Fprintf(&b, "| ARM %d %s | %s | %s | %s |\n", f.status, f.code, cell(f.cause), fields(f.fields), cell(f.fix))
	}
	return b.String()
}

// TestREADMEErrorTable keeps the README's table and the code's tables from
// drifting apart: run with -update-readme after changing a fix.
func TestREADMEErrorTable(t *testing.T) {
	const path = "../README.md"
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(raw)
	before, rest, ok1 := strings.Cut(readme, tableStart)
	table, after, ok2 := strings.Cut(rest, tableEnd)
	if !ok1 || !ok2 {
		t.Fatalf("README.md has no error table between %q and %q", tableStart, tableEnd)
	}
	want := errorTable()
	if table == want {
		return
	}
	if *updateREADME {
		if err := os.WriteFile(path, []byte(before+tableStart+want+tableEnd+after), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's error table differs from the code's; run go test ./tokens -run TestREADMEErrorTable -update-readme")
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
		fmt.Sprintf("| %d |", maxPages),
	} {
		if !strings.Contains(limits, want) {
			t.Errorf("the README's limits lack %q", want)
		}
	}
	if p.MaxRetries != DefaultMaxRetries || p.Timeout != DefaultTimeout || p.MaxRetryAfter != DefaultMaxRetryAfter {
		t.Errorf("DefaultRetry %+v does not use the named defaults", p)
	}
}
