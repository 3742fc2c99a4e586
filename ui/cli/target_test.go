package cli

import (
	"strings"
	"testing"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
)

func TestATokenForAnyAPIWithItsOwnCacheEntry(t *testing.T) {
	w := newWorld(t)
	w.withSharedCache()
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)

	arm := w.token("-p", "dev")
	graph := w.token("-p", "dev", "--scope", "https://graph.microsoft.com/.default")
	again := w.token("--resource", "https://graph.microsoft.com/", "-p", "dev")
	for name, tok := range map[string]string{"arm": arm, "graph": graph} {
		j, err := tokens.DecodeJWT(strings.TrimSpace(tok))
		want := map[string]string{"arm": "https://management.azure.com/", "graph": "https://graph.microsoft.com"}[name]
		if err != nil || strings.TrimSuffix(j.Claims.Audience, "/") != strings.TrimSuffix(want, "/") {
			t.Errorf("%s token: aud %q, %v; want %s", name, j.Claims.Audience, err, want)
		}
	}
	if w.token("-p", "dev") != arm || again == arm {
		t.Error("the profile's own token and Graph's share a cache entry")
	}
	if n := w.srv.Requests(emulator.TokenEndpoint); n != 3 {
		t.Errorf("%d token requests, want 3: ARM, Graph by scope, Graph by resource", n)
	}
}

func TestResourceAndScopeAreCheckedAndExclusive(t *testing.T) {
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"token", "-p", "dev", "--resource", "https://graph.microsoft.com/", "--scope", "https://graph.microsoft.com/.default"}, "give --resource (v1) or --scope (v2), not both"},
		{[]string{"token", "-p", "dev", "--scope", "User.Read"}, "/.default"},
		{[]string{"copy", "-p", "dev", "--resource", "not a url"}, "Resource: Expected a URI"},
	}
	for _, tt := range tests {
		code, _, stderr := w.run("", tt.args...)
		if code != ExitUsage || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, %s; want a usage error saying %q", tt.args, code, stderr, tt.want)
		}
	}
}

func TestEnvTakesAnotherAPIToo(t *testing.T) {
	w := newWorld(t)
	env := map[string]string{"AZURE_TENANT_ID": emulator.SampleTenant, "AZURE_CLIENT_ID": emulator.SampleApp,
		"AZURE_CLIENT_SECRET": emulator.SampleSecret, "AZURE_AUTHORITY_HOST": w.srv.URL()}
	w.env.Getenv = func(k string) string { return env[k] }
	code, out, stderr := w.run("", "token", "--env", "--resource", "https://graph.microsoft.com/")
	j, err := tokens.DecodeJWT(strings.TrimSpace(out))
	if code != ExitOK || err != nil || !strings.HasPrefix(j.Claims.Audience, "https://graph.microsoft.com") {
		t.Errorf("exit %d, aud %q: %s", code, j.Claims.Audience, stderr)
	}
}
