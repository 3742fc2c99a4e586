package tokens

import (
	"fmt"
	"regexp"
	"strings"
)

// Entra's messages name what a code alone does not: the cloud a tenant
// lives in, the resource asked for. The patterns cover every wording on
// record (shared/azure-wire-formats.md §1.5 and the issues it cites):
//
//	The specified tenant 'Y' belongs to the National Cloud 'X'. …
//	Tenant 'Y' specified belongs to the National Cloud 'MicrosoftOnline.DE'.
//	Tenant 'Y' request is being redirected to the National Cloud 'microsoftonline.us'.
//	The resource principal named R was not found in the tenant named T. …
var (
	nationalCloudPattern = regexp.MustCompile(`(?i)National Cloud '([^']+)'`)
	resourcePattern      = regexp.MustCompile(`resource principal named (\S+) was not found`)
)

// hint is a fix that depends on Entra's message as well as its code; ""
// when the code's usual fix applies. Assertion failures are recognised by
// their words, since older answers carry them under AADSTS70002/50012
// ("Error validating credentials. AADSTS50012: Client assertion …"),
// whose usual fix speaks of secrets.
func (e *EntraError) hint() string {
	msg := e.Message()
	switch e.AADSTS() {
	case 90038:
		return nationalCloudHint(msg)
	case 500011:
		return foreignResourceHint(msg, e.Host)
	}
	switch {
	case strings.Contains(msg, "The key used is expired"):
		return "The certificate registered on the app has expired: create a new one and upload its .cer under App registrations › Certificates & secrets."
	case strings.Contains(msg, "not within its valid time range"):
		return entraFixes[700024]
	case strings.Contains(msg, "assertion audience"):
		return "Entra did not accept the client assertion's audience: check the profile's authority host and tenant, which make up the token endpoint."
	case strings.Contains(msg, "Client assertion contains an invalid signature"):
		return entraFixes[700027]
	}
	return ""
}

// nationalCloudHint names the aztoken cloud a 90038 tenant belongs to.
func nationalCloudHint(msg string) string {
	m := nationalCloudPattern.FindStringSubmatch(msg)
	if m == nil {
		return ""
	}
	c, ok := CloudForHost(m[1])
	if !ok {
		return ""
	}
	return fmt.Sprintf("This tenant belongs to %s: choose the %s cloud in the profile.", c.Title, c.Name)
}

// foreignResourceHint names the cloud of a 500011 resource when it is not
// the cloud that was asked, such as management.usgovcloudapi.net asked of
// login.microsoftonline.com.
func foreignResourceHint(msg, askedHost string) string {
	m := resourcePattern.FindStringSubmatch(msg)
	if m == nil {
		return ""
	}
	resource := strings.TrimRight(m[1], ".,")
	rc, ok := CloudForResource(resource)
	if !ok {
		return ""
	}
	if asked, ok := CloudForHost(askedHost); ok && asked.Name == rc.Name {
		return ""
	}
	return fmt.Sprintf("The resource %s belongs to %s: choose the %s cloud in the profile, or use this cloud's resource.", resource, rc.Title, rc.Name)
}
