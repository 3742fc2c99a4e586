package server

import (
	"net/http"
	"strconv"
	"strings"
)

// MSIAPIVersion is the App Service managed-identity protocol the server
// speaks, the one the SDKs use when IDENTITY_HEADER is set.
const MSIAPIVersion = "2019-08-01"

// msiBody is App Service's answer, field for field. expires_on is a
// string of epoch seconds there, and the SDKs parse it as such.
type msiBody struct {
	AccessToken string `json:"access_token"`
	ExpiresOn   string `json:"expires_on"`
	Resource    string `json:"resource"`
	TokenType   string `json:"token_type"`
	ClientID    string `json:"client_id"`
}

// managedIdentity answers GET /msi/token?api-version=2019-08-01&resource=R.
func (s *Server) managedIdentity(r *http.Request) reply {
	q := r.URL.Query()
	resource := q.Get("resource")
	rep := s.checkIdentity(q.Get("api-version"), resource, q.Get("client_id"), q.Get("principal_id")+q.Get("mi_res_id"))
	if rep.status == 0 {
		rep = s.token(r, resource, func(t tokenAnswer) any {
			return msiBody{
				AccessToken: t.AccessToken,
				ExpiresOn:   strconv.FormatInt(t.ExpiresOn.Unix(), 10),
				Resource:    resource,
				TokenType:   t.tokenType(),
				ClientID:    s.cfg.Request.ClientID,
			}
		})
	}
	rep.resource = resource
	return rep
}

// checkIdentity refuses what App Service would: another api-version, no
// resource, and an identity other than the one this server has. An app
// that names a user-assigned identity expects that identity's tokens, not
// the profile's; handing them over anyway would hide the mistake.
func (s *Server) checkIdentity(apiVersion, resource, clientID, otherID string) reply {
	switch {
	case apiVersion != MSIAPIVersion:
		return refuse(http.StatusBadRequest, "invalid_request", "api-version must be "+MSIAPIVersion+", got "+strconv.QuoteToASCII(shorten(apiVersion, fieldLimit)))
	case resource == "":
		return refuse(http.StatusBadRequest, "invalid_request", "the resource parameter is missing")
	case clientID != "" && !strings.EqualFold(clientID, s.cfg.Request.ClientID), otherID != "":
		return refuse(http.StatusBadRequest, "identity_not_found",
			"this server has only the identity of app "+s.cfg.Request.ClientID+"; do not name another (AZURE_CLIENT_ID, the credential's ID option)")
	}
	return reply{}
}
