package setupcheck

import (
	"fmt"
	"strings"
	"time"
)

// Status is how one step of a Check ended.
type Status int

// The zero Status is NotRun, so a step nobody decided reads as not run.
const (
	NotRun Status = iota
	Pass
	Warn
	Fail
)

// Symbol is the checklist mark: ✓, ✗, ⚠ or – for a step not run.
func (s Status) Symbol() string {
	switch s {
	case Pass:
		return "✓"
	case Warn:
		return "⚠"
	case Fail:
		return "✗"
	}
	return "–"
}

// String is the status in words: pass, warn, fail or not run.
func (s Status) String() string {
	switch s {
	case Pass:
		return "pass"
	case Warn:
		return "warn"
	case Fail:
		return "fail"
	}
	return "not run"
}

// MarshalText writes the status in words, for JSON.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Area is which side of the setup a step checks: scripts map it to an
// exit code when a step fails without a service's error to classify.
type Area int

const (
	// AreaEntra is the tenant, the app registration, its credential and
	// the token Entra ID issues.
	AreaEntra Area = iota + 1
	// AreaARM is the subscription and the app's role assignments, as
	// Resource Manager sees them.
	AreaARM
)

// Step is one line of the checklist.
type Step struct {
	// Title says what the step checks, the same words whatever happened.
	Title string `json:"title"`
	// Status is how the step ended.
	Status Status `json:"status"`
	// Detail is what was seen: the answer, the claims, or why the step was
	// not run. It never holds the secret or the token.
	Detail string `json:"detail"`
	// Fix is one sentence in the portal's words, for a failure or a
	// warning; empty when the step passed.
	Fix string `json:"fix,omitempty"`
	// Area is the side of the setup the step checks.
	Area Area `json:"-"`
	// Err is the service's or network's error behind a failure, for
	// errors.As; nil when aztoken judged the answer itself (a wrong
	// audience, another tenant) or nothing failed.
	Err error `json:"-"`
}

// Report is the outcome of a Check: what was checked and each step's
// result, in order.
type Report struct {
	CheckedAt     time.Time `json:"checkedAt"`
	AuthorityHost string    `json:"authorityHost"`
	Tenant        string    `json:"tenant"`
	ClientID      string    `json:"clientId"`
	// Target is the resource or scope asked for, as Target.String says it.
	Target       string `json:"target"`
	ARMEndpoint  string `json:"armEndpoint"`
	Subscription string `json:"subscription,omitempty"`
	Steps        []Step `json:"steps"`
}

// FirstFailure is the step that stopped the chain; ok is false when no
// step failed (warnings and steps not run are not failures).
func (r Report) FirstFailure() (i int, s Step, ok bool) {
	for i, s := range r.Steps {
		if s.Status == Fail {
			return i, s, true
		}
	}
	return -1, Step{}, false
}

// Text is the checklist as plain text for a support ticket: what was
// checked, then one line per step with what was seen and the fix. It holds
// IDs and claims but never the secret or the token.
func (r Report) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "aztoken setup check, %s\n", r.CheckedAt.UTC().Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(&b, "Tenant:           %s\n", r.Tenant)
	fmt.Fprintf(&b, "App (client) ID:  %s\n", r.ClientID)
	fmt.Fprintf(&b, "Token for:        %s\n", r.Target)
	fmt.Fprintf(&b, "Entra ID:         %s\n", r.AuthorityHost)
	fmt.Fprintf(&b, "Resource Manager: %s\n", r.ARMEndpoint)
	if r.Subscription != "" {
		fmt.Fprintf(&b, "Subscription:     %s\n", r.Subscription)
	}
	for i, s := range r.Steps {
		fmt.Fprintf(&b, "\n%s %d. %s\n", s.Status.Symbol(), i+1, s.Title)
		if s.Detail != "" {
			fmt.Fprintf(&b, "     %s\n", s.Detail)
		}
		if s.Fix != "" {
			fmt.Fprintf(&b, "     Fix: %s\n", s.Fix)
		}
	}
	return b.String()
}
