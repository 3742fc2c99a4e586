package emulator

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// target is one endpoint a fault test sends its request to.
type target struct {
	name     string
	endpoint Endpoint
	request  func(s *Server, auth string) *http.Request
}

var targets = []target{
	{"token", TokenEndpoint, func(s *Server, _ string) *http.Request {
		req, _ := http.NewRequest(http.MethodPost, s.URL()+"/"+contosoID+"/oauth2/token", strings.NewReader(credentials().Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		return req
	}},
	{"ARM", ARMEndpoint, func(s *Server, auth string) *http.Request {
		req, _ := http.NewRequest(http.MethodGet, s.URL()+"/subscriptions/"+readableSub+"/resourcegroups"+apiVersion, nil)
		req.Header.Set("Authorization", auth)
		return req
	}},
	{"discovery", DiscoveryEndpoint, func(s *Server, _ string) *http.Request {
		req, _ := http.NewRequest(http.MethodGet, s.URL()+"/"+contosoID+"/v2.0/.well-known/openid-configuration", nil)
		return req
	}},
}

// errorCode reads the code a client would branch on: the AADSTS number of
// an Entra error or the code of an ARM error.
func errorCode(body []byte) string {
	var e struct {
		Codes []int           `json:"error_codes"`
		Error json.RawMessage `json:"error"`
	}
	if json.Unmarshal(body, &e) != nil {
		return ""
	}
	if len(e.Codes) > 0 {
		b, _ := json.Marshal(e.Codes[0])
		return string(b)
	}
	var arm struct{ Code string }
	_ = json.Unmarshal(e.Error, &arm)
	return arm.Code
}

func TestStatusFaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		fault      Fault
		wantStatus int
		wantCode   map[string]string // by target name; "" means the body is not JSON
		wantRetry  string
	}{
		{Throttled(1500 * time.Millisecond), 429, map[string]string{"token": "90024", "ARM": "SubscriptionRequestsThrottled", "discovery": "90024"}, "2"},
		{ServerError(500), 500, map[string]string{"token": "50033", "ARM": "InternalServerError", "discovery": "50033"}, ""},
		{ServerError(503), 503, map[string]string{"token": "90006", "ARM": "ServiceUnavailable", "discovery": "90006"}, ""},
		{ServerError(504), 504, map[string]string{"token": "90006", "ARM": "GatewayTimeout", "discovery": "90006"}, ""},
		{HTMLPage(502), 502, map[string]string{}, ""},
	}
	s := start(t, nil)
	auth := "Bearer " + armToken(t, s)
	for _, tt := range tests {
		for _, tg := range targets {
			t.Run(http.StatusText(tt.wantStatus)+"/"+tg.name, func(t *testing.T) {
				s.Inject(tg.endpoint, tt.fault)
				r := do(t, tg.request(s, auth))
				if r.status != tt.wantStatus || errorCode(r.body) != tt.wantCode[tg.name] {
					t.Errorf("got %d %q, want %d %q: %s", r.status, errorCode(r.body), tt.wantStatus, tt.wantCode[tg.name], r.body)
				}
				if got := r.header.Get("Retry-After"); got != tt.wantRetry {
					t.Errorf("Retry-After %q, want %q", got, tt.wantRetry)
				}
				if tt.fault.kind == faultHTMLPage && (r.header.Get("Content-Type") != "text/html" || !bytes.HasPrefix(r.body, []byte("<html>"))) {
					t.Errorf("not an HTML page: %s %s", r.header.Get("Content-Type"), r.body)
				}
				if after := do(t, tg.request(s, auth)); after.status != http.StatusOK {
					t.Errorf("the fault outlived its request: %d %s", after.status, after.body)
				}
			})
		}
	}
}

func TestThrottledARMBodyNamesSubscriptionAndActor(t *testing.T) {
	t.Parallel()
	s := start(t, nil)
	s.Inject(ARMEndpoint, Throttled(time.Second))
	r := get(t, s.URL()+"/subscriptions/"+readableSub+"/resourcegroups"+apiVersion, "Bearer "+armToken(t, s))
	var e wireCloudError
	r.json(t, &e)
	want := "Number of 'read' requests for subscription '" + readableSub + "' actor '" + appOID + "' exceeded. Please try again after '1' seconds after additional tokens are available. Refer to https://aka.ms/arm-throttling for additional information."
	if e.Error.Message != want {
		t.Errorf("message\n got %s\nwant %s", e.Error.Message, want)
	}
	if r.header.Get(readsHeader) != "0" || !isGUID(r.header.Get("x-ms-request-id")) {
		t.Errorf("headers %v", r.header)
	}
}

func TestBodyFaults(t *testing.T) {
	t.Parallel()
	s := start(t, nil)
	auth := "Bearer " + armToken(t, s)
	for _, tg := range targets {
		t.Run("truncated/"+tg.name, func(t *testing.T) {
			s.Inject(tg.endpoint, TruncatedBody())
			r := do(t, tg.request(s, auth))
			whole := do(t, tg.request(s, auth))
			var v any
			err := json.Unmarshal(r.body, &v)
			var syntax *json.SyntaxError
			if r.status != http.StatusOK || !errors.As(err, &syntax) || len(r.body) == 0 || len(r.body) >= len(whole.body) {
				t.Errorf("want 200 with JSON cut short, got %d (%v): %s", r.status, err, r.body)
			}
		})
		t.Run("oversized/"+tg.name, func(t *testing.T) {
			s.Inject(tg.endpoint, OversizedBody())
			r := do(t, tg.request(s, auth))
			var v map[string]any
			if r.status != http.StatusOK || len(r.body) <= 2<<20 || json.Unmarshal(r.body, &v) != nil {
				t.Errorf("want 200 with over 2 MiB of valid JSON, got %d, %d bytes", r.status, len(r.body))
			}
			limited, _ := io.ReadAll(io.LimitReader(bytes.NewReader(r.body), 1<<20))
			if json.Unmarshal(limited, &v) == nil {
				t.Error("the first MiB alone decodes; a client's size limit would go unnoticed")
			}
		})
	}
}

