package arm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/aztoken/aztoken/tokens"
)

// Current stable api-versions: resource groups as the Go SDK sends it, and
// the newest subscriptions API.
const (
	ResourceGroupsAPIVersion = "2021-04-01"
	SubscriptionsAPIVersion  = "2022-12-01"
)

// maxPages bounds nextLink paging, so a looping server cannot keep us busy.
const maxPages = 100

// ResourceGroup is one entry of the resource group list.
type ResourceGroup struct {
	ID         string            `json:"id"`
	Name       string            `json:"name"`
	Location   string            `json:"location"`
	ManagedBy  string            `json:"managedBy"`
	Tags       map[string]string `json:"tags"`
	Properties struct {
		ProvisioningState string `json:"provisioningState"`
	} `json:"properties"`
}

// Subscription is one subscription the app can see.
type Subscription struct {
	SubscriptionID string `json:"subscriptionId"`
	DisplayName    string `json:"displayName"`
	State          string `json:"state"`
	TenantID       string `json:"tenantId"`
}

// Call describes an ARM call as the test-call view shows it.
type Call struct {
	// URL is the first page's address.
	URL string
	// Status is the last page's HTTP status.
	Status int
	// Duration is the time for all pages.
	Duration time.Duration
	// Pages is how many pages were read.
	Pages int
	// RequestID is the last page's x-ms-request-id.
	RequestID string
	// RemainingReads is x-ms-ratelimit-remaining-subscription-reads.
	RemainingReads string
	// Body is the last page's body, for the raw view.
	Body []byte
}

// Client calls Azure Resource Manager at Endpoint with a token. It sends
// through a tokens.Client, so ARM calls share the one http.Client, the
// retries and the limits of token requests.
type Client struct {
	Client   *tokens.Client
	Endpoint string
	Token    tokens.Token
}

// ResourceGroups lists a subscription's resource groups, following
// nextLink to the last page.
func (a Client) ResourceGroups(ctx context.Context, subscription, apiVersion string) ([]ResourceGroup, Call, error) {
	path := "/subscriptions/" + url.PathEscape(subscription) + "/resourcegroups?api-version=" + url.QueryEscape(apiVersion)
	var groups []ResourceGroup
	call, err := a.list(ctx, path, func(page json.RawMessage) error {
		var v []ResourceGroup
		err := json.Unmarshal(page, &v)
		groups = append(groups, v...)
		return err
	})
	return groups, call, err
}

// Subscriptions lists the subscriptions the token's app has a role on.
func (a Client) Subscriptions(ctx context.Context) ([]Subscription, Call, error) {
	var subs []Subscription
	call, err := a.list(ctx, "/subscriptions?api-version="+SubscriptionsAPIVersion, func(page json.RawMessage) error {
		var v []Subscription
		err := json.Unmarshal(page, &v)
		subs = append(subs, v...)
		return err
	})
	return subs, call, err
}

// list GETs path and every nextLink after it, handing each page's value to
// add.
func (a Client) list(ctx context.Context, path string, add func(json.RawMessage) error) (Call, error) {
	base, err := tokens.CheckEndpoint(a.Endpoint)
	if err != nil {
		return Call{}, fmt.Errorf("ARM endpoint: %w", err)
	}
	next := tokens.JoinPath(base, path)
	call := Call{URL: next}
	start := a.Client.Now()
	for next != "" {
		if call.Pages == maxPages {
			return call, fmt.Errorf("stopped after %d pages: the server keeps sending nextLink", maxPages)
		}
		if err := sameHost(base, next); err != nil {
			return call, err
		}
		resp, err := a.get(ctx, next, true)
		if err != nil {
			return call, err
		}
		call.record(resp)
		call.Duration = a.Client.Now().Sub(start)
		if err := a.check(resp); err != nil {
			return call, err
		}
		var page struct {
			Value    json.RawMessage `json:"value"`
			NextLink string          `json:"nextLink"`
		}
		if err := json.Unmarshal(resp.Body, &page); err != nil {
			return call, &tokens.ResponseError{Status: resp.Status, Host: resp.Host, Excerpt: tokens.Excerpt(resp.Body), Reason: err}
		}
		if len(page.Value) > 0 {
			if err := add(page.Value); err != nil {
				return call, &tokens.ResponseError{Status: resp.Status, Host: resp.Host, Reason: err}
			}
		}
		next = page.NextLink
	}
	return call, nil
}

