package tokens

import (
	"errors"
	"fmt"
	"net/url"
	"time"
)

// Request is one client-credentials token request: which authority and
// tenant to ask, which app is asking, how it proves itself and what the
// token is for.
type Request struct {
	// AuthorityHost is the Entra ID login host with scheme, for example
	// https://login.microsoftonline.com.
	AuthorityHost string
	// Tenant is the directory: a GUID or a domain such as
	// contoso.onmicrosoft.com.
	Tenant string
	// ClientID is the app registration's Application (client) ID.
	ClientID string
	// Credential proves the app's identity.
	Credential Credential
	// Target is the v1 resource or v2 scope the token is for.
	Target Target
}

// TokenURL is the endpoint the request is sent to: /oauth2/token for a
// resource, /oauth2/v2.0/token for a scope.
func (r Request) TokenURL() (string, error) {
	if r.Tenant == "" {
		return "", errors.New("no tenant")
	}
	base, err := CheckEndpoint(r.AuthorityHost)
	if err != nil {
		return "", fmt.Errorf("authority host: %w", err)
	}
	path := "/oauth2/token"
	if r.Target.IsScope() {
		path = "/oauth2/v2.0/token"
	}
	return JoinPath(base, "/"+url.PathEscape(r.Tenant)+path), nil
}

// form builds the url-encoded body Entra expects.
func (r Request) form(tokenURL string, now time.Time) (url.Values, error) {
	if r.ClientID == "" {
		return nil, errors.New("no client ID")
	}
	if r.Target.IsZero() {
		return nil, errors.New("no resource or scope")
	}
	if r.Credential == nil {
		return nil, ErrNoSecret
	}
	form := url.Values{
		"grant_type": {"client_credentials"},
		"client_id":  {r.ClientID},
	}
	if r.Target.IsScope() {
		form.Set("scope", r.Target.Value())
	} else {
		form.Set("resource", r.Target.Value())
	}
	if err := r.Credential.addTo(form, tokenURL, now); err != nil {
		return nil, err
	}
	return form, nil
}
