package setupcheck

import (
	"context"
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
	"github.com/aztoken/aztoken/tokens/emulator/emulatortest"
)

// The setup check is tested against the emulator's sample world: an app
// that reads its subscription, one with no role, and a second tenant.
const (
	tenantID    = emulator.SampleTenant
	otherTenant = emulator.SampleOtherTenant
	secretID    = emulator.SampleSecretID
	secretValue = emulator.SampleSecret
	noRoleApp   = emulator.SampleNoRoleApp
	readableSub = emulator.SampleSubscription
	otherSub    = emulator.SampleOtherSub
	armResource = "https://management.azure.com/"
)

// startWorld runs the sample world for the test, with a client whose
// retries do not wait.
func startWorld(t *testing.T) (*emulator.Server, *tokens.Client) {
	t.Helper()
	srv := emulatortest.Start(t, emulator.Sample())
	c := tokens.NewClient()
	c.Retry.Sleep = func(ctx context.Context, _ time.Duration) error { return ctx.Err() }
	return srv, c
}

// request is a good v1 request for ARM by the sample app.
func request(srv *emulator.Server) tokens.Request {
	return tokens.Request{
		AuthorityHost: srv.URL(),
		Tenant:        tenantID,
		ClientID:      emulator.SampleApp,
		Credential:    tokens.ClientSecret(secretValue),
		Target:        tokens.ResourceTarget(armResource),
	}
}
