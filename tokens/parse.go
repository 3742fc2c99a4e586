package tokens

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// flexInt decodes a JSON integer sent either as a number (v2) or as a string
// (v1 sends "3599").
type flexInt struct {
	value int64
	set   bool
}

func (f *flexInt) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		return nil
	}
	s := string(bytes.Trim(b, `"`))
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return fmt.Errorf("not an integer: %.20q", s)
	}
	f.value, f.set = v, true
	return nil
}

// tokenResponse is the union of the v1 and v2 success bodies.
type tokenResponse struct {
	TokenType   string  `json:"token_type"`
	AccessToken string  `json:"access_token"`
	ExpiresIn   flexInt `json:"expires_in"`
	ExpiresOn   flexInt `json:"expires_on"`
	NotBefore   flexInt `json:"not_before"`
	Resource    string  `json:"resource"`
}

// ParseTokenResponse reads a successful token endpoint body of either shape.
// now is when the response arrived; a v2 body gives only expires_in, so the
// expiry is counted from it.
func ParseTokenResponse(body []byte, target Target, now time.Time) (Token, error) {
	var r tokenResponse
	if err := json.Unmarshal(body, &r); err != nil {
		return Token{}, fmt.Errorf("token response: %w", err)
	}
	if r.AccessToken == "" {
		return Token{}, errors.New("token response has no access_token")
	}
	t := Token{
		AccessToken: r.AccessToken,
		Type:        r.TokenType,
		Target:      target,
		ObtainedAt:  now,
	}
	if t.Type == "" {
		t.Type = "Bearer"
	}
	// expires_on is the server's absolute time; expires_in is relative to
	// now and immune to clock skew between us and Entra, so prefer it.
	switch {
	case r.ExpiresIn.set:
		t.ExpiresOn = now.Add(time.Duration(r.ExpiresIn.value) * time.Second)
	case r.ExpiresOn.set:
		t.ExpiresOn = time.Unix(r.ExpiresOn.value, 0)
	default:
		return Token{}, errors.New("token response has neither expires_in nor expires_on")
	}
	if r.NotBefore.set {
		t.NotBefore = time.Unix(r.NotBefore.value, 0)
	}
	return t, nil
}
