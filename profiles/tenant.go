package profiles

import (
	"net/url"
	"strings"
)

// multiTenant are the authority paths that stand for "any tenant". Entra
// refuses client credentials on them: an app token is always for one
// directory.
var multiTenant = map[string]bool{"common": true, "organizations": true, "consumers": true}

// CheckTenant cleans and checks a Directory (tenant) ID or domain. A pasted
// URL (a token endpoint, an issuer, a portal link) is refused with the
// tenant found inside it as the Suggestion.
func CheckTenant(s string) (string, error) {
	s = trimPasted(s)
	if err := checkRequired(FieldTenant, s, maxURL, "Enter the Directory (tenant) ID or a domain such as contoso.onmicrosoft.com"); err != nil {
		return "", err
	}
	if strings.Contains(s, "/") {
		return "", tenantInURL(s)
	}
	if g, ok := parseGUID(s); ok {
		return g, nil
	}
	lower := strings.ToLower(s)
	if multiTenant[lower] {
		return "", problem(FieldTenant, multiTenantMessage(lower))
	}
	if isDomain(lower) {
		return strings.TrimSuffix(lower, "."), nil
	}
	e := problem(FieldTenant, "Not a tenant: expected a GUID like "+guidExample+" or a domain such as contoso.onmicrosoft.com")
	if g, ok := dashedGUID(s); ok {
		e.Suggestion = g
	}
	return "", e
}

func multiTenantMessage(name string) string {
	return `"` + name + `" means any tenant, but client credentials need one: enter your tenant's ID or domain`
}

// tenantInURL explains a URL pasted as a tenant and looks inside it for the
// tenant: the first path segment that is one (login.microsoftonline.com/
// <tenant>/oauth2/token, sts.windows.net/<tenant>/), or the "@domain" of a
// portal link.
func tenantInURL(s string) error {
	raw := s
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw
	}
	e := problem(FieldTenant, "This is a URL; enter just the tenant ID or domain")
	u, err := url.Parse(raw)
	if err != nil {
		return e
	}
	candidates := strings.Split(strings.Trim(u.Path, "/"), "/")
	if at := strings.Index(u.Fragment, "@"); at >= 0 {
		candidates = append(candidates, strings.SplitN(u.Fragment[at+1:], "/", 2)[0])
	}
	for _, c := range candidates {
		c = strings.ToLower(c)
		if multiTenant[c] {
			e.Message = "This is a URL, and in it " + multiTenantMessage(c)
			return e
		}
		if g, ok := parseGUID(c); ok {
			c = g
		} else if isDomain(c) {
			c = strings.TrimSuffix(c, ".")
		} else {
			continue
		}
		e.Message = "This is a URL; the tenant is " + c
		e.Suggestion = c
		return e
	}
	return e
}

// isDomain reports whether s is a DNS name with at least two labels and a
// top-level label that is not a number (so "v2.0" in a URL path is not
// taken for a domain). s must already be lower case.
func isDomain(s string) bool {
	s = strings.TrimSuffix(s, ".")
	if len(s) > maxDomain {
		return false
	}
	labels := strings.Split(s, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if !isLabel(l) {
			return false
		}
	}
	return strings.Trim(labels[len(labels)-1], "0123456789") != ""
}

// isLabel reports whether l is one DNS label: 1 to 63 letters, digits and
// inner hyphens.
func isLabel(l string) bool {
	if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
		return false
	}
	for i := range len(l) {
		c := l[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
