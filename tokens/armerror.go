package tokens

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// ARMError is an error answer from Azure Resource Manager:
// {"error":{"code":"…","message":"…"}}.
type ARMError struct {
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
}

type armErrorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// parseARMError reads an ARM error answer; ok is false when the body is
// not one.
func parseARMError(resp *response, now time.Time) (*ARMError, bool) {
	var b armErrorBody
	if json.Unmarshal(resp.body, &b) != nil || b.Error.Code == "" {
		return nil, false
	}
	return &ARMError{
		Status:        resp.status,
		Code:          b.Error.Code,
		Message:       b.Error.Message,
		RequestID:     resp.header.Get("x-ms-request-id"),
		CorrelationID: resp.header.Get("x-ms-correlation-request-id"),
		RetryAfter:    retryAfter(resp.header, now),
		AuthTenant:    challengeTenant(resp.header.Get("WWW-Authenticate")),
	}, true
}

// authorizationURI finds the tenant in a Bearer challenge:
// authorization_uri="https://login.windows.net/<tenant>".
var authorizationURI = regexp.MustCompile(`authorization_uri="[^"]*/([^/"]+)"`)

func challengeTenant(header string) string {
	m := authorizationURI.FindStringSubmatch(header)
	if m == nil {
		return ""
	}
	return m[1]
}

func (e *ARMError) Error() string {
	return fmt.Sprintf("Resource Manager answered HTTP %d %s: %s", e.Status, e.Code, e.Message)
}

// Details are the lines a support ticket needs.
func (e *ARMError) Details() string {
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

// authorizationFailed pulls the principal and scope out of a 403 message.
var authorizationFailed = regexp.MustCompile(`object id '([^']+)'.*over scope '([^']+)'`)

// Fix is one sentence telling the user what to change, in the portal's
// words.
func (e *ARMError) Fix() string {
	switch e.Code {
	case "AuthenticationFailed":
		return "The call had no valid Authorization header: send \"Authorization: Bearer <token>\" with a token from this app."
	case "InvalidAuthenticationToken":
		return "The token is not one ARM accepts: get a new token from Entra ID and send it unchanged."
	case "InvalidAuthenticationTokenAudience":
		return "The token was issued for another resource: use https://management.azure.com/ as the resource (or its /.default scope)."
	case "InvalidAuthenticationTokenTenant":
		return "The token comes from a different tenant than the subscription's: set the profile's tenant to the subscription's directory."
	case "ExpiredAuthenticationToken":
		return "The token has expired: get a new one."
	case "AuthorizationFailed":
		if m := authorizationFailed.FindStringSubmatch(e.Message); m != nil {
			return fmt.Sprintf("The app has no role on %s: add a role assignment such as Reader or Contributor for the service principal %s in that scope's Access control (IAM).", m[2], m[1])
		}
		return "The app has no role on this scope: add a role assignment such as Reader or Contributor in the subscription's or resource group's Access control (IAM)."
	case "SubscriptionNotFound":
		return "Check the subscription ID, and that the app has a role on that subscription in this tenant."
	case "InvalidSubscriptionId":
		return "The subscription ID must be a GUID such as 00000000-0000-0000-0000-000000000000."
	case "SubscriptionRequestsThrottled", "TooManyRequests":
		return fmt.Sprintf("Resource Manager is throttling this app: wait %s and try again.", max(e.RetryAfter, time.Second))
	case "MissingApiVersionParameter", "InvalidApiVersionParameter", "NoRegisteredProviderFound":
		return "Check the api-version: use a current one such as " + ResourceGroupsAPIVersion + "."
	}
	return "Read Resource Manager's message above; x-ms-request-id identifies the call for Azure support."
}
