package tokens

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1" //nolint:gosec // the portal's thumbprint
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens/emulator"
)

// testKeys are the process's shared test keys: RSA key generation is
// slow, the more so under -race.
var testKeys = [2]func() *rsa.PrivateKey{emulator.TestKey, emulator.OtherTestKey}

// pair makes a certificate valid until notAfter with test key i (0 or 1).
func pair(t testing.TB, i int, subject string, notAfter time.Time) *emulator.KeyPair {
	t.Helper()
	k, err := emulator.NewKeyPair(testKeys[i](), subject, notAfter)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func pemOf(t testing.TB, k *emulator.KeyPair) []byte {
	t.Helper()
	b, err := k.PEM()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func pfxOf(t testing.TB, k *emulator.KeyPair, password string) []byte {
	t.Helper()
	b, err := k.PFX(password)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestLoadCertificateReadsPEMAndPFX(t *testing.T) {
	t.Parallel()
	k := pair(t, 0, "aztoken-ci", time.Now().AddDate(1, 0, 0))
	pemFile := pemOf(t, k)
	certBlock, keyBlock, _ := bytes.Cut(pemFile, []byte("-----BEGIN PRIVATE KEY"))
	keyFirst := append(append([]byte("-----BEGIN PRIVATE KEY"), keyBlock...), certBlock...)
	pkcs1 := append(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(k.Key.(*rsa.PrivateKey))}), certBlock...)
	tests := []struct {
		name     string
		data     []byte
		password string
	}{
		{"PEM, certificate then PKCS #8 key", pemFile, ""},
		{"PEM, key first", keyFirst, ""},
		{"PEM with an RSA PRIVATE KEY (PKCS #1)", pkcs1, ""},
		{"PEM with Windows line ends", bytes.ReplaceAll(pemFile, []byte("\n"), []byte("\r\n")), ""},
		{"PEM ignores a password", pemFile, "unused"},
		{"PFX with a password", pfxOf(t, k, "p@ss word"), "p@ss word"},
		{"PFX without a password", pfxOf(t, k, ""), ""},
	}
	want := sha1.Sum(k.Certificate.Raw) //nolint:gosec // see import
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := LoadCertificate(tt.data, tt.password)
			if err != nil {
				t.Fatal(err)
			}
			if c.Subject() != "CN=aztoken-ci" || !c.NotAfter().Equal(k.Certificate.NotAfter) || len(c.Chain()) != 0 {
				t.Errorf("subject %q, not after %v, chain %d", c.Subject(), c.NotAfter(), len(c.Chain()))
			}
			if got := c.Thumbprints().SHA1; got != strings.ToUpper(hex.EncodeToString(want[:])) {
				t.Errorf("SHA-1 thumbprint %s", got)
			}
		})
	}
}

func TestThumbprintsAreThePortals(t *testing.T) {
	t.Parallel()
	c, err := LoadCertificate(pemOf(t, pair(t, 0, "x", time.Now().AddDate(1, 0, 0))), "")
	if err != nil {
		t.Fatal(err)
	}
	tp := c.Thumbprints()
	if len(tp.SHA1) != 40 || len(tp.SHA256) != 64 || tp.SHA1 != strings.ToUpper(tp.SHA1) || tp.SHA256 != strings.ToUpper(tp.SHA256) {
		t.Errorf("thumbprints %+v: want upper-case hex of 20 and 32 bytes", tp)
	}
}

