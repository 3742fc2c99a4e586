package emulator

import (
	"encoding/base64"
	"math/big"
	"net/http"
)

// discoveryCache is the Cache-Control Entra sends on discovery documents.
const discoveryCache = "max-age=86400, private"

// openIDConfig is the OpenID Connect discovery document, keys in the order
// of a recorded Entra response. Endpoints point at the emulator so that a
// client following them never leaves the machine.
type openIDConfig struct {
	TokenEndpoint                string   `json:"token_endpoint"`
	TokenEndpointAuthMethods     []string `json:"token_endpoint_auth_methods_supported"`
	JWKSURI                      string   `json:"jwks_uri"`
	ResponseModes                []string `json:"response_modes_supported"`
	SubjectTypes                 []string `json:"subject_types_supported"`
	IDTokenSigningAlgs           []string `json:"id_token_signing_alg_values_supported"`
	ResponseTypes                []string `json:"response_types_supported"`
	Scopes                       []string `json:"scopes_supported"`
	Issuer                       string   `json:"issuer"`
	RequestURIParameterSupported bool     `json:"request_uri_parameter_supported"`
	UserinfoEndpoint             string   `json:"userinfo_endpoint"`
	AuthorizationEndpoint        string   `json:"authorization_endpoint"`
	DeviceAuthorizationEndpoint  string   `json:"device_authorization_endpoint"`
	HTTPLogoutSupported          bool     `json:"http_logout_supported"`
	FrontchannelLogoutSupported  bool     `json:"frontchannel_logout_supported"`
	EndSessionEndpoint           string   `json:"end_session_endpoint"`
	Claims                       []string `json:"claims_supported"`
	KerberosEndpoint             string   `json:"kerberos_endpoint"`
	TenantRegionScope            string   `json:"tenant_region_scope"`
	CloudInstanceName            string   `json:"cloud_instance_name"`
	CloudGraphHostName           string   `json:"cloud_graph_host_name"`
	MSGraphHost                  string   `json:"msgraph_host"`
	RBACURL                      string   `json:"rbac_url"`
}

type jwks struct {
	Keys []jwk `json:"keys"`
}

type jwk struct {
	Kty string   `json:"kty"`
	Use string   `json:"use"`
	Kid string   `json:"kid"`
	X5t string   `json:"x5t"`
	N   string   `json:"n"`
	E   string   `json:"e"`
	X5c []string `json:"x5c"`
}

// discoveryHandler serves /{tenant}/.well-known/openid-configuration (v1)
// and /{tenant}/v2.0/.well-known/openid-configuration (v2). An unknown
// tenant gets AADSTS90002, which makes this a cheap "does the tenant
// exist" probe.
func (s *Server) discoveryHandler(tenant string, version int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		pathTenant, issuerTenant, cloud, e := s.discoveryTenant(tenant)
		if e != nil {
			s.writeEntraError(w, r, e)
			return
		}
		s.entraHeaders(w, r, discoveryCache)
		w.Header().Set("Access-Control-Allow-Origin", "*")
		writeJSON(w, http.StatusOK, s.openIDConfig(pathTenant, issuerTenant, cloud, version))
	}
}

// keysHandler publishes the signing key as a JWKS, so tokens can be
// verified the way a relying party does.
func (s *Server) keysHandler(tenant string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if _, _, _, e := s.discoveryTenant(tenant); e != nil {
			s.writeEntraError(w, r, e)
			return
		}
		pub := s.keys.key.PublicKey
		s.entraHeaders(w, r, discoveryCache)
		w.Header().Set("Access-Control-Allow-Origin", "*")
		writeJSON(w, http.StatusOK, jwks{Keys: []jwk{{
			Kty: "RSA",
			Use: "sig",
			Kid: s.keys.kid,
			X5t: s.keys.kid,
			N:   base64.RawURLEncoding.EncodeToString(pub.N.Bytes()),
			E:   base64.RawURLEncoding.EncodeToString(big.NewInt(int64(pub.E)).Bytes()),
			X5c: []string{base64.StdEncoding.EncodeToString(s.keys.cert)},
		}}})
	}
}

// discoveryTenant resolves the tenant of a discovery URL. The multi-tenant
// aliases have a document too, with "{tenantid}" in the issuer for the
// relying party to fill in.
func (s *Server) discoveryTenant(tenant string) (pathTenant, issuerTenant, cloud string, e *entraError) {
	if isMultiTenant(tenant) {
		return tenant, "{tenantid}", "", nil
	}
	t, e := s.findTenant(tenant)
	if e != nil {
		return "", "", "", e
	}
	return t.ID, t.ID, t.Cloud, nil
}

func (s *Server) openIDConfig(pathTenant, issuerTenant, cloud string, version int) openIDConfig {
	base := s.url + "/" + pathTenant
	oauth, keys, issuer := base+"/oauth2/v2.0", base+"/discovery/v2.0/keys", "https://login.microsoftonline.com/"+issuerTenant+"/v2.0"
	if version == 1 {
		oauth, keys, issuer = base+"/oauth2", base+"/discovery/keys", stsIssuer(issuerTenant)
	}
	if cloud == "" {
		cloud = "microsoftonline.com"
	}
	return openIDConfig{
		TokenEndpoint:                oauth + "/token",
		TokenEndpointAuthMethods:     []string{"client_secret_post", "private_key_jwt", "client_secret_basic"},
		JWKSURI:                      keys,
		ResponseModes:                []string{"query", "fragment", "form_post"},
		SubjectTypes:                 []string{"pairwise"},
		IDTokenSigningAlgs:           []string{"RS256"},
		ResponseTypes:                []string{"code", "id_token", "code id_token", "id_token token"},
		Scopes:                       []string{"openid", "profile", "email", "offline_access"},
		Issuer:                       issuer,
		RequestURIParameterSupported: false,
		UserinfoEndpoint:             s.url + "/oidc/userinfo",
		AuthorizationEndpoint:        oauth + "/authorize",
		DeviceAuthorizationEndpoint:  oauth + "/devicecode",
		HTTPLogoutSupported:          true,
		FrontchannelLogoutSupported:  true,
		EndSessionEndpoint:           oauth + "/logout",
		Claims: []string{"sub", "iss", "cloud_instance_name", "cloud_instance_host_name", "cloud_graph_host_name",
			"msgraph_host", "aud", "exp", "iat", "auth_time", "acr", "nonce", "preferred_username", "name", "tid",
			"ver", "at_hash", "c_hash", "email"},
		KerberosEndpoint:   base + "/kerberos",
		TenantRegionScope:  "WW",
		CloudInstanceName:  cloud,
		CloudGraphHostName: "graph.windows.net",
		MSGraphHost:        "graph.microsoft.com",
		RBACURL:            "https://pas.windows.net",
	}
}
