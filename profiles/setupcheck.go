package profiles

import (
	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/setupcheck"
)

// SetupCheck is the setup check of this profile, proven by cred, reading
// subscription (which may differ from the profile's own). The window and
// the command line run the same check. It asks for the default target
// whatever target is picked: it checks Resource Manager.
func (p Profile) SetupCheck(client *tokens.Client, cred tokens.Credential, subscription string) setupcheck.Check {
	p.picked = ""
	cloud := p.Endpoints()
	return setupcheck.Check{
		Client:        client,
		Request:       p.Request(cred),
		ARMEndpoint:   cloud.ARMEndpoint,
		Audience:      cloud.ARMResource,
		Subscription:  subscription,
		SecretExpires: p.SecretExpires.Time(), // zero when unknown, which the check reports
	}
}
