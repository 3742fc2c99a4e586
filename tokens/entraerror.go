package tokens

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// EntraError is an error answer from the Entra ID token endpoint.
type EntraError struct {
	// Status is the HTTP status code.
	Status int
	// Code is the OAuth error code, such as "invalid_client".
	Code string `json:"error"`
	// Description is Entra's own text, starting "AADSTSnnnn: ".
	Description string `json:"error_description"`
	// Codes are the AADSTS numbers.
	Codes []int `json:"error_codes"`
	// Timestamp is Entra's time of the error, "YYYY-MM-DD HH:MM:SSZ".
	Timestamp string `json:"timestamp"`
	// TraceID and CorrelationID identify the request to Microsoft support.
	TraceID       string `json:"trace_id"`
	CorrelationID string `json:"correlation_id"`
	// Host is the authority host that answered, host[:port]: some hints
	// depend on which cloud was asked.
	Host string `json:"-"`
	// Sent is what the refused request proved the app with, as far as
	// it tells the causes of AADSTS7000215 apart.
	Sent SentCredential `json:"-"`
}

// SentCredential is the shape of what a token request was proven with.
type SentCredential int

// The shapes: not known (a certificate, or an error read elsewhere), a
// secret shaped like a Secret ID (a GUID), a secret of any other shape.
const (
	SentUnknown SentCredential = iota
	SentSecretID
	SentSecretValue
)

// parseEntraError reads an Entra error body; ok is false when the body is
// not one.
func parseEntraError(status int, body []byte) (*EntraError, bool) {
	e := &EntraError{Status: status}
	if json.Unmarshal(body, e) != nil || e.Code == "" {
		return nil, false
	}
	return e, true
}

// entraFailure is the error for an answer from Entra other than 200 OK:
// Entra's own error, naming the host that answered (some fixes depend on
// the cloud), or a ResponseError with an excerpt when the body is not one.
func entraFailure(resp *Response) error {
	if e, ok := parseEntraError(resp.Status, resp.Body); ok {
		e.Host = resp.Host
		return e
	}
	return &ResponseError{Status: resp.Status, Host: resp.Host, Excerpt: Excerpt(resp.Body)}
}

// AADSTS is the first AADSTS code, or 0 when Entra sent none.
func (e *EntraError) AADSTS() int {
	if len(e.Codes) > 0 {
		return e.Codes[0]
	}
	var n int
	if _, err := fmt.Sscanf(e.Description, "AADSTS%d", &n); err == nil {
		return n
	}
	return 0
}

// Message is Entra's description without the trace lines it appends.
func (e *EntraError) Message() string {
	msg, _, _ := strings.Cut(e.Description, "\r\n")
	return strings.TrimSpace(msg)
}

// Fix is what to change, naming the profile fields to look at. A code
// aztoken does not know gets Entra's own words, the code's documentation
// and the ids for support, never the fix of another code that happens to
// share its OAuth error.
func (e *EntraError) Fix() string {
	if fix, ok := e.hint(); ok {
		return fix.text()
	}
	if fix, ok := entraFixFor(e.AADSTS()); ok {
		return fix.text()
	}
	var parts []string
	if e.serviceTrouble() {
		parts = append(parts, fmt.Sprintf("Entra ID had a problem (HTTP %d), nothing in the profile is wrong: try again in a minute", e.Status))
	}
	if url := e.DocURL(); url != "" {
		parts = append(parts, fmt.Sprintf("AADSTS%d is not in aztoken's table, so read Entra's message and %s", e.AADSTS(), url))
	} else {
		parts = append(parts, "Read Entra's message above")
	}
	if e.TraceID != "" || e.CorrelationID != "" {
		parts = append(parts, fmt.Sprintf("Microsoft support needs its trace ID %s and correlation ID %s", e.TraceID, e.CorrelationID))
	}
	return strings.Join(parts, "; ") + "."
}

// DocURL is Microsoft's page for the AADSTS code, "" when there is none.
func (e *EntraError) DocURL() string {
	if code := e.AADSTS(); code != 0 {
		return fmt.Sprintf("https://login.microsoftonline.com/error?code=%d", code)
	}
	return ""
}

// serviceTrouble reports an answer about Entra itself, not the request:
// a 5xx, a throttle or a transient code.
func (e *EntraError) serviceTrouble() bool {
	return e.Status >= 500 || e.Status == http.StatusTooManyRequests ||
		e.Code == "temporarily_unavailable" || transientCodes[e.AADSTS()]
}

// Details are the lines a support ticket needs.
func (e *EntraError) Details() string {
	var b strings.Builder
	fmt.Fprintf(&b, "HTTP %d %s\n%s\n", e.Status, e.Code, e.Message())
	if e.TraceID != "" {
		fmt.Fprintf(&b, "Trace ID: %s\n", e.TraceID)
	}
	if e.CorrelationID != "" {
		fmt.Fprintf(&b, "Correlation ID: %s\n", e.CorrelationID)
	}
	if e.Timestamp != "" {
		fmt.Fprintf(&b, "Timestamp: %s\n", e.Timestamp)
	}
	return b.String()
}

func (e *EntraError) Error() string {
	if code := e.AADSTS(); code != 0 && !strings.HasPrefix(e.Message(), "AADSTS") {
		return fmt.Sprintf("Entra ID refused the token request (HTTP %d, AADSTS%d): %s", e.Status, code, e.Message())
	}
	return fmt.Sprintf("Entra ID refused the token request (HTTP %d, %s): %s", e.Status, e.Code, e.Message())
}
