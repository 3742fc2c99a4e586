package tokens

import (
	"context"
	"crypto/sha1" //nolint:gosec // x5t
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens/emulator"
)

// certAppID is the world's app that proves itself with a certificate.
const certAppID = "0ce70ce7-0000-4000-8000-0000000000ce"

// certWorld runs the emulator with certAppID holding registered's public
// part, and returns a request for it signed by loaded.
func certWorld(t *testing.T, registered *x509.Certificate, loaded *emulator.KeyPair) (*emulator.Server, *Client, Request) {
	t.Helper()
	srv, c, _ := startWorld(t, func(cfg *emulator.Config) {
		cfg.Tenants[0].Apps = append(cfg.Tenants[0].Apps, emulator.App{
			ClientID: certAppID, DisplayName: "cert-app", Certificates: []*x509.Certificate{registered},
		})
	})
	cert, err := LoadCertificate(pfxOf(t, loaded, "pw"), "pw")
	if err != nil {
		t.Fatal(err)
	}
	r := request(srv)
	r.ClientID, r.Credential = certAppID, CertificateCredential{Certificate: cert}
	return srv, c, r
}

func TestAssertionIsWhatEntraExpects(t *testing.T) {
	t.Parallel()
	k := pair(t, 0, "aztoken-ci", time.Now().AddDate(1, 0, 0))
	cert, err := LoadCertificate(pemOf(t, k), "")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.FixedZone("CET", 3600))
	const tokenURL = "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token"
	var jtis []string
	for range 2 {
		form := url.Values{"client_id": {appID}}
		if err := (CertificateCredential{Certificate: cert}).addTo(form, tokenURL, now); err != nil {
			t.Fatal(err)
		}
		if form.Get("client_assertion_type") != "urn:ietf:params:oauth:client-assertion-type:jwt-bearer" || form.Has("client_secret") {
			t.Errorf("form %v", form)
		}
		j, err := DecodeJWT(form.Get("client_assertion"))
		if err != nil {
			t.Fatal(err)
		}
		s1, s256 := sha1.Sum(k.Certificate.Raw), sha256.Sum256(k.Certificate.Raw) //nolint:gosec // x5t
		wantHeader := map[string]any{"alg": "RS256", "typ": "JWT",
			"x5t": base64.RawURLEncoding.EncodeToString(s1[:]), "x5t#S256": base64.RawURLEncoding.EncodeToString(s256[:])}
		for key, want := range wantHeader {
			if j.Header[key] != want {
				t.Errorf("header %s = %v, want %v", key, j.Header[key], want)
			}
		}
		c := j.Claims
		if c.Audience != tokenURL || c.Issuer != appID || c.Subject != appID {
			t.Errorf("aud %q iss %q sub %q", c.Audience, c.Issuer, c.Subject)
		}
		// Unix seconds are UTC whatever the local zone: the 700024 trap.
		if c.NotBefore.Unix() != now.Unix() || c.IssuedAt.Unix() != now.Unix() || c.ExpiresAt.Sub(c.NotBefore) != 5*time.Minute {
			t.Errorf("nbf %v iat %v exp %v", c.NotBefore, c.IssuedAt, c.ExpiresAt)
		}
		var jti string
		if err := decodePart(strings.Split(form.Get("client_assertion"), ".")[1], &struct {
			Jti *string `json:"jti"`
		}{&jti}); err != nil || len(jti) != 36 || jti[14] != '4' {
			t.Errorf("jti %q is not a UUIDv4", jti)
		}
		jtis = append(jtis, jti)
	}
	if jtis[0] == jtis[1] {
		t.Error("two assertions share a jti")
	}
}

func TestCertificateTokenOnBothEndpoints(t *testing.T) {
	t.Parallel()
	k := pair(t, 0, "aztoken-ci", time.Now().AddDate(1, 0, 0))
	_, c, r := certWorld(t, k.Certificate, k)
	for _, target := range []Target{ResourceTarget(armResource), ScopeTarget(armResource + ".default")} {
		t.Run(target.String(), func(t *testing.T) {
			r.Target = target
			tok, err := c.Token(context.Background(), r)
			if err != nil {
				t.Fatalf("%v (fix: %s)", err, Fix(err))
			}
			j, err := DecodeJWT(tok.AccessToken)
			if err != nil || j.Claims.AppID != certAppID || string(j.Raw["appidacr"]) != `"2"` {
				t.Errorf("token claims %+v, appidacr %s, %v", j.Claims, j.Raw["appidacr"], err)
			}
		})
	}
}

func TestCertificateFailuresAreExplained(t *testing.T) {
	t.Parallel()
	registered := pair(t, 0, "aztoken-ci", time.Now().AddDate(1, 0, 0))
	other := pair(t, 1, "not-uploaded", time.Now().AddDate(1, 0, 0))
	tests := []struct {
		name    string
		loaded  *emulator.KeyPair
		clock   time.Duration // how far the client's clock is behind
		aadsts  int
		fixHas  string
		message string
	}{
		{"certificate not uploaded", other, 0, 700027, "upload its .cer", "The key was not found"},
		{"assertion expired (clock an hour behind)", registered, time.Hour, 700024, "clock", "not within its valid time range"},
	}
	for _, tt := range tests {
		for _, target := range []Target{ResourceTarget(armResource), ScopeTarget(armResource + ".default")} {
			t.Run(tt.name+", "+target.String(), func(t *testing.T) {
				_, c, r := certWorld(t, registered.Certificate, tt.loaded)
				r.Target = target
				c.Now = func() time.Time { return time.Now().Add(-tt.clock) }
				_, err := c.Token(context.Background(), r)
				var e *EntraError
				if !errors.As(err, &e) || e.AADSTS() != tt.aadsts || e.Status != 401 || !strings.Contains(e.Message(), tt.message) {
					t.Fatalf("got %v; want AADSTS%d", err, tt.aadsts)
				}
				if !strings.Contains(Fix(err), tt.fixHas) {
					t.Errorf("fix %q lacks %q", Fix(err), tt.fixHas)
				}
			})
		}
	}
}

func TestExpiredCertificateIsNotSent(t *testing.T) {
	t.Parallel()
	old := pair(t, 0, "old", time.Now().AddDate(0, 0, -1))
	srv, c, r := certWorld(t, old.Certificate, old)
	_, err := c.Token(context.Background(), r)
	if !errors.Is(err, ErrCertificateExpired) || !strings.Contains(err.Error(), time.Now().AddDate(0, 0, -1).UTC().Format(time.DateOnly)) {
		t.Fatalf("got %v; want ErrCertificateExpired with the date", err)
	}
	if !strings.Contains(Fix(err), "Create a new certificate") {
		t.Errorf("fix %q", Fix(err))
	}
	if n := srv.Requests(emulator.TokenEndpoint); n != 0 {
		t.Errorf("%d requests reached Entra with an expired certificate", n)
	}
}
