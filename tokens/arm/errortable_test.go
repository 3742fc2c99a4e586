package arm

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
	"github.com/aztoken/aztoken/tokens/internal/readme"
)

// TestEveryARMCodeIsExplained does the same for Resource Manager's codes:
// throttles and 5xx are retried, then reported with their own fix.
func TestEveryARMCodeIsExplained(t *testing.T) {
	srv, c, _ := startWorld(t, nil)
	arm := armFor(t, srv, c, appID, tenantID, tokens.Target{})
	for _, f := range table {
		t.Run(f.code, func(t *testing.T) {
			tries := 1
			if retried(f.status) {
				tries = 1 + c.Retry.MaxRetries
			}
			for range tries {
				srv.Inject(emulator.ARMEndpoint, emulator.ARMReply(f.status, f.code, "The cause: "+f.cause+"."))
			}
			before := srv.Requests(emulator.ARMEndpoint)
			_, err := arm.Get(context.Background(), "/subscriptions/"+readableSub+"/resourcegroups?api-version="+ResourceGroupsAPIVersion)
			var e *Error
			if !errors.As(err, &e) || e.Code != f.code || e.Status != f.status {
				t.Fatalf("err = %v, want %d %s", err, f.status, f.code)
			}
			if tokens.Fix(err) != f.text() || e.RequestID == "" {
				t.Errorf("fix %q, want %q; request id %q", tokens.Fix(err), f.text(), e.RequestID)
			}
			if n := srv.Requests(emulator.ARMEndpoint) - before; n != tries {
				t.Errorf("%d requests, want %d", n, tries)
			}
			if tokens.Unavailable(err) != retried(f.status) {
				t.Errorf("Unavailable = %v for HTTP %d", tokens.Unavailable(err), f.status)
			}
		})
	}
}

func TestUnknownARMCodeGetsARMsWordsAndTheRequestIDs(t *testing.T) {
	srv, c, _ := startWorld(t, nil)
	arm := armFor(t, srv, c, appID, tenantID, tokens.Target{})
	srv.Inject(emulator.ARMEndpoint, emulator.ARMReply(400, "SomethingNew", "Something new happened."))
	_, err := arm.Get(context.Background(), "/subscriptions/"+readableSub+"?api-version="+SubscriptionsAPIVersion)
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %v", err)
	}
	fix := tokens.Fix(err)
	if !strings.Contains(fix, "SomethingNew") || !strings.Contains(fix, e.RequestID) || !strings.Contains(fix, e.CorrelationID) || !strings.Contains(err.Error(), "Something new happened") {
		t.Errorf("err %q, fix %q", err, fix)
	}
	for _, f := range table {
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
		e := &Error{Status: 409, Code: tt.code, Message: tt.message}
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
		e := &Error{Status: 400, Code: tt.code, Message: tt.message}
		if !strings.Contains(e.Fix(), tt.want) {
			t.Errorf("%s: fix %q lacks %q", tt.code, e.Fix(), tt.want)
		}
	}
}

var updateREADME = flag.Bool("update-readme", false, "rewrite the README's ARM error table from the code's table")

// The README's table of Resource Manager's codes lies between these lines;
// package tokens keeps the table of Entra's codes above it.
const (
	tableStart = "<!-- ARM error table: generated from tokens/arm/fixes.go by go test ./tokens/arm -run TestREADMEErrorTable -update-readme -->\n"
	tableEnd   = "<!-- end of ARM error table -->\n"
)

// errorTable is the README's table of every ARM code aztoken explains.
func errorTable() string {
	rows := make([]readme.Row, len(table))
	for i, f := range table {
		names := make([]string, len(f.fields))
		for j, field := range f.fields {
			names[j] = string(field)
		}
		rows[i] = readme.Row{Code: fmt.Sprintf("ARM %d %s", f.status, f.code), Cause: f.cause, Fields: names, Fix: f.fix}
	}
	return readme.ErrorTable(rows)
}

// TestREADMEErrorTable keeps the README's table and the code's table from
// drifting apart: run with -update-readme after changing a fix.
func TestREADMEErrorTable(t *testing.T) {
	readme.Check(t, "../../README.md", tableStart, tableEnd, errorTable(), *updateREADME, "go test ./tokens/arm -run TestREADMEErrorTable -update-readme")
}

// TestREADMENamesThePageLimit keeps the README's limits table true to
// maxPages.
func TestREADMENamesThePageLimit(t *testing.T) {
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, limits, _ := strings.Cut(string(raw), "## Limits")
	limits, _, _ = strings.Cut(limits, "\n## ")
	if want := fmt.Sprintf("| %d |", maxPages); !strings.Contains(limits, want) {
		t.Errorf("the README's limits lack %q", want)
	}
}

// retried is what the retry loop asks again for: throttles and 5xx.
func retried(status int) bool {
	return status == http.StatusTooManyRequests || status >= 500
}
