package tokens

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"testing"
	"time"
)

// appToken is the decoded v1 app token of ../shared/azure-wire-formats.md
// §1.7, re-encoded with a dummy signature.
var appToken = encodeJWT(map[string]any{"typ": "JWT", "alg": "RS256", "x5t": "abc", "kid": "abc"}, map[string]any{
	"aud": "https://graph.microsoft.com", "iss": "https://sts.windows.net/63122682-bd96-47fd-97ab-95a76ce699a6/",
	"iat": 1717046428, "nbf": 1717046428, "exp": 1717050328, "app_displayname": "downloader",
	"appid": "1671f074-56e2-4c37-873b-b7b07a120b18", "appidacr": "1", "idtyp": "app",
	"oid": "72243241-f194-45f3-987d-eeb347b83b69", "roles": []string{"User.ReadBasic.All", "Mail.Read"},
	"sub": "72243241-f194-45f3-987d-eeb347b83b69", "tid": "63122682-bd96-47fd-97ab-95a76ce699a6", "ver": "1.0",
})

func encodeJWT(header, claims map[string]any) string {
	part := func(v any) string {
		b, _ := json.Marshal(v)
		return base64.RawURLEncoding.EncodeToString(b)
	}
	return part(header) + "." + part(claims) + ".c2lnbmF0dXJl"
}

func TestDecodeJWTShowsAnAppTokensClaims(t *testing.T) {
	t.Parallel()
	j, err := DecodeJWT(appToken)
	if err != nil {
		t.Fatal(err)
	}
	c := j.Claims
	if c.Audience != "https://graph.microsoft.com" || c.AppID != "1671f074-56e2-4c37-873b-b7b07a120b18" ||
		c.TenantID != "63122682-bd96-47fd-97ab-95a76ce699a6" || c.IdentType != "app" || c.Version != "1.0" ||
		c.AppName != "downloader" || len(c.Roles) != 2 || c.Roles[1] != "Mail.Read" {
		t.Errorf("claims = %+v", c)
	}
	if !c.ExpiresAt.Equal(time.Unix(1717050328, 0)) || !c.IssuedAt.Equal(time.Unix(1717046428, 0)) {
		t.Errorf("times = %v %v", c.IssuedAt, c.ExpiresAt)
	}
	if j.Header["alg"] != "RS256" || string(j.Raw["appidacr"]) != `"1"` {
		t.Errorf("header %v, raw appidacr %s", j.Header, j.Raw["appidacr"])
	}
}

func TestDecodeJWTReadsV2AndListAudiences(t *testing.T) {
	t.Parallel()
	tok := encodeJWT(map[string]any{"alg": "RS256"}, map[string]any{"aud": []string{"a", "b"}, "azp": "app", "ver": "2.0"})
	j, err := DecodeJWT(tok)
	if err != nil {
		t.Fatal(err)
	}
	if j.Claims.Audience != "a b" || j.Claims.AppID != "app" {
		t.Errorf("claims = %+v", j.Claims)
	}
}

func TestDecodeJWTRefusesWhatIsNotAToken(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "testToken", "a.b", "a.b.c.d", "!!!.e30.x", "e30.bm90IGpzb24.x"} {
		if _, err := DecodeJWT(s); !errors.Is(err, ErrNotJWT) {
			t.Errorf("DecodeJWT(%q) err = %v, want ErrNotJWT", s, err)
		}
	}
}

func FuzzDecodeJWT(f *testing.F) {
	f.Add(appToken)
	f.Add("e30.e30.")
	f.Add("eyJhbGciOiJub25lIn0.eyJhdWQiOlsxXX0.")
	f.Fuzz(func(t *testing.T, s string) {
		j, err := DecodeJWT(s)
		if err == nil && j.Raw == nil && j.Header == nil {
			t.Fatal("decoded without header or claims")
		}
	})
}
