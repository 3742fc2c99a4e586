package server

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
)

func TestManagedIdentityAnswersAsAppServiceDoes(t *testing.T) {
	t.Parallel()
	rg := start(t, nil)
	// azidentity turns the scope https://management.azure.com/.default
	// into this resource, without the profile's trailing slash.
	a := rg.get(msiPath("https://management.azure.com"))
	if a.status != 200 {
		t.Fatalf("status %d: %s", a.status, a.raw)
	}
	keys := slices.Sorted(maps.Keys(a.body))
	if want := []string{"access_token", "client_id", "expires_on", "resource", "token_type"}; !slices.Equal(keys, want) {
		t.Errorf("fields %v, want App Service's %v", keys, want)
	}
	expires, ok := a.body["expires_on"].(string)
	if secs, err := strconv.ParseInt(expires, 10, 64); !ok || err != nil || secs <= rg.clock.Now().Unix() {
		t.Errorf("expires_on = %#v, want a string of epoch seconds in the future", a.body["expires_on"])
	}
	if a.body["resource"] != "https://management.azure.com" || a.body["token_type"] != "Bearer" || a.body["client_id"] != emulator.SampleApp {
		t.Errorf("answer = %v", a.body)
	}
	if ct := a.header.Get("Content-Type"); ct != "application/json" || a.header.Get("Cache-Control") != "no-store" {
		t.Errorf("Content-Type %q, Cache-Control %q", ct, a.header.Get("Cache-Control"))
	}
	jwt, err := tokens.DecodeJWT(a.body["access_token"].(string))
	if err != nil || jwt.Claims.AppID != emulator.SampleApp || jwt.Claims.Audience != armResource {
		t.Errorf("token: %v, claims %+v", err, jwt.Claims)
	}

	// The profile's own spelling is the same resource: the same token,
	// fetched once.
	again := rg.get(msiPath(armResource))
	if again.body["access_token"] != a.body["access_token"] || rg.emu.Requests(emulator.TokenEndpoint) != 1 {
		t.Errorf("%d token requests for two spellings of one resource", rg.emu.Requests(emulator.TokenEndpoint))
	}
}

func TestAllowedResourceGetsItsOwnToken(t *testing.T) {
	t.Parallel()
	rg := start(t, func(c *Config) { c.AllowResources = []string{"https://graph.microsoft.com/.default"} })
	a := rg.get(msiPath("https://graph.microsoft.com"))
	if a.status != 200 {
		t.Fatalf("status %d: %s", a.status, a.raw)
	}
	jwt, _ := tokens.DecodeJWT(a.body["access_token"].(string))
	if jwt.Claims.Audience != "https://graph.microsoft.com" {
		t.Errorf("aud = %q", jwt.Claims.Audience)
	}
	if a := rg.get(msiPath(armResource)); a.status != 200 {
		t.Errorf("the profile's own resource is no longer served: %d %s", a.status, a.raw)
	}
}

func TestPlainTokenRoute(t *testing.T) {
	t.Parallel()
	rg := start(t, nil)
	a := rg.get(TokenPath)
	if a.status != 200 || !strings.HasPrefix(a.body["access_token"].(string), "eyJ") || a.body["resource"] != armResource {
		t.Fatalf("status %d: %s", a.status, a.raw)
	}
	in, on := a.body["expires_in"].(float64), a.body["expires_on"].(float64)
	if in < 3500 || in > 3600 || int64(on) != rg.clock.Now().Unix()+int64(in) {
		t.Errorf("expires_in %v, expires_on %v", in, on)
	}
}

func TestEntraFailuresAreBadGatewayWithTheFix(t *testing.T) {
	t.Parallel()
	rg := start(t, func(c *Config) { c.Request.Credential = tokens.ClientSecret(emulator.SampleSecretID) })
	a := rg.get(msiPath(armResource))
	desc, _ := a.body["error_description"].(string)
	if a.status != 502 || a.body["error"] != "entra_refused" || !strings.Contains(desc, "AADSTS7000215") || !strings.Contains(desc, "Value") {
		t.Errorf("status %d: %s", a.status, a.raw)
	}
	if strings.Contains(a.raw, emulator.SampleSecretID) || strings.Contains(rg.log(), emulator.SampleSecretID) {
		t.Error("the secret sent reached the answer or the log")
	}

	rg.emu.Close()
	a = rg.get(TokenPath)
	if a.status != 502 || a.body["error"] != "entra_unreachable" || !strings.Contains(a.raw, "refused the connection") {
		t.Errorf("Entra down: status %d: %s", a.status, a.raw)
	}
}
