package emulator

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"sync"
	"time"

	"software.sslmate.com/src/go-pkcs12"
)

// KeyPair is a certificate with its private key, made by a test the way a
// user makes one for an app registration (New-SelfSignedCertificate,
// openssl req -x509): the Certificate goes into App.Certificates, as the
// uploaded .cer, and the client loads PEM or PFX. No key that matters is
// ever checked in.
type KeyPair struct {
	// Certificate is the public part, as uploaded to the portal.
	Certificate *x509.Certificate
	// Key is the private key the client signs with.
	Key crypto.Signer
}

// NewKeyPair makes a self-signed certificate for key, named CN=subject and
// valid for the year up to notAfter, so that a past notAfter gives an
// expired certificate. Tests pass an RSA key for a working credential, or
// another kind to see it refused.
func NewKeyPair(key crypto.Signer, subject string, notAfter time.Time) (*KeyPair, error) {
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 64))
	if err != nil {
		return nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial,
		Subject:      pkix.Name{CommonName: subject},
		NotBefore:    notAfter.AddDate(-1, 0, 0),
		NotAfter:     notAfter,
		KeyUsage:     x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		return nil, fmt.Errorf("emulator: certificate: %w", err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, err
	}
	return &KeyPair{Certificate: cert, Key: key}, nil
}

// TestKey is an RSA-2048 key made once per process, for tests: as
// Config.SigningKey and for a registered certificate. Making a key costs
// more than most tests do, several times more under -race, so a test
// process pays for it once. Never use it outside tests; its whole point
// is that it is shared.
func TestKey() *rsa.PrivateKey { return testKey() }

// OtherTestKey is a second key like TestKey, for a certificate that must
// not match the registered one.
func OtherTestKey() *rsa.PrivateKey { return otherTestKey() }

var testKey, otherTestKey = sync.OnceValue(newTestKey), sync.OnceValue(newTestKey)

func newTestKey() *rsa.PrivateKey {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		// Only a broken system random source fails here.
		panic("emulator: test key: " + err.Error())
	}
	return key
}

// PEM is the certificate and its PKCS #8 private key, unencrypted, as
// openssl writes them.
func (k *KeyPair) PEM() ([]byte, error) {
	der, err := x509.MarshalPKCS8PrivateKey(k.Key)
	if err != nil {
		return nil, err
	}
	out := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: k.Certificate.Raw})
	return append(out, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})...), nil
}

// PFX is the pair as a PKCS #12 file protected by password (empty for
// none), with the algorithms Windows and OpenSSL 3 use today.
func (k *KeyPair) PFX(password string) ([]byte, error) {
	return pkcs12.Modern.Encode(k.Key, k.Certificate, nil, password)
}
