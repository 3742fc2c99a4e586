package setupcheck

import (
	"context"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
)

// certificateUntil makes a self-signed certificate that expires at notAfter.
func certificateUntil(t *testing.T, notAfter time.Time) *tokens.Certificate {
	t.Helper()
	key := emulator.TestKey()
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "aztoken-test"},
		NotBefore: notAfter.AddDate(-1, 0, 0), NotAfter: notAfter}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	data := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	data = append(data, pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)})...)
	cert, err := tokens.LoadCertificate(data, "")
	if err != nil {
		t.Fatal(err)
	}
	return cert
}

// TestCertificateExpiryComesFromTheCertificate: a certificate carries its
// own date, so the profile's secret date does not matter.
func TestCertificateExpiryComesFromTheCertificate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		notAfter time.Time
		want     Status
		detail   string
	}{
		{checkDay.AddDate(1, 0, 0), Pass, "the certificate expires on 2027-05-01"},
		{checkDay.AddDate(0, 0, 5), Warn, "the certificate expires on 2026-05-06, in 5 days"},
		{checkDay.AddDate(0, 0, -2), Fail, "the certificate expired on 2026-04-29, 2 days ago"},
	}
	for _, tt := range tests {
		r := &checkRun{now: checkDay, check: Check{
			Request:       tokens.Request{Credential: tokens.CertificateCredential{Certificate: certificateUntil(t, tt.notAfter)}},
			SecretExpires: checkDay.AddDate(0, 0, -100),
		}}
		s := r.credentialNotExpiring(context.Background())
		if s.Status != tt.want || !strings.Contains(s.Detail, tt.detail) {
			t.Errorf("%s: %s %q, want %s %q", tt.notAfter, s.Status, s.Detail, tt.want, tt.detail)
		}
		if s.Status != Pass && !strings.Contains(s.Fix, "upload its .cer") {
			t.Errorf("fix = %q", s.Fix)
		}
	}
}
