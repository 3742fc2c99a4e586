package emulator

import (
	"net/http"
	"net/url"
	"strings"
)

// tokenRequest is what a client-credentials request asks for.
type tokenRequest struct {
	clientID      string
	secret        string
	assertionType string
	assertion     string
	// endpoint is the URL the request was sent to, which a client
	// assertion must name as its audience. The emulator serves plain http.
	endpoint string
	// resource is the v1 resource, or the v2 scope without "/.default",
	// exactly as sent: it becomes the token's aud.
	resource string
}

// maxFormBytes bounds the form Entra will read; client-credential bodies
// are a few hundred bytes.
const maxFormBytes = 1 << 20

// readTokenRequest checks the form the way Entra does. Only the body
// counts: parameters in the query string or a JSON body leave the fields
// missing, which Entra reports as AADSTS900144.
func readTokenRequest(w http.ResponseWriter, r *http.Request, version int) (tokenRequest, *entraError) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		return tokenRequest{}, errMissingParameter("grant_type")
	}
	form := r.PostForm
	switch grant := form.Get("grant_type"); grant {
	case "client_credentials":
	case "":
		return tokenRequest{}, errMissingParameter("grant_type")
	default:
		return tokenRequest{}, errUnsupportedGrant(grant)
	}
	req := tokenRequest{
		clientID:      form.Get("client_id"),
		secret:        form.Get("client_secret"),
		assertionType: form.Get("client_assertion_type"),
		assertion:     form.Get("client_assertion"),
		endpoint:      "http://" + r.Host + r.URL.EscapedPath(),
	}
	if id, secret, ok := basicCredentials(r); ok {
		req.clientID, req.secret = first(req.clientID, id), first(req.secret, secret)
	}
	if req.clientID == "" {
		return tokenRequest{}, errMissingParameter("client_id")
	}
	var e *entraError
	if version == 1 {
		req.resource, e = v1Resource(form)
	} else {
		req.resource, e = v2Resource(form)
	}
	return req, e
}

// basicCredentials reads client_secret_basic (RFC 6749 §2.3.1), which
// Entra also accepts: both parts are form-encoded before base64, so a '+'
// in a secret must arrive as %2B.
func basicCredentials(r *http.Request) (id, secret string, ok bool) {
	user, pass, ok := r.BasicAuth()
	if !ok {
		return "", "", false
	}
	if u, err := url.QueryUnescape(user); err == nil {
		user = u
	}
	if p, err := url.QueryUnescape(pass); err == nil {
		pass = p
	}
	return user, pass, true
}

func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func v1Resource(form url.Values) (string, *entraError) {
	resource := form.Get("resource")
	if resource == "" {
		return "", errResourceMissing()
	}
	return resource, nil
}

// v2Resource takes the one "<resource>/.default" out of scope. MSAL adds
// the OIDC scopes even to client-credential requests, so they are ignored.
func v2Resource(form url.Values) (string, *entraError) {
	if form.Has("resource") {
		return "", errResourceOnV2()
	}
	scope := form.Get("scope")
	if strings.TrimSpace(scope) == "" {
		return "", errScopeMissing()
	}
	var resources []string
	for _, sc := range strings.Fields(scope) {
		switch sc {
		case "openid", "profile", "offline_access":
			continue
		}
		resource, ok := strings.CutSuffix(sc, "/.default")
		if !ok {
			return "", errScopeNotDefault(sc)
		}
		resources = append(resources, resource)
	}
	switch len(resources) {
	case 0:
		return "", errScopeNotDefault(scope)
	case 1:
		return resources[0], nil
	}
	return "", errScopeManyResources(scope)
}

// knownResource reports whether the emulator's Entra issues tokens for
// resource: ARM under both of its App ID URIs, and Microsoft Graph. Entra
// accepts them with or without the trailing slash.
func knownResource(resource string) bool {
	switch strings.TrimSuffix(strings.ToLower(resource), "/") {
	case "https://management.azure.com", "https://management.core.windows.net", "https://graph.microsoft.com":
		return true
	}
	return false
}
