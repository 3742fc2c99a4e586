package tokens

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// OpenIDConfig is what a tenant's OpenID Connect discovery document says
// about it. aztoken reads it to learn whether a tenant exists in a cloud,
// and which directory GUID a domain such as contoso.onmicrosoft.com names.
type OpenIDConfig struct {
	// TokenEndpoint is where the tenant's v2 tokens are issued.
	TokenEndpoint string `json:"token_endpoint"`
	// Issuer is https://login.microsoftonline.com/{tenant GUID}/v2.0.
	Issuer string `json:"issuer"`
	// TenantRegionScope is the tenant's geography, such as WW, NA or EU.
	TenantRegionScope string `json:"tenant_region_scope"`
	// CloudInstanceName names the tenant's cloud: microsoftonline.com,
	// microsoftonline.us or partner.microsoftonline.cn.
	CloudInstanceName string `json:"cloud_instance_name"`
}

// TenantID is the directory GUID in the issuer, or "" when the issuer
// names none (the multi-tenant aliases say "{tenantid}").
func (c OpenIDConfig) TenantID() string {
	u, err := url.Parse(c.Issuer)
	if err != nil {
		return ""
	}
	first, _, _ := strings.Cut(strings.TrimPrefix(u.Path, "/"), "/")
	if !IsGUID(first) {
		return ""
	}
	return strings.ToLower(first)
}

// Discovery reads GET {authorityHost}/{tenant}/v2.0/.well-known/openid-configuration.
// It needs no credential, so it tells "no such tenant in this cloud"
// (*EntraError with AADSTS90002) apart from a wrong app or secret. Other
// errors are as for Token.
func (c *Client) Discovery(ctx context.Context, authorityHost, tenant string) (OpenIDConfig, error) {
	if tenant == "" {
		return OpenIDConfig{}, errors.New("no tenant")
	}
	base, err := CheckEndpoint(authorityHost)
	if err != nil {
		return OpenIDConfig{}, fmt.Errorf("authority host: %w", err)
	}
	u := JoinPath(base, "/"+url.PathEscape(tenant)+"/v2.0/.well-known/openid-configuration")
	resp, err := c.Send(ctx, func(ctx context.Context) (*http.Request, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Accept", "application/json")
		return req, nil
	}, entraFailure)
	if err != nil {
		return OpenIDConfig{}, err
	}
	if resp.Status != http.StatusOK {
		return OpenIDConfig{}, entraFailure(resp)
	}
	var cfg OpenIDConfig
	if err := json.Unmarshal(resp.Body, &cfg); err != nil {
		return OpenIDConfig{}, &ResponseError{Status: resp.Status, Host: resp.Host, Excerpt: Excerpt(resp.Body), Reason: err}
	}
	// MSAL rejects a document without these two; so do we.
	if cfg.TokenEndpoint == "" || cfg.Issuer == "" {
		return OpenIDConfig{}, &ResponseError{Status: resp.Status, Host: resp.Host, Excerpt: Excerpt(resp.Body),
			Reason: errors.New("the OpenID configuration has no token_endpoint or issuer")}
	}
	return cfg, nil
}

// IsGUID reports whether s has the 8-4-4-4-12 hex shape of a directory,
// app or subscription ID.
func IsGUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := range len(s) {
		switch c := s[i]; {
		case i == 8 || i == 13 || i == 18 || i == 23:
			if c != '-' {
				return false
			}
		case !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'):
			return false
		}
	}
	return true
}
