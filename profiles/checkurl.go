package profiles

import (
	"net/url"
	"strings"

	"github.com/aztoken/aztoken/tokens"
)

// defaultSuffix ends every scope client credentials may ask for: an app
// token carries the app roles granted to it, not scopes picked one by one.
const defaultSuffix = "/.default"

// CheckEndpoint cleans and checks an authority host or Resource Manager
// endpoint for field f (FieldAuthorityHost or FieldARMEndpoint): https is
// required, plain http is allowed only for this machine. Empty is allowed;
// Validate decides whether the profile needs one.
func CheckEndpoint(f Field, s string) (string, error) {
	s = trimPasted(s)
	if s == "" {
		return "", nil
	}
	if err := checkText(f, s, maxURL, false); err != nil {
		return "", err
	}
	if _, err := tokens.CheckEndpoint(s); err != nil {
		return "", problem(f, sentence(err.Error()))
	}
	return strings.TrimRight(s, "/"), nil
}

// sentence starts a message from another package with a capital letter.
func sentence(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// CheckResource cleans and checks a v1 resource: a URI such as
// https://management.azure.com/ or api://<app-id>, or an app ID. Empty is
// allowed and means the cloud's Resource Manager.
func CheckResource(s string) (string, error) { return checkResourceAt(FieldResource, s) }

// checkResourceAt is CheckResource for the entry of field f.
func checkResourceAt(f Field, s string) (string, error) {
	s = trimPasted(s)
	if s == "" {
		return "", nil
	}
	if err := checkText(f, s, maxURL, false); err != nil {
		return "", err
	}
	if strings.HasSuffix(s, defaultSuffix) {
		e := problem(f, "This is a v2 scope; put it under Scope, or drop /.default")
		e.Suggestion = strings.TrimSuffix(s, ".default")
		return "", e
	}
	return checkAudience(f, s)
}

// CheckScope cleans and checks a v2 scope, which for client credentials is
// one resource followed by /.default. Empty is allowed and means "use a v1
// resource".
func CheckScope(s string) (string, error) { return checkScopeAt(FieldScope, s) }

// checkScopeAt is CheckScope for the entry of field f.
func checkScopeAt(f Field, s string) (string, error) {
	s = trimPasted(s)
	if s == "" {
		return "", nil
	}
	if err := checkText(f, s, maxURL, false); err != nil {
		return "", err
	}
	if strings.ContainsAny(s, " \t") {
		return "", problem(f, "Client credentials take a single scope ending in /.default")
	}
	if !strings.HasSuffix(s, defaultSuffix) {
		e := problem(f, "Client credentials need a scope ending in /.default, such as https://management.azure.com/.default")
		if _, err := checkAudience(f, s); err == nil {
			e.Suggestion = strings.TrimRight(s, "/") + defaultSuffix
		}
		return "", e
	}
	if _, err := checkAudience(f, strings.TrimSuffix(s, defaultSuffix)); err != nil {
		return "", err
	}
	return s, nil
}

// checkAudience accepts what Entra takes as the thing a token is for: an
// app ID (GUID) or an absolute URI with a host or an opaque part.
func checkAudience(f Field, s string) (string, error) {
	if g, ok := parseGUID(s); ok {
		return g, nil
	}
	bad := problem(f, "Expected a URI such as https://management.azure.com/ or api://<app-id>")
	if strings.ContainsAny(s, " \t") {
		return "", bad
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" || (u.Host == "" && u.Opaque == "") {
		return "", bad
	}
	return s, nil
}
