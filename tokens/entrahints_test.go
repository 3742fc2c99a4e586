package tokens

import (
	"strings"
	"testing"
)

// Entra's words name what its codes do not: the cloud a tenant or a
// resource belongs to, and an assertion failure under a legacy code.
func TestHintsReadEntrasMessage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, host, description, fix string
	}{
		{"90038 as documented", "login.microsoftonline.com", "AADSTS90038: NationalCloudTenantRedirection - The specified tenant 'agency.onmicrosoft.us' belongs to the National Cloud 'microsoftonline.us'. Current cloud instance 'microsoftonline.com' does not federate with microsoftonline.us.",
			"This tenant belongs to Azure US Government: choose the usgov cloud in the profile."},
		{"90038 redirect wording", "login.microsoftonline.com", "AADSTS90038: Tenant 'companyname.com' request is being redirected to the National Cloud 'microsoftonline.us'.\r\nTrace ID: x",
			"choose the usgov cloud"},
		{"90038 from the US Government cloud", "login.microsoftonline.us", "AADSTS90038: Tenant 'contoso.onmicrosoft.com' request is being redirected to the National Cloud 'MicrosoftOnline.COM'.",
			"This tenant belongs to Azure: choose the public cloud in the profile."},
		{"90038 for China", "login.microsoftonline.com", "AADSTS90038: Tenant 'x.partner.onmschina.cn' request is being redirected to the National Cloud 'partner.microsoftonline.cn'.",
			"choose the china cloud"},
		{"90038 for closed Germany", "login.microsoftonline.com", "AADSTS90038: Tenant 'proventa.de' specified belongs to the National Cloud 'MicrosoftOnline.DE'.",
			fixText(90038)},
		{"500011 US Government resource asked of public", "login.microsoftonline.com", "AADSTS500011: The resource principal named https://management.usgovcloudapi.net was not found in the tenant named Contoso. This can happen if the application has not been installed.",
			"The resource https://management.usgovcloudapi.net belongs to Azure US Government: choose the usgov cloud in the profile, or use this cloud's resource."},
		{"500011 public resource asked of China", "login.partner.microsoftonline.cn", "AADSTS500011: The resource principal named https://management.azure.com was not found in the tenant named x.",
			"choose the public cloud"},
		{"500011 own cloud's resource", "login.microsoftonline.com", "AADSTS500011: The resource principal named https://management.azure.com/ was not found in the tenant named x.",
			fixText(500011)},
		{"500011 app's own resource", "login.microsoftonline.com", "AADSTS500011: The resource principal named api://my-api was not found in the tenant named x.",
			fixText(500011)},
		{"700027 registered key expired", "login.microsoftonline.com", "AADSTS700027: Client assertion contains an invalid signature. [Reason - The key used is expired., Thumbprint of key used by client: 'AB']",
			"has expired"},
		{"70001 in its older words", "login.microsoftonline.com", "AADSTS70001: Application with identifier '11111111-2222-3333-4444-555555555555' was not found in the directory 'contoso.onmicrosoft.com'.",
			fixText(700016)},
		{"700023 audience", "login.microsoftonline.com", "AADSTS700023: Client assertion audience claim does not match Realm issuer.",
			"audience"},
		{"legacy 70002/50012 audience", "login.microsoftonline.com", "AADSTS70002: Error validating credentials. AADSTS50012: Client assertion audience claim does not match Realm issuer.",
			"audience"},
		{"legacy 70002/50012 time range", "login.microsoftonline.com", "AADSTS70002: Error validating credentials. AADSTS50012: Client assertion is not within its valid time range.",
			"clock"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &EntraError{Status: 400, Code: "invalid_request", Description: tt.description, Host: tt.host}
			fix := e.Fix()
			if !strings.Contains(fix, strings.TrimSuffix(tt.fix, ".")) {
				t.Errorf("fix %q lacks %q", fix, tt.fix)
			}
			if strings.Count(strings.TrimSuffix(fix, "."), ". ") > 0 {
				t.Errorf("fix %q is not one sentence", fix)
			}
		})
	}
}
