package profiles

import "strings"

// Field names a profile field, so that a problem can be shown next to the
// entry it is about.
type Field string

// The fields of a profile, plus the secret that is kept beside it.
const (
	FieldName          Field = "name"
	FieldTenant        Field = "tenant"
	FieldClientID      Field = "clientId"
	FieldCredential    Field = "credential"
	FieldCloud         Field = "cloud"
	FieldAuthorityHost Field = "authorityHost"
	FieldARMEndpoint   Field = "armEndpoint"
	FieldResource      Field = "resource"
	FieldScope         Field = "scope"
	FieldSubscription  Field = "subscription"
	FieldSecretExpires Field = "secretExpires"
	FieldNotes         Field = "notes"
	FieldSecret        Field = "secret"
	// FieldCertificateFile is the path of a certificate profile's file.
	FieldCertificateFile Field = "certificateFile"
	// FieldCertificatePassword is a PFX file's password, kept beside the
	// profile like a secret.
	FieldCertificatePassword Field = "certificatePassword"
)

// labels are the words a user sees for each field, as the editor shows them.
var labels = map[Field]string{
	FieldName:                "Name",
	FieldTenant:              "Tenant",
	FieldClientID:            "Client ID",
	FieldCredential:          "Credential",
	FieldCloud:               "Cloud",
	FieldAuthorityHost:       "Authority host",
	FieldARMEndpoint:         "Resource Manager endpoint",
	FieldResource:            "Resource",
	FieldScope:               "Scope",
	FieldSubscription:        "Subscription ID",
	FieldSecretExpires:       "Secret expires",
	FieldNotes:               "Notes",
	FieldSecret:              "Client secret",
	FieldCertificateFile:     "Certificate file",
	FieldCertificatePassword: "Certificate password",
}

// Label is the field's name as the editor shows it.
func (f Field) Label() string {
	if l, ok := labels[f]; ok {
		return l
	}
	if l, ok := targetFieldLabel(f); ok {
		return l
	}
	return string(f)
}

// FieldError is a problem with one field, worded to be shown next to it.
// Messages never quote a secret.
type FieldError struct {
	Field Field
	// Message says what is wrong and how to fix it, in a short sentence.
	Message string
	// Suggestion, when set, is a value the UI can offer to use instead,
	// such as the tenant ID found inside a pasted URL.
	Suggestion string
	// Err is the cause when another package found the problem, such as a
	// *tokens.CertificateError, so that errors.Is and tokens.Fix reach it.
	Err error
}

// Error is the label and the message, for places that show one line.
func (e *FieldError) Error() string { return e.Field.Label() + ": " + e.Message }

// Unwrap returns the cause, if any.
func (e *FieldError) Unwrap() error { return e.Err }

// problem builds a FieldError; a helper keeps the checkers short.
func problem(f Field, message string) *FieldError {
	return &FieldError{Field: f, Message: message}
}

// ValidationError holds every problem found in a profile, in the order the
// editor shows the fields, so that all of them can be marked at once.
type ValidationError struct {
	Problems []*FieldError
}

// Error lists the problems on one line.
func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.Error()
	}
	return strings.Join(parts, "; ")
}

// Unwrap lets errors.As find the first *FieldError directly.
func (e *ValidationError) Unwrap() []error {
	errs := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		errs[i] = p
	}
	return errs
}

// For returns the problem with field f, or nil if it has none.
func (e *ValidationError) For(f Field) *FieldError {
	for _, p := range e.Problems {
		if p.Field == f {
			return p
		}
	}
	return nil
}
