package arm

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/aztoken/aztoken/tokens"
)

// Error is an error answer from Azure Resource Manager:
// {"error":{"code":"…","message":"…"}}.
type Error struct {
	// Status is the HTTP status code.
	Status int
	// Code is ARM's error code, such as "AuthorizationFailed".
	Code string
	// Message is ARM's own text.
	Message string
	// RequestID is x-ms-request-id, for a support ticket.
	RequestID string
	// CorrelationID is x-ms-correlation-request-id.
	CorrelationID string
	// RetryAfter is the wait a throttled (429) answer asked for.
	RetryAfter time.Duration
	// AuthTenant is the tenant named by WWW-Authenticate on a 401: the
	// directory that owns the subscription.
	AuthTenant string
	// TokenCloud and EndpointCloud are the titles of the clouds the token
	// came from and the ARM endpoint belongs to, when aztoken knows them;
	// a 401 when they differ is a profile mixing two clouds.
	TokenCloud, EndpointCloud string
}

type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// parseError reads an ARM error answer; ok is false when the body is
// not one.
func parseError(resp *tokens.Response, now time.Time) (*Error, bool) {
	var b errorBody
	if json.Unmarshal(resp.Body, &b) != nil || b.Error.Code == "" {
		return nil, false
	}
	return &Error{
		Status:        resp.Status,
		Code:          b.Error.Code,
		Message:       b.Error.Message,
		RequestID:     resp.Header.Get("x-ms-request-id"),
		CorrelationID: resp.Header.Get("x-ms-correlation-request-id"),
		RetryAfter:    tokens.RetryAfter(resp.Header, now),
		AuthTenant:    challengeTenant(resp.Header.Get("WWW-Authenticate")),
	}, true
}

// authorizationURI finds the tenant in a Bearer challenge:
// authorization_uri="https://login.windows.net/<tenant>".
var authorizationURI = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`authorization_uri="[^"]*/([^/"]+)"`) })

func challengeTenant(header string) string {
	m := authorizationURI().FindStringSubmatch(header)
	if m == nil {
		return ""
	}
	return m[1]
}

func (e *Error) Error() string {
	return fmt.Sprintf("Resource Manager answered HTTP %d %s: %s", e.Status, e.Code, e.Message)
}

// Details are the lines a support ticket needs.
func (e *Error) Details() string {
	var b strings.Builder
	fmt.Fprintf(&b, "HTTP %d %s\n%s\n", e.Status, e.Code, e.Message)
	if e.RequestID != "" {
		fmt.Fprintf(&b, "x-ms-request-id: %s\n", e.RequestID)
	}
	if e.CorrelationID != "" {
		fmt.Fprintf(&b, "x-ms-correlation-request-id: %s\n", e.CorrelationID)
	}
	return b.String()
}

// Patterns in ARM's messages that say more than the code. Like every
// pattern here they are compiled on first use: every aztoken command
// initialises this package, and only an error needs them.
var (
	// authorizationFailed pulls the principal and scope out of a 403.
	authorizationFailed = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`object id '([^']+)'.*over scope '([^']+)'`) })
	// supportedVersions pulls the list out of an api-version refusal:
	// "The supported versions are '2024-11-01,2024-07-01'." or "The
	// supported api-versions are '2014-04-01, 2015-01-01'."
	supportedVersions = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)supported (?:api-)?versions are '([^']+)'`) })
	// subscriptionTenant pulls the owning tenant out of
	// InvalidAuthenticationTokenTenant: "It must match the tenant
	// 'https://sts.windows.net/<id>/' associated with this subscription."
	subscriptionTenant = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`must match the tenant '[^']*/([0-9A-Za-z.-]+)/?'`) })
)

// Fix is what to change, naming the profile fields to look at. A code
// aztoken does not know gets Resource Manager's own words and the request
// ids, never another code's fix.
func (e *Error) Fix() string {
	if fix, ok := e.sharperFix(); ok {
		return fix
	}
	if f, ok := fixFor(e.Code); ok {
		return f.text()
	}
	switch {
	case e.Status == http.StatusTooManyRequests:
		return fixThrottled
	case e.Status >= 500:
		return fixOutage
	}
	return fmt.Sprintf("Resource Manager's code %s is not in aztoken's table, so read its message; Azure support needs its x-ms-request-id %s and x-ms-correlation-request-id %s.",
		e.Code, orNone(e.RequestID), orNone(e.CorrelationID))
}

func orNone(s string) string {
	if s == "" {
		return "(none sent)"
	}
	return s
}

