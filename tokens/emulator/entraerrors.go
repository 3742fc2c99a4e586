package emulator

import (
	"fmt"
	"net/http"
	"strconv"
)

// entraError is one Entra ID error: the HTTP status, the OAuth error code,
// the AADSTS number and its message. Messages are Entra's own words where
// they are on record (shared/azure-wire-formats.md §1.5).
type entraError struct {
	status  int
	code    string
	aadsts  int
	message string
}

// entraErrorBody is the wire form, keys in Entra's order.
type entraErrorBody struct {
	Error            string `json:"error"`
	ErrorDescription string `json:"error_description"`
	ErrorCodes       []int  `json:"error_codes"`
	Timestamp        string `json:"timestamp"`
	TraceID          string `json:"trace_id"`
	CorrelationID    string `json:"correlation_id"`
	ErrorURI         string `json:"error_uri"`
}

// writeEntraError sends e the way Entra does: the trace and correlation IDs
// and the timestamp appear both as fields and inside error_description.
func (s *Server) writeEntraError(w http.ResponseWriter, r *http.Request, e *entraError) {
	trace, correlation := s.entraHeaders(w, r, "no-store, no-cache")
	ts := s.now().UTC().Format("2006-01-02 15:04:05Z")
	writeJSON(w, e.status, entraErrorBody{
		Error: e.code,
		ErrorDescription: fmt.Sprintf("AADSTS%d: %s\r\nTrace ID: %s\r\nCorrelation ID: %s\r\nTimestamp: %s",
			e.aadsts, e.message, trace, correlation, ts),
		ErrorCodes:    []int{e.aadsts},
		Timestamp:     ts,
		TraceID:       trace,
		CorrelationID: correlation,
		ErrorURI:      "https://login.microsoftonline.com/error?code=" + strconv.Itoa(e.aadsts),
	})
}

func errMethodNotAllowed(method string) *entraError {
	// Entra answers 400, not 405, for a GET on the token endpoint.
	return &entraError{400, "invalid_request", 900561,
		"The endpoint only accepts POST, OPTIONS requests. Received a " + method + " request."}
}

func errTenantMalformed(tenant string) *entraError {
	return &entraError{400, "invalid_request", 900023,
		fmt.Sprintf("Specified tenant identifier '%s' is neither a valid DNS name, nor a valid external domain.", tenant)}
}

func errTenantNotFound(tenant string) *entraError {
	return &entraError{400, "invalid_request", 90002,
		fmt.Sprintf("Tenant '%s' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.", tenant)}
}

func errMultiTenantEndpoint() *entraError {
	return &entraError{400, "invalid_request", 9001023,
		"The grant type isn't supported over the /common or /consumers endpoints. Please use the /organizations or tenant-specific endpoint."}
}

func errNationalCloud(tenant, cloud string) *entraError {
	return &entraError{400, "invalid_request", 90038,
		fmt.Sprintf("Tenant '%s' request is being redirected to the National Cloud '%s'.", tenant, cloud)}
}

// errMissingParameter is what a JSON or query-string body earns: the form
// fields Entra looks for are simply not there.
func errMissingParameter(name string) *entraError {
	return &entraError{400, "invalid_request", 900144,
		fmt.Sprintf("The request body must contain the following parameter: '%s'.", name)}
}

func errUnsupportedGrant(grant string) *entraError {
	return &entraError{400, "unsupported_grant_type", 70003,
		fmt.Sprintf("The app requested an unsupported grant type '%s'.", grant)}
}

func errResourceMissing() *entraError {
	return &entraError{400, "invalid_resource", 500013, "Resource identifier is not provided."}
}

func errResourceOnV2() *entraError {
	return &entraError{400, "invalid_request", 901002, "The 'resource' request parameter isn't supported."}
}

func errScopeMissing() *entraError {
	return &entraError{400, "invalid_request", 90014,
		"The required field 'scope' is missing from the credential. Ensure that you have all the necessary parameters for the login request."}
}

func errScopeNotDefault(scope string) *entraError {
	return &entraError{400, "invalid_scope", 1002012,
		fmt.Sprintf("The provided value for scope %s is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).", scope)}
}

func errScopeManyResources(scope string) *entraError {
	return &entraError{400, "invalid_scope", 700022,
		fmt.Sprintf("The provided value for the input parameter scope is not valid because it contains more than one resource. Scope %s is not valid.", scope)}
}

func errAppNotFound(clientID, directory string) *entraError {
	return &entraError{400, "unauthorized_client", 700016,
		fmt.Sprintf("Application with identifier '%s' was not found in the directory '%s'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.", clientID, directory)}
}

func errNoSecret() *entraError {
	return &entraError{401, "invalid_client", 7000216,
		"'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type."}
}

func errWrongSecret(clientID string) *entraError {
	return &entraError{401, "invalid_client", 7000215,
		fmt.Sprintf("Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '%s'.", clientID)}
}

func errSecretExpired(clientID string) *entraError {
	return &entraError{401, "invalid_client", 7000222,
		fmt.Sprintf("The provided client secret keys for app '%s' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.", clientID)}
}

func errAppDisabled(a *App) *entraError {
	return &entraError{400, "unauthorized_client", 7000112,
		fmt.Sprintf("Application '%s'(%s) is disabled.", a.ClientID, a.DisplayName)}
}

func errResourceNotFound(resource, directory string) *entraError {
	return &entraError{400, "invalid_resource", 500011,
		fmt.Sprintf("The resource principal named %s was not found in the tenant named %s. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.", resource, directory)}
}

func errConditionalAccess() *entraError {
	return &entraError{400, "invalid_grant", 53003,
		"Access has been blocked by Conditional Access policies. The access policy does not allow token issuance."}
}

// errThrottled is Entra's answer to too many requests; the code is the
// documented transient "request budget exceeded".
func errThrottled() *entraError {
	return &entraError{429, "temporarily_unavailable", 90024, "A transient error has occurred. Try again."}
}

// errTransient is a 5xx with one of the AADSTS codes Entra documents as
// retryable.
func errTransient(status int) *entraError {
	if status == http.StatusInternalServerError {
		return &entraError{status, "server_error", 50033,
			"A transient error not related to the database operations has occurred. Try again."}
	}
	return &entraError{status, "temporarily_unavailable", 90006, "The service is temporarily unavailable."}
}
