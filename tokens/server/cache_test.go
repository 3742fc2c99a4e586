package server

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
)

func TestTokensComeFromTheSharedCacheAndAreRefreshedAheadOfExpiry(t *testing.T) {
	t.Parallel()
	rg := start(t, nil)
	key := tokens.CacheKey{Profile: "dev", Target: tokens.ResourceTarget(armResource)}
	expiresOn := func(a answer) int64 {
		n, _ := strconv.ParseInt(a.body["expires_on"].(string), 10, 64)
		return n
	}

	first := rg.get(msiPath("https://management.azure.com"))
	cached, ok := rg.cache.Peek(key)
	if !ok || cached.AccessToken != first.body["access_token"] {
		t.Fatal("the token served is not the one in the window's cache")
	}

	rg.clock.Add(50 * time.Minute) // 10 minutes left: still fresh
	if a := rg.get(msiPath(armResource)); a.body["access_token"] != first.body["access_token"] || rg.emu.Requests(emulator.TokenEndpoint) != 1 {
		t.Errorf("a fresh token was fetched again (%d requests)", rg.emu.Requests(emulator.TokenEndpoint))
	}

	rg.clock.Add(6 * time.Minute) // 4 minutes left: inside the margin
	second := rg.get(msiPath(armResource))
	if second.body["access_token"] == first.body["access_token"] || rg.emu.Requests(emulator.TokenEndpoint) != 2 {
		t.Fatalf("a token 4 minutes from expiry was served (%d requests)", rg.emu.Requests(emulator.TokenEndpoint))
	}
	if got, want := expiresOn(second), expiresOn(first)+int64((56*time.Minute).Seconds()); got != want {
		t.Errorf("refreshed expires_on %d, want %d", got, want)
	}

	// The window's "refresh" replaces the server's token too.
	refreshed, err := rg.cache.Refresh(context.Background(), key, tokens.Request{
		AuthorityHost: rg.emu.URL(), Tenant: emulator.SampleTenant, ClientID: emulator.SampleApp,
		Credential: tokens.ClientSecret(emulator.SampleSecret), Target: key.Target,
	})
	if err != nil {
		t.Fatal(err)
	}
	if a := rg.get(TokenPath); a.body["access_token"] != refreshed.AccessToken {
		t.Error("the server did not serve the token the window refreshed")
	}
}
