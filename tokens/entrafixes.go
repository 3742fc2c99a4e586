package tokens

// entraFixes maps AADSTS codes a client-credentials user meets to the one
// sentence that fixes them, in the portal's words. Sources and wording:
// ../shared/azure-wire-formats.md §1.5.
var entraFixes = map[int]string{
	7000215: "Copy the client secret's Value (shown once when it was created), not its Secret ID; if the Value is lost, create a new secret under Certificates & secrets.",
	7000222: "The client secret has expired: create a new one under App registrations › Certificates & secrets and update the profile.",
	7000216: "The request had no client secret: enter the secret's Value in the profile.",
	7000218: "The request had no client secret: enter the secret's Value in the profile.",
	700016:  "Check the client ID (App registrations › Overview › Application (client) ID) and that the app is registered in this tenant.",
	90002:   "Check the tenant ID (App registrations › Overview › Directory (tenant) ID) and that the profile uses the tenant's cloud.",
	900023:  "The tenant must be a directory GUID or a domain such as contoso.onmicrosoft.com, not a URL or a placeholder.",
	90038:   "This tenant lives in another national cloud: choose that cloud (US Government or China) in the profile.",
	500011:  "Check the resource: use the cloud's ARM resource such as https://management.azure.com/, and the cloud the tenant lives in.",
	50001:   "The v1 endpoint needs a resource such as https://management.azure.com/ in the profile.",
	500013:  "The v1 endpoint needs a resource such as https://management.azure.com/ in the profile.",
	901002:  "The v2 endpoint takes a scope, not a resource: use https://management.azure.com/.default as the scope.",
	70011:   "The scope is not valid: for client credentials use the resource followed by /.default, such as https://management.azure.com/.default.",
	1002012: "Client credentials need a scope ending in /.default, such as https://management.azure.com/.default, not a delegated permission.",
	90014:   "The v2 endpoint needs a scope such as https://management.azure.com/.default in the profile.",
	900144:  "A required field was missing: the request must be a form-encoded POST with grant_type, client_id and the credential.",
	7000112: "The app's service principal is disabled: an administrator must enable it (Enterprise applications › Properties › Enabled for users to sign in).",
	9001023: "Client credentials need a specific tenant: use the Directory (tenant) ID instead of common or organizations.",
	90124:   "Client credentials need a specific tenant: use the Directory (tenant) ID instead of common or organizations.",
	90130:   "Client credentials need a specific tenant: use the Directory (tenant) ID instead of common or organizations.",
	53003:   "A Conditional Access policy blocks this app (often by location): ask the tenant's administrator to review Conditional Access for workload identities.",
	90024:   "Entra ID is busy right now: try again in a minute.",
	50033:   "Entra ID had a temporary problem: try again in a minute.",
	90006:   "Entra ID had a temporary problem: try again in a minute.",
	700027:  "The certificate is not registered on this app: upload its .cer under App registrations › Certificates & secrets and compare the thumbprints.",
	700024:  "The client assertion's time range is wrong: check this computer's clock and time zone.",
	50027:   "The client assertion has no certificate thumbprint: it must carry x5t or x5t#S256.",
	50012:   "The credential was not accepted: check the secret's Value or the certificate registered on the app.",
	700021:  "The client assertion names another app: its issuer and subject must be the profile's client ID.",
	50196:   "Too many identical requests: reuse tokens until they are about to expire.",
}

// oauthFixes covers answers without a known AADSTS code.
var oauthFixes = map[string]string{
	"invalid_client":          "Check the client secret: copy its Value from Certificates & secrets, not its ID.",
	"unauthorized_client":     "Check the client ID and that the app is registered in this tenant.",
	"invalid_resource":        "Check the resource: use the cloud's ARM resource such as https://management.azure.com/.",
	"invalid_scope":           "Use a scope ending in /.default, such as https://management.azure.com/.default.",
	"invalid_request":         "Check the tenant, client ID and resource in the profile.",
	"temporarily_unavailable": "Entra ID is busy right now: try again in a minute.",
}
