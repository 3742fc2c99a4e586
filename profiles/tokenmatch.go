package profiles

import (
	"strings"

	"github.com/aztoken/aztoken/tokens"
)

// IssuedTo returns the profiles a token with these claims could have come
// from: the same client ID, and the same tenant. A profile that names its
// tenant by domain matches on the client ID alone, because a token
// carries only the tenant's GUID.
func IssuedTo(ps []Profile, c tokens.Claims) []Profile {
	var out []Profile
	for _, p := range ps {
		if c.AppID == "" || !strings.EqualFold(p.ClientID, c.AppID) {
			continue
		}
		if _, guid := parseGUID(p.Tenant); guid && !strings.EqualFold(p.Tenant, c.TenantID) {
			continue
		}
		out = append(out, p)
	}
	return out
}
