package server

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// originSet checks the listed origins and keeps them in the form browsers
// send in the Origin header: scheme://host[:port], lower case.
func originSet(list []string) (map[string]bool, error) {
	set := map[string]bool{}
	for _, raw := range list {
		o, err := checkOrigin(raw)
		if err != nil {
			return nil, err
		}
		set[o] = true
	}
	return set, nil
}

func checkOrigin(raw string) (string, error) {
	if strings.TrimSpace(raw) == "*" {
		return "", fmt.Errorf("CORS origin \"*\" would let every web page read tokens; list origins such as http://localhost:5173")
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	switch {
	case err != nil, u.Scheme != "http" && u.Scheme != "https", u.Host == "", u.User != nil,
		u.Path != "" && u.Path != "/", u.RawQuery != "", u.Fragment != "":
		return "", fmt.Errorf("CORS origin %q is not an origin such as http://localhost:5173 (scheme, host and port only)", raw)
	}
	return strings.ToLower(u.Scheme + "://" + u.Host), nil
}

// allowCORS lets a listed origin's page read the answer, errors included,
// so that the page can show why it got no token.
func allowCORS(h http.Header, origin string) {
	h.Set("Access-Control-Allow-Origin", origin)
	h.Add("Vary", "Origin")
}

// preflight answers a listed origin's OPTIONS request: the page may GET
// with the identity header.
func preflight(h http.Header) reply {
	h.Set("Access-Control-Allow-Methods", "GET")
	h.Set("Access-Control-Allow-Headers", HeaderName)
	h.Set("Access-Control-Max-Age", "600")
	return reply{status: http.StatusNoContent}
}
