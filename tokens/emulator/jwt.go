package emulator

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1" //nolint:gosec // x5t is a SHA-1 thumbprint by definition (RFC 7515 §4.1.7)
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"
)

// signer holds the server's token-signing key. Entra publishes its keys as
// self-signed certificates and names them by thumbprint, so the emulator
// does the same: kid and x5t are the certificate's SHA-1 thumbprint.
type signer struct {
	key  *rsa.PrivateKey
	cert []byte // DER
	kid  string
}

type jwtHeader struct {
	Typ string `json:"typ"`
	Alg string `json:"alg"`
	X5t string `json:"x5t,omitempty"`
	Kid string `json:"kid,omitempty"`
}

var errInvalidToken = errors.New("not a token signed by this emulator")

// newSigner certifies key, or a fresh key when key is nil.
func newSigner(key *rsa.PrivateKey) (*signer, error) {
	if key == nil {
		var err error
		if key, err = rsa.GenerateKey(rand.Reader, 2048); err != nil {
			return nil, fmt.Errorf("emulator: signing key: %w", err)
		}
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(now.UnixNano()),
		Subject:      pkix.Name{CommonName: "accounts.accesscontrol.windows.net"},
		NotBefore:    now.Add(-time.Hour),
		NotAfter:     now.AddDate(5, 0, 0),
		KeyUsage:     x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, fmt.Errorf("emulator: signing certificate: %w", err)
	}
	thumb := sha1.Sum(der) //nolint:gosec // see import
	return &signer{key: key, cert: der, kid: base64.RawURLEncoding.EncodeToString(thumb[:])}, nil
}

// sign makes a compact RS256 JWS of claims.
func (s *signer) sign(claims accessClaims) (string, error) {
	header, err := json.Marshal(jwtHeader{Typ: "JWT", Alg: "RS256", X5t: s.kid, Kid: s.kid})
	if err != nil {
		return "", err
	}
	payload, err := json.Marshal(claims)
	if err != nil {
		return "", err
	}
	signing := base64.RawURLEncoding.EncodeToString(header) + "." + base64.RawURLEncoding.EncodeToString(payload)
	digest := sha256.Sum256([]byte(signing))
	sig, err := rsa.SignPKCS1v15(rand.Reader, s.key, crypto.SHA256, digest[:])
	if err != nil {
		return "", err
	}
	return signing + "." + base64.RawURLEncoding.EncodeToString(sig), nil
}

// verify checks that token is an RS256 JWT signed by this server and
// returns its claims. Lifetime and audience are the caller's business, as
// ARM reports each with its own error.
func (s *signer) verify(token string) (accessClaims, error) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return accessClaims{}, errInvalidToken
	}
	var h jwtHeader
	if err := decodeSegment(parts[0], &h); err != nil || h.Alg != "RS256" {
		return accessClaims{}, errInvalidToken
	}
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil {
		return accessClaims{}, errInvalidToken
	}
	digest := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if rsa.VerifyPKCS1v15(&s.key.PublicKey, crypto.SHA256, digest[:], sig) != nil {
		return accessClaims{}, errInvalidToken
	}
	var c accessClaims
	if decodeSegment(parts[1], &c) != nil {
		return accessClaims{}, errInvalidToken
	}
	return c, nil
}

// peekClaims reads a bearer token's claims without checking the signature,
// for the actor named in a throttling message.
func peekClaims(token string) accessClaims {
	var c accessClaims
	if parts := strings.Split(token, "."); len(parts) == 3 {
		_ = decodeSegment(parts[1], &c)
	}
	return c
}

func decodeSegment(seg string, v any) error {
	b, err := base64.RawURLEncoding.DecodeString(seg)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}
