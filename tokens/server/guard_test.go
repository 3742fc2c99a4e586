package server

import (
	"net/http"
	"strings"
	"testing"

	"github.com/aztoken/aztoken/tokens/emulator"
)

func TestRefusals(t *testing.T) {
	t.Parallel()
	rg := start(t, nil)
	ok := msiPath(armResource)
	tests := []struct {
		name    string
		method  string
		path    string
		headers []string
		status  int
		error   string
		says    string
	}{
		{"no header", "GET", ok, []string{HeaderName, ""}, 401, "invalid_identity_header", "IDENTITY_HEADER"},
		{"wrong header", "GET", ok, []string{HeaderName, strings.Repeat("0", 64)}, 401, "invalid_identity_header", "X-IDENTITY-HEADER"},
		{"wrong header on /token", "GET", TokenPath, []string{HeaderName, "guess"}, 401, "invalid_identity_header", ""},
		{"foreign resource", "GET", msiPath("https://vault.azure.net"), nil, 403, "resource_not_allowed", "https://vault.azure.net is not on this server's allow-list (https://management.azure.com/)"},
		{"foreign resource on /token", "GET", TokenPath + "?resource=https://graph.microsoft.com", nil, 403, "resource_not_allowed", ""},
		{"old api-version", "GET", MSIPath + "?api-version=2017-09-01&resource=" + armResource, nil, 400, "invalid_request", "2019-08-01"},
		{"no resource", "GET", MSIPath + "?api-version=2019-08-01", nil, 400, "invalid_request", "resource"},
		{"another identity", "GET", ok + "&client_id=" + emulator.SampleOtherApp, nil, 400, "identity_not_found", emulator.SampleApp},
		{"a principal ID", "GET", ok + "&principal_id=x", nil, 400, "identity_not_found", ""},
		{"rebound host", "GET", ok, []string{"Host", "evil.example:" + rg.srv.port()}, 421, "wrong_host", "127.0.0.1"},
		{"other port", "GET", ok, []string{"Host", "localhost:1"}, 421, "wrong_host", ""},
		{"unlisted origin", "GET", TokenPath, []string{"Origin", "https://evil.example"}, 403, "origin_not_allowed", "evil.example"},
		{"POST", "POST", ok, nil, 405, "method_not_allowed", "GET"},
		{"unknown route", "GET", "/metadata/identity/oauth2/token", nil, 404, "not_found", MSIPath},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := rg.do(tt.method, tt.path, tt.headers...)
			desc, _ := a.body["error_description"].(string)
			if a.status != tt.status || a.body["error"] != tt.error || !strings.Contains(desc, tt.says) {
				t.Errorf("status %d (want %d): %s", a.status, tt.status, a.raw)
			}
			if a.header.Get("Access-Control-Allow-Origin") != "" {
				t.Error("CORS headers without a listed origin")
			}
		})
	}
	if n := rg.emu.Requests(emulator.TokenEndpoint); n != 0 {
		t.Errorf("refused requests reached Entra %d times", n)
	}
	// localhost is this machine too.
	if a := rg.get(ok, "Host", "LOCALHOST:"+rg.srv.port()); a.status != 200 {
		t.Errorf("Host localhost: %d %s", a.status, a.raw)
	}
}

func TestCORSOnlyForListedOrigins(t *testing.T) {
	t.Parallel()
	const site = "http://localhost:5173"
	rg := start(t, func(c *Config) { c.CORSOrigins = []string{"HTTP://localhost:5173/"} })

	pre := rg.do(http.MethodOptions, TokenPath, "Origin", site, "Access-Control-Request-Method", "GET",
		"Access-Control-Request-Headers", "x-identity-header", HeaderName, "")
	if pre.status != 204 || pre.header.Get("Access-Control-Allow-Origin") != site ||
		!strings.EqualFold(pre.header.Get("Access-Control-Allow-Headers"), HeaderName) {
		t.Errorf("preflight: %d %v", pre.status, pre.header)
	}
	a := rg.get(TokenPath, "Origin", site)
	if a.status != 200 || a.header.Get("Access-Control-Allow-Origin") != site || a.header.Get("Vary") != "Origin" {
		t.Errorf("GET from the listed origin: %d %v", a.status, a.header)
	}
	// The page can read why it was refused, but gets no token without
	// the header.
	if a := rg.get(TokenPath, "Origin", site, HeaderName, ""); a.status != 401 || a.header.Get("Access-Control-Allow-Origin") != site {
		t.Errorf("listed origin without the header: %d %v", a.status, a.header)
	}
	// The managed-identity route is for SDKs, never for pages.
	if a := rg.get(msiPath(armResource), "Origin", site); a.header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("CORS on %s", MSIPath)
	}
	for _, origin := range []string{"http://localhost:5174", "https://localhost:5173", "null"} {
		pre := rg.do(http.MethodOptions, TokenPath, "Origin", origin, "Access-Control-Request-Method", "GET", HeaderName, "")
		if pre.status != 403 || pre.header.Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("preflight from %s: %d %v", origin, pre.status, pre.header)
		}
	}
}

func TestNoCORSUnlessConfigured(t *testing.T) {
	t.Parallel()
	rg := start(t, nil)
	pre := rg.do(http.MethodOptions, TokenPath, "Origin", "http://localhost:3000", "Access-Control-Request-Method", "GET", HeaderName, "")
	if pre.status != 403 || pre.header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("preflight: %d %v", pre.status, pre.header)
	}
	if a := rg.get(TokenPath); a.status != 200 || a.header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("GET without Origin: %d %v", a.status, a.header)
	}
}
