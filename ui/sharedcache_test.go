package ui

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
	"github.com/aztoken/aztoken/tokens/sharedcache"
)

// TestTheWindowReusesATokenAnotherProcessFetched: a token the command line
// left in the shared cache is the one the tray copies, with no request to
// Entra ID; Get token still asks for a new one.
func TestTheWindowReusesATokenAnotherProcessFetched(t *testing.T) {
	f := newFixture(t)
	dev := f.seed(f.sample("dev", emulator.SampleApp), emulator.SampleSecret)
	shared := sharedcache.Open(filepath.Join(t.TempDir(), "tokens"), sharedcache.KeyringKey{Secrets: f.secrets}, f.clock.Now)
	f.shelf = shared

	cli := &tokens.Client{HTTP: tokens.NewHTTPClient(), Retry: tokens.DefaultRetry(), Now: f.clock.Now}
	cred, _ := dev.LoadCredential(context.Background(), f.secrets)
	fromCLI, err := tokens.NewCache(cli, f.clock.Now).WithShelf(shared).Token(context.Background(), dev.CacheKey(), dev.Request(cred))
	if err != nil {
		t.Fatal(err)
	}

	f.openWithTray(true)
	f.clickTray("Copy header · dev")
	if f.clip.text != fromCLI.AuthorizationHeader() || f.srv.Requests(emulator.TokenEndpoint) != 1 {
		t.Fatalf("the tray copied another token, after %d token requests", f.srv.Requests(emulator.TokenEndpoint))
	}

	f.getToken()
	if f.currentToken().AccessToken == fromCLI.AccessToken || f.srv.Requests(emulator.TokenEndpoint) != 2 {
		t.Error("Get token did not ask Entra ID for a new token")
	}
	if onShelf, _ := shared.Get(context.Background(), dev.CacheKey()); onShelf.AccessToken != f.currentToken().AccessToken {
		t.Error("the window's new token did not reach the shared cache")
	}
}
