package tokens

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens/emulator"
)

func TestTokenFromBothEndpoints(t *testing.T) {
	t.Parallel()
	srv, c, _ := startWorld(t, nil)
	for _, target := range []Target{ResourceTarget(armResource), ScopeTarget("https://management.azure.com/.default")} {
		r := request(srv)
		r.Target = target
		tok, err := c.Token(context.Background(), r)
		if err != nil {
			t.Fatalf("%v: %v", target, err)
		}
		if got := tok.Remaining(time.Now()); got < 59*time.Minute || got > time.Hour {
			t.Errorf("%v: %v left, want about an hour", target, got)
		}
		j, err := DecodeJWT(tok.AccessToken)
		if err != nil {
			t.Fatal(err)
		}
		if j.Claims.Audience != target.Audience() || j.Claims.AppID != appID || j.Claims.IdentType != "app" {
			t.Errorf("%v: claims %+v", target, j.Claims)
		}
	}
}

func TestTokenTenantMayBeADomain(t *testing.T) {
	t.Parallel()
	srv, c, _ := startWorld(t, nil)
	r := request(srv)
	r.Tenant = "contoso.onmicrosoft.com"
	if _, err := c.Token(context.Background(), r); err != nil {
		t.Fatal(err)
	}
}

// TestEntraErrorsAreExplained sends each mistake a user makes and checks
// the code and the sentence they read.
func TestEntraErrorsAreExplained(t *testing.T) {
	t.Parallel()
	srv, c, _ := startWorld(t, nil)
	tests := []struct {
		name   string
		edit   func(*Request)
		status int
		aadsts int
		fix    string
	}{
		{"secret ID instead of value", func(r *Request) { r.Credential = ClientSecret(secretID) }, 401, 7000215, "The secret in the profile is a Secret ID, a GUID: copy the secret's Value instead"},
		{"an old or mistyped value", func(r *Request) { r.Credential = ClientSecret("Qm8~old.value-no-longer-valid") }, 401, 7000215, "Entra did not accept the secret's Value: it is mistyped or cut short, or belongs to a secret since deleted or replaced"},
		{"expired secret", func(r *Request) { r.ClientID = expiredApp }, 401, 7000222, "expired"},
		{"unknown client", func(r *Request) { r.ClientID = "99999999-9999-4999-8999-999999999999" }, 400, 700016, "Application (client) ID"},
		{"unknown tenant", func(r *Request) { r.Tenant = "11111111-1111-4111-8111-111111111111" }, 400, 90002, "Directory (tenant) ID"},
		{"tenant is a path", func(r *Request) { r.Tenant = "token" }, 400, 900023, "not a URL"},
		{"tenant in another cloud", func(r *Request) { r.Tenant = govTenant }, 400, 90038, "belongs to Azure US Government: choose the usgov cloud"},
		{"resource of another cloud", func(r *Request) { r.Target = ResourceTarget("https://management.azure.cn/") }, 400, 500011, "belongs to Azure China (21Vianet): choose the china cloud"},
		{"unknown resource", func(r *Request) { r.Target = ResourceTarget("api://nothing") }, 400, 500011, "cloud's ARM resource"},
		{"scope without .default", func(r *Request) { r.Target = ScopeTarget("https://management.azure.com/user_impersonation") }, 400, 1002012, "/.default"},
		{"disabled app", func(r *Request) { r.ClientID = disabledApp }, 400, 7000112, "disabled"},
		{"tenant common", func(r *Request) { r.Tenant = "common" }, 400, 9001023, "specific tenant"},
		{"conditional access", func(r *Request) { r.ClientID = caApp }, 400, 53003, "Conditional Access"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := request(srv)
			tt.edit(&r)
			before := srv.Requests(emulator.TokenEndpoint)
			_, err := c.Token(context.Background(), r)
			var e *EntraError
			if !errors.As(err, &e) {
				t.Fatalf("err = %v (%T), want *EntraError", err, err)
			}
			if e.Status != tt.status || e.AADSTS() != tt.aadsts {
				t.Errorf("got HTTP %d AADSTS%d, want %d AADSTS%d", e.Status, e.AADSTS(), tt.status, tt.aadsts)
			}
			if !strings.Contains(Fix(err), tt.fix) {
				t.Errorf("fix %q lacks %q", Fix(err), tt.fix)
			}
			if e.TraceID == "" || e.CorrelationID == "" {
				t.Errorf("no trace or correlation id: %+v", e)
			}
			if n := srv.Requests(emulator.TokenEndpoint) - before; n != 1 {
				t.Errorf("%d requests for an answer that will not change, want 1 (no retry)", n)
			}
			if strings.Contains(err.Error(), secretValue) {
				t.Error("the error message holds the secret")
			}
		})
	}
}

