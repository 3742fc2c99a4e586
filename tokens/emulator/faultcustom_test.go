package emulator

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// TestAnyAnswerCanBeInjected: a test of the client's diagnosis needs
// answers the emulator's own logic never gives.
func TestAnyAnswerCanBeInjected(t *testing.T) {
	s := start(t, nil)
	auth := "Bearer " + armToken(t, s)
	for _, tg := range targets {
		t.Run("reply/"+tg.name, func(t *testing.T) {
			s.Inject(tg.endpoint, Reply(429, http.Header{"Content-Type": {"text/plain"}}, "Too Many Requests").WithHeader("Retry-After", "120"))
			r := do(t, tg.request(s, auth))
			if r.status != 429 || string(r.body) != "Too Many Requests" || r.header.Get("Content-Type") != "text/plain" || r.header.Get("Retry-After") != "120" {
				t.Errorf("got %d %v %q", r.status, r.header, r.body)
			}
		})
	}
	t.Run("Entra error", func(t *testing.T) {
		s.Inject(TokenEndpoint, EntraReply(400, "unauthorized_client", 7000229, "The client application is missing service principal in the tenant.").WithHeader("X-Extra", "1"))
		r := do(t, targets[0].request(s, auth))
		var e entraErrorBody
		r.json(t, &e)
		if r.status != 400 || e.Error != "unauthorized_client" || len(e.ErrorCodes) != 1 || e.ErrorCodes[0] != 7000229 ||
			!strings.HasPrefix(e.ErrorDescription, "AADSTS7000229: The client application is missing") || !isGUID(e.TraceID) ||
			!strings.HasSuffix(e.ErrorURI, "code=7000229") || r.header.Get("X-Extra") != "1" {
			t.Errorf("got %d %+v", r.status, e)
		}
	})
	t.Run("ARM error", func(t *testing.T) {
		s.Inject(ARMEndpoint, ARMReply(409, "ReadOnlyDisabledSubscription", "The subscription is disabled and therefore marked as read only."))
		r := do(t, targets[1].request(s, auth))
		var e wireCloudError
		r.json(t, &e)
		if r.status != 409 || e.Error.Code != "ReadOnlyDisabledSubscription" || !isGUID(r.header.Get("x-ms-request-id")) {
			t.Errorf("got %d %+v %v", r.status, e, r.header)
		}
		if !json.Valid(r.body) {
			t.Errorf("not JSON: %s", r.body)
		}
	})
}