// sharperFix is a fix that reads ARM's message or what aztoken knows of
// the token; ok is false when the code's usual fix applies.
func (e *Error) sharperFix() (string, bool) {
	if e.Status == http.StatusUnauthorized && e.TokenCloud != "" && e.EndpointCloud != "" && e.TokenCloud != e.EndpointCloud {
		return tokens.WithFields(fmt.Sprintf("The token comes from %s's login host but this Resource Manager is %s's: use one cloud for both the authority host and the ARM endpoint.",
			e.TokenCloud, e.EndpointCloud), []tokens.Field{tokens.FieldCloud}), true
	}
	switch e.Code {
	case "InvalidAuthenticationToken":
		if strings.Contains(e.Message, "'oid' should be present") {
			return tokens.WithFields("The token names no service principal: the app has none in this tenant, so an administrator must create one (az ad sp create --id <client ID>) or consent to the app here.", []tokens.Field{tokens.FieldTenant, tokens.FieldClientID}), true
		}
	case "InvalidAuthenticationTokenTenant":
		tenant := e.AuthTenant
		if tenant == "common" || tenant == "organizations" {
			tenant = "" // a challenge that names no directory
		}
		if m := subscriptionTenant().FindStringSubmatch(e.Message); m != nil {
			tenant = m[1]
		}
		if tenant != "" {
			return tokens.WithFields("The subscription belongs to the tenant "+tenant+": set the profile's tenant to it (the app must have a service principal there).", []tokens.Field{tokens.FieldTenant}), true
		}
	case "AuthorizationFailed":
		if m := authorizationFailed().FindStringSubmatch(e.Message); m != nil {
			return tokens.WithFields(fmt.Sprintf("The app has no role on %s: add a role assignment such as Reader for the service principal %s in that scope's Access control (IAM); a new assignment can take several minutes to apply, so then get a new token and try again.", m[2], m[1]),
				[]tokens.Field{tokens.FieldSubscription}), true
		}
	case "InvalidApiVersionParameter", "NoRegisteredProviderFound":
		if v := e.SupportedAPIVersions(); len(v) > 0 {
			return fmt.Sprintf("Use an api-version Resource Manager lists for this resource type, such as %s (it supports %s), in Settings › ARM api-version or the path.",
				v[0], strings.Join(v[:min(len(v), 5)], ", ")), true
		}
	case "SubscriptionRequestsThrottled", "TenantRequestsThrottled", "TooManyRequests":
		if e.RetryAfter > 0 {
			return fmt.Sprintf("Resource Manager is throttling this app, nothing in the profile is wrong: wait %s and try again.", e.RetryAfter), true
		}
	}
	if _, known := fixFor(e.Code); !known {
		return subscriptionStateFix(e.Code, e.Message)
	}
	return "", false
}

// subscriptionState finds a subscription's state in an answer aztoken has
// no entry for, such as a code for a state it has not seen yet.
var subscriptionState = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\b(warned|past ?due|deleted|disabled)\b`) })

// subscriptionStateFix explains a refusal because of the subscription's
// state (Warned, PastDue, Disabled, Deleted: the states ARM lists), when
// the code and message are about the subscription.
func subscriptionStateFix(code, message string) (string, bool) {
	if !strings.Contains(strings.ToLower(code+" "+message), "subscription") {
		return "", false
	}
	var fix string
	switch state := strings.ToLower(subscriptionState().FindString(code + " " + message)); {
	case state == "":
		return "", false
	case state == "deleted":
		fix = "The subscription has been cancelled and deleted: use another subscription."
	case state == "disabled":
		fix = fixSubscriptionDisabled
	default:
		fix = "The subscription is Warned (a payment is past due) and will be disabled unless its owner settles the bill under Cost Management + Billing."
	}
	return tokens.WithFields(fix, []tokens.Field{tokens.FieldSubscription}), true
}

// SupportedAPIVersions are the api-versions an InvalidApiVersionParameter
// or NoRegisteredProviderFound message lists, stable ones first, newest
// first; nil when it lists none.
func (e *Error) SupportedAPIVersions() []string {
	m := supportedVersions().FindStringSubmatch(e.Message)
	if m == nil {
		return nil
	}
	var versions []string
	for v := range strings.SplitSeq(m[1], ",") {
		if v = strings.TrimSpace(v); v != "" {
			versions = append(versions, v)
		}
	}
	slices.SortStableFunc(versions, func(a, b string) int {
		if pa, pb := strings.Contains(a, "-preview"), strings.Contains(b, "-preview"); pa != pb {
			if pa {
				return 1
			}
			return -1
		}
		return strings.Compare(b, a)
	})
	return slices.Compact(versions)
}

// Unavailable reports whether the answer means Resource Manager could not
// serve now (a throttle or a 5xx, after the retries), so that
// tokens.Unavailable tells it apart from a refusal.
func (e *Error) Unavailable() bool {
	return e.Status == http.StatusTooManyRequests || e.Status >= 500
}