// TestMalformedRequestsAreExplained covers answers the engine's own
// requests never provoke but hand-made ones (Postman, curl) do.
func TestMalformedRequestsAreExplained(t *testing.T) {
	t.Parallel()
	srv, c, _ := startWorld(t, nil)
	base := srv.URL() + "/" + tenantID
	tests := []struct {
		name, path string
		form       url.Values
		aadsts     []int
	}{
		{"v1 without resource", "/oauth2/token", url.Values{"grant_type": {"client_credentials"}, "client_id": {appID}, "client_secret": {secretValue}}, []int{50001, 500013}},
		{"resource sent to v2", "/oauth2/v2.0/token", url.Values{"grant_type": {"client_credentials"}, "client_id": {appID}, "client_secret": {secretValue}, "resource": {armResource}}, []int{901002}},
		{"v2 without scope", "/oauth2/v2.0/token", url.Values{"grant_type": {"client_credentials"}, "client_id": {appID}, "client_secret": {secretValue}}, []int{90014}},
		{"no grant_type", "/oauth2/token", url.Values{"client_id": {appID}, "client_secret": {secretValue}, "resource": {armResource}}, []int{900144}},
		{"no secret", "/oauth2/token", url.Values{"grant_type": {"client_credentials"}, "client_id": {appID}, "resource": {armResource}}, []int{7000216}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			form := func() (url.Values, error) { return tt.form, nil }
			_, err := c.exchange(context.Background(), base+tt.path, form, ResourceTarget(armResource))
			var e *EntraError
			if !errors.As(err, &e) {
				t.Fatalf("err = %v, want *EntraError", err)
			}
			found := false
			for _, code := range tt.aadsts {
				found = found || e.AADSTS() == code
			}
			if !found || fixText(e.AADSTS()) == "" || e.Fix() != fixText(e.AADSTS()) {
				t.Errorf("AADSTS%d (want one of %v), fix %q", e.AADSTS(), tt.aadsts, e.Fix())
			}
		})
	}
}

func TestNoSecretIsRefusedBeforeSending(t *testing.T) {
	t.Parallel()
	srv, c, _ := startWorld(t, nil)
	r := request(srv)
	r.Credential = ClientSecret("")
	if _, err := c.Token(context.Background(), r); !errors.Is(err, ErrNoSecret) || srv.Requests(emulator.AnyEndpoint) != 0 {
		t.Errorf("err = %v after %d requests", err, srv.Requests(emulator.AnyEndpoint))
	}
}

func TestThrottlingHonoursRetryAfter(t *testing.T) {
	t.Parallel()
	srv, c, slept := startWorld(t, nil)
	srv.Inject(emulator.TokenEndpoint, emulator.Throttled(7*time.Second), emulator.Throttled(2*time.Second))
	if _, err := c.Token(context.Background(), request(srv)); err != nil {
		t.Fatal(err)
	}
	if got := slept.All(); len(got) != 2 || got[0] != 7*time.Second || got[1] != 2*time.Second {
		t.Errorf("waited %v, want [7s 2s]", got)
	}
	if n := srv.Requests(emulator.TokenEndpoint); n != 3 {
		t.Errorf("%d requests, want 3", n)
	}
}

func TestServerErrorsAndDropsAreRetriedThreeTimes(t *testing.T) {
	t.Parallel()
	srv, c, slept := startWorld(t, nil)
	srv.Inject(emulator.TokenEndpoint, emulator.ServerError(503), emulator.DroppedConnection(), emulator.ServerError(500))
	if _, err := c.Token(context.Background(), request(srv)); err != nil {
		t.Fatalf("after two 5xx and a drop: %v", err)
	}
	if len(slept.All()) != 3 {
		t.Errorf("slept %v", slept.All())
	}

	srv.Inject(emulator.TokenEndpoint, emulator.ServerError(503), emulator.ServerError(503), emulator.ServerError(503), emulator.ServerError(503))
	before := srv.Requests(emulator.TokenEndpoint)
	_, err := c.Token(context.Background(), request(srv))
	var e *EntraError
	if !errors.As(err, &e) || e.Status != 503 || Fix(err) == "" {
		t.Errorf("err = %v, want a transient 503", err)
	}
	if n := srv.Requests(emulator.TokenEndpoint) - before; n != 4 {
		t.Errorf("%d requests, want 1 + 3 retries", n)
	}
}

func TestBodiesThatAreNotTokens(t *testing.T) {
	t.Parallel()
	tests := []struct {
		fault emulator.Fault
		check func(error) bool
		words string
	}{
		{emulator.HTMLPage(502), func(err error) bool { var e *ResponseError; return errors.As(err, &e) && e.Status == 502 }, "<html"},
		{emulator.HTMLPage(200), func(err error) bool { var e *ResponseError; return errors.As(err, &e) && e.Status == 200 }, "cannot read"},
		{emulator.TruncatedBody(), func(err error) bool { var e *ResponseError; return errors.As(err, &e) }, "cannot read"},
		{emulator.OversizedBody(), func(err error) bool { var e *BodyTooLargeError; return errors.As(err, &e) }, "more than 1024 KiB"},
	}
	for _, tt := range tests {
		srv, c, _ := startWorld(t, nil)
		srv.Inject(emulator.TokenEndpoint, tt.fault, tt.fault, tt.fault, tt.fault)
		_, err := c.Token(context.Background(), request(srv))
		if !tt.check(err) || !strings.Contains(err.Error(), tt.words) || Fix(err) == "" {
			t.Errorf("%v: err = %v (%T), fix %q", tt.fault, err, err, Fix(err))
		}
	}
}

