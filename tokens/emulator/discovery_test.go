package emulator

import (
	"net/http"
	"slices"
	"testing"
)

func TestDiscoveryDocument(t *testing.T) {
	t.Parallel()
	s := start(t, nil)
	base := s.URL() + "/" + contosoID
	tests := []struct {
		path                                       string
		wantToken, wantIssuer, wantKeys, wantCloud string
	}{
		{"/" + contosoID + "/v2.0/.well-known/openid-configuration", base + "/oauth2/v2.0/token", "https://login.microsoftonline.com/" + contosoID + "/v2.0", base + "/discovery/v2.0/keys", "microsoftonline.com"},
		{"/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration", base + "/oauth2/v2.0/token", "https://login.microsoftonline.com/" + contosoID + "/v2.0", base + "/discovery/v2.0/keys", "microsoftonline.com"},
		{"/" + contosoID + "/.well-known/openid-configuration", base + "/oauth2/token", "https://sts.windows.net/" + contosoID + "/", base + "/discovery/keys", "microsoftonline.com"},
		{"/organizations/v2.0/.well-known/openid-configuration", s.URL() + "/organizations/oauth2/v2.0/token", "https://login.microsoftonline.com/{tenantid}/v2.0", s.URL() + "/organizations/discovery/v2.0/keys", "microsoftonline.com"},
		{"/" + usgovID + "/v2.0/.well-known/openid-configuration", s.URL() + "/" + usgovID + "/oauth2/v2.0/token", "https://login.microsoftonline.com/" + usgovID + "/v2.0", s.URL() + "/" + usgovID + "/discovery/v2.0/keys", "microsoftonline.us"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := get(t, s.URL()+tt.path, "")
			if r.status != http.StatusOK {
				t.Fatalf("status %d: %s", r.status, r.body)
			}
			var doc struct {
				TokenEndpoint     string   `json:"token_endpoint"`
				Issuer            string   `json:"issuer"`
				JWKSURI           string   `json:"jwks_uri"`
				Authorization     string   `json:"authorization_endpoint"`
				CloudInstanceName string   `json:"cloud_instance_name"`
				AuthMethods       []string `json:"token_endpoint_auth_methods_supported"`
			}
			r.json(t, &doc)
			if doc.TokenEndpoint != tt.wantToken || doc.Issuer != tt.wantIssuer || doc.JWKSURI != tt.wantKeys || doc.CloudInstanceName != tt.wantCloud {
				t.Errorf("got %+v", doc)
			}
			if doc.Authorization == "" || !slices.Contains(doc.AuthMethods, "client_secret_basic") {
				t.Errorf("incomplete document: %s", r.body)
			}
			if r.header.Get("Cache-Control") != "max-age=86400, private" {
				t.Errorf("Cache-Control %q", r.header.Get("Cache-Control"))
			}
		})
	}
}

func TestDiscoveryOfUnknownTenant(t *testing.T) {
	t.Parallel()
	s := start(t, nil)
	tests := []struct {
		tenant string
		want   int
	}{
		{"12345678-1234-1234-1234-123456789012", 90002},
		{"nowhere.example.com", 90002},
		{"{{tenantid}}", 900023},
	}
	for _, tt := range tests {
		t.Run(tt.tenant, func(t *testing.T) {
			r := get(t, s.URL()+"/"+tt.tenant+"/v2.0/.well-known/openid-configuration", "")
			e := entraErrorOf(t, r)
			if r.status != http.StatusBadRequest || e.Error != "invalid_request" || !slices.Equal(e.ErrorCodes, []int{tt.want}) {
				t.Errorf("got %d %s %v, want 400 invalid_request [%d]", r.status, e.Error, e.ErrorCodes, tt.want)
			}
		})
	}
}
