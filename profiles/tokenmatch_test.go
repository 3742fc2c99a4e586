package profiles

import (
	"testing"

	"github.com/aztoken/aztoken/tokens"
)

func TestIssuedToMatchesClientIDAndTenant(t *testing.T) {
	t.Parallel()
	const app, tenant = "1671f074-56e2-4c37-873b-b7b07a120b18", "72f988bf-86f1-41af-91ab-2d7cd011db47"
	ps := []Profile{
		{Name: "dev", Tenant: tenant, ClientID: app},
		{Name: "by-domain", Tenant: "contoso.onmicrosoft.com", ClientID: app},
		{Name: "other-tenant", Tenant: "11111111-2222-3333-4444-555555555555", ClientID: app},
		{Name: "other-app", Tenant: tenant, ClientID: "22222222-2222-3333-4444-555555555555"},
	}
	var names []string
	for _, p := range IssuedTo(ps, tokens.Claims{AppID: "1671F074-56E2-4C37-873B-B7B07A120B18", TenantID: tenant}) {
		names = append(names, p.Name)
	}
	if len(names) != 2 || names[0] != "dev" || names[1] != "by-domain" {
		t.Errorf("IssuedTo = %v, want dev and by-domain", names)
	}
	if got := IssuedTo(ps, tokens.Claims{TenantID: tenant}); len(got) != 0 {
		t.Errorf("a token without an app ID matched %v", got)
	}
}
