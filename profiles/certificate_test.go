package profiles

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
)

// pfxPassword opens the test's PFX file; no message may repeat it.
const pfxPassword = "pfx-Pa55word~xyz"

// rsaKey is made once: RSA key generation is slow under -race.
var rsaKey = sync.OnceValues(func() (*rsa.PrivateKey, error) { return rsa.GenerateKey(rand.Reader, 2048) })

// certFile writes a certificate file made by encode for a key pair valid
// until notAfter, and returns its path.
func certFile(t *testing.T, name string, notAfter time.Time, ec bool, encode func(*emulator.KeyPair) ([]byte, error)) string {
	t.Helper()
	k, err := rsaKey()
	if err != nil {
		t.Fatal(err)
	}
	var pair *emulator.KeyPair
	if ec {
		ecKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		pair, err = emulator.NewKeyPair(ecKey, "ec", notAfter)
	} else {
		pair, err = emulator.NewKeyPair(k, "aztoken-ci", notAfter)
	}
	if err != nil {
		t.Fatal(err)
	}
	data, err := encode(pair)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func pemFile(k *emulator.KeyPair) ([]byte, error) { return k.PEM() }
func pfxFile(k *emulator.KeyPair) ([]byte, error) { return k.PFX(pfxPassword) }

func TestCheckCertificatePath(t *testing.T) {
	t.Parallel()
	runChecks(t, FieldCertificateFile, CheckCertificatePath, []checkCase{
		{in: "", want: ""},
		{in: " /home/me/certs/ci.pfx\n", want: "/home/me/certs/ci.pfx"},
		{in: `"C:\Users\me\certs\ci.pfx"`, want: `C:\Users\me\certs\ci.pfx`},
		{in: "/tmp/a\nb.pem", msg: "Contains a control character"},
		{in: strings.Repeat("a", 5000), msg: "Too long"},
	})
}

func TestCheckCertificateFile(t *testing.T) {
	t.Parallel()
	now := time.Now()
	year := now.AddDate(1, 0, 0)
	folder := t.TempDir()
	big := filepath.Join(t.TempDir(), "disk.img")
	if err := os.WriteFile(big, make([]byte, maxCertificateFile+1), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, password string
		field                Field
		msg                  string
		is                   error
	}{
		{name: "PEM", path: certFile(t, "ci.pem", year, false, pemFile)},
		{name: "PFX with its password", path: certFile(t, "ci.pfx", year, false, pfxFile), password: pfxPassword},
		{name: "PFX with a wrong password", path: certFile(t, "ci.pfx", year, false, pfxFile), password: "nope", field: FieldCertificatePassword, msg: "The password does not open the PFX file", is: tokens.ErrWrongPassword},
		{name: "PFX without its password", path: certFile(t, "ci.pfx", year, false, pfxFile), field: FieldCertificatePassword, msg: "The password does not open the PFX file: the file is protected by a password", is: tokens.ErrWrongPassword},
		{name: "ECDSA", path: certFile(t, "ec.pem", year, true, pemFile), field: FieldCertificateFile, msg: "The private key is not an RSA key: the key is ECDSA", is: tokens.ErrNotRSA},
		{name: "the .cer", path: certFile(t, "ci.cer", year, false, func(k *emulator.KeyPair) ([]byte, error) { return k.Certificate.Raw, nil }), field: FieldCertificateFile, msg: "The file holds no private key", is: tokens.ErrNoPrivateKey},
		{name: "no path", field: FieldCertificateFile, msg: "Choose the certificate file"},
		{name: "missing file", path: filepath.Join(folder, "gone.pfx"), field: FieldCertificateFile, msg: "No file at this path", is: os.ErrNotExist},
		{name: "a folder", path: folder, field: FieldCertificateFile, msg: "This is a folder"},
		{name: "far too big", path: big, field: FieldCertificateFile, msg: "This file is far too big"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cert, warning, err := CheckCertificateFile(tt.path, tt.password, now)
			if tt.msg == "" {
				if err != nil || cert == nil || cert.Subject() != "CN=aztoken-ci" || warning != "" {
					t.Fatalf("got %v, %q, %v", cert, warning, err)
				}
				return
			}
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != tt.field || !strings.HasPrefix(fe.Message, tt.msg) {
				t.Fatalf("got %v; want %s: %q", err, tt.field, tt.msg)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("errors.Is(%v, %v) is false", err, tt.is)
			}
			if tt.password != "" && strings.Contains(fmtAll(err), tt.password) {
				t.Errorf("the error repeats the password: %v", err)
			}
		})
	}
}

