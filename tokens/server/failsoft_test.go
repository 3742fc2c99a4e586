package server

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens/emulator"
)

// TestAnEntraHiccupInsideTheMarginStillServesTheToken: the app asking
// serve gets the token it had, still valid, and the log, where the user
// running serve looks, says the refresh failed.
func TestAnEntraHiccupInsideTheMarginStillServesTheToken(t *testing.T) {
	rg := start(t, nil)
	first := rg.get(msiPath(armResource))
	if first.status != http.StatusOK {
		t.Fatalf("first request: %d %s", first.status, first.raw)
	}
	rg.clock.Add(57 * time.Minute) // three minutes left: due for a refresh
	rg.emu.Inject(emulator.TokenEndpoint, emulator.ServerError(503), emulator.ServerError(503),
		emulator.ServerError(503), emulator.ServerError(503), emulator.ServerError(503))
	again := rg.get(msiPath(armResource))
	if again.status != http.StatusOK || again.body["access_token"] != first.body["access_token"] {
		t.Fatalf("during the hiccup: %d %s; want the cached token", again.status, again.raw)
	}
	if !strings.Contains(rg.log(), "served the cached token: ") {
		t.Errorf("the log does not say the refresh failed:\n%s", rg.log())
	}
}