func TestTruncatedTokenIsNotEchoed(t *testing.T) {
	t.Parallel()
	srv, c, _ := startWorld(t, nil)
	srv.Inject(emulator.TokenEndpoint, emulator.TruncatedBody(), emulator.TruncatedBody(), emulator.TruncatedBody(), emulator.TruncatedBody())
	_, err := c.Token(context.Background(), request(srv))
	if err == nil || strings.Contains(err.Error(), "eyJ") {
		t.Errorf("err = %v; must not show a part of the token", err)
	}
}

func TestPlainHTTPToARemoteHostIsRefused(t *testing.T) {
	t.Parallel()
	c := NewClient()
	r := Request{AuthorityHost: "http://login.example.com", Tenant: tenantID, ClientID: appID, Credential: ClientSecret("x"), Target: ResourceTarget(armResource)}
	if _, err := c.Token(context.Background(), r); !errors.Is(err, ErrInsecureURL) {
		t.Errorf("err = %v", err)
	}
	// A redirect from a loopback server to plain http elsewhere is refused
	// at the transport, before any connection.
	redirect := httptest.NewServer(http.RedirectHandler("http://login.example.com/x", http.StatusTemporaryRedirect))
	defer redirect.Close()
	r.AuthorityHost = redirect.URL
	if _, err := c.Token(context.Background(), r); !errors.Is(err, ErrInsecureURL) {
		t.Errorf("after a redirect: err = %v", err)
	}
}

func TestNetworkFailuresInPlainWords(t *testing.T) {
	t.Parallel()
	dead := httptest.NewServer(http.NotFoundHandler())
	addr := dead.URL
	dead.Close()
	c := NewClient()
	c.Retry.Sleep = func(context.Context, time.Duration) error { return nil }
	r := Request{AuthorityHost: addr, Tenant: tenantID, ClientID: appID, Credential: ClientSecret("x"), Target: ResourceTarget(armResource)}
	_, err := c.Token(context.Background(), r)
	var ne *NetworkError
	if !errors.As(err, &ne) || !strings.Contains(err.Error(), "refused the connection") || Fix(err) == "" {
		t.Errorf("err = %v, fix %q", err, Fix(err))
	}
}

func TestCancelStopsTheRetryLoop(t *testing.T) {
	t.Parallel()
	srv, c, _ := startWorld(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	c.Retry.Sleep = func(ctx context.Context, d time.Duration) error {
		cancel() // the user pressed Cancel while we waited
		return SleepContext(ctx, d)
	}
	srv.Inject(emulator.TokenEndpoint, emulator.ServerError(503), emulator.ServerError(503))
	if _, err := c.Token(ctx, request(srv)); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want canceled", err)
	}
	if n := srv.Requests(emulator.TokenEndpoint); n != 1 {
		t.Errorf("%d requests after cancel, want 1", n)
	}
}

func TestCacheSendsOneRequestForFiftyCallers(t *testing.T) {
	t.Parallel()
	srv, c, _ := startWorld(t, nil)
	srv.Inject(emulator.TokenEndpoint, emulator.Latency(200*time.Millisecond))
	cache := NewCache(c, time.Now)
	key := CacheKey{Profile: "dev", Target: ResourceTarget(armResource)}
	var wg sync.WaitGroup
	for range 50 {
		wg.Go(func() {
			if _, err := cache.Token(context.Background(), key, request(srv)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := srv.Requests(emulator.TokenEndpoint); n != 1 {
		t.Errorf("%d token requests for 50 callers", n)
	}
}

func TestUntrustedCertificateIsNotRetried(t *testing.T) {
	t.Parallel()
	tlsServer := httptest.NewTLSServer(http.NotFoundHandler()) // its certificate is not trusted
	defer tlsServer.Close()
	c := NewClient()
	var waits int
	c.Retry.Sleep = func(context.Context, time.Duration) error { waits++; return nil }
	r := Request{AuthorityHost: tlsServer.URL, Tenant: tenantID, ClientID: appID, Credential: ClientSecret("x"), Target: ResourceTarget(armResource)}
	_, err := c.Token(context.Background(), r)
	var ne *NetworkError
	if !errors.As(err, &ne) || !strings.Contains(err.Error(), "TLS") || waits != 0 {
		t.Errorf("err = %v after %d waits; want a TLS error and no retry", err, waits)
	}
	if !strings.Contains(Fix(err), "root certificate") {
		t.Errorf("fix = %q", Fix(err))
	}
}
