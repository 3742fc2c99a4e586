package tokens

import "strings"

// Target says what a token is for. Entra's v1 endpoint takes a resource
// (App ID URI) and its v2 endpoint a scope ending in "/.default"; a Target
// holds exactly one of the two, so a request can never carry both.
type Target struct {
	scope bool
	value string
}

// ResourceTarget asks the v1 endpoint for a token for resource, for example
// "https://management.azure.com/".
func ResourceTarget(resource string) Target { return Target{value: resource} }

// ScopeTarget asks the v2 endpoint for a token for scope, for example
// "https://management.azure.com/.default".
func ScopeTarget(scope string) Target { return Target{scope: true, value: scope} }

// IsScope reports whether the target uses the v2 endpoint.
func (t Target) IsScope() bool { return t.scope }

// Value is the resource or the scope, as sent.
func (t Target) Value() string { return t.value }

// IsZero reports whether no target was set.
func (t Target) IsZero() bool { return t.value == "" }

// Audience is the resource the token is issued for: the resource itself, or
// the scope without "/.default". Decoded tokens carry it as "aud".
func (t Target) Audience() string {
	if !t.scope {
		return t.value
	}
	return strings.TrimSuffix(t.value, "/.default")
}

// String names the target the way a user would write it.
func (t Target) String() string {
	if t.scope {
		return "scope " + t.value
	}
	return "resource " + t.value
}
