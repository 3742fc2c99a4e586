package tokens

import "fmt"

// The reasons a certificate cannot sign client assertions. A
// *CertificateError wraps exactly one of them, so callers test with
// errors.Is and the editor can put the message next to the right field
// (the file, or its password).
var (
	// ErrCertificateUnreadable means the bytes are neither a PEM file nor a
	// PFX/PKCS#12 file, or are damaged.
	ErrCertificateUnreadable error = certProblem("not a certificate file aztoken can read (PEM or PFX/PKCS#12)")
	// ErrNoPrivateKey means the file holds a certificate without its
	// private key, such as the .cer uploaded to the portal.
	ErrNoPrivateKey error = certProblem("the file holds no private key")
	// ErrNoCertificate means the file holds a private key without the
	// certificate Entra knows it by.
	ErrNoCertificate error = certProblem("the file holds a private key but no certificate")
	// ErrEncryptedKey means a PEM private key is encrypted. aztoken keeps
	// only a PFX's password; a PEM key must be stored decrypted (in a file
	// only its owner can read) or converted to PFX.
	ErrEncryptedKey error = certProblem("the PEM private key is encrypted")
	// ErrWrongPassword means the password does not open the PFX file, or
	// the file needs one and none was given.
	ErrWrongPassword error = certProblem("the password does not open the PFX file")
	// ErrNotRSA means the private key is not RSA. Entra signs and checks
	// client assertions with RS256/PS256; elliptic-curve certificates are
	// not accepted for app credentials in practice.
	ErrNotRSA error = certProblem("the private key is not an RSA key")
	// ErrKeyTooShort means the RSA key has fewer than 2048 bits, which
	// Entra refuses.
	ErrKeyTooShort error = certProblem("the RSA key is shorter than 2048 bits")
	// ErrKeyMismatch means the private key belongs to none of the
	// certificates in the file.
	ErrKeyMismatch error = certProblem("the private key does not belong to the certificate")
	// ErrCertificateExpired means the certificate's validity has ended:
	// Entra no longer accepts assertions it signs.
	ErrCertificateExpired error = certProblem("the certificate has expired")
)

// certProblem is the type of the reasons above: constant text, compared by
// value, so each reason is one value whichever way it was made.
type certProblem string

func (p certProblem) Error() string { return string(p) }

// certificateFixes says what to do about each reason, in the portal's
// words.
var certificateFixes = map[error]string{
	ErrCertificateUnreadable: "Choose the .pem or .pfx file that holds the certificate and its private key.",
	ErrNoPrivateKey:          "Choose the file with the private key (.pfx, .p12 or .pem), not the .cer uploaded to the portal.",
	ErrNoCertificate:         "Use a PEM file with both the CERTIFICATE and the PRIVATE KEY blocks, or the PFX file.",
	ErrEncryptedKey:          "Decrypt the key (openssl pkey -in key.pem -out plain.pem) or convert it to a PFX file with a password.",
	ErrWrongPassword:         "Enter the password the PFX file was exported with.",
	ErrNotRSA:                "Create an RSA certificate (2048 bits or more) and upload its .cer under Certificates & secrets.",
	ErrKeyTooShort:           "Create an RSA certificate of 2048 bits or more and upload its .cer under Certificates & secrets.",
	ErrKeyMismatch:           "The key and the certificate come from different pairs: export them together from the same certificate.",
	ErrCertificateExpired:    "Create a new certificate, upload its .cer under App registrations › Certificates & secrets, and point the profile at it.",
}

// CertificateError says why a certificate cannot be used. errors.Is
// matches its Problem, such as ErrWrongPassword.
type CertificateError struct {
	// Problem is one of the Err… values above.
	Problem error
	// Detail adds what the file actually held, when that helps; it never
	// holds key material or the password.
	Detail string
}

func certError(p error, format string, a ...any) *CertificateError {
	return &CertificateError{Problem: p, Detail: fmt.Sprintf(format, a...)}
}

func (e *CertificateError) Error() string {
	if e.Detail == "" {
		return e.Problem.Error()
	}
	return e.Problem.Error() + ": " + e.Detail
}

// Unwrap lets errors.Is find the Problem.
func (e *CertificateError) Unwrap() error { return e.Problem }

// Fix is one sentence telling the user what to do.
func (e *CertificateError) Fix() string {
	return certificateFixes[e.Problem]
}
