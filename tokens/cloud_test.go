package tokens

import "testing"

func TestEveryCloudHasBothEndpoints(t *testing.T) {
	t.Parallel()
	const tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47"
	custom := Cloud{Name: CustomCloud, AuthorityHost: "https://login.stack.contoso.local/adfs", ARMEndpoint: "https://management.stack.contoso.local", ARMResource: "https://management.adfs.stack.contoso.local/abc"}
	tests := []struct {
		cloud  Cloud
		v1, v2 string
	}{
		{AzurePublic, "https://login.microsoftonline.com/" + tenant + "/oauth2/token", "https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/token"},
		{AzureUSGovernment, "https://login.microsoftonline.us/" + tenant + "/oauth2/token", "https://login.microsoftonline.us/" + tenant + "/oauth2/v2.0/token"},
		{AzureChina, "https://login.partner.microsoftonline.cn/" + tenant + "/oauth2/token", "https://login.partner.microsoftonline.cn/" + tenant + "/oauth2/v2.0/token"},
		{custom, "https://login.stack.contoso.local/adfs/" + tenant + "/oauth2/token", "https://login.stack.contoso.local/adfs/" + tenant + "/oauth2/v2.0/token"},
	}
	for _, tt := range tests {
		t.Run(tt.cloud.Name, func(t *testing.T) {
			r := Request{AuthorityHost: tt.cloud.AuthorityHost, Tenant: tenant, Target: ResourceTarget(tt.cloud.ARMResource)}
			if got, err := r.TokenURL(); err != nil || got != tt.v1 {
				t.Errorf("v1 token URL %q, %v; want %q", got, err, tt.v1)
			}
			r.Target = ScopeTarget(tt.cloud.ARMResource + "/.default")
			if got, err := r.TokenURL(); err != nil || got != tt.v2 {
				t.Errorf("v2 token URL %q, %v; want %q", got, err, tt.v2)
			}
			if r.Target.Audience() != tt.cloud.ARMResource {
				t.Errorf("the v2 scope's audience %q is not the ARM resource %q", r.Target.Audience(), tt.cloud.ARMResource)
			}
			if _, err := CheckEndpoint(tt.cloud.ARMEndpoint); err != nil {
				t.Errorf("ARM endpoint: %v", err)
			}
			if c, ok := CloudForHost(tt.cloud.AuthorityHost); tt.cloud.Name != CustomCloud && (!ok || c != tt.cloud) {
				t.Errorf("CloudForHost(%s) = %v, %v", tt.cloud.AuthorityHost, c.Name, ok)
			}
			if c, ok := CloudForResource(tt.cloud.ARMResource); tt.cloud.Name != CustomCloud && (!ok || c != tt.cloud) {
				t.Errorf("CloudForResource(%s) = %v, %v", tt.cloud.ARMResource, c.Name, ok)
			}
		})
	}
}

func TestCloudForHostKnowsTheAliases(t *testing.T) {
	t.Parallel()
	tests := []struct {
		host, want string
	}{
		{"login.windows.net", "public"},
		{"sts.windows.net", "public"},
		{"https://management.core.windows.net/", "public"},
		{"graph.microsoft.com", "public"},
		{"MicrosoftOnline.COM", "public"},
		{"login.microsoftonline.com:443", "public"},
		{"login.usgovcloudapi.net", "usgov"},
		{"microsoftonline.us", "usgov"},
		{"https://management.core.usgovcloudapi.net", "usgov"},
		{"graph.microsoft.us", "usgov"},
		{"login.chinacloudapi.cn", "china"},
		{"partner.microsoftonline.cn", "china"},
		{"management.chinacloudapi.cn.", "china"},
		{"login.microsoftonline.de", ""},
		{"127.0.0.1:8400", ""},
		{"notmicrosoftonline.com", ""},
		{"", ""},
	}
	for _, tt := range tests {
		c, ok := CloudForHost(tt.host)
		if c.Name != tt.want || ok != (tt.want != "") {
			t.Errorf("CloudForHost(%q) = %q, %v; want %q", tt.host, c.Name, ok, tt.want)
		}
	}
	for _, resource := range []string{"api://1671f074-56e2-4c37-873b-b7b07a120b18", "1671f074-56e2-4c37-873b-b7b07a120b18", "https://vault.example.com"} {
		if c, ok := CloudForResource(resource); ok {
			t.Errorf("CloudForResource(%q) = %s; want none", resource, c.Name)
		}
	}
}
