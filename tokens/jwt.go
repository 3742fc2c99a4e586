package tokens

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// JWT is a decoded access token, for display. The signature is not checked:
// only Entra and the API the token is for can do that, and aztoken only
// shows what a token says.
type JWT struct {
	// Header is the JOSE header: typ, alg, x5t, kid.
	Header map[string]any
	// Claims are the well-known claims of an Entra access token.
	Claims Claims
	// Raw holds every claim as sent, the well-known ones included.
	Raw map[string]json.RawMessage
}

// Claims are the claims of an Entra access token that aztoken explains.
type Claims struct {
	Audience  string    // aud
	Issuer    string    // iss
	TenantID  string    // tid
	AppID     string    // appid (v1) or azp (v2)
	ObjectID  string    // oid: the service principal
	Subject   string    // sub
	Roles     []string  // roles: app permissions granted
	Scope     string    // scp: delegated scopes; empty in app tokens
	IdentType string    // idtyp: "app" for client credentials
	Version   string    // ver: "1.0" or "2.0"
	AppName   string    // app_displayname
	IssuedAt  time.Time // iat
	NotBefore time.Time // nbf
	ExpiresAt time.Time // exp
}

// ErrNotJWT means the token is not three base64url parts of JSON.
var ErrNotJWT = errors.New("not a JWT")

// DecodeJWT decodes a token's header and claims.
func DecodeJWT(token string) (JWT, error) {
	parts := strings.Split(strings.TrimSpace(token), ".")
	if len(parts) != 3 {
		return JWT{}, fmt.Errorf("%w: expected 3 parts separated by dots, found %d", ErrNotJWT, len(parts))
	}
	var j JWT
	if err := decodePart(parts[0], &j.Header); err != nil {
		return JWT{}, fmt.Errorf("%w: header: %v", ErrNotJWT, err)
	}
	if err := decodePart(parts[1], &j.Raw); err != nil {
		return JWT{}, fmt.Errorf("%w: claims: %v", ErrNotJWT, err)
	}
	var c rawClaims
	if err := decodePart(parts[1], &c); err != nil {
		return JWT{}, fmt.Errorf("%w: claims: %v", ErrNotJWT, err)
	}
	j.Claims = c.claims()
	return j, nil
}

func decodePart(part string, v any) error {
	// Entra omits padding, but tolerate tools that keep it.
	b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(part, "="))
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

// rawClaims mirrors the JSON; aud may be a string or a list, times numbers.
type rawClaims struct {
	Aud     audience `json:"aud"`
	Iss     string   `json:"iss"`
	Tid     string   `json:"tid"`
	AppID   string   `json:"appid"`
	Azp     string   `json:"azp"`
	Oid     string   `json:"oid"`
	Sub     string   `json:"sub"`
	Roles   []string `json:"roles"`
	Scp     string   `json:"scp"`
	Idtyp   string   `json:"idtyp"`
	Ver     string   `json:"ver"`
	AppName string   `json:"app_displayname"`
	Iat     flexInt  `json:"iat"`
	Nbf     flexInt  `json:"nbf"`
	Exp     flexInt  `json:"exp"`
}

func (c rawClaims) claims() Claims {
	app := c.AppID
	if app == "" {
		app = c.Azp
	}
	return Claims{
		Audience: string(c.Aud), Issuer: c.Iss, TenantID: c.Tid, AppID: app,
		ObjectID: c.Oid, Subject: c.Sub, Roles: c.Roles, Scope: c.Scp,
		IdentType: c.Idtyp, Version: c.Ver, AppName: c.AppName,
		IssuedAt: unixTime(c.Iat), NotBefore: unixTime(c.Nbf), ExpiresAt: unixTime(c.Exp),
	}
}

func unixTime(f flexInt) time.Time {
	if !f.set {
		return time.Time{}
	}
	return time.Unix(f.value, 0)
}

// audience accepts aud as a string or as a list of strings (joined).
type audience string

func (a *audience) UnmarshalJSON(b []byte) error {
	var one string
	if json.Unmarshal(b, &one) == nil {
		*a = audience(one)
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return errors.New("aud is neither a string nor a list of strings")
	}
	*a = audience(strings.Join(many, " "))
	return nil
}
