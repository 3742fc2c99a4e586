package arm

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
)

// The world Resource Manager calls are tested against: the emulator's
// sample world, whose app may read one subscription and not another.
const (
	tenantID    = emulator.SampleTenant
	otherTenant = emulator.SampleOtherTenant
	appID       = emulator.SampleApp
	appOID      = emulator.SampleAppObject
	secretID    = emulator.SampleSecretID
	secretValue = emulator.SampleSecret
	noRoleApp   = emulator.SampleNoRoleApp
	otherApp    = emulator.SampleOtherApp
	readableSub = emulator.SampleSubscription
	hiddenSub   = emulator.SampleHiddenSub
	otherSub    = emulator.SampleOtherSub
	armResource = "https://management.azure.com/"
)

func world() emulator.Config {
	secret := []emulator.Secret{{ID: secretID, Value: secretValue}}
	groups := []emulator.ResourceGroup{
		{Name: "rg-app", Location: "westeurope", Tags: map[string]string{"env": "prod"}},
		{Name: "MC_rg-app_aks_westeurope", Location: "westeurope", ManagedBy: "/subscriptions/" + readableSub + "/resourcegroups/rg-app/providers/Microsoft.ContainerService/managedClusters/aks"},
		{Name: "rg-data", Location: "northeurope"},
		{Name: "rg-old", Location: "eastus", ProvisioningState: "Deleting"},
		{Name: "rg-net", Location: "eastus"},
	}
	return emulator.Config{Tenants: []emulator.Tenant{
		{
			ID: tenantID, Domains: []string{"contoso.onmicrosoft.com"},
			Apps: []emulator.App{
				{ClientID: appID, DisplayName: "aztoken-test", ObjectID: appOID, Secrets: secret},
				{ClientID: noRoleApp, DisplayName: "no-role", Secrets: secret},
			},
			Subscriptions: []emulator.Subscription{
				{ID: readableSub, DisplayName: "Production", Readers: []string{appOID}, ResourceGroups: groups},
				{ID: hiddenSub, DisplayName: "Secret project"},
			},
		},
		{
			ID: otherTenant, Domains: []string{"fabrikam.com"},
			Apps:          []emulator.App{{ClientID: otherApp, Secrets: secret}},
			Subscriptions: []emulator.Subscription{{ID: otherSub, DisplayName: "Fabrikam", Readers: []string{otherApp}}},
		},
	}}
}

// startWorld runs the emulator for the test and returns it with a client
// whose sleeps are recorded instead of waited.
func startWorld(t *testing.T, edit func(*emulator.Config)) (*emulator.Server, *tokens.Client, *sleeps) {
	t.Helper()
	cfg := world()
	if edit != nil {
		edit(&cfg)
	}
	cfg.SigningKey = emulator.TestKey()
	srv, err := emulator.Start(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	s := &sleeps{}
	c := tokens.NewClient()
	c.Retry.Sleep = s.sleep
	return srv, c, s
}

// sleeps records the waits a retry loop asked for.
type sleeps struct {
	mu sync.Mutex
	d  []time.Duration
}

func (s *sleeps) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.d = append(s.d, d)
	s.mu.Unlock()
	return ctx.Err()
}

func (s *sleeps) all() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.d...)
}

// request is a good v1 request for ARM by the main app.
func request(srv *emulator.Server) tokens.Request {
	return tokens.Request{
		AuthorityHost: srv.URL(),
		Tenant:        tenantID,
		ClientID:      appID,
		Credential:    tokens.ClientSecret(secretValue),
		Target:        tokens.ResourceTarget(armResource),
	}
}
