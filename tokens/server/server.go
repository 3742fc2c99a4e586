package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/aztoken/aztoken/tokens"
)

// The routes and the header every request carries.
const (
	// MSIPath is the managed-identity endpoint, where App Service has it.
	MSIPath = "/msi/token"
	// TokenPath is the plain JSON route for front-end development servers.
	TokenPath = "/token"
	// HeaderName carries the value generated at start.
	HeaderName = "X-IDENTITY-HEADER"
)

// shutdownWait bounds how long Close waits for requests in flight; their
// token requests are cancelled first, so they end quickly.
const shutdownWait = 5 * time.Second

// Server is a running token endpoint for one profile. New binds it, Serve
// answers until Close or the context ends; a Server serves once. Addr, Env
// and Exports are what a user copies into the app's environment.
type Server struct {
	cfg     Config
	allowed []tokens.Target
	origins map[string]bool
	header  string
	// lns are the listeners on 127.0.0.1 and, where there is one, [::1],
	// on one port.
	lns  []net.Listener
	http *http.Server

	// stop cancels the token requests in flight when the server closes.
	stop      context.CancelFunc
	closeOnce sync.Once
	closeErr  error

	logMu sync.Mutex
}

// New checks cfg, makes the header value and binds cfg.Port on 127.0.0.1
// and [::1]. A busy port is a *PortInUseError.
func New(cfg Config) (*Server, error) {
	return newServer(cfg, net.Listen)
}

func newServer(cfg Config, listen listenFunc) (*Server, error) {
	allowed, origins, err := cfg.check()
	if err != nil {
		return nil, err
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.IdleTimeout == 0 {
		cfg.IdleTimeout = DefaultIdleTimeout
	}
	if cfg.MaxConnections == 0 {
		cfg.MaxConnections = DefaultMaxConnections
	}
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return nil, err
	}
	v4, v6, err := listenLoopback(cfg.Port, listen)
	if err != nil {
		return nil, err
	}
	lns := []net.Listener{limit(v4, cfg.MaxConnections)}
	if v6 != nil {
		lns = append(lns, limit(v6, cfg.MaxConnections))
	}
	base, stop := context.WithCancel(context.Background())
	s := &Server{cfg: cfg, allowed: allowed, origins: origins, header: hex.EncodeToString(secret), lns: lns, stop: stop}
	s.http = &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		// Without it a kept-alive connection stays open for good, and
		// enough of them exhaust the server's files.
		IdleTimeout: cfg.IdleTimeout,
		BaseContext: func(net.Listener) context.Context { return base },
	}
	return s, nil
}

// Serve answers requests until ctx ends or Close is called, then returns
// once the requests in flight have ended: nil after a clean stop.
func (s *Server) Serve(ctx context.Context) error {
	defer context.AfterFunc(ctx, func() { s.Close() })()
	failed := make(chan error, len(s.lns))
	for _, ln := range s.lns {
		go func() { failed <- s.http.Serve(ln) }()
	}
	var first error
	for range s.lns {
		// The first listener to stop stops the others.
		if err := <-failed; !errors.Is(err, http.ErrServerClosed) && first == nil {
			first = err
		}
		s.Close()
	}
	if first != nil {
		return first
	}
	return s.Close()
}

// Close stops the server: token requests in flight are cancelled, then
// their answers awaited for a few seconds. It is safe to call more than
// once and from any goroutine.
func (s *Server) Close() error {
	s.closeOnce.Do(func() {
		s.stop()
		ctx, cancel := context.WithTimeout(context.Background(), shutdownWait)
		defer cancel()
		s.closeErr = s.http.Shutdown(ctx)
		// Shutdown closes only a listener Serve was given.
		for _, ln := range s.lns {
			ln.Close()
		}
	})
	return s.closeErr
}

// Addr is where the server listens: 127.0.0.1:PORT. It also holds
// [::1]:PORT where the machine has IPv6.
func (s *Server) Addr() string { return s.lns[0].Addr().String() }

// Endpoint is the managed-identity URL, the value of IDENTITY_ENDPOINT.
func (s *Server) Endpoint() string { return "http://" + s.Addr() + MSIPath }

// TokenURL is the plain JSON route's URL.
func (s *Server) TokenURL() string { return "http://" + s.Addr() + TokenPath }

// Header is the value every request must send in X-IDENTITY-HEADER: the
// value of IDENTITY_HEADER. It is new each time a server starts.
func (s *Server) Header() string { return s.header }

// Env is the two variables that point an Azure SDK at the server.
func (s *Server) Env() map[string]string {
	return map[string]string{"IDENTITY_ENDPOINT": s.Endpoint(), "IDENTITY_HEADER": s.Header()}
}

// Exports is Env as POSIX shell lines, endpoint first, ready to paste or
// eval. Neither value needs quoting: a URL of 127.0.0.1 and hex digits.
func (s *Server) Exports() string {
	return fmt.Sprintf("export IDENTITY_ENDPOINT=%s\nexport IDENTITY_HEADER=%s\n", s.Endpoint(), s.Header())
}
