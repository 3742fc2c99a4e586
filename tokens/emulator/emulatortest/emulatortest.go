// Package emulatortest starts the Entra ID and ARM emulator for a test,
// as net/http/httptest starts a server: tests of every package share one
// way to run it and to watch what a retry loop would have waited.
package emulatortest

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens/emulator"
)

// Start runs the emulator on cfg, signing with the test process's shared
// key (an RSA key costs more than most tests), and closes it when the
// test ends.
func Start(tb testing.TB, cfg emulator.Config) *emulator.Server {
	tb.Helper()
	cfg.SigningKey = emulator.TestKey()
	srv, err := emulator.Start(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(srv.Close)
	return srv
}

// Sleeps records the waits a retry loop asks for instead of waiting; its
// Sleep goes where tokens.Client.Retry.Sleep does.
type Sleeps struct {
	mu sync.Mutex
	d  []time.Duration
}

// Sleep records d and returns at once, unless ctx is done.
func (s *Sleeps) Sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.d = append(s.d, d)
	s.mu.Unlock()
	return ctx.Err()
}

// All is every wait asked for so far, in order.
func (s *Sleeps) All() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.d...)
}
