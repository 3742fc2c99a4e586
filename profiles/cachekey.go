package profiles

import (
	"strings"

	"github.com/aztoken/aztoken/tokens"
)

// CacheKey is how token caches, the one shared between processes above
// all, know p's tokens: by its ID and target, and by everything else that
// decides which token Entra ID issues (login host, tenant, app, credential
// kind and certificate file), so that a profile edited in any of these no
// longer finds the tokens of its old self. The secret is no part of it, so
// that no form of it is kept with tokens; changing it through aztoken
// drops the profile's tokens instead.
func (p Profile) CacheKey() tokens.CacheKey {
	return tokens.CacheKey{
		Profile: string(p.ID),
		Target:  p.Target(),
		Identity: strings.Join([]string{
			p.Endpoints().AuthorityHost, p.Tenant, p.ClientID, string(p.Credential), p.CertificateFile,
		}, "\x00"),
	}
}
