package tokens

import (
	"context"
	"errors"
	"testing"

	"github.com/aztoken/aztoken/tokens/emulator"
)

func TestDiscoveryTellsWhetherATenantExists(t *testing.T) {
	t.Parallel()
	srv, c, _ := startWorld(t, nil)
	ctx := context.Background()
	for _, tenant := range []string{tenantID, "contoso.onmicrosoft.com"} {
		cfg, err := c.Discovery(ctx, srv.URL(), tenant)
		if err != nil {
			t.Fatalf("%s: %v", tenant, err)
		}
		if cfg.TenantID() != tenantID || cfg.CloudInstanceName != "microsoftonline.com" || cfg.TenantRegionScope == "" || cfg.TokenEndpoint == "" {
			t.Errorf("%s: %+v (tenant %q)", tenant, cfg, cfg.TenantID())
		}
	}
	gov, err := c.Discovery(ctx, srv.URL(), govTenant)
	if err != nil || gov.CloudInstanceName != "microsoftonline.us" {
		t.Errorf("a US Government tenant: %+v, %v", gov, err)
	}

	_, err = c.Discovery(ctx, srv.URL(), "00000000-0000-4000-8000-0000000000ee")
	var entra *EntraError
	if !errors.As(err, &entra) || entra.AADSTS() != 90002 || Fix(err) == "" {
		t.Errorf("unknown tenant: %v", err)
	}

	srv.Inject(emulator.DiscoveryEndpoint, emulator.HTMLPage(403))
	_, err = c.Discovery(ctx, srv.URL(), tenantID)
	if !errors.As(err, new(*ResponseError)) {
		t.Errorf("a proxy's page: %v", err)
	}
	if _, err := c.Discovery(ctx, "http://example.com", tenantID); !errors.Is(err, ErrInsecureURL) {
		t.Errorf("plain http to a remote host: %v", err)
	}
}

func TestOpenIDConfigTenantID(t *testing.T) {
	t.Parallel()
	tests := []struct{ issuer, want string }{
		{"https://login.microsoftonline.com/72F988BF-86F1-41AF-91AB-2D7CD011DB47/v2.0", tenantID},
		{"https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/", tenantID},
		{"https://login.microsoftonline.com/{tenantid}/v2.0", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := (OpenIDConfig{Issuer: tt.issuer}).TenantID(); got != tt.want {
			t.Errorf("TenantID(%q) = %q, want %q", tt.issuer, got, tt.want)
		}
	}
}

func TestWrongCloud(t *testing.T) {
	t.Parallel()
	tests := []struct {
		host, instance string
		wrong          bool
	}{
		{"https://login.microsoftonline.com", "microsoftonline.com", false},
		{"https://login.microsoftonline.com", "microsoftonline.us", true},
		{"https://LOGIN.windows.net/", "microsoftonline.com", false},
		{"https://login.chinacloudapi.cn", "partner.microsoftonline.cn", false},
		{"https://login.microsoftonline.us", "partner.microsoftonline.cn", true},
		{"http://127.0.0.1:8400", "microsoftonline.us", false}, // an emulator cannot be judged
		{"https://login.microsoftonline.com", "", false},
	}
	for _, tt := range tests {
		if _, got := WrongCloud(tt.host, tt.instance); got != tt.wrong {
			t.Errorf("WrongCloud(%s, %s) = %v", tt.host, tt.instance, got)
		}
	}
}
