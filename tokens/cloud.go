package tokens

import (
	"net"
	"net/url"
	"strings"
)

// Cloud names where one Azure cloud's Entra ID authority and Resource
// Manager live. A profile picks a built-in cloud or describes a custom one
// (Azure Stack Hub, an emulator).
type Cloud struct {
	// Name is the short name users type: public, usgov, china or custom.
	Name string
	// Title is the cloud's name in Microsoft's words, for menus and hints;
	// empty for a custom cloud.
	Title string
	// AuthorityHost is the Entra ID login host, scheme included.
	AuthorityHost string
	// ARMEndpoint is the Resource Manager base URL.
	ARMEndpoint string
	// ARMResource is the v1 resource (App ID URI) whose tokens ARM accepts.
	ARMResource string
}

// The built-in clouds. Azure Germany closed in 2021 and is not listed.
//
// China uses login.partner.microsoftonline.cn, the host Microsoft's
// national-cloud documentation names and MSAL's instance metadata prefers;
// login.chinacloudapi.cn (what az and the Go SDK still send) is the same
// service, kept "for backward compatibility", and CloudForHost knows it.
var (
	AzurePublic = Cloud{
		Name:          "public",
		Title:         "Azure",
		AuthorityHost: "https://login.microsoftonline.com",
		ARMEndpoint:   "https://management.azure.com",
		ARMResource:   "https://management.azure.com/",
	}
	AzureUSGovernment = Cloud{
		Name:          "usgov",
		Title:         "Azure US Government",
		AuthorityHost: "https://login.microsoftonline.us",
		ARMEndpoint:   "https://management.usgovcloudapi.net",
		ARMResource:   "https://management.usgovcloudapi.net/",
	}
	AzureChina = Cloud{
		Name:          "china",
		Title:         "Azure China (21Vianet)",
		AuthorityHost: "https://login.partner.microsoftonline.cn",
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

// cloudDomains are the DNS suffixes that belong to each built-in cloud:
// its login hosts and their aliases (MSAL's known metadata), its Resource
// Manager and service hosts, and the instance names Entra puts in
// AADSTS90038 ("microsoftonline.us").
var cloudDomains = []struct {
	suffix string
	cloud  Cloud
}{
	{"microsoftonline.com", AzurePublic},
	{"windows.net", AzurePublic},
	{"microsoft.com", AzurePublic},
	{"azure.com", AzurePublic},
	{"microsoftonline.us", AzureUSGovernment},
	{"usgovcloudapi.net", AzureUSGovernment},
	{"microsoft.us", AzureUSGovernment},
	{"azure.us", AzureUSGovernment},
	{"microsoftonline.cn", AzureChina},
	{"chinacloudapi.cn", AzureChina},
	{"azure.cn", AzureChina},
}

// CloudForHost returns the built-in cloud a host name belongs to, such as
// Azure US Government for management.usgovcloudapi.net or
// login.microsoftonline.us. A URL or host:port is accepted too. Hosts of no built-in
// cloud (Azure Stack Hub, an emulator) report false.
func CloudForHost(host string) (Cloud, bool) {
	if u, err := url.Parse(host); err == nil && u.Host != "" {
		host = u.Hostname()
	} else if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(host)), ".")
	for _, d := range cloudDomains {
		if host == d.suffix || strings.HasSuffix(host, "."+d.suffix) {
			return d.cloud, true
		}
	}
	return Cloud{}, false
}

// CloudForResource returns the built-in cloud whose service a v1 resource
// or v2 scope names, such as Azure China for
// https://management.chinacloudapi.cn/.default. App IDs and api:// URIs
// belong to no cloud in particular and report false.
func CloudForResource(resource string) (Cloud, bool) {
	u, err := url.Parse(strings.TrimSpace(resource))
	if err != nil || u.Host == "" {
		return Cloud{}, false
	}
	return CloudForHost(u.Hostname())
}
