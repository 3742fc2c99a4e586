package emulator

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// estsServer imitates the x-ms-ests-server header that names the Entra
// build and region answering.
const estsServer = "2.1.0.0 - LOOPBACK ProdSlices (aztoken emulator)"

const noStore = "no-store, no-cache"

// v1TokenBody is the v1 success body: numbers as JSON strings, fields in
// the order Entra sends them.
type v1TokenBody struct {
	TokenType    string `json:"token_type"`
	ExpiresIn    string `json:"expires_in"`
	ExtExpiresIn string `json:"ext_expires_in"`
	ExpiresOn    string `json:"expires_on"`
	NotBefore    string `json:"not_before"`
	Resource     string `json:"resource"`
	AccessToken  string `json:"access_token"`
}

// v2TokenBody is the v2 success body, with JSON numbers.
type v2TokenBody struct {
	TokenType    string `json:"token_type"`
	ExpiresIn    int64  `json:"expires_in"`
	ExtExpiresIn int64  `json:"ext_expires_in"`
	AccessToken  string `json:"access_token"`
}

// tokenHandler serves the v1 or v2 token endpoint of the tenant named in
// the URL.
func (s *Server) tokenHandler(tenant string, version int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, e := s.issue(w, r, tenant, version)
		if e != nil {
			s.writeEntraError(w, r, e)
			return
		}
		s.entraHeaders(w, r, noStore)
		writeJSON(w, http.StatusOK, body)
	}
}

// issue runs Entra's checks in turn: the request, then the client's
// credentials, then policy. Entra's exact order is not on record; this one
// reports the most basic mistake first.
func (s *Server) issue(w http.ResponseWriter, r *http.Request, tenant string, version int) (any, *entraError) {
	if r.Method != http.MethodPost {
		return nil, errMethodNotAllowed(r.Method)
	}
	if isMultiTenant(tenant) {
		return nil, errMultiTenantEndpoint()
	}
	t, e := s.findTenant(tenant)
	if e != nil {
		return nil, e
	}
	if t.Cloud != "" {
		return nil, errNationalCloud(tenant, t.Cloud)
	}
	req, e := readTokenRequest(w, r, version)
	if e != nil {
		return nil, e
	}
	now := s.now()
	a, acr, e := authenticate(t, req, now)
	if e != nil {
		return nil, e
	}
	switch {
	case a.Disabled:
		return nil, errAppDisabled(a)
	case !knownResource(req.resource):
		return nil, errResourceNotFound(req.resource, directoryName(t))
	case a.BlockedByConditionalAccess:
		return nil, errConditionalAccess()
	}
	token, err := s.keys.sign(s.newClaims(t, a, acr, req.resource, now))
	if err != nil {
		return nil, errTransient(http.StatusInternalServerError)
	}
	return tokenBody(version, token, req.resource, a.TokenLifetime, now), nil
}

// The appidacr/azpacr values: how the app proved itself.
const (
	acrSecret      = "1"
	acrCertificate = "2"
)

// authenticate finds the app and checks its secret or client assertion,
// and says which of the two it was.
func authenticate(t *Tenant, req tokenRequest, now time.Time) (*App, string, *entraError) {
	a := app(t, req.clientID)
	if a == nil {
		return nil, "", errAppNotFound(req.clientID, directoryName(t))
	}
	switch {
	case req.secret != "":
		return a, acrSecret, checkSecret(a, req.secret, now)
	case req.assertion != "" || req.assertionType != "":
		return a, acrCertificate, checkAssertion(a, req, now)
	}
	return nil, "", errNoSecret()
}

// checkSecret accepts one of the app's secrets while it is valid.
func checkSecret(a *App, secret string, now time.Time) *entraError {
	for _, sec := range a.Secrets {
		if sec.Value != secret {
			continue
		}
		if !sec.Expires.IsZero() && !now.Before(sec.Expires) {
			return errSecretExpired(a.ClientID)
		}
		return nil
	}
	return errWrongSecret(a.ClientID)
}

// tokenBody builds the success body. expires_in is one second short of the
// lifetime and not_before is back-dated, as in every captured response.
func tokenBody(version int, token, resource string, lifetime time.Duration, now time.Time) any {
	expiresIn := int64((lifetime - time.Second) / time.Second)
	if version == 2 {
		return v2TokenBody{TokenType: "Bearer", ExpiresIn: expiresIn, ExtExpiresIn: expiresIn, AccessToken: token}
	}
	in := strconv.FormatInt(expiresIn, 10)
	return v1TokenBody{
		TokenType:    "Bearer",
		ExpiresIn:    in,
		ExtExpiresIn: in,
		ExpiresOn:    strconv.FormatInt(now.Add(lifetime).Unix(), 10),
		NotBefore:    strconv.FormatInt(now.Add(-clockSkew).Unix(), 10),
		Resource:     resource,
		AccessToken:  token,
	}
}

// findTenant resolves the tenant part of an Entra URL: a GUID or a domain.
func (s *Server) findTenant(tenant string) (*Tenant, *entraError) {
	if !isGUID(tenant) && !isDNSName(tenant) {
		return nil, errTenantMalformed(tenant)
	}
	if t := s.dir.tenant(tenant); t != nil {
		return t, nil
	}
	return nil, errTenantNotFound(tenant)
}

// isMultiTenant reports the aliases that name no single tenant.
func isMultiTenant(tenant string) bool {
	switch strings.ToLower(tenant) {
	case "common", "organizations", "consumers":
		return true
	}
	return false
}

// directoryName is how Entra's messages name a tenant.
func directoryName(t *Tenant) string {
	if t.DisplayName != "" {
		return t.DisplayName
	}
	return t.ID
}

// entraHeaders sets the headers Entra sends with every answer and returns
// the IDs the body repeats. The correlation ID is the client's
// client-request-id when it sent one, as Entra echoes it.
func (s *Server) entraHeaders(w http.ResponseWriter, r *http.Request, cacheControl string) (trace, correlation string) {
	trace, correlation = newGUID(), requestID(r, "client-request-id")
	h := w.Header()
	h.Set("Cache-Control", cacheControl)
	if cacheControl == noStore {
		h.Set("Pragma", "no-cache")
	}
	h.Set("Expires", "-1")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("x-ms-request-id", trace)
	h.Set("x-ms-ests-server", estsServer)
	if r.Header.Get("client-request-id") != "" {
		h.Set("client-request-id", correlation)
	}
	return trace, correlation
}
