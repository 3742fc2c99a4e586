package tokens

import (
	"encoding/base64"
	"errors"
	"strings"
	"testing"
)

// signed gives appToken an RS256 signature of a 2048-bit key's length.
var signed = appToken[:strings.LastIndex(appToken, ".")+1] + base64.RawURLEncoding.EncodeToString(make([]byte, 256))

func TestReadTokenTextTakesWhatPeoplePaste(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		signed,
		"  " + signed + "\n",
		"Bearer " + signed,
		"Authorization: Bearer " + signed,
		"authorization:bearer " + signed,
		`"` + signed + `"`,
		signed[:100] + "\n" + signed[100:200] + "\r\n" + signed[200:],
	} {
		j, err := ReadTokenText(text)
		if err != nil || j.Claims.AppID != "1671f074-56e2-4c37-873b-b7b07a120b18" {
			t.Errorf("ReadTokenText(%.30q…) = %v, %v", text, j.Claims.AppID, err)
		}
	}
}

func TestReadTokenTextSaysWhatTheTextIsInstead(t *testing.T) {
	t.Parallel()
	parts := strings.Split(signed, ".")
	tests := []struct {
		name, text, want string
	}{
		{"empty", "  \n", "no token given"},
		{"a header with no token", "Authorization: Bearer ", "no token given"},
		{"a megabyte", strings.Repeat("a", 1<<20), "1024 KiB of text"},
		{"an encrypted JWE", "eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d", "encrypted token (JWE"},
		{"two parts", parts[0] + "." + parts[1], "has 2: it was probably cut off"},
		{"one word", "hello", "has 1: it was probably cut off"},
		{"four parts", signed + ".x", "this has 4"},
		{"a character chat tools add", parts[0] + ".eyJh…YmMi." + parts[2], `character '…' at position 5`},
		{"claims cut mid-way", parts[0] + "." + parts[1][:40] + "." + parts[2], "the claims ends early"},
		{"a header that is not JSON", base64.RawURLEncoding.EncodeToString([]byte("hello")) + "." + parts[1] + "." + parts[2], "the header is not a JSON object"},
		{"signature cut off", signed[:len(signed)-40], "the signature is 226 bytes"},
		{"no signature", parts[0] + "." + parts[1] + ".", "has no signature"},
	}
	for _, tt := range tests {
		_, err := ReadTokenText(tt.text)
		var m *MalformedTokenError
		if !errors.As(err, &m) || !errors.Is(err, ErrNotJWT) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one saying %q", tt.name, err, tt.want)
		}
	}
}

func FuzzReadTokenText(f *testing.F) {
	f.Add(signed)
	f.Add("Authorization: Bearer " + signed)
	f.Add("a.b.c.d.e")
	f.Add("eyJ9.eyJ9.")
	f.Fuzz(func(t *testing.T, text string) {
		j, err := ReadTokenText(text)
		if err != nil {
			var m *MalformedTokenError
			if !errors.As(err, &m) || m.Reason == "" {
				t.Fatalf("error %v is no MalformedTokenError", err)
			}
			return
		}
		if j.Raw == nil {
			t.Fatal("a token without claims")
		}
	})
}
