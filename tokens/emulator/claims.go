package emulator

import (
	"encoding/base64"
	"time"
)

// accessClaims are the claims of an app-only access token, in the order
// Entra writes them. v1 tokens name the client in appid/appidacr, v2 tokens
// in azp/azpacr.
type accessClaims struct {
	Aud            string   `json:"aud"`
	Iss            string   `json:"iss"`
	Iat            int64    `json:"iat"`
	Nbf            int64    `json:"nbf"`
	Exp            int64    `json:"exp"`
	Aio            string   `json:"aio,omitempty"`
	AppDisplayName string   `json:"app_displayname,omitempty"`
	AppID          string   `json:"appid,omitempty"`
	AppIDAcr       string   `json:"appidacr,omitempty"`
	Azp            string   `json:"azp,omitempty"`
	AzpAcr         string   `json:"azpacr,omitempty"`
	Idp            string   `json:"idp,omitempty"`
	Idtyp          string   `json:"idtyp,omitempty"`
	Oid            string   `json:"oid,omitempty"`
	Rh             string   `json:"rh,omitempty"`
	Roles          []string `json:"roles,omitempty"`
	Sub            string   `json:"sub,omitempty"`
	Tid            string   `json:"tid,omitempty"`
	Uti            string   `json:"uti,omitempty"`
	Ver            string   `json:"ver,omitempty"`
}

// clockSkew is how far Entra back-dates iat and nbf (and v1's not_before),
// so that a token is valid at once on a server whose clock runs behind.
const clockSkew = 5 * time.Minute

// stsIssuer is the issuer of v1 tokens, which ARM also quotes when a token
// comes from the wrong tenant.
func stsIssuer(tenantID string) string { return "https://sts.windows.net/" + tenantID + "/" }

// newClaims describes a token for app in t, for audience aud, issued now;
// acr says how the app proved itself.
func (s *Server) newClaims(t *Tenant, a *App, acr, aud string, now time.Time) accessClaims {
	issued := now.Add(-clockSkew).Unix()
	c := accessClaims{
		Aud:   aud,
		Iat:   issued,
		Nbf:   issued,
		Exp:   now.Add(a.TokenLifetime).Unix(),
		Aio:   randomText(23, base64.StdEncoding),
		Idtyp: "app",
		Oid:   a.ObjectID,
		// rh is an opaque refresh hint that Entra reads back; clients must
		// not parse it, so random bytes in the real shape do.
		Rh:    "0." + randomText(36, base64.RawURLEncoding) + ".",
		Roles: a.Roles,
		Sub:   a.ObjectID,
		Tid:   t.ID,
		Uti:   randomText(16, base64.RawURLEncoding),
	}
	if s.tokenVersion == 2 {
		c.Iss = "https://login.microsoftonline.com/" + t.ID + "/v2.0"
		c.Azp, c.AzpAcr, c.Ver = a.ClientID, acr, "2.0"
		return c
	}
	c.Iss = stsIssuer(t.ID)
	c.Idp = c.Iss
	c.AppDisplayName, c.AppID, c.AppIDAcr, c.Ver = a.DisplayName, a.ClientID, acr, "1.0"
	return c
}

// clientID is the app a token was issued to, whichever version it is.
func (c accessClaims) clientID() string {
	if c.AppID != "" {
		return c.AppID
	}
	return c.Azp
}
