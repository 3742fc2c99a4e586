package emulator

import (
	"crypto"
	"crypto/rsa"
	"crypto/sha1" //nolint:gosec // x5t is a SHA-1 thumbprint by definition
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"strings"
	"testing"
	"time"
)

// verifiedClaims checks token the way a relying party would, with only the
// server's public key, and returns its claims.
func verifiedClaims(t *testing.T, s *Server, token string) map[string]any {
	t.Helper()
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		t.Fatalf("not a JWS: %q", token)
	}
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil {
		t.Fatal(err)
	}
	digest := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if err := rsa.VerifyPKCS1v15(s.PublicKey(), crypto.SHA256, digest[:], sig); err != nil {
		t.Fatalf("signature does not verify with the server's key: %v", err)
	}
	return segment(t, parts[1])
}

func segment(t *testing.T, seg string) map[string]any {
	t.Helper()
	b, err := base64.RawURLEncoding.DecodeString(seg)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestV1TokenClaims(t *testing.T) {
	t.Parallel()
	s := start(t, nil)
	tok := armToken(t, s)
	header := segment(t, strings.Split(tok, ".")[0])
	if header["typ"] != "JWT" || header["alg"] != "RS256" || header["x5t"] == nil || header["kid"] != header["x5t"] {
		t.Errorf("header %v", header)
	}
	c := verifiedClaims(t, s, tok)
	issued := float64(fixedNow.Add(-5 * time.Minute).Unix())
	want := map[string]any{
		"aud":             armResource,
		"iss":             "https://sts.windows.net/" + contosoID + "/",
		"idp":             "https://sts.windows.net/" + contosoID + "/",
		"iat":             issued,
		"nbf":             issued,
		"exp":             float64(fixedNow.Add(time.Hour).Unix()),
		"app_displayname": "aztoken-test",
		"appid":           appID,
		"appidacr":        "1",
		"idtyp":           "app",
		"oid":             appOID,
		"sub":             appOID,
		"tid":             contosoID,
		"ver":             "1.0",
	}
	for k, v := range want {
		if c[k] != v {
			t.Errorf("%s = %v, want %v", k, c[k], v)
		}
	}
	if roles, _ := c["roles"].([]any); len(roles) != 1 || roles[0] != "Directory.Read.All" {
		t.Errorf("roles %v", c["roles"])
	}
	for _, k := range []string{"aio", "rh", "uti"} {
		if s, _ := c[k].(string); s == "" {
			t.Errorf("%s missing", k)
		}
	}
	if _, ok := c["azp"]; ok {
		t.Error("v1 token carries azp")
	}
}

func TestV2TokenClaims(t *testing.T) {
	t.Parallel()
	s := start(t, func(c *Config) { c.AccessTokenVersion = 2 })
	c := verifiedClaims(t, s, armToken(t, s))
	want := map[string]any{
		"iss":    "https://login.microsoftonline.com/" + contosoID + "/v2.0",
		"azp":    appID,
		"azpacr": "1",
		"ver":    "2.0",
		"oid":    appOID,
	}
	for k, v := range want {
		if c[k] != v {
			t.Errorf("%s = %v, want %v", k, c[k], v)
		}
	}
	for _, k := range []string{"appid", "appidacr", "app_displayname"} {
		if _, ok := c[k]; ok {
			t.Errorf("v2 token carries %s", k)
		}
	}
	// The emulator's ARM takes both formats, so the option does not cut
	// tests off from ARM.
	if r := get(t, s.URL()+"/subscriptions?api-version=2022-12-01", "Bearer "+armToken(t, s)); r.status != 200 {
		t.Errorf("ARM refused a v2 token: %d %s", r.status, r.body)
	}
}

func TestJWKSPublishesTheSigningKey(t *testing.T) {
	t.Parallel()
	s := start(t, nil)
	for _, path := range []string{"/" + contosoID + "/discovery/v2.0/keys", "/common/discovery/keys"} {
		t.Run(path, func(t *testing.T) {
			r := get(t, s.URL()+path, "")
			var set struct {
				Keys []struct {
					Kty, Use, Kid, X5t, N, E string
					X5c                      []string
				} `json:"keys"`
			}
			r.json(t, &set)
			if len(set.Keys) != 1 {
				t.Fatalf("%d keys", len(set.Keys))
			}
			k := set.Keys[0]
			n, _ := base64.RawURLEncoding.DecodeString(k.N)
			e, _ := base64.RawURLEncoding.DecodeString(k.E)
			pub := &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(new(big.Int).SetBytes(e).Int64())}
			if k.Kty != "RSA" || k.Use != "sig" || !pub.Equal(s.PublicKey()) {
				t.Errorf("JWKS key %+v does not match PublicKey", k)
			}
			der, _ := base64.StdEncoding.DecodeString(k.X5c[0])
			cert, err := x509.ParseCertificate(der)
			if err != nil || !s.PublicKey().Equal(cert.PublicKey) {
				t.Fatalf("x5c certificate: %v", err)
			}
			thumb := sha1.Sum(der) //nolint:gosec // see import
			if k.X5t != base64.RawURLEncoding.EncodeToString(thumb[:]) || k.Kid != k.X5t {
				t.Errorf("x5t %q / kid %q is not the certificate thumbprint", k.X5t, k.Kid)
			}
			header := segment(t, strings.Split(armToken(t, s), ".")[0])
			if header["kid"] != k.Kid {
				t.Errorf("token kid %v, JWKS kid %s", header["kid"], k.Kid)
			}
		})
	}
}

func TestEachServerHasItsOwnKey(t *testing.T) {
	t.Parallel()
	// b is given no key, as in the demo, and makes its own.
	a, b := start(t, nil), start(t, func(c *Config) { c.SigningKey = nil })
	if a.PublicKey().Equal(b.PublicKey()) {
		t.Fatal("two servers share a key; a token from one would pass the other")
	}
	if _, err := b.keys.verify(armToken(t, a)); err == nil {
		t.Error("server b accepted server a's token")
	}
	for _, bad := range []string{"", "abc", "a.b.c", strings.Replace(armToken(t, a), ".", ".x", 1)} {
		if _, err := a.keys.verify(bad); err == nil {
			t.Errorf("verify(%q) succeeded", bad)
		}
	}
}
