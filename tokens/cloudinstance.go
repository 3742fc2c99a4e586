package tokens

// WrongCloud reports whether a tenant whose discovery document names
// instance ("microsoftonline.us") lives in another cloud than
// authorityHost: a public-cloud login host still answers for a US
// Government tenant, but names that tenant's own cloud. Hosts of no
// built-in cloud (Azure Stack Hub, an emulator) cannot be judged and never
// are. tenantCloud is the instance's cloud, for the user's words.
func WrongCloud(authorityHost, instance string) (tenantCloud Cloud, wrong bool) {
	asked, ok := CloudForHost(authorityHost)
	if !ok || instance == "" {
		return Cloud{}, false
	}
	tenantCloud, ok = CloudForHost(instance)
	return tenantCloud, ok && tenantCloud.Name != asked.Name
}
