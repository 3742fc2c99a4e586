package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
)

// noSecretIn fails when out holds the secret, whole or masked.
func noSecretIn(t *testing.T, what, out, secret string) {
	t.Helper()
	if strings.Contains(out, secret) || strings.Contains(out, tokens.Mask(secret)) || strings.Contains(out, secret[:6]) {
		t.Errorf("%s shows the secret:\n%s", what, out)
	}
}

func TestProfilesListAsJSONForScripts(t *testing.T) {
	w := newWorld(t)
	if code, stdout, _ := w.run("", "profiles", "list", "--format", "json"); code != ExitOK || strings.TrimSpace(stdout) != "[]" {
		t.Errorf("no profiles: exit %d, %q", code, stdout)
	}
	w.addProfile("Azure REST", emulator.SampleApp, emulator.SampleSecret)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)

	code, stdout, stderr := w.run("", "profiles", "list", "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(stdout), &list); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	if len(list) != 2 || list[0]["name"] != "Azure REST" || list[1]["name"] != "dev" {
		t.Fatalf("names: %v", list)
	}
	p := list[0]
	if p["tenant"] != emulator.SampleTenant || p["clientId"] != emulator.SampleApp || p["cloud"] != "custom" ||
		p["credential"] != "secret" || p["resource"] != "https://management.azure.com/" || p["id"] == "" {
		t.Errorf("profile: %v", p)
	}
	noSecretIn(t, "profiles list --format json", stdout, emulator.SampleSecret)
}

func TestProfilesShowAsJSONSaysWhetherASecretIsStored(t *testing.T) {
	w := newWorld(t)
	w.addProfile("Azure REST", emulator.SampleApp, emulator.SampleSecret)
	w.run("", "profiles", "edit", "Azure REST", "--secret-expires", "2027-01-31", "--notes", "team")

	var got struct {
		Name, Tenant, ClientID, AuthorityHost, SecretExpires, Notes string
		SecretStored                                                bool
	}
	code, stdout, stderr := w.run("", "profiles", "show", "--format", "json", "Azure REST")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	if got.Name != "Azure REST" || got.ClientID != emulator.SampleApp || got.AuthorityHost != w.srv.URL() ||
		got.SecretExpires != "2027-01-31" || got.Notes != "team" || !got.SecretStored {
		t.Errorf("show: %+v", got)
	}
	noSecretIn(t, "profiles show --format json", stdout, emulator.SampleSecret)

	store, _ := w.env.OpenStore()
	p, _ := store.ByName("Azure REST")
	w.secrets.Delete(context.Background(), p.ID)
	_, stdout, _ = w.run("", "profiles", "show", "Azure REST", "--format=json")
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || got.SecretStored {
		t.Errorf("without a secret: %v %s", err, stdout)
	}
}
