package tokens

import (
	"strings"
	"testing"
)

func TestEachCloudOffersItsOwnAPIsByName(t *testing.T) {
	t.Parallel()
	custom := Cloud{Name: CustomCloud, ARMResource: "https://management.stack.contoso.local/"}
	tests := []struct {
		cloud Cloud
		want  map[string]string
	}{
		{AzurePublic, map[string]string{
			PresetResourceManager: "https://management.azure.com/",
			PresetGraph:           "https://graph.microsoft.com/",
			PresetKeyVault:        "https://vault.azure.net",
			PresetStorage:         "https://storage.azure.com/",
			PresetSQL:             "https://database.windows.net/",
			PresetLogAnalytics:    "https://api.loganalytics.io",
		}},
		{AzureUSGovernment, map[string]string{
			PresetResourceManager: "https://management.usgovcloudapi.net/",
			PresetGraph:           "https://graph.microsoft.us/",
			PresetKeyVault:        "https://vault.usgovcloudapi.net",
			PresetStorage:         "https://storage.azure.com/",
			PresetSQL:             "https://database.usgovcloudapi.net/",
			PresetLogAnalytics:    "https://api.loganalytics.us",
		}},
		{AzureChina, map[string]string{
			PresetResourceManager: "https://management.chinacloudapi.cn/",
			PresetGraph:           "https://microsoftgraph.chinacloudapi.cn/",
			PresetKeyVault:        "https://vault.azure.cn",
			PresetStorage:         "https://storage.azure.com/",
			PresetSQL:             "https://database.chinacloudapi.cn/",
			PresetLogAnalytics:    "https://api.loganalytics.azure.cn",
		}},
		{custom, map[string]string{PresetResourceManager: "https://management.stack.contoso.local/"}},
	}
	for _, tt := range tests {
		t.Run(tt.cloud.Name, func(t *testing.T) {
			got := Presets(tt.cloud)
			if len(got) != len(tt.want) {
				t.Errorf("%d presets, want %d: %v", len(got), len(tt.want), got)
			}
			if len(got) == 0 || got[0].Name != PresetResourceManager {
				t.Errorf("Resource Manager is not offered first: %v", got)
			}
			for _, p := range got {
				if p.Resource != tt.want[p.Name] {
					t.Errorf("%s is %q, want %q", p.Name, p.Resource, tt.want[p.Name])
				}
				if !strings.HasPrefix(p.Resource, "https://") || p.Target().IsScope() {
					t.Errorf("%s is not a v1 https resource: %v", p.Name, p.Target())
				}
			}
		})
	}
}

func TestAScopeIsKnownByItsAPIsPresetName(t *testing.T) {
	t.Parallel()
	tests := []struct {
		cloud  Cloud
		target Target
		want   string
	}{
		{AzurePublic, ScopeTarget("https://graph.microsoft.com/.default"), PresetGraph},
		{AzurePublic, ResourceTarget("https://management.core.windows.net/"), PresetResourceManager},
		{AzureChina, ResourceTarget("https://VAULT.azure.cn/"), PresetKeyVault},
		{AzureUSGovernment, ResourceTarget("https://graph.microsoft.com/"), ""},
		{AzurePublic, ScopeTarget("api://my-api/.default"), ""},
	}
	for _, tt := range tests {
		p, ok := PresetFor(tt.cloud, tt.target)
		if p.Name != tt.want || ok != (tt.want != "") {
			t.Errorf("PresetFor(%s, %v) = %q, %v; want %q", tt.cloud.Name, tt.target, p.Name, ok, tt.want)
		}
	}
}
