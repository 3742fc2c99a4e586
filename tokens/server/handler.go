package server

import (
	"crypto/subtle"
	"net"
	"net/http"
	"strings"
)

// ServeHTTP guards every request, answers it and logs it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := s.cfg.Now()
	rep := s.answer(w.Header(), r)
	write(w, rep)
	if rep.resource == "" {
		// A refused request is logged with the resource it asked for.
		rep.resource = r.URL.Query().Get("resource")
	}
	s.log(Entry{
		Time: start, Method: r.Method, Path: r.URL.Path, Resource: rep.resource,
		Status: rep.status, Duration: s.cfg.Now().Sub(start), Problem: rep.problem,
	})
}

// answer applies the guards in order, cheapest and most telling first, then
// routes. A preflight is the one request without the header: browsers never
// send custom headers on it, and it reveals nothing.
func (s *Server) answer(h http.Header, r *http.Request) reply {
	if !s.ownTarget(r) {
		return refuse(http.StatusMisdirectedRequest, "wrong_host",
			"this server answers only requests to "+s.Addr()+", the address in IDENTITY_ENDPOINT")
	}
	origin := r.Header.Get("Origin")
	if origin != "" {
		if !s.origins[strings.ToLower(origin)] {
			return refuse(http.StatusForbidden, "origin_not_allowed",
				"web pages from "+safe(origin)+" may not ask for tokens; list the origin to allow it")
		}
		if r.URL.Path == TokenPath {
			allowCORS(h, origin)
			if r.Method == http.MethodOptions {
				return preflight(h)
			}
		}
	}
	if !s.hasHeader(r) {
		return refuse(http.StatusUnauthorized, "invalid_identity_header",
			"send the "+HeaderName+" header with the value of IDENTITY_HEADER that aztoken printed when it started")
	}
	var route func(*http.Request) reply
	switch r.URL.Path {
	case MSIPath:
		route = s.managedIdentity
	case TokenPath:
		route = s.plainToken
	default:
		return refuse(http.StatusNotFound, "not_found", "no such route; use "+MSIPath+" or "+TokenPath)
	}
	if r.Method != http.MethodGet {
		h.Set("Allow", http.MethodGet)
		return refuse(http.StatusMethodNotAllowed, "method_not_allowed", "only GET is answered")
	}
	return route(r)
}

// ownTarget refuses a request addressed to another host. An absolute-form
// request (GET http://host:port/msi/token) names its host in the URI, and
// net/http then ignores the Host header, so the URI's host passes the same
// check.
func (s *Server) ownTarget(r *http.Request) bool {
	if r.URL.Host != "" || r.URL.Scheme != "" {
		return r.URL.Scheme == "http" && r.URL.User == nil && s.ownHost(r.URL.Host) && s.ownHost(r.Host)
	}
	return s.ownHost(r.Host)
}

// ownHost refuses a host naming another machine, which is how a DNS
// rebinding attack reaches a loopback server from a web page.
func (s *Server) ownHost(host string) bool {
	name, port, err := net.SplitHostPort(host)
	if err != nil || port != s.port() {
		return false
	}
	return name == Loopback || strings.EqualFold(name, "localhost") || name == Loopback6 && len(s.lns) > 1
}

func (s *Server) port() string {
	_, port, _ := net.SplitHostPort(s.Addr())
	return port
}

// hasHeader compares in constant time, so the answer's timing does not tell
// how much of a guess was right.
func (s *Server) hasHeader(r *http.Request) bool {
	got := r.Header.Get(HeaderName)
	return subtle.ConstantTimeCompare([]byte(got), []byte(s.header)) == 1
}

// log hands e to the configured logger one entry at a time, so that a
// logger writing to a terminal or a list needs no lock of its own.
func (s *Server) log(e Entry) {
	if s.cfg.Log == nil {
		return
	}
	s.logMu.Lock()
	defer s.logMu.Unlock()
	s.cfg.Log(e)
}
