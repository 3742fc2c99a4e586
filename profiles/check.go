package profiles

import (
	"strings"

	"github.com/aztoken/aztoken/tokens"
)

// Each Check function takes what the user typed or pasted and returns the
// value to keep, or a *FieldError to show next to the field. They are cheap
// enough to run on every keystroke.

// CheckName cleans and checks a profile name. Uniqueness is the Store's
// job: it knows the other names.
func CheckName(s string) (string, error) {
	s = trimPasted(s)
	if err := checkRequired(FieldName, s, maxName, "Enter a name for this profile"); err != nil {
		return "", err
	}
	if err := checkLookalikes(FieldName, s); err != nil {
		return "", err
	}
	return s, nil
}

// CheckNotes cleans and checks the notes: several lines are fine, control
// characters other than line breaks and tabs are not.
func CheckNotes(s string) (string, error) {
	s = trimPasted(strings.ReplaceAll(s, "\r\n", "\n"))
	if err := checkText(FieldNotes, s, maxNotes, true); err != nil {
		return "", err
	}
	return s, nil
}

// guidSecretWarning is shown when a secret has the shape of a GUID: the
// portal lists each secret's Secret ID (a GUID) beside its Value, and the
// Value is the one Entra wants.
const guidSecretWarning = "This looks like the secret's ID; paste its Value"

// CheckSecret cleans and checks a client secret. warning is set when the
// secret is acceptable but probably not what the user meant. No message
// ever contains the secret.
func CheckSecret(s string) (secret, warning string, err error) {
	s = trimPasted(s)
	if err := checkRequired(FieldSecret, s, maxSecret, "Paste the client secret's Value"); err != nil {
		return "", "", err
	}
	if _, ok := parseGUID(s); ok {
		warning = guidSecretWarning
	}
	return s, warning, nil
}

// cloudAliases maps what users type, including the names the Azure CLI
// uses (az cloud list), to aztoken's short cloud names.
var cloudAliases = map[string]string{
	"":                  tokens.AzurePublic.Name,
	"public":            tokens.AzurePublic.Name,
	"azurecloud":        tokens.AzurePublic.Name,
	"usgov":             tokens.AzureUSGovernment.Name,
	"azureusgovernment": tokens.AzureUSGovernment.Name,
	"china":             tokens.AzureChina.Name,
	"azurechinacloud":   tokens.AzureChina.Name,
	tokens.CustomCloud:  tokens.CustomCloud,
}

// CheckCloud returns the short name of a cloud: public (also for an empty
// value), usgov, china or custom.
func CheckCloud(s string) (string, error) {
	if name, ok := cloudAliases[strings.ToLower(trimPasted(s))]; ok {
		return name, nil
	}
	return "", problem(FieldCloud, "Unknown cloud: choose public, usgov, china or custom")
}

// CheckCredential returns the credential kind, a secret when empty.
func CheckCredential(k CredentialKind) (CredentialKind, error) {
	switch k {
	case "", SecretCredential:
		return SecretCredential, nil
	case CertificateCredential:
		return CertificateCredential, nil
	}
	return "", problem(FieldCredential, "Unknown credential kind: use secret or certificate")
}

// CheckDate reads the date a secret expires as typed, "YYYY-MM-DD"; empty
// means no reminder.
func CheckDate(s string) (Date, error) {
	d, err := ParseDate(trimPasted(s))
	if err != nil {
		return Date{}, problem(FieldSecretExpires, "Expected a date like 2026-12-31")
	}
	return d, nil
}
