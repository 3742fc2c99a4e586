package server

import "net/http"

// plainBody is the /token answer, with numbers a web page can compare to
// Date.now()/1000 without parsing.
type plainBody struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresOn   int64  `json:"expires_on"`
	ExpiresIn   int64  `json:"expires_in"`
	Resource    string `json:"resource"`
}

// plainToken answers GET /token[?resource=R]; without a resource, the
// profile's own.
func (s *Server) plainToken(r *http.Request) reply {
	resource := r.URL.Query().Get("resource")
	if resource == "" {
		resource = s.cfg.Request.Target.Audience()
	}
	rep := s.token(r, resource, func(t tokenAnswer) any {
		return plainBody{
			AccessToken: t.AccessToken,
			TokenType:   t.tokenType(),
			ExpiresOn:   t.ExpiresOn.Unix(),
			ExpiresIn:   int64(t.Remaining(s.cfg.Now()).Seconds()),
			Resource:    t.Target.Audience(),
		}
	})
	rep.resource = resource
	return rep
}
