package emulator

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1" //nolint:gosec // x5t
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// certApp is the fixture's app that proves itself with a certificate.
const certApp = "0ce70ce7-0000-4000-8000-0000000000ce"

// The key pairs are made once: RSA key generation is slow under -race.
var (
	pairsOnce                      sync.Once
	registered, unregistered, lost *KeyPair
	pairsErr                       error
)

// pairs returns the app's registered certificate, one never uploaded, and
// an expired one that is still registered.
func pairs(t *testing.T) (ok, unknown, expired *KeyPair) {
	t.Helper()
	pairsOnce.Do(func() {
		keys := [2]*rsa.PrivateKey{TestKey(), OtherTestKey()}
		if registered, pairsErr = NewKeyPair(keys[0], "aztoken-ci", fixedNow.AddDate(1, 0, 0)); pairsErr != nil {
			return
		}
		if unregistered, pairsErr = NewKeyPair(keys[1], "someone-else", fixedNow.AddDate(1, 0, 0)); pairsErr != nil {
			return
		}
		lost, pairsErr = NewKeyPair(keys[1], "aztoken-old", fixedNow.AddDate(0, 0, -1))
	})
	if pairsErr != nil {
		t.Fatal(pairsErr)
	}
	return registered, unregistered, lost
}

// startWithCertificates runs the fixture with certApp holding the
// registered and the expired certificate.
func startWithCertificates(t *testing.T) *Server {
	ok, _, expired := pairs(t)
	return start(t, func(c *Config) {
		c.Tenants[0].Apps = append(c.Tenants[0].Apps, App{ClientID: certApp, DisplayName: "cert",
			Certificates: []*x509.Certificate{ok.Certificate, expired.Certificate}})
	})
}

// assertion signs header and claims with key as a client would.
func assertion(t *testing.T, key crypto.Signer, alg string, header, claims map[string]any) string {
	t.Helper()
	header["alg"] = alg
	h, _ := json.Marshal(header)
	c, _ := json.Marshal(claims)
	signing := base64.RawURLEncoding.EncodeToString(h) + "." + base64.RawURLEncoding.EncodeToString(c)
	digest := sha256.Sum256([]byte(signing))
	opts := crypto.SignerOpts(crypto.SHA256)
	if alg == "PS256" {
		opts = &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash, Hash: crypto.SHA256}
	}
	sig, err := key.Sign(rand.Reader, digest[:], opts)
	if err != nil {
		t.Fatal(err)
	}
	return signing + "." + base64.RawURLEncoding.EncodeToString(sig)
}

// thumbprints are a pair's header values: base64url SHA-1 and SHA-256.
func thumbprints(k *KeyPair) (x5t, x5tS256 string) {
	s1, s256 := sha1.Sum(k.Certificate.Raw), sha256.Sum256(k.Certificate.Raw) //nolint:gosec // x5t
	return base64.RawURLEncoding.EncodeToString(s1[:]), base64.RawURLEncoding.EncodeToString(s256[:])
}

// goodClaims are what a client sends to endpoint at fixedNow.
func goodClaims(endpoint string) map[string]any {
	return map[string]any{"aud": endpoint, "iss": certApp, "sub": certApp, "jti": newGUID(),
		"nbf": fixedNow.Unix(), "iat": fixedNow.Unix(), "exp": fixedNow.Add(5 * time.Minute).Unix()}
}

// assertionForm is a v1 or v2 request carrying assertion.
func assertionForm(assertion string, v2 bool) url.Values {
	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {certApp},
		"client_assertion_type": {jwtBearer}, "client_assertion": {assertion}}
	if v2 {
		form.Set("scope", armResource+".default")
	} else {
		form.Set("resource", armResource)
	}
	return form
}

