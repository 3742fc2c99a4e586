package tokens

import (
	"crypto/rsa"
	"crypto/sha1" //nolint:gosec // the portal names certificates by their SHA-1 thumbprint
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// Certificate is an app registration's certificate credential, loaded from
// the file the user holds: the certificate Entra knows (its public part was
// uploaded under Certificates & secrets), the RSA private key that signs
// client assertions, and any CA certificates that came with it.
//
// Its fields are private and it is built only by LoadCertificate, so a
// Certificate always has a key that belongs to its certificate; and the key
// can never be printed, since String shows the subject and thumbprint.
//
// An expired certificate still loads: the user needs to see which one it
// is (subject, thumbprints, expiry) to replace it. Expired and ExpiresWithin
// let the UI warn; a CertificateCredential refuses to sign with it.
type Certificate struct {
	leaf  *x509.Certificate
	key   *rsa.PrivateKey
	chain []*x509.Certificate
}

// Thumbprints identify a certificate the way Entra and the portal do.
type Thumbprints struct {
	// SHA1 is what the portal lists as the Thumbprint under Certificates &
	// secrets: the SHA-1 of the certificate's DER, in upper-case hex.
	SHA1 string
	// SHA256 is the SHA-256 of the same bytes, in upper-case hex: what
	// newer tools show and what x5t#S256 carries.
	SHA256 string
}

// LoadCertificate reads a certificate with its private key from the bytes
// of a PEM file (CERTIFICATE and an RSA or PKCS#8 PRIVATE KEY, in any
// order) or a PFX/PKCS#12 file protected by password (empty for none;
// ignored for PEM). Errors are *CertificateError, one per thing the user
// can fix: see the ErrCertificate… and Err…Key values.
func LoadCertificate(data []byte, password string) (*Certificate, error) {
	if isPEM(data) {
		return loadPEM(data)
	}
	return loadPFX(data, password)
}

// Leaf is the certificate whose key signs the assertions: the one that
// must be registered on the app.
func (c *Certificate) Leaf() *x509.Certificate { return c.leaf }

// Chain is the CA certificates that came in the file, issuer first; often
// none. Entra needs them only for subject-name-and-issuer authentication,
// which aztoken does not use.
func (c *Certificate) Chain() []*x509.Certificate { return c.chain }

// Subject is the certificate's subject as the portal shows it, such as
// "CN=aztoken-ci".
func (c *Certificate) Subject() string { return c.leaf.Subject.String() }

// NotBefore is when the certificate becomes valid.
func (c *Certificate) NotBefore() time.Time { return c.leaf.NotBefore }

// NotAfter is when the certificate expires; Entra stops accepting it then.
func (c *Certificate) NotAfter() time.Time { return c.leaf.NotAfter }

// Expired reports whether the certificate has expired at now.
func (c *Certificate) Expired(now time.Time) bool { return now.After(c.leaf.NotAfter) }

// ExpiresWithin reports whether the certificate expires within d of now,
// or already has: the time to make and upload a new one.
func (c *Certificate) ExpiresWithin(now time.Time, d time.Duration) bool {
	return !c.leaf.NotAfter.After(now.Add(d))
}

// Thumbprints are the certificate's SHA-1 and SHA-256 thumbprints, to
// compare with the ones the app registration lists.
func (c *Certificate) Thumbprints() Thumbprints {
	sha1Sum, sha256Sum := c.digests()
	return Thumbprints{
		SHA1:   strings.ToUpper(hex.EncodeToString(sha1Sum[:])),
		SHA256: strings.ToUpper(hex.EncodeToString(sha256Sum[:])),
	}
}

// digests are the raw hashes of the certificate's DER, which the assertion
// header carries base64url-encoded (x5t, x5t#S256).
func (c *Certificate) digests() (sha1Sum [sha1.Size]byte, sha256Sum [sha256.Size]byte) {
	return sha1.Sum(c.leaf.Raw), sha256.Sum256(c.leaf.Raw) //nolint:gosec // see import
}

// String names the certificate by subject and SHA-1 thumbprint, so that
// printing one (or a Request holding one) never shows the key.
func (c *Certificate) String() string {
	if c == nil || c.leaf == nil {
		return "no certificate"
	}
	return fmt.Sprintf("certificate %s (SHA-1 %s)", c.Subject(), c.Thumbprints().SHA1)
}

// GoString is String, for %#v.
func (c *Certificate) GoString() string { return c.String() }