// Get performs any GET relative to the ARM endpoint, such as
// "/subscriptions/{id}/providers?api-version=2021-04-01". aztoken only
// reads: there is deliberately no way to send anything else.
func (a Client) Get(ctx context.Context, path string) (Call, error) {
	base, err := tokens.CheckEndpoint(a.Endpoint)
	if err != nil {
		return Call{}, fmt.Errorf("ARM endpoint: %w", err)
	}
	if !strings.HasPrefix(path, "/") {
		return Call{}, errors.New("the path must start with /, for example /subscriptions?api-version=" + SubscriptionsAPIVersion)
	}
	u := tokens.JoinPath(base, path)
	start := a.Client.Now()
	resp, err := a.get(ctx, u, true)
	if err != nil {
		return Call{URL: u}, err
	}
	call := Call{URL: u, Duration: a.Client.Now().Sub(start)}
	call.record(resp)
	return call, a.check(resp)
}

// SubscriptionTenant asks, without a token, which tenant owns a
// subscription: ARM answers 401 naming it in WWW-Authenticate.
func (a Client) SubscriptionTenant(ctx context.Context, subscription string) (string, error) {
	base, err := tokens.CheckEndpoint(a.Endpoint)
	if err != nil {
		return "", fmt.Errorf("ARM endpoint: %w", err)
	}
	u := tokens.JoinPath(base, "/subscriptions/"+url.PathEscape(subscription)+"?api-version="+SubscriptionsAPIVersion)
	resp, err := a.get(ctx, u, false)
	if err != nil {
		return "", err
	}
	if tenant := challengeTenant(resp.Header.Get("WWW-Authenticate")); tenant != "" {
		return tenant, nil
	}
	if err := a.check(resp); err != nil {
		return "", err
	}
	return "", fmt.Errorf("%s did not name the subscription's tenant (HTTP %d)", resp.Host, resp.Status)
}

func (a Client) get(ctx context.Context, u string, withToken bool) (*tokens.Response, error) {
	return a.Client.Send(ctx, func(ctx context.Context) (*http.Request, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Accept", "application/json")
		if withToken {
			req.Header.Set("Authorization", a.Token.BearerValue())
		}
		return req, nil
	}, a.check)
}

// check turns a non-2xx answer into an *Error or *tokens.ResponseError.
func (a Client) check(resp *tokens.Response) error {
	if resp.Status >= 200 && resp.Status < 300 {
		return nil
	}
	if e, ok := parseError(resp, a.Client.Now()); ok {
		if e.Status == http.StatusUnauthorized {
			e.TokenCloud, e.EndpointCloud = cloudTitle(tokenCloud(a.Token)), cloudTitle(tokens.CloudForHost(a.Endpoint))
		}
		return e
	}
	return &tokens.ResponseError{Status: resp.Status, Host: resp.Host, Excerpt: tokens.Excerpt(resp.Body)}
}

// tokenCloud is the cloud a token came from: its issuer's login host, or
// for v1 tokens, whose issuer sts.windows.net names no cloud for sure, the
// Resource Manager it was issued for.
func tokenCloud(t tokens.Token) (tokens.Cloud, bool) {
	j, err := tokens.DecodeJWT(t.AccessToken)
	if err != nil {
		return tokens.Cloud{}, false
	}
	if iss, ok := tokens.CloudForHost(j.Claims.Issuer); ok && !strings.Contains(j.Claims.Issuer, "sts.windows.net") {
		return iss, true
	}
	return tokens.CloudForResource(j.Claims.Audience)
}

func cloudTitle(c tokens.Cloud, ok bool) string {
	if !ok {
		return ""
	}
	return c.Title
}

func (c *Call) record(resp *tokens.Response) {
	c.Pages++
	c.Status = resp.Status
	c.RequestID = resp.Header.Get("x-ms-request-id")
	c.RemainingReads = resp.Header.Get("x-ms-ratelimit-remaining-subscription-reads")
	c.Body = resp.Body
}

// sameHost refuses a nextLink that leaves the ARM endpoint: the bearer
// token must never be sent anywhere else.
func sameHost(base *url.URL, link string) error {
	u, err := url.Parse(link)
	if err != nil {
		return fmt.Errorf("nextLink is not a URL: %w", err)
	}
	if u.Scheme != base.Scheme || !strings.EqualFold(u.Host, base.Host) {
		return fmt.Errorf("nextLink points at %s://%s, not at the ARM endpoint; not following it with the token", u.Scheme, u.Host)
	}
	return nil
}
