package emulator

import (
	"net/http"
	"strings"
)

// Endpoint names a group of routes, for injecting faults and counting
// requests.
type Endpoint int

const (
	// AnyEndpoint matches every request.
	AnyEndpoint Endpoint = iota
	// TokenEndpoint is the v1 and v2 token endpoint of every tenant.
	TokenEndpoint
	// DiscoveryEndpoint is the OpenID configuration and the signing keys.
	DiscoveryEndpoint
	// ARMEndpoint is every other path, since the server is the ARM host.
	ARMEndpoint
)

// route picks the endpoint and handler for a path. Entra paths are matched
// without regard to case, as Entra does.
func (s *Server) route(path string) (Endpoint, http.HandlerFunc) {
	segs := splitPath(path)
	if len(segs) >= 2 {
		tenant, rest := segs[0], strings.ToLower(strings.Join(segs[1:], "/"))
		switch rest {
		case "oauth2/token":
			return TokenEndpoint, s.tokenHandler(tenant, 1)
		case "oauth2/v2.0/token":
			return TokenEndpoint, s.tokenHandler(tenant, 2)
		case ".well-known/openid-configuration":
			return DiscoveryEndpoint, s.discoveryHandler(tenant, 1)
		case "v2.0/.well-known/openid-configuration":
			return DiscoveryEndpoint, s.discoveryHandler(tenant, 2)
		case "discovery/keys", "discovery/v2.0/keys":
			return DiscoveryEndpoint, s.keysHandler(tenant)
		}
	}
	return ARMEndpoint, func(w http.ResponseWriter, r *http.Request) { s.serveARM(w, r, segs) }
}

// splitPath cuts a URL path into its segments, ignoring outer slashes.
func splitPath(path string) []string { return strings.Split(strings.Trim(path, "/"), "/") }
