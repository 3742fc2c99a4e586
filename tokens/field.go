package tokens

import (
	"errors"
	"strings"
)

// Field is the part of a profile a fix asks the user to look at, named as
// the window's editor and the CLI's flags name it.
type Field string

// The fields a fix can point at.
const (
	FieldTenant       Field = "Tenant"
	FieldClientID     Field = "Client ID"
	FieldSecret       Field = "Client secret"
	FieldCertificate  Field = "Certificate"
	FieldCloud        Field = "Cloud"
	FieldTarget       Field = "Resource/Scope"
	FieldSubscription Field = "Subscription"
)

// WithFields ends a fix by naming the profile fields to look at, in the
// same sentence; a fix about nothing in the profile (an outage, a
// tenant's policy) has none and says so itself.
func WithFields(fix string, fields []Field) string {
	if len(fields) == 0 {
		return fix
	}
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = string(f)
	}
	return strings.TrimSuffix(fix, ".") + "; look at the profile's " + strings.Join(names, " and ") + "."
}

// FieldsToCheck are the profile fields err's fix points at, for a form to
// mark; nil when err is no Entra answer or its fix names none.
func FieldsToCheck(err error) []Field {
	var e *EntraError
	if !errors.As(err, &e) {
		return nil
	}
	if fix, ok := e.hint(); ok {
		return fix.fields
	}
	fix, _ := entraFixFor(e.AADSTS())
	return fix.fields
}
