package emulator

import (
	"bytes"
	"crypto"
	"crypto/rsa"
	"crypto/sha1" //nolint:gosec // x5t is a SHA-1 thumbprint by definition (RFC 7515 §4.1.7)
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"time"
)

// jwtBearer is the only client_assertion_type Entra takes.
const jwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

// assertionSkew is how far a client's clock may be off either way. Entra's
// tolerance is not on record; the emulator grants the five minutes by
// which Entra back-dates its own tokens.
const assertionSkew = 5 * time.Minute

type assertionHeader struct {
	Alg     string `json:"alg"`
	X5t     string `json:"x5t"`
	X5tS256 string `json:"x5t#S256"`
}

// assertionClaims are the claims Entra checks. aud as a list fails to
// decode, which Entra also refuses (panva/openid-client#348). A missing
// nbf is the Unix epoch, as Entra's 700024 message shows.
type assertionClaims struct {
	Aud string `json:"aud"`
	Iss string `json:"iss"`
	Sub string `json:"sub"`
	Nbf int64  `json:"nbf"`
	Exp int64  `json:"exp"`
}

// checkAssertion verifies a client assertion as Entra does. Entra's order
// of checks is not on record; the emulator's is the form, the JWT's shape,
// the key (known, unexpired, signature), then the claims: audience, issuer
// and subject, time window. The audience must be the URL this request was
// sent to, compared without regard to case; Entra may accept other
// spellings of its endpoint, but a client that sends exactly its token URL
// never depends on that.
func checkAssertion(a *App, req tokenRequest, now time.Time) *entraError {
	switch req.assertionType {
	case jwtBearer:
	case "":
		return errMissingParameter("client_assertion_type")
	default:
		return errAssertionTypeUnexpected()
	}
	if req.assertion == "" {
		return errMissingParameter("client_assertion")
	}
	parts := strings.Split(req.assertion, ".")
	var h assertionHeader
	var c assertionClaims
	sig, err := base64.RawURLEncoding.DecodeString(parts[len(parts)-1])
	if len(parts) != 3 || err != nil || decodeSegment(parts[0], &h) != nil || decodeSegment(parts[1], &c) != nil ||
		(h.Alg != "RS256" && h.Alg != "PS256") {
		return errAssertionMalformed()
	}
	if h.X5t == "" && h.X5tS256 == "" {
		return errAssertionNoThumbprint()
	}
	cert, thumbprint := findCertificate(a.Certificates, h)
	if cert == nil {
		return errAssertionKeyUnknown(thumbprint, a.ClientID)
	}
	found := keyWindow{cert.NotBefore, cert.NotAfter}
	if now.After(cert.NotAfter) {
		return errAssertionKeyExpired(thumbprint, a.ClientID, found)
	}
	if !signedBy(cert, h.Alg, parts[0]+"."+parts[1], sig) {
		return errAssertionBadSignature(thumbprint, a.ClientID, found)
	}
	if !strings.EqualFold(c.Aud, req.endpoint) {
		return errAssertionAudience()
	}
	if !strings.EqualFold(c.Iss, req.clientID) || !strings.EqualFold(c.Sub, req.clientID) {
		return errAssertionIssuer()
	}
	nbf, exp := time.Unix(c.Nbf, 0), time.Unix(c.Exp, 0)
	if now.Add(assertionSkew).Before(nbf) || now.Add(-assertionSkew).After(exp) {
		return errAssertionTimeRange(now, nbf, exp)
	}
	return nil
}

// findCertificate looks the signing certificate up by x5t#S256 when the
// header has it, else by x5t, and returns the thumbprint as Entra quotes
// it: upper-case hex, like the portal.
func findCertificate(certs []*x509.Certificate, h assertionHeader) (*x509.Certificate, string) {
	sum := func(c *x509.Certificate) []byte { s := sha1.Sum(c.Raw); return s[:] } //nolint:gosec // see import
	named := h.X5t
	if h.X5tS256 != "" {
		sum = func(c *x509.Certificate) []byte { s := sha256.Sum256(c.Raw); return s[:] }
		named = h.X5tS256
	}
	want, err := decodeThumbprint(named)
	if err != nil {
		return nil, named
	}
	for _, c := range certs {
		if bytes.Equal(sum(c), want) {
			return c, strings.ToUpper(hex.EncodeToString(want))
		}
	}
	return nil, strings.ToUpper(hex.EncodeToString(want))
}

// decodeThumbprint reads base64url as RFC 7515 wants it, and also the
// padded standard base64 that older MSAL versions send.
func decodeThumbprint(s string) ([]byte, error) {
	s = strings.NewReplacer("+", "-", "/", "_").Replace(strings.TrimRight(s, "="))
	return base64.RawURLEncoding.DecodeString(s)
}

// signedBy verifies an RS256 (PKCS #1 v1.5) or PS256 (PSS) signature with
// the certificate's RSA key.
func signedBy(cert *x509.Certificate, alg, signing string, sig []byte) bool {
	pub, ok := cert.PublicKey.(*rsa.PublicKey)
	if !ok {
		return false
	}
	digest := sha256.Sum256([]byte(signing))
	if alg == "PS256" {
		return rsa.VerifyPSS(pub, crypto.SHA256, digest[:], sig, nil) == nil
	}
	return rsa.VerifyPKCS1v15(pub, crypto.SHA256, digest[:], sig) == nil
}