func TestCertificateCredentialIsAccepted(t *testing.T) {
	t.Parallel()
	s := startWithCertificates(t)
	ok, _, _ := pairs(t)
	x5t, x5tS256 := thumbprints(ok)
	s1 := sha1.Sum(ok.Certificate.Raw) //nolint:gosec // x5t
	tests := []struct {
		name   string
		alg    string
		header map[string]any
		v2     bool
	}{
		{"RS256 with both thumbprints, v1", "RS256", map[string]any{"typ": "JWT", "x5t": x5t, "x5t#S256": x5tS256}, false},
		{"RS256 with both thumbprints, v2", "RS256", map[string]any{"typ": "JWT", "x5t": x5t, "x5t#S256": x5tS256}, true},
		{"PS256 with x5t#S256 as documented today", "PS256", map[string]any{"typ": "JWT", "x5t#S256": x5tS256}, true},
		{"x5t alone, padded standard base64 as older MSAL sent it", "RS256", map[string]any{"x5t": base64.StdEncoding.EncodeToString(s1[:])}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			endpoint := s.URL() + "/" + contosoID + "/oauth2/token"
			if tt.v2 {
				endpoint = s.URL() + "/" + contosoID + "/oauth2/v2.0/token"
			}
			r := post(t, endpoint, assertionForm(assertion(t, ok.Key, tt.alg, tt.header, goodClaims(endpoint)), tt.v2))
			if r.status != http.StatusOK {
				t.Fatalf("status %d: %s", r.status, r.body)
			}
			var body struct {
				AccessToken string `json:"access_token"`
			}
			r.json(t, &body)
			c, err := s.keys.verify(body.AccessToken)
			if err != nil || c.AppIDAcr != acrCertificate || c.AppID != certApp {
				t.Errorf("token claims %+v, %v; want appidacr 2 (certificate)", c, err)
			}
		})
	}
}

func TestCertificateCredentialFailures(t *testing.T) {
	t.Parallel()
	s := startWithCertificates(t)
	ok, unknown, expired := pairs(t)
	x5t, x5tS256 := thumbprints(ok)
	good := map[string]any{"typ": "JWT", "x5t": x5t, "x5t#S256": x5tS256}
	v1URL := s.URL() + "/" + contosoID + "/oauth2/token"
	claims := func(key string, value any) map[string]any {
		c := goodClaims(v1URL)
		if value == nil {
			delete(c, key)
		} else {
			c[key] = value
		}
		return c
	}
	headerOf := func(k *KeyPair) map[string]any {
		x5t, x5tS256 := thumbprints(k)
		return map[string]any{"x5t": x5t, "x5t#S256": x5tS256}
	}
	ecKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	_, unknownS256 := thumbprints(unknown)
	unknownHex := hexOf(t, unknownS256)
	tests := []struct {
		name        string
		form        url.Values
		wantStatus  int
		wantAADSTS  int
		wantMessage string
	}{
		{"no assertion type", with(assertionForm(assertion(t, ok.Key, "RS256", good, goodClaims(v1URL)), false), "client_assertion_type", ""), 400, 900144, "'client_assertion_type'"},
		{"other assertion type", with(assertionForm("x", false), "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:saml2-bearer"), 400, 90011, "Unexpected client assertion type."},
		{"type without assertion", with(assertionForm("", false), "client_assertion", ""), 400, 900144, "'client_assertion'"},
		{"not a JWT", assertionForm("not-a-jwt", false), 401, 50027, "JWT token is invalid or malformed."},
		{"alg none", assertionForm(unsigned(map[string]any{"alg": "none", "x5t": x5t}, goodClaims(v1URL)), false), 401, 50027, "invalid or malformed"},
		{"signed with ECDSA", assertionForm(assertion(t, ecKey, "ES256", good, goodClaims(v1URL)), false), 401, 50027, "invalid or malformed"},
		{"aud as a list", assertionForm(assertion(t, ok.Key, "RS256", good, claims("aud", []string{v1URL})), false), 401, 50027, "invalid or malformed"},
		{"no thumbprint", assertionForm(assertion(t, ok.Key, "RS256", map[string]any{"typ": "JWT"}, goodClaims(v1URL)), false), 401, 50027, "No certificate thumbprint specified in token header."},
		{"certificate not uploaded", assertionForm(assertion(t, unknown.Key, "RS256", headerOf(unknown), goodClaims(v1URL)), false), 401, 700027, "[Reason - The key was not found., Thumbprint of key used by client: '" + unknownHex + "', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '" + certApp + "'.]"},
		{"signed by another key", assertionForm(assertion(t, unknown.Key, "RS256", good, goodClaims(v1URL)), false), 401, 700027, "The provided signature value did not match the expected signature value., Thumbprint of key used by client: '" + hexOf(t, x5tS256) + "', Found key 'Start=05/06/2024 07:08:09, End=05/06/2025 07:08:09'"},
		{"registered certificate expired", assertionForm(assertion(t, expired.Key, "RS256", headerOf(expired), goodClaims(v1URL)), false), 401, 700027, "The key used is expired."},
		{"v2 audience sent to v1", assertionForm(assertion(t, ok.Key, "RS256", good, claims("aud", s.URL()+"/"+contosoID+"/oauth2/v2.0/token")), false), 401, 700023, "Client assertion audience claim does not match Realm issuer."},
		{"public cloud audience sent to the emulator", assertionForm(assertion(t, ok.Key, "RS256", good, claims("aud", "https://login.microsoftonline.com/"+contosoID+"/oauth2/token")), false), 401, 700023, "audience claim"},
		{"issuer is another app", assertionForm(assertion(t, ok.Key, "RS256", good, claims("iss", appID)), false), 401, 700021, "doesn't match 'client_id' parameter"},
		{"no subject", assertionForm(assertion(t, ok.Key, "RS256", good, claims("sub", nil)), false), 401, 700021, "application identifier"},
		{"expired an hour ago", assertionForm(assertion(t, ok.Key, "RS256", good, claims("exp", fixedNow.Add(-time.Hour).Unix())), false), 401, 700024,
			"Client assertion is not within its valid time range. Current time: 2024-05-06T07:08:09.0000000Z, assertion valid from 2024-05-06T07:08:09.0000000Z, expiry time of assertion 2024-05-06T06:08:09.0000000Z. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials"},
		{"not valid for ten minutes", assertionForm(assertion(t, ok.Key, "RS256", good, claims("nbf", fixedNow.Add(10*time.Minute).Unix())), false), 401, 700024, "not within its valid time range"},
		{"no exp", assertionForm(assertion(t, ok.Key, "RS256", good, claims("exp", nil)), false), 401, 700024, "expiry time of assertion 1970-01-01T00:00:00.0000000Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := post(t, v1URL, tt.form)
			e := entraErrorOf(t, r)
			if r.status != tt.wantStatus || !slices.Equal(e.ErrorCodes, []int{tt.wantAADSTS}) || !strings.Contains(e.ErrorDescription, tt.wantMessage) {
				t.Errorf("got %d %s %v\n%s\nwant %d [%d] with %q", r.status, e.Error, e.ErrorCodes, e.ErrorDescription, tt.wantStatus, tt.wantAADSTS, tt.wantMessage)
			}
			if tt.wantStatus == 401 && e.Error != "invalid_client" {
				t.Errorf("error %q, want invalid_client", e.Error)
			}
		})
	}
}

