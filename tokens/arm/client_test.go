package arm

import (
	"context"
	"encoding/base64"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
)

// armFor fetches a token for clientID (a v1 resource unless target is
// given) and returns an ARM caller with it.
func armFor(t *testing.T, srv *emulator.Server, c *tokens.Client, clientID, tenant string, target tokens.Target) Client {
	t.Helper()
	r := request(srv)
	r.ClientID, r.Tenant = clientID, tenant
	if !target.IsZero() {
		r.Target = target
	}
	tok, err := c.Token(context.Background(), r)
	if err != nil {
		t.Fatal(err)
	}
	return Client{Client: c, Endpoint: srv.URL(), Token: tok}
}

// govARM calls management.azure.com, answered by the emulator, with a
// token from the US Government cloud's login host: a profile that mixes
// two clouds.
func govARM(srv *emulator.Server) Client {
	seg := func(v string) string { return base64.RawURLEncoding.EncodeToString([]byte(v)) }
	jwt := seg(`{"alg":"RS256","typ":"JWT"}`) + "." +
		seg(`{"iss":"https://login.microsoftonline.us/`+tenantID+`/v2.0","aud":"https://management.usgovcloudapi.net"}`) + "." + seg("sig")
	emulatorURL, _ := url.Parse(srv.URL())
	c := tokens.NewClient()
	c.HTTP = &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		r.URL.Scheme, r.URL.Host = emulatorURL.Scheme, emulatorURL.Host
		return http.DefaultTransport.RoundTrip(r)
	})}
	return Client{Client: c, Endpoint: "https://management.azure.com", Token: tokens.Token{AccessToken: jwt}}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestResourceGroupsFollowEveryPage(t *testing.T) {
	t.Parallel()
	srv, c, _ := startWorld(t, func(cfg *emulator.Config) { cfg.PageSize = 2 })
	arm := armFor(t, srv, c, appID, tenantID, tokens.Target{})
	groups, call, err := arm.ResourceGroups(context.Background(), readableSub, ResourceGroupsAPIVersion)
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) != 5 || call.Pages != 3 || call.Status != 200 {
		t.Fatalf("%d groups in %d pages (status %d), want 5 in 3", len(groups), call.Pages, call.Status)
	}
	if groups[1].ManagedBy == "" || groups[0].Tags["env"] != "prod" || groups[3].Properties.ProvisioningState != "Deleting" {
		t.Errorf("fields lost: %+v", groups)
	}
	if call.RequestID == "" || call.RemainingReads == "" {
		t.Errorf("headers not recorded: %+v", call)
	}
}

func TestSubscriptionsListOnlyWhatTheAppMayRead(t *testing.T) {
	t.Parallel()
	srv, c, _ := startWorld(t, nil)
	subs, _, err := armFor(t, srv, c, appID, tenantID, tokens.Target{}).Subscriptions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(subs) != 1 || subs[0].SubscriptionID != readableSub || subs[0].DisplayName != "Production" {
		t.Errorf("subscriptions = %+v", subs)
	}
	none, _, err := armFor(t, srv, c, noRoleApp, tenantID, tokens.Target{}).Subscriptions(context.Background())
	if err != nil || len(none) != 0 {
		t.Errorf("an app without roles sees %v (%v)", none, err)
	}
}

func TestSubscriptionTenantIsReadFromTheChallenge(t *testing.T) {
	t.Parallel()
	srv, c, _ := startWorld(t, nil)
	arm := Client{Client: c, Endpoint: srv.URL()}
	got, err := arm.SubscriptionTenant(context.Background(), otherSub)
	if err != nil || got != otherTenant {
		t.Errorf("tenant = %q, %v; want %s", got, err, otherTenant)
	}
}

