package emulator

import (
	"crypto/rsa"
	"crypto/x509"
	"time"
)

// Config is the world the emulator pretends to be: the tenants with their
// apps and subscriptions. It is read once by Start; changing it afterwards
// has no effect.
type Config struct {
	// Tenants are the directories Entra knows; each owns its apps and
	// subscriptions.
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
	// SigningKey is the key the server signs its tokens with; nil makes a
	// fresh RSA-2048 key, so no two demo runs share one. Tests pass
	// TestKey(): making a key costs more than the rest of a test, the
	// more so under -race, so a test process makes one.
	SigningKey *rsa.PrivateKey
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
	// Apps are the app registrations with a service principal here.
	Apps []App
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
	// ClientID is the Application (client) ID a token request names.
	ClientID string
	// DisplayName appears in tokens (app_displayname) and in AADSTS7000112.
	DisplayName string
	// ObjectID is the service principal's object ID, which tokens carry in
	// oid and sub and which Subscription.Readers lists. Empty means the
	// ClientID is used, so simple tests need only one identifier.
	ObjectID string
	// Secrets are the client secrets that authenticate the app.
	Secrets []Secret
	// Certificates are the certificates uploaded under Certificates &
	// secrets: the public part only (the .cer), as the portal keeps it.
	// A client assertion must be signed by the key of one of them, named
	// by its x5t#S256 or x5t thumbprint, while it is valid.
	Certificates []*x509.Certificate
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
	// the value is the most common mistake; like Entra, the emulator answers
	// it as any wrong secret (AADSTS7000215). It is here for tests to send.
	ID string
	// Value is the secret itself, the one thing a client must send.
	Value string
	// Expires is when the secret stops working; zero means never.
	Expires time.Time
}

// Subscription is an Azure subscription owned by the tenant it is listed in.
type Subscription struct {
	// ID is the subscription GUID.
	ID string
	// DisplayName is the subscription's name in the portal.
	DisplayName string
	// State is Enabled (the default), Warned, PastDue, Disabled or Deleted.
	State string
	// Tags are sent as they are; nil leaves "tags" out of the body.
	Tags map[string]string
	// Readers are the service principal object IDs (App.ObjectID) holding a
	// role that can read the subscription and its resource groups. Like real
	// ARM, a principal sees only subscriptions it holds a role on.
	Readers []string
	// ResourceGroups are listed in the order given.
	ResourceGroups []ResourceGroup
}

// ResourceGroup is one resource group of a subscription.
type ResourceGroup struct {
	// Name is the group's name, also the last segment of its ID.
	Name string
	// Location is the Azure region, e.g. westeurope.
	Location string
	// ManagedBy is the resource ID of what manages the group, such as an AKS
	// cluster for its node resource group; empty for most groups.
	ManagedBy string
	// Tags are sent as they are; nil is sent as {}, as ARM does.
	Tags map[string]string
	// ProvisioningState defaults to Succeeded.
	ProvisioningState string
}
