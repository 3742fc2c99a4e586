package profiles

import (
	"errors"

	"github.com/aztoken/aztoken/tokens"
)

// Validate checks every field and the rules between them, and returns the
// profile with each field cleaned (trimmed, braces dropped, GUIDs and
// domains in lower case, defaults filled in). The error, when not nil, is a
// *ValidationError listing every problem, and the profile is returned
// unchanged. The ID is kept as it is.
func (p Profile) Validate() (Profile, error) {
	orig := p
	p.picked = "" // a pick is for one request, never saved
	var v validator
	p.Name = v.check(CheckName(p.Name))
	p.Tenant = v.check(CheckTenant(p.Tenant))
	p.ClientID = v.check(CheckClientID(p.ClientID))
	kind, err := CheckCredential(p.Credential)
	p.Credential = CredentialKind(v.check(string(kind), err))
	p.CertificateFile = v.check(CheckCertificatePath(p.CertificateFile))
	if p.Credential == SecretCredential {
		// A path left over from a certificate the profile no longer uses.
		p.CertificateFile = ""
	}
	p.Cloud = v.check(CheckCloud(p.Cloud))
	p.AuthorityHost = v.check(CheckEndpoint(FieldAuthorityHost, p.AuthorityHost))
	p.ARMEndpoint = v.check(CheckEndpoint(FieldARMEndpoint, p.ARMEndpoint))
	p.Resource = v.check(CheckResource(p.Resource))
	p.Scope = v.check(CheckScope(p.Scope))
	p.Subscription = v.check(CheckSubscription(p.Subscription))
	p.Notes = v.check(CheckNotes(p.Notes))
	v.crossField(p)
	p.Targets = v.checkTargets(p)
	if len(v.problems) > 0 {
		return orig, &ValidationError{Problems: v.problems}
	}
	return p, nil
}

// validator collects problems so that the user sees all of them at once.
type validator struct {
	problems []*FieldError
}

// check records err, if any, and passes the cleaned value through.
func (v *validator) check(value string, err error) string {
	var fe *FieldError
	if errors.As(err, &fe) {
		v.add(fe)
	}
	return value
}

// add records a problem unless its field already has one: the first
// problem with a field is the one worth fixing first.
func (v *validator) add(fe *FieldError) {
	for _, p := range v.problems {
		if p.Field == fe.Field {
			return
		}
	}
	v.problems = append(v.problems, fe)
}

// crossField checks the rules that involve more than one field.
func (v *validator) crossField(p Profile) {
	if p.Credential == CertificateCredential && p.CertificateFile == "" {
		v.add(problem(FieldCertificateFile, "Choose the certificate file: a .pfx, .p12 or .pem with the private key"))
	}
	if p.Resource != "" && p.Scope != "" {
		v.add(problem(FieldScope, "Set a resource (v1) or a scope (v2), not both"))
	}
	if p.Cloud != tokens.CustomCloud {
		return
	}
	if p.AuthorityHost == "" {
		v.add(problem(FieldAuthorityHost, "A custom cloud needs its Entra ID authority host, such as https://login.example.com"))
	}
	if p.ARMEndpoint == "" {
		v.add(problem(FieldARMEndpoint, "A custom cloud needs its Resource Manager endpoint, such as https://management.example.com"))
	}
	if p.Resource == "" && p.Scope == "" {
		v.add(problem(FieldResource, "A custom cloud needs the resource its tokens are for, such as https://management.example.com/"))
	}
}
