package tokens

import (
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens/emulator"
	"github.com/aztoken/aztoken/tokens/emulator/emulatortest"
)

// The world the engine is tested against: the emulator's sample world, plus
// apps for more ways a registration goes wrong and a tenant in another cloud.
const (
	tenantID    = emulator.SampleTenant
	otherTenant = emulator.SampleOtherTenant
	govTenant   = "d1e2f3a4-0000-4000-8000-000000000001"
	appID       = emulator.SampleApp
	appOID      = emulator.SampleAppObject
	secretID    = emulator.SampleSecretID
	secretValue = emulator.SampleSecret
	noRoleApp   = emulator.SampleNoRoleApp
	disabledApp = "0d0d0d0d-0000-4000-8000-00000000000d"
	caApp       = "0c0c0c0c-0000-4000-8000-00000000000c"
	expiredApp  = "0e0e0e0e-0000-4000-8000-00000000000e"
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
				{ClientID: disabledApp, Secrets: secret, Disabled: true},
				{ClientID: caApp, Secrets: secret, BlockedByConditionalAccess: true},
				{ClientID: expiredApp, Secrets: []emulator.Secret{{ID: secretID, Value: secretValue, Expires: time.Now().Add(-time.Hour)}}},
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
		{ID: govTenant, Domains: []string{"agency.onmicrosoft.us"}, Cloud: "microsoftonline.us"},
	}}
}

// startWorld runs the emulator for the test and returns it with a client
// whose sleeps are recorded instead of waited.
func startWorld(t *testing.T, edit func(*emulator.Config)) (*emulator.Server, *Client, *emulatortest.Sleeps) {
	t.Helper()
	cfg := world()
	if edit != nil {
		edit(&cfg)
	}
	srv := emulatortest.Start(t, cfg)
	s := &emulatortest.Sleeps{}
	c := NewClient()
	c.Retry.Sleep = s.Sleep
	return srv, c, s
}

// request is a good v1 request for ARM by the main app.
func request(srv *emulator.Server) Request {
	return Request{
		AuthorityHost: srv.URL(),
		Tenant:        tenantID,
		ClientID:      appID,
		Credential:    ClientSecret(secretValue),
		Target:        ResourceTarget(armResource),
	}
}