func TestDroppedConnection(t *testing.T) {
	t.Parallel()
	s := start(t, nil)
	auth := "Bearer " + armToken(t, s)
	// A fresh connection each time, so the transport has no reused
	// connection to retry on and the count stays exact.
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	for _, tg := range targets {
		t.Run(tg.name, func(t *testing.T) {
			before := s.Requests(tg.endpoint)
			s.Inject(tg.endpoint, DroppedConnection())
			resp, err := client.Do(tg.request(s, auth))
			if err == nil {
				resp.Body.Close()
				t.Fatalf("got %d, want a transport error", resp.StatusCode)
			}
			if n := s.Requests(tg.endpoint) - before; n != 1 {
				t.Errorf("%d requests reached the server, want 1", n)
			}
		})
	}
}

// TestTransportRetriesDroppedGET pins down the behaviour DroppedConnection
// warns of, so that retry tests count on it knowingly.
func TestTransportRetriesDroppedGET(t *testing.T) {
	t.Parallel()
	s := start(t, nil)
	auth := "Bearer " + armToken(t, s)
	get(t, s.URL()+"/subscriptions"+apiVersion, auth) // leaves an idle connection to reuse
	before := s.Requests(ARMEndpoint)
	s.Inject(ARMEndpoint, DroppedConnection())
	r := get(t, s.URL()+"/subscriptions"+apiVersion, auth)
	if n := s.Requests(ARMEndpoint) - before; r.status != http.StatusOK || n != 2 {
		t.Errorf("got %d after %d requests; want http.Transport to retry the GET once, unseen", r.status, n)
	}
}

func TestLatency(t *testing.T) {
	t.Parallel()
	s := start(t, nil)
	s.Inject(TokenEndpoint, Latency(150*time.Millisecond))
	began := time.Now()
	if r := post(t, s.URL()+"/"+contosoID+"/oauth2/token", credentials()); r.status != http.StatusOK {
		t.Fatalf("status %d", r.status)
	}
	if waited := time.Since(began); waited < 150*time.Millisecond {
		t.Errorf("answered after %v, want at least 150ms", waited)
	}

	t.Run("client gives up", func(t *testing.T) {
		s.Inject(TokenEndpoint, Latency(time.Minute))
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.URL()+"/"+contosoID+"/oauth2/token", strings.NewReader(credentials().Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		began := time.Now()
		if resp, err := http.DefaultClient.Do(req); !errors.Is(err, context.DeadlineExceeded) {
			if err == nil {
				resp.Body.Close()
			}
			t.Fatalf("err %v, want the deadline", err)
		}
		if time.Since(began) > 5*time.Second {
			t.Error("the client waited for the injected minute")
		}
	})
}

func TestFaultsAreTakenInOrderAndCounted(t *testing.T) {
	t.Parallel()
	s := start(t, nil)
	auth := "Bearer " + armToken(t, s)
	s.Inject(TokenEndpoint, Throttled(0), ServerError(503))
	s.Inject(AnyEndpoint, ServerError(500))
	tokenURL := s.URL() + "/" + contosoID + "/oauth2/token"
	got := []int{
		post(t, tokenURL, credentials()).status,
		post(t, tokenURL, credentials()).status,
		get(t, s.URL()+"/subscriptions"+apiVersion, auth).status, // takes the AnyEndpoint fault
		post(t, tokenURL, credentials()).status,
	}
	if want := []int{429, 503, 500, 200}; !slices.Equal(got, want) {
		t.Errorf("statuses %v, want %v", got, want)
	}
	if s.Requests(TokenEndpoint) != 4 || s.Requests(ARMEndpoint) != 1 || s.Requests(AnyEndpoint) != 5 || s.Requests(DiscoveryEndpoint) != 0 {
		t.Errorf("counts token %d, ARM %d, any %d", s.Requests(TokenEndpoint), s.Requests(ARMEndpoint), s.Requests(AnyEndpoint))
	}
}

func TestParallelRequests(t *testing.T) {
	t.Parallel()
	s := start(t, nil)
	const n = 50
	s.Inject(TokenEndpoint, Latency(10*time.Millisecond), Latency(20*time.Millisecond))
	auth := "Bearer " + armToken(t, s)
	var wg sync.WaitGroup
	errs := make(chan error, 2*n)
	for i := range n {
		wg.Go(func() {
			form := credentials()
			if i%2 == 1 {
				form = with(with(form, "resource", ""), "scope", "https://management.azure.com/.default")
			}
			u := s.URL() + "/" + contosoID + "/oauth2/token"
			if i%2 == 1 {
				u = s.URL() + "/" + contosoID + "/oauth2/v2.0/token"
			}
			if err := expectOK(http.PostForm(u, form)); err != nil {
				errs <- err
			}
		})
		wg.Go(func() {
			req, _ := http.NewRequest(http.MethodGet, s.URL()+"/subscriptions/"+readableSub+"/resourcegroups"+apiVersion, nil)
			req.Header.Set("Authorization", auth)
			if err := expectOK(http.DefaultClient.Do(req)); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if got := s.Requests(TokenEndpoint); got != n+1 {
		t.Errorf("%d token requests counted, want %d", got, n+1)
	}
}

func expectOK(resp *http.Response, err error) error {
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status + ": " + string(body))
	}
	return nil
}
