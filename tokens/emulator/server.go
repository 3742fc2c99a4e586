package emulator

import (
	"crypto/rsa"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync/atomic"
	"time"
)

// Server is a running emulator. Its methods are safe for concurrent use.
type Server struct {
	dir          *directory
	keys         *signer
	now          func() time.Time
	pageSize     int
	tokenVersion int
	url          string
	http         *http.Server
	faults       faultQueue
	// readsLeft feeds x-ms-ratelimit-remaining-subscription-reads, counted
	// down from the 12000 reads an hour ARM has long granted per principal.
	readsLeft atomic.Int64
}

// Start validates cfg and serves the emulator on a free port of 127.0.0.1.
// Close it when done.
func Start(cfg Config) (*Server, error) {
	if cfg.PageSize < 0 {
		return nil, errors.New("emulator: PageSize must not be negative")
	}
	version := cfg.AccessTokenVersion
	switch version {
	case 0:
		version = 1
	case 1, 2:
	default:
		return nil, fmt.Errorf("emulator: AccessTokenVersion %d is neither 1 nor 2", version)
	}
	dir, err := newDirectory(cfg.Tenants)
	if err != nil {
		return nil, err
	}
	keys, err := newSigner(cfg.SigningKey)
	if err != nil {
		return nil, err
	}
	// Loopback only: the emulator hands out tokens for any secret it was
	// configured with and must never be reachable from the network.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("emulator: %w", err)
	}
	s := &Server{
		dir:          dir,
		keys:         keys,
		now:          cfg.Now,
		pageSize:     cfg.PageSize,
		tokenVersion: version,
		url:          "http://" + ln.Addr().String(),
	}
	if s.now == nil {
		s.now = time.Now
	}
	s.readsLeft.Store(12000)
	s.http = &http.Server{Handler: http.HandlerFunc(s.serve), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = s.http.Serve(ln) }() // returns ErrServerClosed on Close
	return s, nil
}

// URL is the emulator's base URL, http://127.0.0.1:PORT without a trailing
// slash. It serves as both the authority host and the ARM endpoint.
func (s *Server) URL() string { return s.url }

// Close stops the server and closes its connections; requests still in
// flight fail.
func (s *Server) Close() { _ = s.http.Close() }

// PublicKey is the key that verifies every token this server issues. The
// same key is published as a JWKS at /{tenant}/discovery/v2.0/keys.
func (s *Server) PublicKey() *rsa.PublicKey { return &s.keys.key.PublicKey }

// serve counts the request, lets a queued fault take it over, and otherwise
// hands it to the endpoint's handler.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	ep, handle := s.route(r.URL.Path)
	s.faults.count(ep)
	if f, ok := s.faults.next(ep); ok {
		handle = s.withFault(f, ep, handle)
	}
	handle(w, r)
}
