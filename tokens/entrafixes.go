package tokens

// entraFix is what aztoken says about one AADSTS code: a short name of
// the cause (the README's table), the one sentence that fixes it, in the
// portal's words, and the profile fields to look at (none when nothing in
// the profile is wrong).
type entraFix struct {
	code   int
	cause  string
	fix    string
	fields []Field
}

// text is the fix as a user reads it, naming the fields.
func (f entraFix) text() string { return WithFields(f.fix, f.fields) }

// Shared wording of codes that mean the same thing.
const (
	fixNoCredential   = "The request had no client secret or certificate: enter the secret's Value (or choose a certificate) in the profile."
	fixSpecificTenant = "Client credentials need a specific tenant: use the Directory (tenant) ID or a domain such as contoso.onmicrosoft.com instead of common, organizations or consumers."
	fixNoResource     = "The v1 endpoint needs a resource such as https://management.azure.com/ in the profile."
	fixTransient      = "Entra ID had a temporary problem, nothing in the profile is wrong: try again in a minute."
	fixCredential     = "Entra did not accept the credential: check the secret's Value, or that the certificate is the one registered under App registrations › Certificates & secrets."
	fixDisabledApp    = "The app's service principal is disabled: an administrator must enable it (Enterprise applications › the app › Properties › Enabled for users to sign in: Yes)."
)

