package tokens

import (
	"errors"
	"net/url"
	"time"
)

// ErrNoSecret means a profile has no client secret to send.
var ErrNoSecret = errors.New("no client secret")

// A Credential proves the app's identity in a token request. The interface
// is sealed: the kinds Entra accepts (ClientSecret and
// CertificateCredential) are defined in this package, so callers build a
// Request the same way whichever kind a profile uses.
type Credential interface {
	// addTo puts the credential's fields into the token request form.
	// tokenURL and now are what a signed assertion needs as audience and
	// issue time.
	addTo(form url.Values, tokenURL string, now time.Time) error
}

// ClientSecret is an app registration's client secret: the Value shown once
// in Certificates & secrets, not its Secret ID.
type ClientSecret string

func (s ClientSecret) addTo(form url.Values, _ string, _ time.Time) error {
	if s == "" {
		return ErrNoSecret
	}
	form.Set("client_secret", string(s))
	return nil
}

// String masks the secret so that printing a Request never leaks it.
func (s ClientSecret) String() string { return Mask(string(s)) }

// GoString masks the secret for %#v too.
func (s ClientSecret) GoString() string { return s.String() }

// Mask hides a secret, keeping only enough to tell two apart: the first
// three characters of a long value, nothing of a short one.
func Mask(secret string) string {
	runes := []rune(secret)
	if len(runes) < 12 {
		return "••••••"
	}
	return string(runes[:3]) + "••••••"
}
