package tokens

// Cloud names where one Azure cloud's Entra ID authority and Resource
// Manager live. A profile picks a built-in cloud or describes a custom one
// (Azure Stack Hub, an emulator).
type Cloud struct {
	// Name is the short name users type: public, usgov, china or custom.
	Name string
	// AuthorityHost is the Entra ID login host, scheme included.
	AuthorityHost string
	// ARMEndpoint is the Resource Manager base URL.
	ARMEndpoint string
	// ARMResource is the v1 resource (App ID URI) whose tokens ARM accepts.
	ARMResource string
}

// The built-in clouds. Azure Germany closed in 2021 and is not listed.
var (
	AzurePublic = Cloud{
		Name:          "public",
		AuthorityHost: "https://login.microsoftonline.com",
		ARMEndpoint:   "https://management.azure.com",
		ARMResource:   "https://management.azure.com/",
	}
	AzureUSGovernment = Cloud{
		Name:          "usgov",
		AuthorityHost: "https://login.microsoftonline.us",
		ARMEndpoint:   "https://management.usgovcloudapi.net",
		ARMResource:   "https://management.usgovcloudapi.net/",
	}
	AzureChina = Cloud{
		Name:          "china",
		AuthorityHost: "https://login.chinacloudapi.cn",
		ARMEndpoint:   "https://management.chinacloudapi.cn",
		ARMResource:   "https://management.chinacloudapi.cn/",
	}
)

// CustomCloud is the name of a cloud whose endpoints the user supplies.
const CustomCloud = "custom"

// BuiltinClouds lists the clouds aztoken knows, in the order menus show them.
func BuiltinClouds() []Cloud {
	return []Cloud{AzurePublic, AzureUSGovernment, AzureChina}
}

// CloudByName returns the built-in cloud with the given short name.
func CloudByName(name string) (Cloud, bool) {
	for _, c := range BuiltinClouds() {
		if c.Name == name {
			return c, true
		}
	}
	return Cloud{}, false
}
