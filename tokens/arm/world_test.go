package arm

import (
	"testing"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
	"github.com/aztoken/aztoken/tokens/emulator/emulatortest"
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
func startWorld(t *testing.T, edit func(*emulator.Config)) (*emulator.Server, *tokens.Client, *emulatortest.Sleeps) {
	t.Helper()
	cfg := emulator.Sample()
	if edit != nil {
		edit(&cfg)
	}
	srv := emulatortest.Start(t, cfg)
	s := &emulatortest.Sleeps{}
	c := tokens.NewClient()
	c.Retry.Sleep = s.Sleep
	return srv, c, s
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
