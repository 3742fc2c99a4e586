package tokens

import "strings"

// knownAPIs names the APIs whose App ID URIs people meet most, by the
// host (or ID) their audience starts with. Resource Manager's two URIs
// are equivalent: it accepts tokens for either.
var knownAPIs = []struct{ prefix, name string }{
	{"https://management.azure.com", "Azure Resource Manager"},
	{"https://management.core.windows.net", "Azure Resource Manager"},
	{"https://management.usgovcloudapi.net", "Azure Resource Manager (US Government)"},
	{"https://management.core.usgovcloudapi.net", "Azure Resource Manager (US Government)"},
	{"https://management.chinacloudapi.cn", "Azure Resource Manager (China)"},
	{"https://management.core.chinacloudapi.cn", "Azure Resource Manager (China)"},
	{"https://graph.microsoft.com", "Microsoft Graph"},
	{"00000003-0000-0000-c000-000000000000", "Microsoft Graph"},
	{"https://graph.microsoft.us", "Microsoft Graph (US Government)"},
	{"https://microsoftgraph.chinacloudapi.cn", "Microsoft Graph (China)"},
	{"https://vault.azure.net", "Azure Key Vault"},
	{"https://storage.azure.com", "Azure Storage"},
	{"https://database.windows.net", "Azure SQL"},
	{"https://api.loganalytics.io", "Log Analytics"},
}

// describeAudience names the API an audience stands for, falling back to
// the audience itself.
func describeAudience(aud string) string {
	if aud == "" {
		return "no audience at all (aud is missing)"
	}
	lower := strings.ToLower(aud)
	for _, k := range knownAPIs {
		if lower == k.prefix || strings.HasPrefix(lower, k.prefix+"/") {
			return k.name + " (" + aud + ")"
		}
	}
	if strings.HasPrefix(lower, "api://") || IsGUID(lower) {
		return "an application's own API (" + aud + ")"
	}
	return aud
}

// sameAudience compares audiences as APIs do: case and a trailing slash
// aside, and Resource Manager's two URIs of one cloud alike.
func sameAudience(a, b string) bool {
	norm := func(s string) string {
		s = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(s)), "/")
		return strings.Replace(s, "https://management.core.windows.net", "https://management.azure.com", 1)
	}
	return norm(a) == norm(b)
}

// SameAudience reports whether two resources, or a resource and a scope's
// audience, name one API: case and a trailing slash aside, and Resource
// Manager's two URIs of one cloud alike.
func SameAudience(a, b string) bool { return sameAudience(a, b) }
