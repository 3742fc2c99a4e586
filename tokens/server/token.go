package server

import (
	"errors"
	"net/http"
	"strings"

	"github.com/aztoken/aztoken/tokens"
)

// tokenAnswer is a token about to be sent.
type tokenAnswer struct{ tokens.Token }

// tokenType is the token's type as Entra named it; v1 always names it.
func (t tokenAnswer) tokenType() string {
	if t.Type == "" {
		return "Bearer"
	}
	return t.Type
}

// token gets the token for resource from the shared cache and shapes it
// with body; a resource off the allow-list is refused with the list.
func (s *Server) token(r *http.Request, resource string, body func(tokenAnswer) any) reply {
	target := find(s.allowed, resource)
	if target == nil {
		return refuse(http.StatusForbidden, "resource_not_allowed",
			"resource "+safe(resource)+" is not on this server's allow-list ("+s.allowedNames()+"); allow it when starting the server")
	}
	req := s.cfg.Request
	req.Target = *target
	tok, err := s.cfg.Cache.Token(r.Context(), tokens.CacheKey{Profile: s.cfg.Profile, Target: *target, Identity: s.cfg.Identity}, req)
	var soft *tokens.RefreshError
	if errors.As(err, &soft) {
		// The app gets the token, still valid; the log says the refresh
		// failed, where the user running serve looks.
		return reply{status: http.StatusOK, body: body(tokenAnswer{soft.Token}),
			problem: "served the cached token: " + soft.Err.Error()}
	}
	if err != nil {
		return tokenFailed(err)
	}
	return reply{status: http.StatusOK, body: body(tokenAnswer{tok})}
}

func (s *Server) allowedNames() string {
	names := make([]string, len(s.allowed))
	for i, t := range s.allowed {
		names[i] = t.Audience()
	}
	return strings.Join(names, ", ")
}
