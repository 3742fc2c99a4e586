package emulator

import "time"

// Config is the world the emulator pretends to be: the tenants with their
// apps and subscriptions. It is read once by Start; changing it afterwards
// has no effect.
type Config struct {
	Tenants []Tenant
	// PageSize is how many resource groups one page holds before ARM
	// answers with a nextLink; 0 puts them all on one page.
	PageSize int
	// Now is the emulator's clock, for token lifetimes, expiry checks and
	// timestamps in bodies. Nil means time.Now.
	Now func() time.Time
	// AccessTokenVersion is the "ver" of the tokens issued: 1 (the default)
	// or 2. Entra chooses the format from the resource's manifest, not from
	// the endpoint asked, and ARM and Graph take v1 tokens, so real ARM
	// tokens are ver 1.0 even from the v2 endpoint. Set 2 to see the v2
	// format (azp/azpacr, issuer login.microsoftonline.com/{tid}/v2.0) that
	// an API which opted into v2 tokens receives.
	AccessTokenVersion int
}

// Tenant is one Entra ID directory.
type Tenant struct {
	// ID is the tenant GUID.
	ID string
	// DisplayName names the directory in some error messages, as Entra does
	// ("Default Directory"); empty means the ID is used.
	DisplayName string
	// Domains are the verified domain names, e.g. contoso.onmicrosoft.com,
	// accepted in place of the ID in URLs.
	Domains []string
	Apps    []App
	// Subscriptions are the subscriptions this tenant owns.
	Subscriptions []Subscription
	// Cloud, when set, puts the tenant in a national cloud, named as Entra
	// names the cloud instance (e.g. "microsoftonline.us"). The emulator
	// plays the public cloud, so token requests for such a tenant fail with
	// AADSTS90038 and its discovery document names that cloud instance.
	Cloud string
}

// App is an app registration with its service principal in a tenant.
type App struct {
	ClientID    string
	DisplayName string
	// ObjectID is the service principal's object ID, which tokens carry in
	// oid and sub and which Subscription.Readers lists. Empty means the
	// ClientID is used, so simple tests need only one identifier.
	ObjectID string
	Secrets  []Secret
	// Roles are the application permissions granted to the app, copied into
	// the token's roles claim.
	Roles []string
	// Disabled makes token requests fail with AADSTS7000112.
	Disabled bool
	// BlockedByConditionalAccess makes token requests fail with AADSTS53003.
	BlockedByConditionalAccess bool
	// TokenLifetime is how long issued tokens live; 0 means one hour, as
	// Entra's default.
	TokenLifetime time.Duration
}

// Secret is one client secret of an app.
type Secret struct {
	// ID is the secret's GUID as the portal shows it. Sending it instead of
	// the value is the most common mistake, answered with AADSTS7000215.
	ID    string
	Value string
	// Expires is when the secret stops working; zero means never.
	Expires time.Time
}

// Subscription is an Azure subscription owned by the tenant it is listed in.
type Subscription struct {
	ID          string
	DisplayName string
	// State is Enabled (the default), Warned, PastDue, Disabled or Deleted.
	State string
	Tags  map[string]string
	// Readers are the service principal object IDs (App.ObjectID) holding a
	// role that can read the subscription and its resource groups. Like real
	// ARM, a principal sees only subscriptions it holds a role on.
	Readers        []string
	ResourceGroups []ResourceGroup
}

// ResourceGroup is one resource group of a subscription.
type ResourceGroup struct {
	Name     string
	Location string
	// ManagedBy is the resource ID of what manages the group, such as an AKS
	// cluster for its node resource group; empty for most groups.
	ManagedBy string
	Tags      map[string]string
	// ProvisioningState defaults to Succeeded.
	ProvisioningState string
}
