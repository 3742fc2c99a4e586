package profiles

import "strings"

// TokenIdentity is everything about p that decides which token Entra ID
// issues (login host, tenant, app, credential kind and certificate file,
// target), as the shared token cache keys a profile's tokens: a profile
// edited in any of these no longer finds the tokens of its old self. The
// secret is not part of it, so that no form of it is kept with tokens;
// changing it through aztoken drops the profile's tokens instead.
func (p Profile) TokenIdentity() string {
	return strings.Join([]string{
		p.Endpoints().AuthorityHost, p.Tenant, p.ClientID,
		string(p.Credential), p.CertificateFile, p.Target().String(),
	}, "\x00")
}
