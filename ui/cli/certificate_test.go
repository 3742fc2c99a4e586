package cli

import (
	"context"
	"crypto/rsa"
	"crypto/x509"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
)

// certApp is the sample world's extra app, which proves itself with the
// registered certificate.
const certApp = "0ce70ce7-0000-4000-8000-0000000000ce"

// certFiles are the test's certificate files: the registered one as PFX
// (password "pfx pass") and PEM, one expiring soon (registered too), and
// one never uploaded.
type certFiles struct {
	pfx, pem, soon, unregistered string
}

func newCertWorld(t *testing.T) (*world, certFiles) {
	t.Helper()
	// The process's shared test keys: RSA key generation is slow under -race.
	keys := [2]*rsa.PrivateKey{emulator.TestKey(), emulator.OtherTestKey()}
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	pair := func(key int, subject string, notAfter time.Time) *emulator.KeyPair {
		t.Helper()
		k, err := emulator.NewKeyPair(keys[key], subject, notAfter)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	ok := pair(0, "aztoken-ci", time.Now().AddDate(1, 0, 0))
	soon := pair(0, "aztoken-soon", time.Now().Add(10*24*time.Hour+time.Hour))
	other := pair(1, "not-uploaded", time.Now().AddDate(1, 0, 0))
	var f certFiles
	f.pfx = write("ci.pfx", must(t)(ok.PFX("pfx pass")))
	f.pem = write("ci.pem", must(t)(ok.PEM()))
	f.soon = write("soon.pem", must(t)(soon.PEM()))
	f.unregistered = write("other.pem", must(t)(other.PEM()))
	w := newWorldWith(t, func(c *emulator.Config) {
		c.Tenants[0].Apps = append(c.Tenants[0].Apps, emulator.App{ClientID: certApp, DisplayName: "cert-app",
			Certificates: []*x509.Certificate{ok.Certificate, soon.Certificate}})
	})
	return w, f
}

// must fails the test on an error and passes the bytes on.
func must(t *testing.T) func([]byte, error) []byte {
	return func(b []byte, err error) []byte {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
}

// addCertProfile adds a certificate profile for certApp on the emulator.
func (w *world) addCertProfile(name, file, stdin string, extra ...string) (int, string) {
	w.t.Helper()
	args := append([]string{"profiles", "add", "--name", name,
		"--tenant", emulator.SampleTenant, "--client-id", certApp, "--cloud", "custom",
		"--authority-host", w.srv.URL(), "--arm-endpoint", w.srv.URL(),
		"--resource", "https://management.azure.com/", "--cert-file", file}, extra...)
	code, _, stderr := w.run(stdin, args...)
	return code, stderr
}

func TestCertificateProfileGetsATokenFromPFXAndPEM(t *testing.T) {
	t.Parallel()
	w, f := newCertWorld(t)
	if code, stderr := w.addCertProfile("pfx", f.pfx, "pfx pass\n", "--cert-password-stdin"); code != ExitOK || !strings.Contains(stderr, "CN=aztoken-ci") {
		t.Fatalf("add pfx: exit %d: %s", code, stderr)
	}
	if code, stderr := w.addCertProfile("pem", f.pem, ""); code != ExitOK {
		t.Fatalf("add pem: exit %d: %s", code, stderr)
	}
	store, _ := w.env.OpenStore()
	for name, wantPassword := range map[string]string{"pfx": "pfx pass", "pem": ""} {
		p, _ := store.ByName(name)
		if p.Credential != profiles.CertificateCredential || !filepath.IsAbs(p.CertificateFile) {
			t.Errorf("%s: saved %+v", name, p)
		}
		got, err := w.secrets.Get(context.Background(), p.ID)
		if wantPassword == "" && err != profiles.ErrSecretNotFound || wantPassword != "" && got != wantPassword {
			t.Errorf("%s: keyring holds %q, %v; want %q", name, got, err, wantPassword)
		}
		code, stdout, stderr := w.run("", "token", "-p", name)
		if code != ExitOK {
			t.Fatalf("token -p %s: exit %d: %s", name, code, stderr)
		}
		j, err := tokens.DecodeJWT(strings.TrimSpace(stdout))
		if err != nil || j.Claims.AppID != certApp || string(j.Raw["appidacr"]) != `"2"` {
			t.Errorf("%s: token %+v, appidacr %s, %v", name, j.Claims, j.Raw["appidacr"], err)
		}
	}
	// The v2 endpoint too.
	if code, _, stderr := w.run("", "profiles", "edit", "pem", "--scope", "https://management.azure.com/.default"); code != ExitOK {
		t.Fatalf("edit: %s", stderr)
	}
	if code, stdout, stderr := w.run("", "token", "-p", "pem"); code != ExitOK || !strings.HasPrefix(stdout, "eyJ") {
		t.Errorf("v2 token: exit %d: %s", code, stderr)
	}
}

func TestShowDescribesTheCertificate(t *testing.T) {
	t.Parallel()
	w, f := newCertWorld(t)
	w.addCertProfile("ci", f.pem, "")
	w.addCertProfile("soon", f.soon, "")
	cert, err := tokens.LoadCertificate(must(t)(os.ReadFile(f.pem)), "")
	if err != nil {
		t.Fatal(err)
	}
	_, show, stderr := w.run("", "profiles", "show", "ci")
	tp := cert.Thumbprints()
	for _, want := range []string{"Credential:", "certificate", f.pem, "CN=aztoken-ci", tp.SHA1, tp.SHA256, "Certificate expires:", "(in 36"} {
		if !strings.Contains(show, want) {
			t.Errorf("show lacks %q:\n%s", want, show)
		}
	}
	if strings.Contains(show, "Client secret") || strings.Contains(stderr, "warning") {
		t.Errorf("show:\n%s\nstderr: %s", show, stderr)
	}
	_, show, stderr = w.run("", "profiles", "show", "soon")
	if !strings.Contains(show, "(in 10 days)") || !strings.Contains(stderr, "warning: This certificate expires in 10 days") {
		t.Errorf("show:\n%s\nstderr: %s", show, stderr)
	}
}

func TestCertificateMistakesAreExplained(t *testing.T) {
	t.Parallel()
	w, f := newCertWorld(t)
	tests := []struct {
		name   string
		file   string
		stdin  string
		extra  []string
		stderr []string
	}{
		{"wrong PFX password", f.pfx, "wrong\n", []string{"--cert-password-stdin"}, []string{"Certificate password:", "does not open the PFX file", "fix: Enter the password"}},
		{"PFX password missing", f.pfx, "", nil, []string{"protected by a password", "--cert-password-stdin"}},
		{"no such file", filepath.Join(t.TempDir(), "nope.pfx"), "", nil, []string{"Certificate file: No file at this path"}},
		{"secret flag on a certificate", f.pem, "s\n", []string{"--secret-stdin"}, []string{"--cert-password-stdin"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stderr := w.addCertProfile("x", tt.file, tt.stdin, tt.extra...)
			if code != ExitUsage {
				t.Errorf("exit %d, want %d", code, ExitUsage)
			}
			for _, want := range tt.stderr {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			}
			if _, err := os.Stat(filepath.Join(w.dir, "profiles.json")); !os.IsNotExist(err) {
				t.Error("a profile was saved")
			}
		})
	}
	w.addCertProfile("other", f.unregistered, "")
	code, _, stderr := w.run("", "token", "-p", "other")
	if code != ExitCredential || !strings.Contains(stderr, "AADSTS700027") || !strings.Contains(stderr, "upload its .cer") {
		t.Errorf("unregistered certificate: exit %d: %s", code, stderr)
	}
}

func TestSwitchingCredentialKinds(t *testing.T) {
	t.Parallel()
	w, f := newCertWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	store, _ := w.env.OpenStore()
	p, _ := store.ByName("dev")
	// The app also has the certificate: the old secret must not linger as
	// a "PFX password".
	if code, _, stderr := w.run("", "profiles", "edit", "dev", "--client-id", certApp, "--cert-file", f.pem); code != ExitOK {
		t.Fatalf("to certificate: exit %d: %s", code, stderr)
	}
	if _, err := w.secrets.Get(context.Background(), p.ID); err != profiles.ErrSecretNotFound {
		t.Errorf("the client secret survived the switch to a PEM certificate: %v", err)
	}
	if code, _, stderr := w.run("", "token", "-p", "dev"); code != ExitOK {
		t.Fatalf("token: %s", stderr)
	}
	code, _, stderr := w.run("", "profiles", "edit", "dev", "--credential", "secret", "--client-id", emulator.SampleApp)
	if code != ExitUsage || !strings.Contains(stderr, "--secret-stdin") {
		t.Errorf("back to a secret without one: exit %d: %s", code, stderr)
	}
	if code, _, stderr := w.run(emulator.SampleSecret+"\n", "profiles", "edit", "dev", "--credential", "secret", "--client-id", emulator.SampleApp, "--secret-stdin"); code != ExitOK {
		t.Fatalf("back to a secret: %s", stderr)
	}
	if err := store.Reload(); err != nil {
		t.Fatal(err)
	}
	if p, _ = store.ByName("dev"); p.CertificateFile != "" || p.Credential != profiles.SecretCredential {
		t.Errorf("after switching back: %+v", p)
	}
	if code, _, stderr := w.run("", "token", "-p", "dev"); code != ExitOK {
		t.Errorf("token with the secret again: %s", stderr)
	}
}

func TestEnvProfileWithACertificate(t *testing.T) {
	t.Parallel()
	w, f := newCertWorld(t)
	vars := map[string]string{
		"AZURE_TENANT_ID": emulator.SampleTenant, "AZURE_CLIENT_ID": certApp, "AZURE_AUTHORITY_HOST": w.srv.URL(),
		"AZURE_CLIENT_CERTIFICATE_PATH": f.pfx, "AZURE_CLIENT_CERTIFICATE_PASSWORD": "pfx pass",
	}
	w.env.Getenv = func(k string) string { return vars[k] }
	if code, stdout, stderr := w.run("", "token", "--env"); code != ExitOK || !strings.HasPrefix(stdout, "eyJ") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	vars["AZURE_CLIENT_CERTIFICATE_PASSWORD"] = "wrong"
	if code, _, stderr := w.run("", "token", "--env"); code != ExitUsage || !strings.Contains(stderr, "does not open the PFX file") {
		t.Errorf("wrong password: exit %d: %s", code, stderr)
	}
}

func TestPostmanExportOfACertificateProfile(t *testing.T) {
	t.Parallel()
	w, f := newCertWorld(t)
	w.addCertProfile("ci", f.pfx, "pfx pass\n", "--cert-password-stdin")
	file := filepath.Join(t.TempDir(), "ci.postman_environment.json")
	if code, _, stderr := w.run("", "profiles", "export", file, "--postman", "-p", "ci", "--include-secret"); code != ExitUsage || !strings.Contains(stderr, "no client secret to export") {
		t.Errorf("--include-secret: exit %d: %s", code, stderr)
	}
	if code, _, stderr := w.run("", "profiles", "export", file, "--postman", "-p", "ci", "--with-token"); code != ExitOK {
		t.Fatalf("--with-token: %s", stderr)
	}
	if data, _ := os.ReadFile(file); strings.Contains(string(data), "pfx pass") || !strings.Contains(string(data), "eyJ") {
		t.Errorf("export:\n%s", data)
	}
}

func TestMovedCertificateFile(t *testing.T) {
	t.Parallel()
	w, f := newCertWorld(t)
	w.addCertProfile("ci", f.pem, "")
	if err := os.Remove(f.pem); err != nil {
		t.Fatal(err)
	}
	// Other fields can still be edited; the token request says what is wrong.
	if code, _, stderr := w.run("", "profiles", "edit", "ci", "--notes", "moved"); code != ExitOK {
		t.Errorf("edit notes: exit %d: %s", code, stderr)
	}
	if code, _, stderr := w.run("", "token", "-p", "ci"); code != ExitUsage || !strings.Contains(stderr, "Certificate file: No file at this path") {
		t.Errorf("token: exit %d: %s", code, stderr)
	}
	if _, show, _ := w.run("", "profiles", "show", "ci"); !strings.Contains(show, "cannot be used: Certificate file: No file at this path") {
		t.Errorf("show:\n%s", show)
	}
}
