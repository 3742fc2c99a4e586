package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
)

// TestServeTellsAnOutageFromAWrongSecret: an app's operator reads the
// error code to know whether to fix the profile or to wait.
func TestServeTellsAnOutageFromAWrongSecret(t *testing.T) {
	entra := func(status, code int) error {
		return &tokens.EntraError{Status: status, Code: "x", Codes: []int{code}, Description: fmt.Sprintf("AADSTS%d: x", code)}
	}
	tests := []struct {
		name   string
		err    error
		status int
		code   string
	}{
		{"wrong secret", entra(401, 7000215), http.StatusBadGateway, "entra_refused"},
		{"503 after every retry", entra(503, 90006), http.StatusServiceUnavailable, "entra_unavailable"},
		{"busy, under a 400", entra(400, 90024), http.StatusServiceUnavailable, "entra_unavailable"},
		{"plain-text 429", &tokens.ResponseError{Status: 429, Host: "login.microsoftonline.com", Excerpt: "Too Many Requests"}, http.StatusServiceUnavailable, "entra_unavailable"},
		{"a long Retry-After", &tokens.RetryAfterError{Host: "login", Wait: time.Hour, At: time.Now().Add(time.Hour), Limit: time.Minute, Err: entra(429, 90024)}, http.StatusServiceUnavailable, "entra_unavailable"},
		{"no answer", &tokens.TimeoutError{Host: "login", Limit: 45 * time.Second, Attempts: 3}, http.StatusGatewayTimeout, "entra_timeout"},
		{"proxy wants a password", &tokens.ProxyAuthError{}, http.StatusBadGateway, "entra_unreachable"},
		{"a proxy's HTML page", &tokens.ResponseError{Status: 502, Host: "login", Excerpt: "<html>"}, http.StatusBadGateway, "entra_unreachable"},
		{"anything else", errors.New("boom"), http.StatusInternalServerError, "token_failed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tokenFailed(tt.err)
			body, _ := r.body.(errorBody)
			if r.status != tt.status || body.Error != tt.code {
				t.Errorf("got %d %s, want %d %s (%s)", r.status, body.Error, tt.status, tt.code, body.Description)
			}
		})
	}
}

// TestAThrottleBeyondTheCapIsPassedOnWithRetryAfter: serve does not hold
// an app's request while Entra ID asks for a long wait; the app gets 503
// and the wait in Retry-After, which the SDKs honour.
func TestAThrottleBeyondTheCapIsPassedOnWithRetryAfter(t *testing.T) {
	rg := start(t, func(cfg *Config) {
		client := tokens.NewClient()
		client.Retry.MaxRetryAfter = 5 * time.Second
		client.Retry.Sleep = func(context.Context, time.Duration) error { return nil }
		cfg.Cache = tokens.NewCache(client, time.Now)
	})
	rg.emu.Inject(emulator.TokenEndpoint, emulator.Throttled(30*time.Second))
	a := rg.get(msiPath(armResource))
	if a.status != http.StatusServiceUnavailable || a.header.Get("Retry-After") != "30" || a.body["error"] != "entra_unavailable" {
		t.Errorf("got %d, Retry-After %q, %s; want 503 with Retry-After 30", a.status, a.header.Get("Retry-After"), a.raw)
	}
}
