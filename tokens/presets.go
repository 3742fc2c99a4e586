package tokens

// Preset is an API a profile can ask tokens for without typing its App ID
// URI: a name in words and the v1 resource of that API in one cloud.
type Preset struct {
	// Name is what menus and the command line call the API.
	Name string
	// Resource is the API's v1 resource (App ID URI) in the cloud.
	Resource string
}

// Target is the preset as a token request's target.
func (p Preset) Target() Target { return ResourceTarget(p.Resource) }

// The preset names, shared by every cloud that has the API.
const (
	PresetResourceManager = "Resource Manager"
	PresetGraph           = "Microsoft Graph"
	PresetKeyVault        = "Key Vault"
	PresetStorage         = "Storage"
	PresetSQL             = "Azure SQL"
	PresetLogAnalytics    = "Log Analytics"
)

// Where the resources come from: the Azure CLI's cloud table
// (azure-cli-core cloud.py: microsoft_graph_resource_id,
// log_analytics_resource_id, sql database DNS suffixes) and Microsoft's
// national-cloud pages for Graph, Key Vault and SQL. Graph in US
// Government is the L4 (GCC High) endpoint; DoD tenants use
// dod-graph.microsoft.us and type it. Storage takes
// https://storage.azure.com/ in every cloud: the Storage SDKs have one
// default audience and no per-cloud one, and the sovereign clouds accept it.
var presetResources = map[string][]Preset{
	AzurePublic.Name: {
		{PresetGraph, "https://graph.microsoft.com/"},
		{PresetKeyVault, "https://vault.azure.net"},
		{PresetStorage, "https://storage.azure.com/"},
		{PresetSQL, "https://database.windows.net/"},
		{PresetLogAnalytics, "https://api.loganalytics.io"},
	},
	AzureUSGovernment.Name: {
		{PresetGraph, "https://graph.microsoft.us/"},
		{PresetKeyVault, "https://vault.usgovcloudapi.net"},
		{PresetStorage, "https://storage.azure.com/"},
		{PresetSQL, "https://database.usgovcloudapi.net/"},
		{PresetLogAnalytics, "https://api.loganalytics.us"},
	},
	AzureChina.Name: {
		{PresetGraph, "https://microsoftgraph.chinacloudapi.cn/"},
		{PresetKeyVault, "https://vault.azure.cn"},
		{PresetStorage, "https://storage.azure.com/"},
		{PresetSQL, "https://database.chinacloudapi.cn/"},
		{PresetLogAnalytics, "https://api.loganalytics.azure.cn"},
	},
}

// Presets lists the APIs of cloud c that a target can be picked from,
// Resource Manager first. A custom cloud has Resource Manager only: its
// other services, if any, are the user's to type.
func Presets(c Cloud) []Preset {
	arm := Preset{PresetResourceManager, c.ARMResource}
	if c.ARMResource == "" {
		return presetResources[c.Name]
	}
	return append([]Preset{arm}, presetResources[c.Name]...)
}

// PresetFor finds the preset of cloud c whose API target t is for, by
// audience, so a scope such as https://graph.microsoft.com/.default is
// Microsoft Graph too.
func PresetFor(c Cloud, t Target) (Preset, bool) {
	for _, p := range Presets(c) {
		if sameAudience(p.Resource, t.Audience()) {
			return p, true
		}
	}
	return Preset{}, false
}
