package server

import (
	"errors"
	"fmt"
	"time"

	"github.com/aztoken/aztoken/tokens"
)

// Loopback is the only address the server listens on: the tokens are for
// programs on this machine, and no other machine may ask for them.
const Loopback = "127.0.0.1"

// ErrNotLoopback refuses a listen address other than 127.0.0.1.
var ErrNotLoopback = errors.New("aztoken serves tokens on 127.0.0.1 only, so that no other machine can ask for them")

// Config is what a server serves and to whom.
type Config struct {
	// Profile and Identity key the profile's tokens in Cache as
	// profiles.Profile.CacheKey does, so that serve, the window and the
	// command line share one token.
	Profile, Identity string
	// Request is the profile's token request, credential included. Its
	// Target is the resource served by default, and its ClientID is the
	// client_id the managed-identity answer names.
	Request tokens.Request
	// Cache hands out the tokens and refreshes them ahead of expiry.
	Cache *tokens.Cache
	// Host is the address to listen on: empty or 127.0.0.1; anything
	// else is refused with ErrNotLoopback.
	Host string
	// Port is the TCP port; 0 picks a free one.
	Port int
	// AllowResources are resources served besides the profile's own
	// target, such as https://vault.azure.net. A trailing slash or
	// "/.default" does not matter.
	AllowResources []string
	// CORSOrigins are the web origins (scheme://host[:port]) whose pages
	// may call GET /token; none by default.
	CORSOrigins []string
	// Log receives one entry per request, one call at a time; nil logs
	// nothing.
	Log func(Entry)
	// Now is the clock for log entries and expires_in; nil means
	// time.Now.
	Now func() time.Time
	// IdleTimeout closes a kept-alive connection with no request for this
	// long; 0 means DefaultIdleTimeout.
	IdleTimeout time.Duration
	// MaxConnections is how many connections each address (127.0.0.1,
	// [::1]) serves at once; more wait, unaccepted, until one closes. 0
	// means DefaultMaxConnections.
	MaxConnections int
}

// The defaults of Config's limits. Apps on this machine ask for a token
// now and then, each on a connection or two, so these leave plenty of room
// while one local process holding connections open cannot exhaust the
// server's files or memory.
const (
	DefaultIdleTimeout    = 30 * time.Second
	DefaultMaxConnections = 256
)

// check refuses a config that cannot be served safely, and returns what the
// server works from: the allowed targets and the listed origins.
func (c Config) check() ([]tokens.Target, map[string]bool, error) {
	switch {
	case c.Host != "" && c.Host != Loopback:
		return nil, nil, fmt.Errorf("cannot listen on %q: %w", c.Host, ErrNotLoopback)
	case c.Port < 0 || c.Port > 65535:
		return nil, nil, fmt.Errorf("port %d is not a TCP port; use 1 to 65535, or 0 for a free one", c.Port)
	case c.IdleTimeout < 0 || c.MaxConnections < 0:
		return nil, nil, errors.New("server: a negative idle timeout or connection limit")
	case c.Cache == nil:
		return nil, nil, errors.New("server: no token cache")
	case c.Request.Target.IsZero() || c.Request.ClientID == "":
		return nil, nil, errors.New("server: the profile has no target or client ID")
	}
	allowed, err := allowList(c.Request.Target, c.AllowResources)
	if err != nil {
		return nil, nil, err
	}
	origins, err := originSet(c.CORSOrigins)
	if err != nil {
		return nil, nil, err
	}
	return allowed, origins, nil
}
