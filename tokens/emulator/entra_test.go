package emulator

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestV1TokenHasStringNumbersInEntraOrder(t *testing.T) {
	t.Parallel()
	s := start(t, nil)
	r := post(t, s.URL()+"/"+contosoID+"/oauth2/token", credentials())
	if r.status != http.StatusOK {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	wantKeys := []string{"token_type", "expires_in", "ext_expires_in", "expires_on", "not_before", "resource", "access_token"}
	if keys := objectKeys(t, r.body); !slices.Equal(keys, wantKeys) {
		t.Errorf("keys %v, want %v", keys, wantKeys)
	}
	var body map[string]any
	r.json(t, &body)
	for k, v := range body {
		if _, ok := v.(string); !ok {
			t.Errorf("%s is %T, v1 sends every value as a string", k, v)
		}
	}
	want := map[string]any{
		"token_type":     "Bearer",
		"expires_in":     "3599",
		"ext_expires_in": "3599",
		"expires_on":     strconv.FormatInt(fixedNow.Add(time.Hour).Unix(), 10),
		"not_before":     strconv.FormatInt(fixedNow.Add(-5*time.Minute).Unix(), 10),
		"resource":       armResource,
	}
	for k, v := range want {
		if body[k] != v {
			t.Errorf("%s = %v, want %v", k, body[k], v)
		}
	}
	for header, want := range map[string]string{
		"Cache-Control": "no-store, no-cache",
		"Pragma":        "no-cache",
		"Content-Type":  "application/json; charset=utf-8",
	} {
		if got := r.header.Get(header); got != want {
			t.Errorf("%s: %q, want %q", header, got, want)
		}
	}
	if !isGUID(r.header.Get("x-ms-request-id")) || r.header.Get("x-ms-ests-server") == "" {
		t.Errorf("missing Entra request headers: %v", r.header)
	}
}

func TestV2TokenHasNumbers(t *testing.T) {
	t.Parallel()
	s := start(t, nil)
	tests := []struct {
		scope, wantAud string
	}{
		{"https://management.azure.com/.default", "https://management.azure.com"},
		{"https://management.core.windows.net//.default", "https://management.core.windows.net/"},
		{"https://management.azure.com//.default openid profile offline_access", "https://management.azure.com/"},
		{"https://graph.microsoft.com/.default", "https://graph.microsoft.com"},
	}
	for _, tt := range tests {
		t.Run(tt.scope, func(t *testing.T) {
			form := with(with(credentials(), "resource", ""), "scope", tt.scope)
			r := post(t, s.URL()+"/"+contosoID+"/oauth2/v2.0/token", form)
			if r.status != http.StatusOK {
				t.Fatalf("status %d: %s", r.status, r.body)
			}
			wantKeys := []string{"token_type", "expires_in", "ext_expires_in", "access_token"}
			if keys := objectKeys(t, r.body); !slices.Equal(keys, wantKeys) {
				t.Errorf("keys %v, want %v", keys, wantKeys)
			}
			var body struct {
				TokenType    string          `json:"token_type"`
				ExpiresIn    json.RawMessage `json:"expires_in"`
				ExtExpiresIn json.RawMessage `json:"ext_expires_in"`
				AccessToken  string          `json:"access_token"`
			}
			r.json(t, &body)
			if string(body.ExpiresIn) != "3599" || string(body.ExtExpiresIn) != "3599" {
				t.Errorf("expires_in %s, ext_expires_in %s; want the number 3599", body.ExpiresIn, body.ExtExpiresIn)
			}
			if aud := verifiedClaims(t, s, body.AccessToken)["aud"]; aud != tt.wantAud {
				t.Errorf("aud %v, want %v", aud, tt.wantAud)
			}
		})
	}
}

func TestTokenAcceptsDomainsBasicAuthAndLifetimes(t *testing.T) {
	t.Parallel()
	s := start(t, func(c *Config) { c.Tenants[0].Apps[0].TokenLifetime = 24 * time.Hour })
	t.Run("domain as tenant", func(t *testing.T) {
		if r := post(t, s.URL()+"/Contoso.onmicrosoft.com/oauth2/token", credentials()); r.status != http.StatusOK {
			t.Fatalf("status %d: %s", r.status, r.body)
		}
	})
	t.Run("client_secret_basic", func(t *testing.T) {
		form := with(with(credentials(), "client_id", ""), "client_secret", "")
		req, _ := http.NewRequest(http.MethodPost, s.URL()+"/"+contosoID+"/oauth2/token", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.SetBasicAuth(url.QueryEscape(appID), url.QueryEscape(secretValue))
		if r := do(t, req); r.status != http.StatusOK {
			t.Fatalf("status %d: %s", r.status, r.body)
		}
	})
	t.Run("lifetime", func(t *testing.T) {
		var body struct {
			ExpiresIn string `json:"expires_in"`
		}
		post(t, s.URL()+"/"+contosoID+"/oauth2/token", credentials()).json(t, &body)
		if body.ExpiresIn != "86399" {
			t.Errorf("expires_in %s, want 86399", body.ExpiresIn)
		}
	})
}

func TestEntraErrors(t *testing.T) {
	t.Parallel()
	s := start(t, nil)
	v1 := credentials()
	v2 := with(with(v1, "resource", ""), "scope", "https://management.azure.com/.default")
	tests := []struct {
		name        string
		tenant      string
		v2          bool
		form        url.Values
		rawBody     string // sent as JSON instead of the form
		method      string
		wantStatus  int
		wantError   string
		wantAADSTS  int
		wantMessage string // part of error_description
	}{
		{name: "tenant with a pasted path", tenant: "token", form: v1, wantStatus: 400, wantError: "invalid_request", wantAADSTS: 900023, wantMessage: "'token' is neither a valid DNS name"},
		{name: "unknown tenant GUID", tenant: "12345678-1234-1234-1234-123456789012", form: v1, wantStatus: 400, wantError: "invalid_request", wantAADSTS: 90002, wantMessage: "Tenant '12345678-1234-1234-1234-123456789012' not found."},
		{name: "unknown domain", tenant: "nowhere.example.com", form: v1, wantStatus: 400, wantError: "invalid_request", wantAADSTS: 90002},
		{name: "common", tenant: "common", form: v1, wantStatus: 400, wantError: "invalid_request", wantAADSTS: 9001023},
		{name: "organizations", tenant: "organizations", v2: true, form: v2, wantStatus: 400, wantError: "invalid_request", wantAADSTS: 9001023},
		{name: "consumers", tenant: "consumers", form: v1, wantStatus: 400, wantError: "invalid_request", wantAADSTS: 9001023},
		{name: "national cloud tenant", tenant: "agency.onmicrosoft.us", form: v1, wantStatus: 400, wantError: "invalid_request", wantAADSTS: 90038, wantMessage: "redirected to the National Cloud 'microsoftonline.us'"},
		{name: "GET", tenant: contosoID, method: http.MethodGet, wantStatus: 400, wantError: "invalid_request", wantAADSTS: 900561, wantMessage: "Received a GET request."},
		{name: "JSON body", tenant: contosoID, rawBody: `{"grant_type":"client_credentials"}`, wantStatus: 400, wantError: "invalid_request", wantAADSTS: 900144, wantMessage: "parameter: 'grant_type'"},
		{name: "no client_id", tenant: contosoID, form: with(v1, "client_id", ""), wantStatus: 400, wantError: "invalid_request", wantAADSTS: 900144, wantMessage: "parameter: 'client_id'"},
		{name: "other grant", tenant: contosoID, form: with(v1, "grant_type", "password"), wantStatus: 400, wantError: "unsupported_grant_type", wantAADSTS: 70003},
		{name: "unknown client", tenant: contosoID, form: with(v1, "client_id", fabApp), wantStatus: 400, wantError: "unauthorized_client", wantAADSTS: 700016, wantMessage: "'" + fabApp + "' was not found in the directory 'Contoso'"},
		{name: "no secret", tenant: contosoID, form: with(v1, "client_secret", ""), wantStatus: 401, wantError: "invalid_client", wantAADSTS: 7000216},
		{name: "secret ID instead of value", tenant: contosoID, form: with(v1, "client_secret", secretID), wantStatus: 401, wantError: "invalid_client", wantAADSTS: 7000215, wantMessage: "the client secret value, not the client secret ID, for a secret added to app '" + appID + "'"},
		{name: "expired secret", tenant: contosoID, form: with(v1, "client_id", expiredApp), wantStatus: 401, wantError: "invalid_client", wantAADSTS: 7000222, wantMessage: "are expired"},
		{name: "certificate not uploaded", tenant: contosoID, form: with(with(with(v1, "client_secret", ""), "client_assertion_type", jwtBearer), "client_assertion", "eyJhbGciOiJSUzI1NiIsIng1dCI6ImFiYyJ9.e30.c2ln"), wantStatus: 401, wantError: "invalid_client", wantAADSTS: 700027, wantMessage: "The key was not found., Thumbprint of key used by client: '69B7'"},
		{name: "disabled app", tenant: contosoID, form: with(v1, "client_id", disabledApp), wantStatus: 400, wantError: "unauthorized_client", wantAADSTS: 7000112, wantMessage: "Application '" + disabledApp + "'(switched-off) is disabled."},
		{name: "conditional access", tenant: contosoID, form: with(v1, "client_id", caApp), wantStatus: 400, wantError: "invalid_grant", wantAADSTS: 53003},
		{name: "v1 without resource", tenant: contosoID, form: with(v1, "resource", ""), wantStatus: 400, wantError: "invalid_resource", wantAADSTS: 500013},
		{name: "unknown resource", tenant: contosoID, form: with(v1, "resource", "https://management.chinacloudapi.cn"), wantStatus: 400, wantError: "invalid_resource", wantAADSTS: 500011, wantMessage: "named https://management.chinacloudapi.cn was not found in the tenant named Contoso"},
		{name: "v2 with resource", tenant: contosoID, v2: true, form: with(v2, "resource", armResource), wantStatus: 400, wantError: "invalid_request", wantAADSTS: 901002},
		{name: "v2 without scope", tenant: contosoID, v2: true, form: with(v2, "scope", ""), wantStatus: 400, wantError: "invalid_request", wantAADSTS: 90014},
		{name: "v2 delegated scope", tenant: contosoID, v2: true, form: with(v2, "scope", "https://management.azure.com/user_impersonation"), wantStatus: 400, wantError: "invalid_scope", wantAADSTS: 1002012, wantMessage: "scope https://management.azure.com/user_impersonation is not valid"},
		{name: "v2 only OIDC scopes", tenant: contosoID, v2: true, form: with(v2, "scope", "openid profile"), wantStatus: 400, wantError: "invalid_scope", wantAADSTS: 1002012},
		{name: "v2 two resources", tenant: contosoID, v2: true, form: with(v2, "scope", "https://management.azure.com/.default https://graph.microsoft.com/.default"), wantStatus: 400, wantError: "invalid_scope", wantAADSTS: 700022},
		{name: "v2 unknown resource", tenant: contosoID, v2: true, form: with(v2, "scope", "api://nothing/.default"), wantStatus: 400, wantError: "invalid_resource", wantAADSTS: 500011},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := s.URL() + "/" + tt.tenant + "/oauth2/token"
			if tt.v2 {
				u = s.URL() + "/" + tt.tenant + "/oauth2/v2.0/token"
			}
			var r reply
			switch {
			case tt.method == http.MethodGet:
				r = get(t, u, "")
			case tt.rawBody != "":
				req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader(tt.rawBody))
				req.Header.Set("Content-Type", "application/json")
				r = do(t, req)
			default:
				r = post(t, u, tt.form)
			}
			e := entraErrorOf(t, r)
			if r.status != tt.wantStatus || e.Error != tt.wantError || !slices.Equal(e.ErrorCodes, []int{tt.wantAADSTS}) {
				t.Errorf("got %d %s %v, want %d %s [%d]\n%s", r.status, e.Error, e.ErrorCodes, tt.wantStatus, tt.wantError, tt.wantAADSTS, e.ErrorDescription)
			}
			if !strings.HasPrefix(e.ErrorDescription, "AADSTS"+strconv.Itoa(tt.wantAADSTS)+": ") || !strings.Contains(e.ErrorDescription, tt.wantMessage) {
				t.Errorf("error_description %q lacks %q", e.ErrorDescription, tt.wantMessage)
			}
		})
	}
}

