package arm

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
)

// Resource Manager calls are tested against emulator.Sample: its app may
// read one subscription and not another, in a second tenant too.
const (
	tenantID    = emulator.SampleTenant
	otherTenant = emulator.SampleOtherTenant
	appID       = emulator.SampleApp
	secretValue = emulator.SampleSecret
	noRoleApp   = emulator.SampleNoRoleApp
	otherApp    = emulator.SampleOtherApp
	readableSub = emulator.SampleSubscription
	hiddenSub   = emulator.SampleHiddenSub
	otherSub    = emulator.SampleOtherSub
	armResource = "https://management.azure.com/"
)

// startWorld runs the emulator for the test and returns it with a client
// whose sleeps are recorded instead of waited.
func startWorld(t *testing.T, edit func(*emulator.Config)) (*emulator.Server, *tokens.Client, *sleeps) {
	t.Helper()
	cfg := emulator.Sample()
	if edit != nil {
		edit(&cfg)
	}
	cfg.SigningKey = emulator.TestKey()
	srv, err := emulator.Start(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	s := &sleeps{}
	c := tokens.NewClient()
	c.Retry.Sleep = s.sleep
	return srv, c, s
}

// sleeps records the waits a retry loop asked for.
type sleeps struct {
	mu sync.Mutex
	d  []time.Duration
}

func (s *sleeps) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.d = append(s.d, d)
	s.mu.Unlock()
	return ctx.Err()
}

func (s *sleeps) all() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.d...)
}

// request is a good v1 request for ARM by the main app.
func request(srv *emulator.Server) tokens.Request {
	return tokens.Request{
		AuthorityHost: srv.URL(),
		Tenant:        tenantID,
		ClientID:      appID,
		Credential:    tokens.ClientSecret(secretValue),
		Target:        tokens.ResourceTarget(armResource),
	}
}
