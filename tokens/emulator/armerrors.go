package emulator

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// armError is one ARM error: status, CloudError code and message, in ARM's
// words where they are on record (shared/azure-wire-formats.md §3.4).
type armError struct {
	status  int
	code    string
	message string
	// challenge overrides the message as the WWW-Authenticate
	// error_description of a 401, where ARM words it differently.
	challenge string
	// authTenant is the tenant a 401's WWW-Authenticate points to: the
	// subscription's owner, so that clients learn where to get a token.
	authTenant string
	// failureCause fills x-ms-failure-cause, which ARM sets on errors its
	// gateway raises.
	failureCause string
}

type cloudError struct {
	Error cloudErrorDetail `json:"error"`
}

type cloudErrorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// writeARMError sends e. A 401 carries the Bearer challenge ARM sends,
// whose authorization_uri names the tenant to ask for a token.
func (s *Server) writeARMError(w http.ResponseWriter, e *armError) {
	if e.status == http.StatusUnauthorized {
		tenant := first(e.authTenant, "common")
		w.Header().Set("WWW-Authenticate", fmt.Sprintf(
			`Bearer authorization_uri="%s/%s", error="invalid_token", error_description="%s"`,
			s.url, tenant, first(e.challenge, e.message)))
	}
	if e.failureCause != "" {
		w.Header().Set("x-ms-failure-cause", e.failureCause)
	}
	writeJSON(w, e.status, cloudError{Error: cloudErrorDetail{Code: e.code, Message: e.message}})
}

func errMissingAPIVersion() *armError {
	return &armError{status: 400, code: "MissingApiVersionParameter",
		message: "The api-version query parameter (?api-version=) is required for all requests."}
}

func errAuthMissing() *armError {
	return &armError{status: 401, code: "AuthenticationFailed",
		message:   "Authentication failed. The 'Authorization' header is missing.",
		challenge: "The authentication failed because of missing 'Authorization' header."}
}

func errAuthFormat() *armError {
	return &armError{status: 401, code: "AuthenticationFailed",
		message: "Authentication failed. The 'Authorization' header is provided in an invalid format."}
}

func errTokenInvalid() *armError {
	return &armError{status: 401, code: "InvalidAuthenticationToken", message: "The access token is invalid."}
}

func errTokenAudience(aud string) *armError {
	return &armError{status: 401, code: "InvalidAuthenticationTokenAudience", message: fmt.Sprintf(
		"The access token has been obtained for wrong audience or resource '%s'. It should exactly match with one of the allowed audiences %s.",
		aud, "'"+strings.Join(armAudiences, "','")+"'")}
}

// usTime is the .NET "G" format of en-US in which ARM states times.
const usTime = "1/2/2006 3:04:05 PM"

func errTokenExpired(exp, now time.Time) *armError {
	return &armError{status: 401, code: "ExpiredAuthenticationToken", message: fmt.Sprintf(
		"The access token expiry UTC time '%s' is earlier than current UTC time '%s'.",
		exp.UTC().Format(usTime), now.UTC().Format(usTime))}
}

// errTokenTenant quotes the issuer of the token and the owning tenant. The
// authority ARM recommends is the emulator itself, the only authority
// tests may use.
func (s *Server) errTokenTenant(issuer, owner string) *armError {
	return &armError{status: 401, code: "InvalidAuthenticationTokenTenant", authTenant: owner, message: fmt.Sprintf(
		"The access token is from the wrong issuer '%s'. It must match the tenant '%s' associated with this subscription. Please use the authority (URL) '%s/%s' to get the token. Note, if the subscription is transferred to another tenant there is no impact to the services, but information about new tenant could take time to propagate (up to an hour). If you just transferred your subscription and see this error message, please try back later.",
		issuer, stsIssuer(owner), s.url, owner)}
}

func errAuthorizationFailed(c accessClaims, subscriptionID string) *armError {
	return &armError{status: 403, code: "AuthorizationFailed", failureCause: "gateway", message: fmt.Sprintf(
		"The client '%s' with object id '%s' does not have authorization to perform action 'Microsoft.Resources/subscriptions/resourcegroups/read' over scope '/subscriptions/%s' or the scope is invalid. If access was recently granted, please refresh your credentials.",
		c.clientID(), c.Oid, subscriptionID)}
}

func errSubscriptionNotFound(id string) *armError {
	return &armError{status: 404, code: "SubscriptionNotFound",
		message: fmt.Sprintf("The subscription '%s' could not be found.", id)}
}

func errInvalidSubscriptionID(id string) *armError {
	return &armError{status: 400, code: "InvalidSubscriptionId",
		message: fmt.Sprintf("The provided subscription identifier '%s' is malformed or invalid.", id)}
}

// The errors below are composed: ARM's wording for them is not on record.

func errPathNotFound(path string) *armError {
	return &armError{status: 404, code: "NotFound", message: fmt.Sprintf("The requested path '%s' was not found.", path)}
}

func errMethodNotSupported(method string) *armError {
	return &armError{status: 405, code: "MethodNotAllowed",
		message: fmt.Sprintf("The requested resource does not support http method '%s'.", method)}
}

func errBadSkipToken(token string) *armError {
	return &armError{status: 400, code: "InvalidSkipToken", message: fmt.Sprintf("The skip token '%s' is not valid.", token)}
}

// throttledError is ARM's 429 body; the actor is the caller's object ID,
// read from its token without verifying it.
func (s *Server) throttledError(r *http.Request, seconds int) *armError {
	c := peekClaims(bearerToken(r))
	actor := first(c.Oid, "unknown")
	const tail = "exceeded. Please try again after '%d' seconds after additional tokens are available. Refer to https://aka.ms/arm-throttling for additional information."
	if _, sub, _ := armOperation(splitPath(r.URL.Path)); sub != "" {
		return &armError{status: 429, code: "SubscriptionRequestsThrottled", message: fmt.Sprintf(
			"Number of 'read' requests for subscription '%s' actor '%s' "+tail, sub, actor, seconds)}
	}
	return &armError{status: 429, code: "TenantRequestsThrottled", message: fmt.Sprintf(
		"Number of 'read' requests for tenant '%s' actor '%s' "+tail, c.Tid, actor, seconds)}
}

// serverError is ARM's answer for a failing 5xx status. The 500 message
// carries the IDs support asks for, from the headers already set.
func (s *Server) serverError(w http.ResponseWriter, r *http.Request, status int) *armError {
	switch status {
	case http.StatusInternalServerError:
		_, sub, _ := armOperation(splitPath(r.URL.Path))
		return &armError{status: status, code: "InternalServerError", message: fmt.Sprintf(
			"Encountered internal server error. Diagnostic information: timestamp '%s', subscription id '%s', tracking id '%s', request correlation id '%s'.",
			s.now().UTC().Format("20060102T150405Z"), sub, w.Header().Get("x-ms-request-id"), w.Header().Get("x-ms-correlation-request-id"))}
	case http.StatusBadGateway:
		return &armError{status: status, code: "BadGateway",
			message: "The gateway received an invalid response from 'Microsoft.Resources'."}
	case http.StatusGatewayTimeout:
		return &armError{status: status, code: "GatewayTimeout",
			message: "The gateway did not receive a response from 'Microsoft.Resources' within the specified time period."}
	}
	return &armError{status: status, code: "ServiceUnavailable",
		message: "The server is currently unable to handle the request due to a temporary overloading or maintenance of the server."}
}
