package tokens

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"

	"software.sslmate.com/src/go-pkcs12"
)

// minRSABits is the smallest key Entra accepts on an app registration.
const minRSABits = 2048

// isPEM tells PEM text from a PFX, which is binary DER.
func isPEM(data []byte) bool { return bytes.Contains(data, []byte("-----BEGIN ")) }

// loadPEM reads every block of a PEM file: tools write the key before or
// after the certificate, and some add the CA chain.
func loadPEM(data []byte) (*Certificate, error) {
	var certs []*x509.Certificate
	var key any
	keys := 0
	for rest := data; ; {
		var block *pem.Block
		if block, rest = pem.Decode(rest); block == nil {
			break
		}
		switch block.Type {
		case "CERTIFICATE":
			c, err := x509.ParseCertificate(block.Bytes)
			if err != nil {
				return nil, certError(ErrCertificateUnreadable, "a CERTIFICATE block is damaged: %v", err)
			}
			certs = append(certs, c)
		case "ENCRYPTED PRIVATE KEY":
			return nil, certError(ErrEncryptedKey, "")
		case "RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY":
			// Legacy OpenSSL encryption marks the block with a header.
			if block.Headers["Proc-Type"] == "4,ENCRYPTED" {
				return nil, certError(ErrEncryptedKey, "")
			}
			k, err := parsePEMKey(block)
			if err != nil {
				return nil, certError(ErrCertificateUnreadable, "the %s block is damaged: %v", block.Type, err)
			}
			key = k
			keys++
		}
	}
	switch {
	case keys > 1:
		return nil, certError(ErrCertificateUnreadable, "the file holds %d private keys; keep only the certificate's", keys)
	case len(certs) == 0 && key == nil:
		return nil, certError(ErrCertificateUnreadable, "no CERTIFICATE or PRIVATE KEY block")
	case len(certs) == 0:
		return nil, certError(ErrNoCertificate, "")
	case key == nil:
		return nil, certError(ErrNoPrivateKey, "")
	}
	return assemble(key, certs)
}

func parsePEMKey(block *pem.Block) (any, error) {
	switch block.Type {
	case "RSA PRIVATE KEY":
		return x509.ParsePKCS1PrivateKey(block.Bytes)
	case "EC PRIVATE KEY":
		return x509.ParseECPrivateKey(block.Bytes)
	}
	return x509.ParsePKCS8PrivateKey(block.Bytes)
}

// loadPFX reads a PKCS#12 file. A bare DER certificate (the .cer uploaded
// to the portal) is recognised, because choosing it instead of the PFX is
// an easy mistake.
func loadPFX(data []byte, password string) (*Certificate, error) {
	key, leaf, chain, err := pkcs12.DecodeChain(data, password)
	switch {
	case err == nil:
		return assemble(key, append([]*x509.Certificate{leaf}, chain...))
	case errors.Is(err, pkcs12.ErrIncorrectPassword), errors.Is(err, pkcs12.ErrDecryption):
		if password == "" {
			return nil, certError(ErrWrongPassword, "the file is protected by a password")
		}
		return nil, certError(ErrWrongPassword, "")
	// go-pkcs12 has no error values for these two; its texts are stable.
	case err.Error() == "pkcs12: private key missing":
		return nil, certError(ErrNoPrivateKey, "")
	case err.Error() == "pkcs12: certificate missing":
		return nil, certError(ErrNoCertificate, "")
	}
	if _, derErr := x509.ParseCertificate(data); derErr == nil {
		return nil, certError(ErrNoPrivateKey, "this is a certificate alone (.cer), as uploaded to the portal")
	}
	return nil, certError(ErrCertificateUnreadable, "neither PEM nor a PFX/PKCS#12 file (%v)", err)
}

// assemble checks that the key is RSA and finds the certificate it belongs
// to: PFX files do not always list the leaf first.
func assemble(key any, certs []*x509.Certificate) (*Certificate, error) {
	rsaKey, ok := key.(*rsa.PrivateKey)
	if !ok {
		return nil, certError(ErrNotRSA, "the key is %s", keyKind(key))
	}
	if err := rsaKey.Validate(); err != nil {
		return nil, certError(ErrCertificateUnreadable, "the private key is damaged: %v", err)
	}
	if bits := rsaKey.N.BitLen(); bits < minRSABits {
		return nil, certError(ErrKeyTooShort, "the key has %d bits", bits)
	}
	for i, c := range certs {
		if pub, ok := c.PublicKey.(*rsa.PublicKey); ok && pub.Equal(&rsaKey.PublicKey) {
			chain := append(append([]*x509.Certificate(nil), certs[:i]...), certs[i+1:]...)
			return &Certificate{leaf: c, key: rsaKey, chain: chain}, nil
		}
	}
	return nil, certError(ErrKeyMismatch, "")
}

// keyKind names a key algorithm in the words of certificate tools.
func keyKind(key any) string {
	switch key.(type) {
	case *ecdsa.PrivateKey:
		return "ECDSA (elliptic curve)"
	case ed25519.PrivateKey:
		return "Ed25519"
	}
	return fmt.Sprintf("of an unknown kind (%T)", key)
}
