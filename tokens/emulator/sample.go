package emulator

import "time"

// The sample world's identifiers, for tests of the packages above this one
// and for aztoken's demo: one tenant with a working app and apps for each
// common way a registration goes wrong, and a second tenant.
const (
	SampleTenant       = "72f988bf-86f1-41af-91ab-2d7cd011db47"
	SampleDomain       = "contoso.onmicrosoft.com"
	SampleOtherTenant  = "a602cbf4-21c3-4761-b54e-acf397842b82"
	SampleApp          = "1671f074-56e2-4c37-873b-b7b07a120b18"
	SampleAppObject    = "72243241-f194-45f3-987d-eeb347b83b69"
	SampleNoRoleApp    = "0b0b0b0b-0000-4000-8000-00000000000b"
	SampleShortApp     = "05050505-0000-4000-8000-000000000005"
	SampleOtherApp     = "0f0f0f0f-0000-4000-8000-00000000000f"
	SampleSecretID     = "6f6c4645-0202-4486-b625-fa957dfc4700"
	SampleSecret       = "Qm8~abc.DEF_ghi-JKL+mno/pqr="
	SampleSubscription = "291bba3f-e0a5-47bc-a099-3bdcb2a50a05"
	SampleHiddenSub    = "72ac930a-f34e-42d8-b06d-dc2a9e12ed71"
	SampleOtherSub     = "eddf6699-ce89-47d5-84cd-d2a190f2c505"
)

// Sample is a small, realistic world: Contoso's app SampleApp reads
// SampleSubscription and its five resource groups; SampleNoRoleApp has no
// role anywhere (403 AuthorizationFailed); SampleShortApp's tokens live
// five minutes; Fabrikam owns SampleOtherSub.
func Sample() Config {
	secret := []Secret{{ID: SampleSecretID, Value: SampleSecret}}
	return Config{Tenants: []Tenant{
		{
			ID: SampleTenant, DisplayName: "Contoso", Domains: []string{SampleDomain},
			Apps: []App{
				{ClientID: SampleApp, DisplayName: "aztoken-dev", ObjectID: SampleAppObject, Secrets: secret},
				{ClientID: SampleNoRoleApp, DisplayName: "no-role", Secrets: secret},
				{ClientID: SampleShortApp, DisplayName: "short-lived", Secrets: secret, TokenLifetime: 5 * time.Minute},
			},
			Subscriptions: []Subscription{
				{
					ID: SampleSubscription, DisplayName: "Production", Readers: []string{SampleAppObject, SampleShortApp},
					ResourceGroups: []ResourceGroup{
						{Name: "rg-app", Location: "westeurope", Tags: map[string]string{"env": "prod", "owner": "web"}},
						{Name: "MC_rg-app_aks_westeurope", Location: "westeurope", ManagedBy: "/subscriptions/" + SampleSubscription + "/resourcegroups/rg-app/providers/Microsoft.ContainerService/managedClusters/aks"},
						{Name: "rg-data", Location: "northeurope", Tags: map[string]string{"env": "prod"}},
						{Name: "rg-old", Location: "eastus", ProvisioningState: "Deleting"},
						{Name: "rg-net", Location: "eastus"},
					},
				},
				{ID: SampleHiddenSub, DisplayName: "Secret project"},
			},
		},
		{
			ID: SampleOtherTenant, DisplayName: "Fabrikam", Domains: []string{"fabrikam.com"},
			Apps:          []App{{ClientID: SampleOtherApp, Secrets: secret}},
			Subscriptions: []Subscription{{ID: SampleOtherSub, DisplayName: "Fabrikam", Readers: []string{SampleOtherApp}}},
		},
	}}
}