// TestARMErrorsAreExplained provokes each ARM answer a registration
// problem causes and checks the fix a user reads.
func TestARMErrorsAreExplained(t *testing.T) {
	t.Parallel()
	srv, c, _ := startWorld(t, nil)
	good := armFor(t, srv, c, appID, tenantID, tokens.Target{})
	tests := []struct {
		name   string
		arm    Client
		sub    string
		status int
		code   string
		fix    string
	}{
		{"no token", Client{Client: c, Endpoint: srv.URL()}, readableSub, 401, "AuthenticationFailed", "Authorization"},
		{"token of another cloud", govARM(srv), readableSub, 401, "InvalidAuthenticationToken", "comes from Azure US Government's login host but this Resource Manager is Azure's"},
		{"garbage token", Client{Client: c, Endpoint: srv.URL(), Token: tokens.Token{AccessToken: "testToken"}}, readableSub, 401, "InvalidAuthenticationToken", "get a new one"},
		{"graph token", armFor(t, srv, c, appID, tenantID, tokens.ResourceTarget("https://graph.microsoft.com")), readableSub, 401, "InvalidAuthenticationTokenAudience", "https://management.azure.com/"},
		{"other tenant's token", armFor(t, srv, c, otherApp, otherTenant, tokens.Target{}), readableSub, 401, "InvalidAuthenticationTokenTenant", "belongs to the tenant " + tenantID},
		{"no role", armFor(t, srv, c, noRoleApp, tenantID, tokens.Target{}), readableSub, 403, "AuthorizationFailed", "Access control (IAM)"},
		{"no role names the principal and scope", good, hiddenSub, 403, "AuthorizationFailed", "/subscriptions/" + hiddenSub},
		{"unknown subscription", good, "00000000-0000-4000-8000-000000000000", 404, "SubscriptionNotFound", "subscription ID"},
		{"malformed subscription", good, "not-a-guid", 400, "InvalidSubscriptionId", "GUID"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := tt.arm.ResourceGroups(context.Background(), tt.sub, ResourceGroupsAPIVersion)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("err = %v (%T), want *Error", err, err)
			}
			if e.Status != tt.status || e.Code != tt.code {
				t.Errorf("got %d %s, want %d %s", e.Status, e.Code, tt.status, tt.code)
			}
			if !strings.Contains(tokens.Fix(err), tt.fix) {
				t.Errorf("fix %q lacks %q", tokens.Fix(err), tt.fix)
			}
		})
	}
}

func TestExpiredTokenIsExplained(t *testing.T) {
	t.Parallel()
	now := time.Now()
	srv, c, _ := startWorld(t, func(cfg *emulator.Config) {
		cfg.Tenants[0].Apps[0].TokenLifetime = time.Minute
		cfg.Now = func() time.Time { return now }
	})
	arm := armFor(t, srv, c, appID, tenantID, tokens.Target{})
	now = now.Add(2 * time.Minute)
	_, _, err := arm.ResourceGroups(context.Background(), readableSub, ResourceGroupsAPIVersion)
	var e *Error
	if !errors.As(err, &e) || e.Code != "ExpiredAuthenticationToken" || !strings.Contains(e.Fix(), "expired") {
		t.Errorf("err = %v", err)
	}
}

func TestThrottledARMCallWaitsAsAsked(t *testing.T) {
	t.Parallel()
	srv, c, slept := startWorld(t, nil)
	arm := armFor(t, srv, c, appID, tenantID, tokens.Target{})
	throttle := emulator.Throttled(3 * time.Second)
	srv.Inject(emulator.ARMEndpoint, throttle, throttle, throttle, throttle)
	_, _, err := arm.ResourceGroups(context.Background(), readableSub, ResourceGroupsAPIVersion)
	var e *Error
	if !errors.As(err, &e) || e.Status != 429 || e.RetryAfter != 3*time.Second || !strings.Contains(e.Fix(), "wait 3s") {
		t.Errorf("err = %v, fix %q", err, tokens.Fix(err))
	}
	if got := slept.All(); len(got) != 3 || got[0] != 3*time.Second {
		t.Errorf("slept %v, want 3 × 3s", got)
	}
}

func TestNextLinkElsewhereIsNotFollowed(t *testing.T) {
	t.Parallel()
	base, _ := tokens.CheckEndpoint("https://management.azure.com")
	if err := sameHost(base, "https://evil.example.com/subscriptions?x"); err == nil {
		t.Error("a nextLink to another host would get the token")
	}
	if err := sameHost(base, "https://management.azure.com/subscriptions/x/resourcegroups?%24skiptoken=abc"); err != nil {
		t.Error(err)
	}
}

func TestCustomGetReadsAnyARMPath(t *testing.T) {
	t.Parallel()
	srv, c, _ := startWorld(t, nil)
	arm := armFor(t, srv, c, appID, tenantID, tokens.Target{})
	call, err := arm.Get(context.Background(), "/subscriptions/"+readableSub+"?api-version="+SubscriptionsAPIVersion)
	if err != nil || !strings.Contains(string(call.Body), "Production") {
		t.Errorf("call %+v, err %v", call, err)
	}
	if _, err := arm.Get(context.Background(), "subscriptions"); err == nil {
		t.Error("a path without a leading slash was accepted")
	}
}