func TestLoadCertificateExplainsWhatIsWrong(t *testing.T) {
	t.Parallel()
	good := pair(t, 0, "aztoken-ci", time.Now().AddDate(1, 0, 0))
	other := pair(t, 1, "other", time.Now().AddDate(1, 0, 0))
	ecKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	ec, err := emulator.NewKeyPair(ecKey, "ec", time.Now().AddDate(1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	small, _ := rsa.GenerateKey(rand.Reader, 1024)
	weak, err := emulator.NewKeyPair(small, "weak", time.Now().AddDate(1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	goodPEM, otherPEM := pemOf(t, good), pemOf(t, other)
	certOnly, _, _ := bytes.Cut(goodPEM, []byte("-----BEGIN PRIVATE KEY"))
	_, keyOnly, _ := bytes.Cut(goodPEM, []byte("-----END CERTIFICATE-----\n"))
	_, otherKey, _ := bytes.Cut(otherPEM, []byte("-----END CERTIFICATE-----\n"))
	encrypted := append(append([]byte(nil), certOnly...), []byte("-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIBvTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQI\n-----END ENCRYPTED PRIVATE KEY-----\n")...)
	legacyEncrypted := append(append([]byte(nil), certOnly...), []byte("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00112233445566778899AABBCCDDEEFF\n\nAAAA\n-----END RSA PRIVATE KEY-----\n")...)
	tests := []struct {
		name     string
		data     []byte
		password string
		want     error
		detail   string
	}{
		{"empty file", nil, "", ErrCertificateUnreadable, ""},
		{"a text file", []byte("hello, world\n"), "", ErrCertificateUnreadable, "neither PEM nor a PFX"},
		{"PEM of something else", pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: []byte{1}}), "", ErrCertificateUnreadable, "no CERTIFICATE"},
		{"damaged certificate", []byte("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"), "", ErrCertificateUnreadable, "damaged"},
		{"the .cer as PEM", certOnly, "", ErrNoPrivateKey, ""},
		{"the .cer as DER", good.Certificate.Raw, "", ErrNoPrivateKey, ".cer"},
		{"a key alone", keyOnly, "", ErrNoCertificate, ""},
		{"two keys", append(append([]byte(nil), goodPEM...), otherKey...), "", ErrCertificateUnreadable, "2 private keys"},
		{"encrypted PKCS #8 key", encrypted, "", ErrEncryptedKey, ""},
		{"legacy encrypted PEM key", legacyEncrypted, "", ErrEncryptedKey, ""},
		{"wrong PFX password", pfxOf(t, good, "right"), "wrong", ErrWrongPassword, ""},
		{"PFX password missing", pfxOf(t, good, "right"), "", ErrWrongPassword, "protected by a password"},
		{"ECDSA certificate in PEM", pemOf(t, ec), "", ErrNotRSA, "ECDSA"},
		{"ECDSA certificate in PFX", pfxOf(t, ec, "pw"), "pw", ErrNotRSA, "ECDSA"},
		{"1024-bit key", pemOf(t, weak), "", ErrKeyTooShort, "1024 bits"},
		{"key of another certificate", append(append([]byte(nil), certOnly...), otherKey...), "", ErrKeyMismatch, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := LoadCertificate(tt.data, tt.password)
			var ce *CertificateError
			if c != nil || !errors.As(err, &ce) || !errors.Is(err, tt.want) || !strings.Contains(ce.Detail, tt.detail) {
				t.Fatalf("got %v, %v; want %v with %q", c, err, tt.want, tt.detail)
			}
			if fix := Fix(err); fix == "" || strings.Count(strings.TrimSuffix(fix, "."), ". ") > 0 {
				t.Errorf("fix %q is not one sentence", fix)
			}
			if tt.password != "" && strings.Contains(err.Error(), tt.password) {
				t.Errorf("the error repeats the password: %v", err)
			}
		})
	}
}

func TestExpiredCertificateLoadsAndIsFlagged(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name            string
		notAfter        time.Time
		expired, within bool
	}{
		{"valid for a year", now.AddDate(1, 0, 0), false, false},
		{"expires in ten days", now.AddDate(0, 0, 10), false, true},
		{"expired yesterday", now.AddDate(0, 0, -1), true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := LoadCertificate(pemOf(t, pair(t, 0, "x", tt.notAfter)), "")
			if err != nil {
				t.Fatalf("an expired certificate must still load, to be shown: %v", err)
			}
			if c.Expired(now) != tt.expired || c.ExpiresWithin(now, 30*24*time.Hour) != tt.within {
				t.Errorf("Expired %v, ExpiresWithin(30 days) %v", c.Expired(now), c.ExpiresWithin(now, 30*24*time.Hour))
			}
		})
	}
}

func TestPFXLeafIsFoundWhateverTheOrder(t *testing.T) {
	t.Parallel()
	// Some exports list the CA before the leaf; the key tells them apart.
	leaf := pair(t, 0, "leaf", time.Now().AddDate(1, 0, 0))
	ca := pair(t, 1, "ca", time.Now().AddDate(2, 0, 0))
	c, err := assemble(leaf.Key, []*x509.Certificate{ca.Certificate, leaf.Certificate})
	if err != nil {
		t.Fatal(err)
	}
	if c.Subject() != "CN=leaf" || len(c.Chain()) != 1 || c.Chain()[0].Subject.CommonName != "ca" {
		t.Errorf("leaf %s, chain %v", c.Subject(), c.Chain())
	}
}

func TestCertificatePrintsNoKey(t *testing.T) {
	t.Parallel()
	k := pair(t, 0, "aztoken-ci", time.Now().AddDate(1, 0, 0))
	c, err := LoadCertificate(pemOf(t, k), "")
	if err != nil {
		t.Fatal(err)
	}
	d := k.Key.(*rsa.PrivateKey).D.String()
	r := Request{ClientID: "x", Credential: CertificateCredential{Certificate: c}}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%d", "%x"} {
		for _, v := range []any{c, r, r.Credential} {
			if out := fmt.Sprintf(verb, v); strings.Contains(out, d) || strings.Contains(out, fmt.Sprintf("%x", c.key.D)) {
				t.Errorf("%s of %T shows the private key", verb, v)
			}
		}
	}
	if s := fmt.Sprint(r.Credential); !strings.Contains(s, "CN=aztoken-ci") || !strings.Contains(s, c.Thumbprints().SHA1) {
		t.Errorf("String() = %q; want the subject and thumbprint", s)
	}
}

// FuzzLoadCertificate feeds damaged files: LoadCertificate must never
// panic, and whatever it accepts must be able to sign.
func FuzzLoadCertificate(f *testing.F) {
	k := pair(f, 0, "fuzz", time.Now().AddDate(1, 0, 0))
	f.Add(pemOf(f, k), "")
	f.Add(pfxOf(f, k, "pw"), "pw")
	f.Add(pfxOf(f, k, ""), "")
	f.Add(k.Certificate.Raw, "")
	f.Add([]byte("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n"), "")
	f.Fuzz(func(t *testing.T, data []byte, password string) {
		c, err := LoadCertificate(data, password)
		if err != nil {
			if c != nil || !errors.As(err, new(*CertificateError)) {
				t.Fatalf("got %v with %v; want nil and a *CertificateError", c, err)
			}
			return
		}
		if _, err := c.sign("client", "https://login.example/t/oauth2/token", time.Now()); err != nil {
			t.Fatalf("accepted a certificate that cannot sign: %v", err)
		}
	})
}