func TestEntraErrorBodyShape(t *testing.T) {
	t.Parallel()
	s := start(t, nil)
	req, _ := http.NewRequest(http.MethodPost, s.URL()+"/"+contosoID+"/oauth2/token",
		strings.NewReader(with(credentials(), "client_secret", "wrong").Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("client-request-id", "a9a04527-75ae-4424-a145-194f9bb7f335")
	r := do(t, req)

	wantKeys := []string{"error", "error_description", "error_codes", "timestamp", "trace_id", "correlation_id", "error_uri"}
	if keys := objectKeys(t, r.body); !slices.Equal(keys, wantKeys) {
		t.Errorf("keys %v, want %v", keys, wantKeys)
	}
	e := entraErrorOf(t, r)
	if e.Timestamp != "2024-05-06 07:08:09Z" {
		t.Errorf("timestamp %q", e.Timestamp)
	}
	if e.TraceID != r.header.Get("x-ms-request-id") || !isGUID(e.TraceID) {
		t.Errorf("trace_id %q, x-ms-request-id %q", e.TraceID, r.header.Get("x-ms-request-id"))
	}
	if e.CorrelationID != "a9a04527-75ae-4424-a145-194f9bb7f335" {
		t.Errorf("correlation_id %q does not echo client-request-id", e.CorrelationID)
	}
	if e.ErrorURI != "https://login.microsoftonline.com/error?code=7000215" {
		t.Errorf("error_uri %q", e.ErrorURI)
	}
	tail := regexp.MustCompile(`^AADSTS7000215: [^\r\n]+\r\nTrace ID: ` + e.TraceID + `\r\nCorrelation ID: ` + e.CorrelationID + `\r\nTimestamp: 2024-05-06 07:08:09Z$`)
	if !tail.MatchString(e.ErrorDescription) {
		t.Errorf("error_description %q", e.ErrorDescription)
	}
	if r.header.Get("Cache-Control") != "no-store, no-cache" || r.header.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Errorf("headers %v", r.header)
	}
}

func entraErrorOf(t *testing.T, r reply) entraErrorBody {
	t.Helper()
	var e entraErrorBody
	r.json(t, &e)
	return e
}
