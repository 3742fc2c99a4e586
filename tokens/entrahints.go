package tokens

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// Entra's messages name what a code alone does not: the cloud a tenant
// lives in, the resource asked for. The patterns cover every wording on
// record (shared/azure-wire-formats.md §1.5 and the issues it cites):
//
//	The specified tenant 'Y' belongs to the National Cloud 'X'. …
//	Tenant 'Y' specified belongs to the National Cloud 'MicrosoftOnline.DE'.
//	Tenant 'Y' request is being redirected to the National Cloud 'microsoftonline.us'.
//	The resource principal named R was not found in the tenant named T. …
//
// They are compiled on first use: every aztoken command initialises this
// package, and only an error needs them.
var (
	nationalCloudPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)National Cloud '([^']+)'`) })
	resourcePattern      = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`resource principal named (\S+) was not found`) })
)

// hint is a fix that depends on Entra's message as well as its code; ok
// is false when the code's usual fix applies. Assertion failures are
// recognised by their words, since older answers carry them under
// AADSTS70002/50012 ("Error validating credentials. AADSTS50012: Client
// assertion …"), whose usual fix speaks of secrets and certificates alike.
func (e *EntraError) hint() (entraFix, bool) {
	msg := e.Message()
	switch e.AADSTS() {
	case 7000215:
		if e.Sent != SentUnknown {
			return wrongSecretHint(e.Sent == SentSecretID), true
		}
	case 90038:
		return nationalCloudHint(msg)
	case 500011:
		return foreignResourceHint(msg, e.Host)
	}
	switch {
	case strings.Contains(msg, "The key used is expired"):
		return entraFix{fix: "The certificate registered on the app has expired: create a new one and upload its .cer under App registrations › Certificates & secrets.", fields: []Field{FieldCertificate}}, true
	case strings.Contains(msg, "not within its valid time range"):
		return entraFixFor(700024)
	case strings.Contains(msg, "assertion audience"):
		return entraFix{fix: "Entra did not accept the client assertion's audience: check the authority host and tenant, which make up the token endpoint.", fields: []Field{FieldCloud, FieldTenant}}, true
	case strings.Contains(msg, "Client assertion contains an invalid signature"):
		return entraFixFor(700027)
	case strings.Contains(msg, "was not found in the directory"):
		// 700016's words, also under the older 70001.
		return entraFixFor(700016)
	}
	return entraFix{}, false
}

// wrongSecretHint tells the two ways a secret is refused apart: a Secret
// ID pasted for the Value (aztoken sent a GUID), or a Value that is
// mistyped or belongs to a secret since deleted or replaced.
func wrongSecretHint(sentID bool) entraFix {
	if sentID {
		return entraFix{fix: "The secret in the profile is a Secret ID, a GUID: copy the secret's Value instead (shown once, when the secret was created); if the Value is lost, create a new secret under App registrations › Certificates & secrets.", fields: []Field{FieldSecret}}
	}
	return entraFix{fix: "Entra did not accept the secret's Value: it is mistyped or cut short, or belongs to a secret since deleted or replaced; copy the current secret's Value, or create a new secret under App registrations › Certificates & secrets.", fields: []Field{FieldSecret}}
}

// nationalCloudHint names the aztoken cloud a 90038 tenant belongs to.
func nationalCloudHint(msg string) (entraFix, bool) {
	m := nationalCloudPattern().FindStringSubmatch(msg)
	if m == nil {
		return entraFix{}, false
	}
	c, ok := CloudForHost(m[1])
	if !ok {
		return entraFix{}, false
	}
	return entraFix{fix: fmt.Sprintf("This tenant belongs to %s: choose the %s cloud in the profile.", c.Title, c.Name), fields: []Field{FieldCloud}}, true
}

// foreignResourceHint names the cloud of a 500011 resource when it is not
// the cloud that was asked, such as management.usgovcloudapi.net asked of
// login.microsoftonline.com.
func foreignResourceHint(msg, askedHost string) (entraFix, bool) {
	m := resourcePattern().FindStringSubmatch(msg)
	if m == nil {
		return entraFix{}, false
	}
	resource := strings.TrimRight(m[1], ".,")
	rc, ok := CloudForResource(resource)
	if !ok {
		return entraFix{}, false
	}
	if asked, ok := CloudForHost(askedHost); ok && asked.Name == rc.Name {
		return entraFix{}, false
	}
	return entraFix{
		fix:    fmt.Sprintf("The resource %s belongs to %s: choose the %s cloud in the profile, or use this cloud's resource.", resource, rc.Title, rc.Name),
		fields: []Field{FieldCloud, FieldTarget},
	}, true
}
