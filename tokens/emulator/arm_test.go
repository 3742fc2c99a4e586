package emulator

import (
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

const apiVersion = "?api-version=2022-12-01"

// wireCloudError is ARM's error body as a client decodes it.
type wireCloudError struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func TestListSubscriptionsShowsOnlyReadable(t *testing.T) {
	t.Parallel()
	s := start(t, nil)
	r := get(t, s.URL()+"/subscriptions"+apiVersion, "Bearer "+armToken(t, s))
	if r.status != http.StatusOK {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	if keys := objectKeys(t, r.body); !slices.Equal(keys, []string{"value", "count"}) {
		t.Errorf("keys %v", keys)
	}
	var list struct {
		Value []map[string]any `json:"value"`
		Count struct {
			Type  string `json:"type"`
			Value int    `json:"value"`
		} `json:"count"`
	}
	r.json(t, &list)
	if len(list.Value) != 1 || list.Count.Type != "Total" || list.Count.Value != 1 {
		t.Fatalf("want the one readable subscription, got %s", r.body)
	}
	sub := list.Value[0]
	want := map[string]any{
		"id":                  "/subscriptions/" + readableSub,
		"subscriptionId":      readableSub,
		"tenantId":            contosoID,
		"displayName":         "Production",
		"state":               "Enabled",
		"authorizationSource": "RoleBased",
	}
	for k, v := range want {
		if sub[k] != v {
			t.Errorf("%s = %v, want %v", k, sub[k], v)
		}
	}
	if !strings.Contains(string(r.body), `"tags":{"finance:business_unit":"R&D"}`) {
		t.Errorf("tags not sent verbatim: %s", r.body)
	}

	none := token(t, s, contosoID, with(credentials(), "client_id", noRoleApp))
	r = get(t, s.URL()+"/subscriptions"+apiVersion, "Bearer "+none)
	if string(r.body) != `{"value":[],"count":{"type":"Total","value":0}}` {
		t.Errorf("an app without roles got %s", r.body)
	}
}

func TestGetSubscription(t *testing.T) {
	t.Parallel()
	s := start(t, nil)
	r := get(t, s.URL()+"/subscriptions/"+readableSub+apiVersion, "Bearer "+armToken(t, s))
	want := []string{"id", "authorizationSource", "managedByTenants", "tags", "subscriptionId", "tenantId", "displayName", "state", "subscriptionPolicies"}
	if keys := objectKeys(t, r.body); r.status != http.StatusOK || !slices.Equal(keys, want) {
		t.Errorf("%d keys %v, want %v", r.status, keys, want)
	}
}

func TestUnauthenticatedRequestNamesTheOwningTenant(t *testing.T) {
	t.Parallel()
	s := start(t, nil)
	r := get(t, s.URL()+"/subscriptions/"+fabSub+apiVersion, "")
	if r.status != http.StatusUnauthorized {
		t.Fatalf("status %d", r.status)
	}
	wantChallenge := `Bearer authorization_uri="` + s.URL() + `/` + fabrikamID + `", error="invalid_token", error_description="The authentication failed because of missing 'Authorization' header."`
	if got := r.header.Get("WWW-Authenticate"); got != wantChallenge {
		t.Errorf("WWW-Authenticate\n got %s\nwant %s", got, wantChallenge)
	}
	// The regular expression tools use to read the tenant from it.
	if m := regexp.MustCompile(`authorization_uri=".*/([0-9a-f\-]+)"`).FindStringSubmatch(r.header.Get("WWW-Authenticate")); len(m) != 2 || m[1] != fabrikamID {
		t.Errorf("tenant not found in challenge: %v", m)
	}
	if string(r.body) != `{"error":{"code":"AuthenticationFailed","message":"Authentication failed. The 'Authorization' header is missing."}}` {
		t.Errorf("body %s", r.body)
	}
}

func TestResourceGroupsArePaged(t *testing.T) {
	t.Parallel()
	s := start(t, func(c *Config) { c.PageSize = 2 })
	auth := "Bearer " + armToken(t, s)
	next := s.URL() + "/subscriptions/" + readableSub + "/resourceGroups?api-version=2021-04-01"
	var names []string
	pages := 0
	for next != "" {
		pages++
		if !strings.HasPrefix(next, s.URL()+"/") {
			t.Fatalf("nextLink %q is not an absolute URL of the server", next)
		}
		r := get(t, next, auth)
		if r.status != http.StatusOK {
			t.Fatalf("page %d: %d %s", pages, r.status, r.body)
		}
		var page struct {
			Value []struct {
				Name string `json:"name"`
			} `json:"value"`
			NextLink string `json:"nextLink"`
		}
		r.json(t, &page)
		for _, g := range page.Value {
			names = append(names, g.Name)
		}
		if page.NextLink != "" && (!strings.Contains(page.NextLink, "api-version=2021-04-01") || !strings.Contains(page.NextLink, "&%24skiptoken=")) {
			t.Errorf("nextLink %q", page.NextLink)
		}
		next = page.NextLink
	}
	want := []string{"rg-app", "MC_rg-app_aks_westeurope", "rg-data", "rg-old", "rg-net"}
	if pages != 3 || !slices.Equal(names, want) {
		t.Errorf("%d pages of %v, want 3 pages of %v", pages, names, want)
	}
}

func TestResourceGroupShape(t *testing.T) {
	t.Parallel()
	s := start(t, nil)
	r := get(t, s.URL()+"/SUBSCRIPTIONS/"+readableSub+"/resourcegroups?api-version=2021-04-01", "Bearer "+armToken(t, s))
	body := string(r.body)
	want := []string{
		`{"value":[{"id":"/subscriptions/` + readableSub + `/resourceGroups/rg-app","name":"rg-app","type":"Microsoft.Resources/resourceGroups","location":"westeurope","tags":{"env":"prod"},"properties":{"provisioningState":"Succeeded"}},`,
		`"managedBy":"/subscriptions/` + readableSub + `/resourcegroups/rg-app/providers/Microsoft.ContainerService/managedClusters/aks","tags":{}`,
		`"provisioningState":"Deleting"`,
	}
	for _, w := range want {
		if !strings.Contains(body, w) {
			t.Errorf("body lacks %s\n%s", w, body)
		}
	}
	if strings.Contains(body, "nextLink") {
		t.Error("one page needs no nextLink")
	}
}

func TestARMHeaders(t *testing.T) {
	t.Parallel()
	s := start(t, nil)
	auth := "Bearer " + armToken(t, s)
	req, _ := http.NewRequest(http.MethodGet, s.URL()+"/subscriptions"+apiVersion, nil)
	req.Header.Set("Authorization", auth)
	req.Header.Set("x-ms-correlation-request-id", "64f52fb8-5580-58c0-a428-6220bd7811df")
	first := do(t, req)
	h := first.header
	id := h.Get("x-ms-request-id")
	if !isGUID(id) || h.Get("x-ms-correlation-request-id") != "64f52fb8-5580-58c0-a428-6220bd7811df" {
		t.Errorf("request IDs: %v", h)
	}
	if want := "LOOPBACK:20240506T070809Z:" + id; h.Get("x-ms-routing-request-id") != want {
		t.Errorf("x-ms-routing-request-id %q, want %q", h.Get("x-ms-routing-request-id"), want)
	}
	if h.Get("Cache-Control") != "no-cache" || h.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Errorf("headers %v", h)
	}
	second := get(t, s.URL()+"/subscriptions"+apiVersion, auth)
	a, _ := strconv.Atoi(h.Get(readsHeader))
	b, _ := strconv.Atoi(second.header.Get(readsHeader))
	if a != 11999 || b != 11998 {
		t.Errorf("remaining reads %d then %d, want 11999 then 11998", a, b)
	}
}

func TestARMErrors(t *testing.T) {
	t.Parallel()
	clk := NewClock(fixedNow)
	s := start(t, func(c *Config) { c.Now = clk.Now })
	good := armToken(t, s)
	parts := strings.Split(good, ".")
	tampered := parts[0] + "." + parts[1] + "x." + parts[2]
	graph := token(t, s, contosoID, with(credentials(), "resource", "https://graph.microsoft.com"))
	fab := token(t, s, fabrikamID, with(credentials(), "client_id", fabApp))
	noRole := token(t, s, contosoID, with(credentials(), "client_id", noRoleApp))
	other := start(t, func(c *Config) { c.SigningKey = OtherTestKey() })
	foreign := token(t, other, contosoID, credentials()) // signed with another key
	rgs := "/subscriptions/" + readableSub + "/resourcegroups" + apiVersion

	tests := []struct {
		name, path, auth string
		later            time.Duration // clock moved before the request
		wantStatus       int
		wantCode         string
		wantMessage      string // exact unless empty
		wantFailure      string
	}{
		{name: "no api-version", path: "/subscriptions", wantStatus: 400, wantCode: "MissingApiVersionParameter", wantMessage: "The api-version query parameter (?api-version=) is required for all requests."},
		{name: "no Authorization", path: rgs, wantStatus: 401, wantCode: "AuthenticationFailed", wantMessage: "Authentication failed. The 'Authorization' header is missing."},
		{name: "not Bearer", path: rgs, auth: "Basic " + good, wantStatus: 401, wantCode: "AuthenticationFailed", wantMessage: "Authentication failed. The 'Authorization' header is provided in an invalid format."},
		{name: "bare token", path: rgs, auth: good, wantStatus: 401, wantCode: "AuthenticationFailed"},
		{name: "not a JWT", path: rgs, auth: "Bearer testToken", wantStatus: 401, wantCode: "InvalidAuthenticationToken", wantMessage: "The access token is invalid."},
		{name: "tampered", path: rgs, auth: "Bearer " + tampered, wantStatus: 401, wantCode: "InvalidAuthenticationToken"},
		{name: "other server's key", path: rgs, auth: "Bearer " + foreign, wantStatus: 401, wantCode: "InvalidAuthenticationToken"},
		{name: "Graph token", path: rgs, auth: "Bearer " + graph, wantStatus: 401, wantCode: "InvalidAuthenticationTokenAudience",
			wantMessage: "The access token has been obtained for wrong audience or resource 'https://graph.microsoft.com'. It should exactly match with one of the allowed audiences 'https://management.core.windows.net/','https://management.core.windows.net','https://management.azure.com/','https://management.azure.com'."},
		{name: "expired", path: rgs, auth: "Bearer " + good, later: time.Hour + 62*time.Second, wantStatus: 401, wantCode: "ExpiredAuthenticationToken",
			wantMessage: "The access token expiry UTC time '5/6/2024 8:08:09 AM' is earlier than current UTC time '5/6/2024 8:09:11 AM'."},
		{name: "wrong tenant", path: "/subscriptions/" + readableSub + apiVersion, auth: "Bearer " + fab, wantStatus: 401, wantCode: "InvalidAuthenticationTokenTenant",
			wantMessage: "The access token is from the wrong issuer 'https://sts.windows.net/" + fabrikamID + "/'. It must match the tenant 'https://sts.windows.net/" + contosoID + "/' associated with this subscription. Please use the authority (URL) '" + s.URL() + "/" + contosoID + "' to get the token. Note, if the subscription is transferred to another tenant there is no impact to the services, but information about new tenant could take time to propagate (up to an hour). If you just transferred your subscription and see this error message, please try back later."},
		{name: "no role on resource groups", path: rgs, auth: "Bearer " + noRole, wantStatus: 403, wantCode: "AuthorizationFailed", wantFailure: "gateway",
			wantMessage: "The client '" + noRoleApp + "' with object id '" + noRoleApp + "' does not have authorization to perform action 'Microsoft.Resources/subscriptions/resourcegroups/read' over scope '/subscriptions/" + readableSub + "' or the scope is invalid. If access was recently granted, please refresh your credentials."},
		{name: "no role on subscription", path: "/subscriptions/" + hiddenSub + apiVersion, auth: "Bearer " + good, wantStatus: 404, wantCode: "SubscriptionNotFound", wantMessage: "The subscription '" + hiddenSub + "' could not be found."},
		{name: "unknown subscription", path: "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups" + apiVersion, auth: "Bearer " + good, wantStatus: 404, wantCode: "SubscriptionNotFound"},
		{name: "malformed subscription", path: "/subscriptions/my-sub/resourcegroups" + apiVersion, auth: "Bearer " + good, wantStatus: 400, wantCode: "InvalidSubscriptionId", wantMessage: "The provided subscription identifier 'my-sub' is malformed or invalid."},
		{name: "bad skip token", path: rgs + "&%24skiptoken=nonsense", auth: "Bearer " + good, wantStatus: 400, wantCode: "InvalidSkipToken"},
		{name: "unknown path", path: "/providers/Microsoft.Resources/operations" + apiVersion, auth: "Bearer " + good, wantStatus: 404, wantCode: "NotFound"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk.Set(fixedNow.Add(tt.later))
			defer clk.Set(fixedNow)
			r := get(t, s.URL()+tt.path, tt.auth)
			var e wireCloudError
			r.json(t, &e)
			if r.status != tt.wantStatus || e.Error.Code != tt.wantCode {
				t.Fatalf("got %d %s, want %d %s: %s", r.status, e.Error.Code, tt.wantStatus, tt.wantCode, r.body)
			}
			if tt.wantMessage != "" && e.Error.Message != tt.wantMessage {
				t.Errorf("message\n got %s\nwant %s", e.Error.Message, tt.wantMessage)
			}
			challenge := r.header.Get("WWW-Authenticate")
			if (r.status == 401) != strings.HasPrefix(challenge, `Bearer authorization_uri="`+s.URL()+"/") {
				t.Errorf("WWW-Authenticate %q on a %d", challenge, r.status)
			}
			if got := r.header.Get("x-ms-failure-cause"); got != tt.wantFailure {
				t.Errorf("x-ms-failure-cause %q, want %q", got, tt.wantFailure)
			}
		})
	}
}

func TestARMRefusesWrites(t *testing.T) {
	t.Parallel()
	s := start(t, nil)
	req, _ := http.NewRequest(http.MethodPut, s.URL()+"/subscriptions/"+readableSub+"/resourcegroups"+apiVersion, nil)
	req.Header.Set("Authorization", "Bearer "+armToken(t, s))
	if r := do(t, req); r.status != http.StatusMethodNotAllowed {
		t.Errorf("PUT answered %d %s", r.status, r.body)
	}
}
