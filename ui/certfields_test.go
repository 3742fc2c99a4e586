package ui

import (
	"context"
	"crypto/x509"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
)

// certWorld is a certificate uploaded to the sample app, valid until
// validFor after the tests' clock, with its PEM and PFX files on disk.
type certWorld struct {
	pair             *emulator.KeyPair
	pemPath, pfxPath string
	thumbprints      tokens.Thumbprints
}

const (
	pfxPassword = "pfx-Passw0rd"
	halfAYear   = 180 * 24 * time.Hour
)

func newCertWorld(t *testing.T, validFor time.Duration) *certWorld {
	t.Helper()
	pair, err := emulator.NewKeyPair(emulator.TestKey(), "aztoken-ui-test", testStart.Add(validFor))
	if err != nil {
		t.Fatal(err)
	}
	pemData, err := pair.PEM()
	if err != nil {
		t.Fatal(err)
	}
	pfxData, err := pair.PFX(pfxPassword)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cw := &certWorld{pair: pair, pemPath: filepath.Join(dir, "app.pem"), pfxPath: filepath.Join(dir, "app.pfx")}
	for path, data := range map[string][]byte{cw.pemPath: pemData, cw.pfxPath: pfxData} {
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	cert, err := tokens.LoadCertificate(pemData, "")
	if err != nil {
		t.Fatal(err)
	}
	cw.thumbprints = cert.Thumbprints()
	return cw
}

// upload registers the certificate on the sample app.
func (cw *certWorld) upload(c *emulator.Config) {
	c.Tenants[0].Apps[0].Certificates = []*x509.Certificate{cw.pair.Certificate}
}

func TestAPEMCertificateReplacesTheSecretAndGetsAToken(t *testing.T) {
	cw := newCertWorld(t, halfAYear)
	f := newFixtureWith(t, cw.upload)
	p := f.seed(f.sample("dev", emulator.SampleApp), emulator.SampleSecret)
	w := f.open()
	f.getToken()
	e := w.editor

	e.kind.SetSelected(certificateKind)
	if !e.certRows[1].Visible() || e.secretRows[1].Visible() {
		t.Fatal("choosing Certificate should swap the secret's row for the file's")
	}
	e.cert.file.entry.SetText(cw.pemPath)
	test.Tap(e.cert.check)
	f.wait()
	c := e.cert
	if !c.info.Visible() || c.subject.Text != "CN=aztoken-ui-test" {
		t.Fatalf("the certificate should be described, subject %q; file says %q", c.subject.Text, c.file.message.Text)
	}
	if c.sha1.Text != cw.thumbprints.SHA1 || c.sha256.Text != cw.thumbprints.SHA256 || len(c.sha1.Text) != 40 {
		t.Errorf("thumbprints %q and %q, want the portal's %q and %q", c.sha1.Text, c.sha256.Text, cw.thumbprints.SHA1, cw.thumbprints.SHA256)
	}
	if c.expires.Text != "2025-09-10 (in 180 days)" || c.warning.Visible() {
		t.Errorf("expiry %q (warning %q), want the day and no warning half a year off", c.expires.Text, c.warning.Text)
	}

	test.Tap(e.save)
	f.wait()
	saved, _ := w.ctrl.profile(p.ID)
	if saved.Credential != profiles.CertificateCredential || saved.CertificateFile != cw.pemPath {
		t.Fatalf("stored %q with %q, want the certificate", saved.Credential, saved.CertificateFile)
	}
	if _, err := f.secrets.Get(context.Background(), p.ID); !errors.Is(err, profiles.ErrSecretNotFound) {
		t.Errorf("a PEM file needs no password, so the old client secret must go: %v", err)
	}
	if _, ok := w.ctrl.token(saved); ok {
		t.Error("the secret's token should be forgotten once the credential changed")
	}
	if !c.info.Visible() {
		t.Error("after saving, the certificate is still described")
	}

	f.getToken()
	if tok, ok := w.ctrl.token(saved); !ok || w.errors.box.Visible() {
		t.Fatalf("the certificate should get a token: %s", w.errors.message.Text)
	} else if j, err := tokens.DecodeJWT(tok.AccessToken); err != nil || j.Claims.AppID != emulator.SampleApp {
		t.Errorf("token for %q, %v", j.Claims.AppID, err)
	}
}

func TestAWrongPFXPasswordIsSaidAtItsField(t *testing.T) {
	cw := newCertWorld(t, halfAYear)
	f := newFixtureWith(t, cw.upload)
	p := f.seed(f.sample("dev", emulator.SampleApp), emulator.SampleSecret)
	w := f.open()
	e := w.editor
	c := e.cert
	e.kind.SetSelected(certificateKind)
	c.file.entry.SetText(cw.pfxPath)
	test.Type(c.password.entry, "not-the-password")
	// Leaving the password reads the file, not each keystroke.
	if n := len(w.ctrl.tasks); n != 0 {
		t.Fatalf("%d tasks started while typing", n)
	}
	w.win.Canvas().Focus(c.passwordEntry)
	w.win.Canvas().Unfocus()
	f.wait()

	msg := c.password.message
	fix := tokens.Fix(&tokens.CertificateError{Problem: tokens.ErrWrongPassword})
	if !msg.Visible() || !strings.Contains(msg.Text, "password does not open the PFX file") || !strings.Contains(msg.Text, fix) {
		t.Errorf("the password field says %q, want the wrong password and its fix", msg.Text)
	}
	if c.file.message.Visible() || c.info.Visible() || !e.save.Disabled() {
		t.Error("only the password is wrong: the file is not blamed, nothing is described, Save is off")
	}

	c.password.entry.SetText(pfxPassword)
	test.Tap(c.check)
	f.wait()
	if msg.Visible() || c.sha1.Text != cw.thumbprints.SHA1 || e.save.Disabled() {
		t.Fatalf("the right password should open the file: %q", msg.Text)
	}
	test.Tap(e.save)
	f.wait()
	if stored, err := f.secrets.Get(context.Background(), p.ID); err != nil || stored != pfxPassword {
		t.Errorf("the PFX password should be kept like a secret, store holds %q, %v", stored, err)
	}
	if c.password.entry.Text != "" {
		t.Error("the password is never shown again")
	}
	f.getToken()
	if _, ok := w.ctrl.token(e.loaded); !ok {
		t.Errorf("the PFX should get a token with the stored password: %s", w.errors.message.Text)
	}
}

func TestSavingAnUncheckedMissingCertificateStoresNothing(t *testing.T) {
	f := newFixture(t)
	p := f.seed(f.sample("dev", emulator.SampleApp), emulator.SampleSecret)
	w := f.open()
	e := w.editor
	e.kind.SetSelected(certificateKind)
	e.cert.file.entry.SetText(filepath.Join(t.TempDir(), "missing.pfx"))
	test.Tap(e.save)
	f.wait()

	if msg := e.cert.file.message.Text; !strings.HasPrefix(msg, "No file at this path") {
		t.Errorf("the file field says %q", msg)
	}
	if stored, _ := w.ctrl.profile(p.ID); stored.Credential == profiles.CertificateCredential {
		t.Error("a certificate that does not load must not be saved")
	}
	if s, err := f.secrets.Get(context.Background(), p.ID); err != nil || s != emulator.SampleSecret {
		t.Error("the client secret must stay while nothing is saved")
	}
}

func TestACertificateExpiringSoonIsWarnedAbout(t *testing.T) {
	cw := newCertWorld(t, 10*24*time.Hour)
	f := newFixture(t)
	w := f.open()
	test.Tap(w.empty.add)
	c := w.editor.cert
	w.editor.kind.SetSelected(certificateKind)
	c.file.entry.SetText(cw.pemPath)
	c.file.entry.OnSubmitted(c.file.entry.Text) // Enter
	f.wait()
	if c.expires.Text != "2025-03-24 (in 10 days)" || !c.warning.Visible() || !strings.Contains(c.warning.Text, "expires in 10 days") {
		t.Errorf("expiry %q, warning %q (shown %v): want the 30-day warning", c.expires.Text, c.warning.Text, c.warning.Visible())
	}
}
