package tokens

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"time"
)

// ClientAssertionType is the client_assertion_type of a certificate
// credential: a JWT bearer assertion (RFC 7523).
const ClientAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

// AssertionLifetime is how long a client assertion is valid. Entra asks
// for "5-10 minutes after nbf at most"; MSAL uses five. The assertion is
// made afresh for every request, so nothing waits on it.
const AssertionLifetime = 5 * time.Minute

// CertificateCredential proves the app's identity with a client assertion
// signed by a certificate registered on the app. Each request gets a new
// assertion, with the token endpoint as audience and the request's time.
type CertificateCredential struct {
	// Certificate signs the assertions; from LoadCertificate.
	Certificate *Certificate
}

// assertionHeader is the JOSE header. RS256 rather than the PS256 the
// current documentation suggests: Entra accepts both, MSAL sends RS256, and
// AD FS behind Azure Stack Hub (a custom cloud) knows only RS256 with x5t.
// Both thumbprints go in: x5t#S256 for Entra today, x5t (SHA-1) for older
// tenants and AD FS, which ignore the other.
type assertionHeader struct {
	Alg     string `json:"alg"`
	Typ     string `json:"typ"`
	X5t     string `json:"x5t"`
	X5tS256 string `json:"x5t#S256"`
}

// assertionClaims are the claims Entra checks: aud is the token endpoint
// exactly as the request is sent to; iss and sub are the client ID.
type assertionClaims struct {
	Aud string `json:"aud"`
	Iss string `json:"iss"`
	Sub string `json:"sub"`
	Jti string `json:"jti"`
	Nbf int64  `json:"nbf"`
	Iat int64  `json:"iat"`
	Exp int64  `json:"exp"`
}

// addTo signs a new assertion. The client ID is read from the form, where
// Request.form has already put it, so iss and sub always match client_id.
func (c CertificateCredential) addTo(form url.Values, tokenURL string, now time.Time) error {
	cert := c.Certificate
	if cert == nil || cert.key == nil {
		return errors.New("no certificate to sign the client assertion with")
	}
	if cert.Expired(now) {
		return certError(ErrCertificateExpired, "on %s", cert.NotAfter().UTC().Format(time.DateOnly))
	}
	assertion, err := cert.sign(form.Get("client_id"), tokenURL, now)
	if err != nil {
		return err
	}
	form.Set("client_assertion_type", ClientAssertionType)
	form.Set("client_assertion", assertion)
	return nil
}

// String names the certificate, never its key.
func (c CertificateCredential) String() string { return c.Certificate.String() }

// GoString is String, for %#v.
func (c CertificateCredential) GoString() string { return c.String() }

// sign makes the compact RS256 JWS Entra expects. Times are Unix seconds,
// which are UTC by definition: a local-time bug here is the classic cause
// of AADSTS700024.
func (c *Certificate) sign(clientID, tokenURL string, now time.Time) (string, error) {
	sha1Sum, sha256Sum := c.digests()
	header, err := json.Marshal(assertionHeader{
		Alg:     "RS256",
		Typ:     "JWT",
		X5t:     base64.RawURLEncoding.EncodeToString(sha1Sum[:]),
		X5tS256: base64.RawURLEncoding.EncodeToString(sha256Sum[:]),
	})
	if err != nil {
		return "", err
	}
	claims, err := json.Marshal(assertionClaims{
		Aud: tokenURL,
		Iss: clientID,
		Sub: clientID,
		Jti: newUUID(),
		Nbf: now.Unix(),
		Iat: now.Unix(),
		Exp: now.Add(AssertionLifetime).Unix(),
	})
	if err != nil {
		return "", err
	}
	signing := base64.RawURLEncoding.EncodeToString(header) + "." + base64.RawURLEncoding.EncodeToString(claims)
	digest := sha256.Sum256([]byte(signing))
	sig, err := rsa.SignPKCS1v15(rand.Reader, c.key, crypto.SHA256, digest[:])
	if err != nil {
		return "", fmt.Errorf("signing the client assertion: %w", err)
	}
	return signing + "." + base64.RawURLEncoding.EncodeToString(sig), nil
}

// newUUID is a random version 4 UUID, the jti Entra expects: unique for
// every assertion.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}
