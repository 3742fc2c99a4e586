package emulator

import (
	"fmt"
	"time"
)

// The answers to a bad client assertion. Texts are Entra's where they are
// on record (shared/azure-wire-formats.md §1.5, and the issues named
// beside each); every one is 401 invalid_client, as all of Entra's
// credential failures are, except the form errors that are 400
// invalid_request.

const certificateDocs = "Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials"

// errAssertionTypeUnexpected is Entra's answer to a client_assertion_type
// other than jwt-bearer (AzureAD/azure-activedirectory-library-for-ruby#53).
func errAssertionTypeUnexpected() *entraError {
	return &entraError{400, "invalid_request", 90011, "Unexpected client assertion type."}
}

// errAssertionMalformed covers what is not a signed JWT at all, including
// an alg other than RS256 or PS256 (panva/openid-client#348).
func errAssertionMalformed() *entraError {
	return &entraError{401, "invalid_client", 50027, "JWT token is invalid or malformed."}
}

func errAssertionNoThumbprint() *entraError {
	return &entraError{401, "invalid_client", 50027, "Invalid JWT token. No certificate thumbprint specified in token header."}
}

// keysHelp ends every 700027 message, naming the app whose keys to check.
func keysHelp(clientID string) string {
	return fmt.Sprintf("Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '%s'.", clientID)
}

// errAssertionKeyUnknown is a thumbprint that names no certificate of the
// app: the certificate was never uploaded, or another one signed.
func errAssertionKeyUnknown(thumbprint, clientID string) *entraError {
	return &entraError{401, "invalid_client", 700027,
		fmt.Sprintf("Client assertion contains an invalid signature. [Reason - The key was not found., Thumbprint of key used by client: '%s', %s]", thumbprint, keysHelp(clientID))}
}

// errAssertionBadSignature is a known thumbprint whose signature does not
// verify with that certificate's key.
func errAssertionBadSignature(thumbprint, clientID string, found keyWindow) *entraError {
	return &entraError{401, "invalid_client", 700027,
		fmt.Sprintf("Client assertion contains an invalid signature. [Reason - The provided signature value did not match the expected signature value., Thumbprint of key used by client: '%s', Found key '%s', %s]", thumbprint, found, keysHelp(clientID))}
}

// errAssertionKeyExpired is a registered certificate past its end date.
func errAssertionKeyExpired(thumbprint, clientID string, found keyWindow) *entraError {
	return &entraError{401, "invalid_client", 700027,
		fmt.Sprintf("Client assertion contains an invalid signature. [Reason - The key used is expired., Thumbprint of key used by client: '%s', Found key '%s', %s]", thumbprint, found, keysHelp(clientID))}
}

// errAssertionAudience is an aud other than this token endpoint
// (AzureAD/microsoft-authentication-library-for-dotnet#2746).
func errAssertionAudience() *entraError {
	return &entraError{401, "invalid_client", 700023,
		"Client assertion audience claim does not match Realm issuer. " + certificateDocs + " ."}
}

// errAssertionIssuer is an iss or sub other than client_id. The wording
// is Entra's for AADSTS700021; the emulator's choice of code for sub too.
func errAssertionIssuer() *entraError {
	return &entraError{401, "invalid_client", 700021,
		"Client assertion application identifier doesn't match 'client_id' parameter. " + certificateDocs + " ."}
}

// errAssertionTimeRange is an assertion used outside nbf…exp, in the
// format of the captured message (obikuro/Sato#1): seven fractional
// digits, and the Unix epoch when nbf is missing.
func errAssertionTimeRange(now, nbf, exp time.Time) *entraError {
	const layout = "2006-01-02T15:04:05.0000000Z"
	return &entraError{401, "invalid_client", 700024,
		fmt.Sprintf("Client assertion is not within its valid time range. Current time: %s, assertion valid from %s, expiry time of assertion %s. %s",
			now.UTC().Format(layout), nbf.UTC().Format(layout), exp.UTC().Format(layout), certificateDocs)}
}

// keyWindow is a registered certificate's validity as 700027 quotes it.
type keyWindow struct{ start, end time.Time }

func (k keyWindow) String() string {
	const layout = "01/02/2006 15:04:05"
	return "Start=" + k.start.UTC().Format(layout) + ", End=" + k.end.UTC().Format(layout)
}
