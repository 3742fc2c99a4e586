package emulator

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// The fixture: tenant Contoso with a working app that can read one of its
// two subscriptions, apps for each failure Entra reports, and a second
// tenant Fabrikam with a subscription of its own.
const (
	contosoID   = "72f988bf-86f1-41af-91ab-2d7cd011db47"
	fabrikamID  = "a602cbf4-21c3-4761-b54e-acf397842b82"
	usgovID     = "d1e2f3a4-0000-4000-8000-000000000001"
	appID       = "1671f074-56e2-4c37-873b-b7b07a120b18"
	appOID      = "72243241-f194-45f3-987d-eeb347b83b69"
	secretID    = "6f6c4645-0202-4486-b625-fa957dfc4700"
	secretValue = "Qm8~abc.DEF_ghi-JKL+mno/pqr="
	noRoleApp   = "0b0b0b0b-0000-4000-8000-00000000000b"
	disabledApp = "0d0d0d0d-0000-4000-8000-00000000000d"
	caApp       = "0c0c0c0c-0000-4000-8000-00000000000c"
	expiredApp  = "0e0e0e0e-0000-4000-8000-00000000000e"
	fabApp      = "0f0f0f0f-0000-4000-8000-00000000000f"
	readableSub = "291bba3f-e0a5-47bc-a099-3bdcb2a50a05"
	hiddenSub   = "72ac930a-f34e-42d8-b06d-dc2a9e12ed71"
	fabSub      = "eddf6699-ce89-47d5-84cd-d2a190f2c505"
	armResource = "https://management.azure.com/"
)

// fixedNow is the emulator's clock in most tests: timestamps in bodies
// become predictable.
var fixedNow = time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)

func fixture() Config {
	secret := []Secret{{ID: secretID, Value: secretValue}}
	return Config{
		Now:        func() time.Time { return fixedNow },
		SigningKey: TestKey(),
		Tenants: []Tenant{
			{
				ID:          contosoID,
				DisplayName: "Contoso",
				Domains:     []string{"contoso.onmicrosoft.com"},
				Apps: []App{
					{ClientID: appID, DisplayName: "aztoken-test", ObjectID: appOID, Secrets: secret, Roles: []string{"Directory.Read.All"}},
					{ClientID: noRoleApp, DisplayName: "no-role", Secrets: secret},
					{ClientID: disabledApp, DisplayName: "switched-off", Secrets: secret, Disabled: true},
					{ClientID: caApp, DisplayName: "blocked", Secrets: secret, BlockedByConditionalAccess: true},
					{ClientID: expiredApp, DisplayName: "old", Secrets: []Secret{{ID: secretID, Value: secretValue, Expires: fixedNow.Add(-time.Hour)}}},
				},
				Subscriptions: []Subscription{
					{
						ID: readableSub, DisplayName: "Production", Readers: []string{appOID},
						Tags: map[string]string{"finance:business_unit": "R&D"},
						ResourceGroups: []ResourceGroup{
							{Name: "rg-app", Location: "westeurope", Tags: map[string]string{"env": "prod"}},
							{Name: "MC_rg-app_aks_westeurope", Location: "westeurope", ManagedBy: "/subscriptions/" + readableSub + "/resourcegroups/rg-app/providers/Microsoft.ContainerService/managedClusters/aks"},
							{Name: "rg-data", Location: "northeurope"},
							{Name: "rg-old", Location: "eastus", ProvisioningState: "Deleting"},
							{Name: "rg-net", Location: "eastus"},
						},
					},
					{ID: hiddenSub, DisplayName: "Secret project"},
				},
			},
			{
				ID:            fabrikamID,
				Domains:       []string{"fabrikam.com"},
				Apps:          []App{{ClientID: fabApp, Secrets: secret}},
				Subscriptions: []Subscription{{ID: fabSub, DisplayName: "Fabrikam", Readers: []string{fabApp}}},
			},
			{ID: usgovID, Domains: []string{"agency.onmicrosoft.us"}, Cloud: "microsoftonline.us"},
		},
	}
}

// start runs the fixture, changed by edit if given, for the test's life.
func start(t *testing.T, edit func(*Config)) *Server {
	t.Helper()
	cfg := fixture()
	if edit != nil {
		edit(&cfg)
	}
	s, err := Start(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

// credentials is a good v1 request for ARM by the main app.
func credentials() url.Values {
	return url.Values{
		"grant_type":    {"client_credentials"},
		"client_id":     {appID},
		"client_secret": {secretValue},
		"resource":      {armResource},
	}
}

// reply is what a client got back.
type reply struct {
	status int
	header http.Header
	body   []byte
}

func (r reply) json(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("body is not JSON: %v\n%s", err, r.body)
	}
}

func do(t *testing.T, req *http.Request) reply {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return reply{status: resp.StatusCode, header: resp.Header, body: body}
}

func post(t *testing.T, u string, form url.Values) reply {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, u, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return do(t, req)
}

func get(t *testing.T, u, authorization string) reply {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	if authorization != "" {
		req.Header.Set("Authorization", authorization)
	}
	return do(t, req)
}

// token fetches a v1 token with form, which must succeed.
func token(t *testing.T, s *Server, tenant string, form url.Values) string {
	t.Helper()
	r := post(t, s.URL()+"/"+tenant+"/oauth2/token", form)
	if r.status != http.StatusOK {
		t.Fatalf("token request: %d %s", r.status, r.body)
	}
	var body struct {
		AccessToken string `json:"access_token"`
	}
	r.json(t, &body)
	return body.AccessToken
}

// armToken is a good ARM token of the main app.
func armToken(t *testing.T, s *Server) string {
	t.Helper()
	return token(t, s, contosoID, credentials())
}

// with returns a copy of form with key set to value, or removed if value
// is empty.
func with(form url.Values, key, value string) url.Values {
	out := url.Values{}
	for k, v := range form {
		out[k] = v
	}
	if value == "" {
		out.Del(key)
	} else {
		out.Set(key, value)
	}
	return out
}

// objectKeys lists the keys of a JSON object in the order they were sent.
func objectKeys(t *testing.T, body []byte) []string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(string(body)))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not a JSON object: %s", body)
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}