// entraTable covers the AADSTS codes a client-credentials request, with a
// secret or a certificate, can get: Microsoft's published list
// (reference-error-codes.md) and the answers people report, per
// ../shared/azure-wire-formats.md §1.5. Codes of user sign-ins and of
// federated credentials are left out: aztoken never makes those requests.
var entraTable = []entraFix{
	// The secret or certificate.
	{7000215, "invalid client secret", "Copy the client secret's Value (shown once when it was created), not its Secret ID; if the Value is lost, create a new secret under App registrations › Certificates & secrets.", []Field{FieldSecret}},
	{7000222, "client secret expired", "The client secret has expired: create a new one under App registrations › Certificates & secrets and put its Value in the profile.", []Field{FieldSecret}},
	{7000216, "no credential sent", fixNoCredential, []Field{FieldSecret}},
	{7000218, "no credential sent", fixNoCredential, []Field{FieldSecret}},
	{70002, "credential not accepted", fixCredential, []Field{FieldSecret, FieldCertificate}},
	{50012, "credential not accepted", fixCredential, []Field{FieldSecret, FieldCertificate}},
	{700027, "certificate not registered", "The certificate is not registered on this app: upload its .cer under App registrations › Certificates & secrets and compare the thumbprints.", []Field{FieldCertificate}},
	{700024, "assertion outside its time range", "The client assertion's time range is wrong: check this computer's clock and time zone, which sign the assertion's times.", []Field{FieldCertificate}},
	{50027, "assertion without thumbprint", "The client assertion has no certificate thumbprint: it must carry x5t or x5t#S256 of the registered certificate.", []Field{FieldCertificate}},
	{700021, "assertion names another app", "The client assertion names another app: its issuer and subject must be the profile's client ID.", []Field{FieldClientID, FieldCertificate}},
	// The app registration and its service principal.
	{700016, "application not found in the directory", "Check the client ID (App registrations › Overview › Application (client) ID) and that the tenant is the one the app lives in; a multi-tenant app needs an administrator's consent in this tenant first.", []Field{FieldClientID, FieldTenant}},
	{7000229, "app has no service principal in this tenant", "The app has no service principal (enterprise application) in this tenant: an administrator must consent to the app here or create one (az ad sp create --id <client ID>); or use the tenant the app is registered in.", []Field{FieldTenant, FieldClientID}},
	{7000112, "application disabled", fixDisabledApp, []Field{FieldClientID}},
	// 70001 meant "not found in the directory" in older answers and
	// "disabled" in today's list.
	{70001, "application disabled or not found", "Entra refused the app: check the client ID and that the app's service principal exists in this tenant and is enabled (Enterprise applications › the app › Properties).", []Field{FieldClientID, FieldTenant}},
	{700025, "public client sent a credential", "Entra treats this app as a public client, which may not send a secret or certificate: under App registrations › Authentication set Allow public client flows to No, or use a confidential app registration.", []Field{FieldClientID}},
	// The tenant and the cloud.
	{90002, "tenant not found", "Check the tenant ID (App registrations › Overview › Directory (tenant) ID) and that the profile uses the tenant's cloud.", []Field{FieldTenant, FieldCloud}},
	{900023, "tenant identifier malformed", "The tenant must be a directory GUID or a domain such as contoso.onmicrosoft.com, not a URL or a placeholder.", []Field{FieldTenant}},
	{50128, "tenant domain not valid", "Check the tenant: a directory GUID or a verified domain such as contoso.onmicrosoft.com.", []Field{FieldTenant}},
	{50059, "no tenant in the request", "The request named no tenant: put the Directory (tenant) ID in the profile.", []Field{FieldTenant}},
	{90019, "tenant not determined", "Entra could not tell the tenant from the request: put the Directory (tenant) ID in the profile.", []Field{FieldTenant}},
	{9001023, "common or consumers endpoint", fixSpecificTenant, []Field{FieldTenant}},
	{90124, "common or consumers endpoint", fixSpecificTenant, []Field{FieldTenant}},
	{90130, "common or consumers endpoint", fixSpecificTenant, []Field{FieldTenant}},
	{90038, "tenant in another national cloud", "This tenant lives in another national cloud: choose that cloud (US Government or China) in the profile.", []Field{FieldCloud}},
	{50049, "unknown authority host", "The authority host is not an Entra ID instance: choose a built-in cloud, or give a custom cloud its real login host.", []Field{FieldCloud}},
	{500021, "tenant restrictions deny this tenant", "Your network's tenant restrictions (set by a proxy) do not allow this tenant, nothing in the profile is wrong: ask the network's administrator to allow it, or use another network.", nil},
	// The resource or scope.
	{500011, "resource principal not found", "Check the resource: use the cloud's ARM resource such as https://management.azure.com/, and the cloud the tenant lives in.", []Field{FieldTarget, FieldCloud}},
	{500014, "resource's service principal disabled", "The service principal of the resource asked for is disabled in this tenant: an administrator must enable it, or ask for another resource.", []Field{FieldTarget}},
	{50001, "resource not provided", fixNoResource, []Field{FieldTarget}},
	{500013, "resource not provided", fixNoResource, []Field{FieldTarget}},
	{901002, "resource sent to the v2 endpoint", "The v2 endpoint takes a scope, not a resource: use https://management.azure.com/.default as the scope.", []Field{FieldTarget}},
	{90014, "scope missing", "The v2 endpoint needs a scope such as https://management.azure.com/.default in the profile.", []Field{FieldTarget}},
	{70011, "scope not valid", "The scope is not valid: for client credentials use the resource followed by /.default, such as https://management.azure.com/.default.", []Field{FieldTarget}},
	{1002012, "scope without /.default", "Client credentials need a scope ending in /.default, such as https://management.azure.com/.default, not a delegated permission.", []Field{FieldTarget}},
	{700022, "scopes of several resources", "Ask for one resource per token: a single scope such as https://management.azure.com/.default.", []Field{FieldTarget}},
	{700023, "scope without a resource", "The scope names no resource: use the resource followed by /.default, such as https://management.azure.com/.default.", []Field{FieldTarget}},
	{50146, "resource needs a custom signing key", "The resource app maps claims and needs an app-specific signing key: its owner must configure one, or ask for another resource.", []Field{FieldTarget}},
	// Requests aztoken never makes, but hand-made ones (curl, Postman) do.
	{900144, "required parameter missing", "A required field was missing: the request must be a form-encoded POST with grant_type, client_id and the credential.", nil},
	{900561, "token endpoint asked with GET", "The token endpoint takes only a POST with a form-encoded body.", nil},
	// The tenant's policies.
	{53003, "blocked by Conditional Access", "A Conditional Access policy for workload identities blocks this app (often by location), nothing in the profile can fix it: ask the tenant's administrator to review it.", nil},
	{50196, "loop detected", "Too many identical requests, nothing in the profile is wrong: reuse tokens until they are about to expire.", nil},
	// Entra's own trouble: retried, and reported only when it lasts.
	{90024, "request budget exceeded", "Entra ID is busy, nothing in the profile is wrong: try again in a minute.", nil},
	{90055, "tenant throttled", "Entra ID is throttling this tenant, nothing in the profile is wrong: try again in a minute.", nil},
	{50033, "temporary error", fixTransient, nil},
	{90006, "temporary error", fixTransient, nil},
	{90033, "directory service unavailable", fixTransient, nil},
	{50000, "sign-in service problem", fixTransient, nil},
}

// transientCodes are the AADSTS codes of Entra's own trouble.
var transientCodes = map[int]bool{90024: true, 90055: true, 50033: true, 90006: true, 90033: true, 50000: true}

// entraFixFor finds a code's entry.
func entraFixFor(code int) (entraFix, bool) {
	for _, f := range entraTable {
		if f.code == code {
			return f, true
		}
	}
	return entraFix{}, false
}
