package profiles

import "github.com/aztoken/aztoken/tokens"

// CredentialKind says how a profile's app proves its identity.
type CredentialKind string

// The credential kinds. A secret profile keeps its client secret in the
// SecretStore; a certificate profile keeps the path of its PEM or PFX file
// in CertificateFile and, for a PFX, the file's password in the
// SecretStore.
const (
	SecretCredential      CredentialKind = "secret"
	CertificateCredential CredentialKind = "certificate"
)

// Profile is one app registration aztoken can fetch tokens for. It holds no
// secret: the client secret, or a certificate's PFX password, lives in a
// SecretStore under the profile's ID.
//
// A Profile read from a file or built by hand may hold anything; Validate
// returns it cleaned and checked, and the Store saves only such profiles.
type Profile struct {
	// ID is assigned by the Store on first save and never changes.
	ID ID `json:"id,omitempty"`
	// Revision counts the saves of the profile, from 1; 0 means it was
	// never saved. A save must carry the revision it read, so that an edit
	// made from an older read never undoes another process's change nor
	// brings back a profile deleted meanwhile. A file written before
	// revisions existed reads as revision 1.
	Revision uint64 `json:"revision,omitempty"`
	// Name is what the user calls the profile; unique in a Store, ignoring
	// case.
	Name string `json:"name"`
	// Tenant is the directory: a lower-case GUID or a domain such as
	// contoso.onmicrosoft.com.
	Tenant string `json:"tenant"`
	// ClientID is the app registration's Application (client) ID.
	ClientID string `json:"clientId"`
	// Credential is how the app proves itself; empty means a secret.
	Credential CredentialKind `json:"credential,omitempty"`
	// CertificateFile is the path of a certificate profile's PEM or PFX
	// file. The file stays where the user keeps it: only its password is
	// copied to the keyring, whose items are too small for a PFX.
	CertificateFile string `json:"certificateFile,omitempty"`
	// Cloud is public, usgov, china or custom; empty means public.
	Cloud string `json:"cloud,omitempty"`
	// AuthorityHost is the Entra ID host of a custom cloud, or an override
	// of a built-in cloud's.
	AuthorityHost string `json:"authorityHost,omitempty"`
	// ARMEndpoint is the Resource Manager URL of a custom cloud, or an
	// override of a built-in cloud's.
	ARMEndpoint string `json:"armEndpoint,omitempty"`
	// Resource is the v1 resource tokens are for: a custom cloud's ARM
	// resource, or an override of a built-in cloud's. Empty means the
	// cloud's ARM resource.
	Resource string `json:"resource,omitempty"`
	// Scope, when set, asks the v2 endpoint for this scope instead of a
	// resource. A profile sets Resource or Scope, never both.
	Scope string `json:"scope,omitempty"`
	// Targets are APIs tokens can be asked for besides the default
	// target (Resource or Scope, else Resource Manager).
	Targets TargetList `json:"targets,omitzero"`
	// Subscription is the subscription ID the test call reads; optional.
	Subscription string `json:"subscription,omitempty"`
	// SecretExpires is when the client secret expires, for reminders.
	SecretExpires Date `json:"secretExpires,omitzero"`
	// Notes are the user's own words about the profile.
	Notes string `json:"notes,omitempty"`

	// picked is the name of the extra target WithTarget chose, never
	// saved; "" asks for the default target.
	picked string
}

// Endpoints is the cloud the profile talks to: a built-in cloud with any
// host the profile overrides, or the custom cloud the profile describes.
func (p Profile) Endpoints() tokens.Cloud {
	if p.Cloud == tokens.CustomCloud {
		return tokens.Cloud{
			Name:          tokens.CustomCloud,
			AuthorityHost: p.AuthorityHost,
			ARMEndpoint:   p.ARMEndpoint,
			ARMResource:   p.customResource(),
		}
	}
	c, ok := tokens.CloudByName(p.Cloud)
	if !ok {
		c = tokens.AzurePublic
	}
	if p.AuthorityHost != "" {
		c.AuthorityHost = p.AuthorityHost
	}
	if p.ARMEndpoint != "" {
		c.ARMEndpoint = p.ARMEndpoint
	}
	return c
}

// customResource is a custom cloud's ARM resource: the Resource field, or
// the audience of its scope when the profile uses v2.
func (p Profile) customResource() string {
	if p.Resource != "" {
		return p.Resource
	}
	if p.Scope != "" {
		return tokens.ScopeTarget(p.Scope).Audience()
	}
	return ""
}

// Target is what tokens are requested for: the target WithTarget picked,
// else the default target: the scope if set, else the resource if set,
// else the cloud's ARM resource.
func (p Profile) Target() tokens.Target {
	if t, ok := p.pickedTarget(); ok {
		return t
	}
	return p.defaultTarget()
}

// defaultTarget is the target a profile asks for unless another is picked.
func (p Profile) defaultTarget() tokens.Target {
	switch {
	case p.Scope != "":
		return tokens.ScopeTarget(p.Scope)
	case p.Resource != "":
		return tokens.ResourceTarget(p.Resource)
	default:
		return tokens.ResourceTarget(p.Endpoints().ARMResource)
	}
}

// Request is the token request for this profile, proven by cred (from
// Credential).
func (p Profile) Request(cred tokens.Credential) tokens.Request {
	return tokens.Request{
		AuthorityHost: p.Endpoints().AuthorityHost,
		Tenant:        p.Tenant,
		ClientID:      p.ClientID,
		Credential:    cred,
		Target:        p.Target(),
	}
}
