package tokens

import (
	"strings"
	"testing"
	"time"
)

// Bodies as Entra sends them (../shared/azure-wire-formats.md §1.2, §1.3).
const (
	v1Body = `{"token_type":"Bearer","expires_in":"3599","ext_expires_in":"3599","expires_on":"1605789466","not_before":"1605785566","resource":"https://management.core.windows.net/","access_token":"testToken"}`
	v2Body = `{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"access_token"}`
)

func TestParseTokenResponseReadsBothShapes(t *testing.T) {
	t.Parallel()
	now := time.Unix(1605785866, 0)
	tests := []struct {
		name, body, token string
		target            Target
		notBefore         time.Time
	}{
		{"v1 numbers as strings", v1Body, "testToken", ResourceTarget("https://management.core.windows.net/"), time.Unix(1605785566, 0)},
		{"v2 numbers", v2Body, "access_token", ScopeTarget("https://management.azure.com/.default"), time.Time{}},
		{"v1 without expires_in", `{"access_token":"x","token_type":"Bearer","expires_on":"1605789466"}`, "x", ResourceTarget("r"), time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tok, err := ParseTokenResponse([]byte(tt.body), tt.target, now)
			if err != nil {
				t.Fatal(err)
			}
			if tok.AccessToken != tt.token || tok.Type != "Bearer" || tok.Target != tt.target {
				t.Errorf("got %q %q %v", tok.AccessToken, tok.Type, tok.Target)
			}
			if got := tok.Remaining(now); got < 3599*time.Second || got > 3600*time.Second {
				t.Errorf("remaining = %v, want about 1h", got)
			}
			if !tok.NotBefore.Equal(tt.notBefore) {
				t.Errorf("not before = %v, want %v", tok.NotBefore, tt.notBefore)
			}
		})
	}
}

func TestParseTokenResponseRefusesBrokenBodies(t *testing.T) {
	t.Parallel()
	for name, body := range map[string]string{
		"not JSON":          `<html>502 Bad Gateway</html>`,
		"truncated":         `{"token_type":"Bearer","expires_in":"35`,
		"no token":          `{"token_type":"Bearer","expires_in":3599}`,
		"no expiry":         `{"access_token":"x"}`,
		"expiry not number": `{"access_token":"x","expires_in":"soon"}`,
	} {
		if _, err := ParseTokenResponse([]byte(body), ResourceTarget("r"), time.Now()); err == nil {
			t.Errorf("%s: parsed without error", name)
		}
	}
}

func TestTokenCountsDownAndFormatsTheHeader(t *testing.T) {
	t.Parallel()
	start := time.Date(2026, 11, 24, 14, 0, 0, 0, time.UTC)
	tok := Token{AccessToken: "eyJ.abc.def", Type: "Bearer", ObtainedAt: start, ExpiresOn: start.Add(time.Hour)}
	if got := tok.AuthorizationHeader(); got != "Authorization: Bearer eyJ.abc.def" {
		t.Errorf("header = %q", got)
	}
	if got := tok.Remaining(start.Add(50 * time.Minute)); got != 10*time.Minute {
		t.Errorf("remaining = %v", got)
	}
	if got := tok.Remaining(start.Add(2 * time.Hour)); got != 0 {
		t.Errorf("remaining after expiry = %v, want 0", got)
	}
	if !tok.Expired(start.Add(time.Hour)) || tok.Expired(start.Add(59*time.Minute)) {
		t.Error("expired at the wrong moment")
	}
	if s := tok.String(); s == "" || strings.Contains(s, "eyJ") {
		t.Errorf("String() = %q reveals the token", s)
	}
}

func FuzzParseTokenResponse(f *testing.F) {
	for _, s := range []string{v1Body, v2Body, `{"expires_in":null}`, `[]`, `{"access_token":"x","expires_in":"-1"}`} {
		f.Add([]byte(s))
	}
	now := time.Now()
	f.Fuzz(func(t *testing.T, body []byte) {
		tok, err := ParseTokenResponse(body, ResourceTarget("r"), now)
		if err == nil && tok.AccessToken == "" {
			t.Fatal("success without a token")
		}
	})
}