func TestCertificateWarning(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		notAfter time.Time
		want     string
	}{
		{now.AddDate(1, 0, 0), ""},
		{now.AddDate(0, 0, 31), ""},
		{now.AddDate(0, 0, 12), "This certificate expires in 12 days, on 2026-03-13: upload a new one to the app before then"},
		{now.Add(3 * time.Hour), "This certificate expires today (2026-03-01)"},
		{now.AddDate(0, 0, -2), "This certificate expired on 2026-02-27 and Entra no longer accepts it"},
	}
	for _, tt := range tests {
		path := certFile(t, "c.pem", tt.notAfter, false, pemFile)
		_, warning, err := CheckCertificateFile(path, "", now)
		if err != nil || !strings.HasPrefix(warning, tt.want) || (tt.want == "") != (warning == "") {
			t.Errorf("expiring %v: got %q, %v; want %q", tt.notAfter, warning, err, tt.want)
		}
	}
}

func TestLoadCredential(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	year := time.Now().AddDate(1, 0, 0)
	secrets := NewMemory()
	secret := Profile{ID: "secret", Credential: SecretCredential}
	pem := Profile{ID: "pem", Credential: CertificateCredential, CertificateFile: certFile(t, "ci.pem", year, false, pemFile)}
	pfx := Profile{ID: "pfx", Credential: CertificateCredential, CertificateFile: certFile(t, "ci.pfx", year, false, pfxFile)}
	if _, err := secret.LoadCredential(ctx, secrets); !errors.Is(err, ErrSecretNotFound) {
		t.Errorf("secret profile without a secret: %v", err)
	}
	if _, err := pfx.LoadCredential(ctx, secrets); !errors.Is(err, tokens.ErrWrongPassword) {
		t.Errorf("PFX profile without its password: %v", err)
	}
	_ = secrets.Set(ctx, "secret", "s3cret-value")
	_ = secrets.Set(ctx, "pfx", pfxPassword)
	if c, err := secret.LoadCredential(ctx, secrets); err != nil || c != tokens.ClientSecret("s3cret-value") {
		t.Errorf("secret: %v, %v", c, err)
	}
	for _, p := range []Profile{pem, pfx} {
		c, err := p.LoadCredential(ctx, secrets)
		cc, ok := c.(tokens.CertificateCredential)
		if err != nil || !ok || cc.Certificate.Subject() != "CN=aztoken-ci" {
			t.Errorf("%s: %v, %v", p.ID, c, err)
		}
	}
}

func TestValidateCertificateProfiles(t *testing.T) {
	t.Parallel()
	cert := Profile{Name: "ci", Tenant: guid, ClientID: guid, Credential: CertificateCredential, CertificateFile: ` "/etc/aztoken/ci.pfx" `}
	got, err := cert.Validate()
	if err != nil || got.CertificateFile != "/etc/aztoken/ci.pfx" || got.Credential != CertificateCredential {
		t.Errorf("certificate profile: %+v, %v", got, err)
	}
	secret := cert
	secret.Credential = SecretCredential
	if got, err := secret.Validate(); err != nil || got.CertificateFile != "" {
		t.Errorf("a secret profile kept a certificate path: %+v, %v", got, err)
	}
}
