package ui

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/server"
)

// tokenServers are the local token endpoints the user switched on, at most
// one per profile. They hand out tokens from the window's cache, so a
// server and the window share one token per profile. The controller
// changes them on the main goroutine only; every one stops when the window
// closes.
type tokenServers struct {
	running  map[profiles.ID]*tokenServer
	starting map[profiles.ID]bool
	// errs say why a profile's endpoint did not start, or stopped on its
	// own.
	errs map[profiles.ID]error
	// closed is set once the window closed: nothing starts any more.
	closed bool
	// serving counts the Serve goroutines, which stopServers waits for.
	serving sync.WaitGroup
}

// tokenServer is one running endpoint.
type tokenServer struct {
	srv *server.Server
	// request is what the endpoint asks Entra, with the credential.
	request tokens.Request
	// served counts the tokens handed out. The server's goroutines add to
	// it and the view reads it on a tick, so no request has to reach the
	// widgets.
	served atomic.Int64
}

// errServerOutdated stops an endpoint whose profile now asks for tokens
// differently: its server still holds the old credential.
var errServerOutdated = errors.New("the profile's credential or target changed, so its token endpoint stopped: switch it on again and copy the new variables")

func (s *tokenServers) init() {
	if s.running == nil {
		s.running = map[profiles.ID]*tokenServer{}
		s.starting = map[profiles.ID]bool{}
		s.errs = map[profiles.ID]error{}
	}
}

// server is profile id's running endpoint.
func (c *controller) server(id profiles.ID) (*tokenServer, bool) {
	ts, ok := c.servers.running[id]
	return ts, ok
}

// serverStarting reports whether profile id's endpoint is on its way.
func (c *controller) serverStarting(id profiles.ID) bool { return c.servers.starting[id] }

// serverErr is why profile id's endpoint is not serving, or nil.
func (c *controller) serverErr(id profiles.ID) error { return c.servers.errs[id] }

// startServer serves p's tokens on 127.0.0.1:port (0 picks a free port)
// once its credential loads, the port is bound and a first token came.
func (c *controller) startServer(p profiles.Profile, port int) {
	s := &c.servers
	s.init()
	if s.closed || s.starting[p.ID] || s.running[p.ID] != nil {
		return
	}
	s.starting[p.ID] = true
	delete(s.errs, p.ID)
	cache, secrets, now := c.cache, c.secrets, c.now
	c.run("Starting the token endpoint for "+p.Name, func(ctx context.Context) func() {
		ts, err := newTokenServer(ctx, cache, secrets, p, port, now)
		fetched := err == nil
		if fetched {
			err = ts.firstToken(ctx, cache, p)
		}
		return func() {
			delete(s.starting, p.ID)
			if fetched {
				c.ended(nil, p, fetchServe, err)
			}
			_, exists := c.profile(p.ID)
			switch {
			case err != nil:
				if !errors.Is(err, context.Canceled) {
					s.errs[p.ID] = err
				}
			case s.closed || !exists:
				ts.srv.Close()
			default:
				s.running[p.ID] = ts
				s.serving.Add(1)
				go c.serve(p.ID, ts)
			}
		}
	})
}

// serve answers requests until the endpoint is closed. Serve fails only
// when the listener breaks; then the switch goes off with the reason.
func (c *controller) serve(id profiles.ID, ts *tokenServer) {
	defer c.servers.serving.Done()
	if err := ts.srv.Serve(context.Background()); err != nil {
		c.post(func() {
			if c.servers.running[id] == ts {
				delete(c.servers.running, id)
				c.servers.errs[id] = err
				c.changed()
			}
		})
	}
}

// newTokenServer binds p's endpoint. It runs off the main goroutine.
func newTokenServer(ctx context.Context, cache *tokens.Cache, secrets profiles.SecretStore, p profiles.Profile, port int, now func() time.Time) (*tokenServer, error) {
	cred, err := loadCredential(ctx, secrets, p)
	if err != nil {
		return nil, err
	}
	ts := &tokenServer{request: p.Request(cred)}
	cfg := server.Config{
		Profile: string(p.ID), Identity: p.CacheKey().Identity, Request: ts.request, Cache: cache, Port: port, Now: now,
		Log: func(e server.Entry) {
			if e.Status == http.StatusOK {
				ts.served.Add(1)
			}
		},
	}
	if ts.srv, err = server.New(cfg); err != nil {
		return nil, err
	}
	return ts, nil
}

// firstToken gets the endpoint's first token, closing it if none comes: a
// wrong secret is better told now than on the app's first request. It
// runs off the main goroutine.
func (ts *tokenServer) firstToken(ctx context.Context, cache *tokens.Cache, p profiles.Profile) error {
	if _, err := cache.Token(ctx, cacheKey(p), ts.request); err != nil {
		ts.srv.Close()
		return err
	}
	return nil
}

// stopServer stops profile id's endpoint, if it runs, keeping why for the
// view (nil when the user switched it off). It returns once the endpoint
// has stopped: Close cancels the token requests in flight, so their
// answers come at once. Saving and deleting call it while they apply,
// where no further background work may start.
func (c *controller) stopServer(id profiles.ID, why error) {
	s := &c.servers
	ts, ok := s.running[id]
	if !ok {
		return
	}
	delete(s.running, id)
	if why != nil {
		s.errs[id] = why
	}
	ts.srv.Close()
}

// switchOff stops profile id's endpoint because the user switched it off,
// and redraws.
func (c *controller) switchOff(id profiles.ID) {
	c.stopServer(id, nil)
	c.changed()
}

// stopServers stops every endpoint for good when the window closes, and
// returns once they have stopped.
func (c *controller) stopServers() {
	s := &c.servers
	s.closed = true
	for id, ts := range s.running {
		ts.srv.Close()
		delete(s.running, id)
	}
	s.serving.Wait()
}