func TestClockSkewIsTolerated(t *testing.T) {
	t.Parallel()
	s := startWithCertificates(t)
	ok, _, _ := pairs(t)
	x5t, x5tS256 := thumbprints(ok)
	v1URL := s.URL() + "/" + contosoID + "/oauth2/token"
	// A client whose clock runs three minutes fast.
	c := goodClaims(v1URL)
	c["nbf"], c["exp"] = fixedNow.Add(3*time.Minute).Unix(), fixedNow.Add(8*time.Minute).Unix()
	r := post(t, v1URL, assertionForm(assertion(t, ok.Key, "RS256", map[string]any{"x5t": x5t, "x5t#S256": x5tS256}, c), false))
	if r.status != http.StatusOK {
		t.Errorf("status %d: %s", r.status, r.body)
	}
}

// hexOf is a base64url thumbprint in the portal's upper-case hex.
func hexOf(t *testing.T, b64 string) string {
	t.Helper()
	b, err := decodeThumbprint(b64)
	if err != nil {
		t.Fatal(err)
	}
	return strings.ToUpper(hex.EncodeToString(b))
}

// unsigned is a JWT with alg none and no signature.
func unsigned(header, claims map[string]any) string {
	h, _ := json.Marshal(header)
	c, _ := json.Marshal(claims)
	return base64.RawURLEncoding.EncodeToString(h) + "." + base64.RawURLEncoding.EncodeToString(c) + "."
}
