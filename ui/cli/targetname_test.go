package cli

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
)

// addGraphTarget stores Microsoft Graph as an extra target of profile name.
func (w *world) addGraphTarget(name string) {
	w.t.Helper()
	code, _, stderr := w.run("", "profiles", "edit", name, "--target", "Microsoft Graph=https://graph.microsoft.com/")
	if code != ExitOK {
		w.t.Fatalf("profiles edit --target: exit %d: %s", code, stderr)
	}
}

func TestTokenTargetPicksAStoredTargetByName(t *testing.T) {
	w := newWorld(t)
	w.withSharedCache()
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	w.addGraphTarget("dev")

	graph := w.token("-p", "dev", "--target", "microsoft graph")
	j, err := tokens.DecodeJWT(strings.TrimSpace(graph))
	if err != nil || j.Claims.Audience != "https://graph.microsoft.com/" {
		t.Fatalf("--target Microsoft Graph printed a token for %q (%v)", j.Claims.Audience, err)
	}
	if again := w.token("-p", "dev", "--target", "Microsoft Graph"); again != graph {
		t.Error("a second call did not reuse Graph's cache entry")
	}
	if arm := w.token("-p", "dev", "--target", "Resource Manager"); arm == graph || arm != w.token("-p", "dev") {
		t.Error("--target with the default's name is not the profile's own token")
	}
	// A one-off --resource for an API that is also a stored target works.
	if code, _, stderr := w.run("", "token", "-p", "dev", "--resource", "https://graph.microsoft.com/"); code != ExitOK {
		t.Errorf("--resource for a stored target's API: exit %d: %s", code, stderr)
	}

	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"token", "-p", "dev", "--target", "Key Vault"}, `profile "dev" has no target "Key Vault"; its targets: Resource Manager, Microsoft Graph`},
		{[]string{"token", "-p", "dev", "--target", "Microsoft Graph", "--scope", "https://graph.microsoft.com/.default"}, "one of them"},
		{[]string{"token", "--env", "--target", "Microsoft Graph"}, "with --env use --resource or --scope"},
	} {
		code, _, stderr := w.run("", tt.args...)
		if code != ExitUsage || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, %s; want a usage error saying %q", tt.args, code, stderr, tt.want)
		}
	}
}

func TestProfilesAddEditAndShowTargets(t *testing.T) {
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	code, _, stderr := w.run("", "profiles", "edit", "dev",
		"--target", "Microsoft Graph=https://graph.microsoft.com/", "--target", "My API=api://"+emulator.SampleApp+"/.default")
	if code != ExitOK {
		t.Fatalf("edit: exit %d: %s", code, stderr)
	}
	code, out, _ := w.run("", "profiles", "show", "dev", "--format", "json")
	var d struct {
		Targets []targetDetail `json:"targets"`
	}
	if err := json.Unmarshal([]byte(out), &d); code != ExitOK || err != nil {
		t.Fatalf("show: exit %d, %v: %s", code, err, out)
	}
	want := []targetDetail{
		{Name: "Resource Manager", Resource: "https://management.azure.com/", Default: true},
		{Name: "Microsoft Graph", Resource: "https://graph.microsoft.com/"},
		{Name: "My API", Scope: "api://" + emulator.SampleApp + "/.default"},
	}
	if !slices.Equal(d.Targets, want) {
		t.Errorf("targets %+v\nwant %+v", d.Targets, want)
	}
	if _, text, _ := w.run("", "profiles", "show", "dev"); !strings.Contains(text, `Target "My API":`) {
		t.Errorf("show lists no extra target:\n%s", text)
	}

	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"profiles", "edit", "dev", "--target", "Graph2=https://graph.microsoft.com"}, "Target 3: Target Microsoft Graph is for this API already"},
		{[]string{"profiles", "edit", "dev", "--target", "Vault=vault.azure.net"}, "Target 3: Expected a URI"},
		{[]string{"profiles", "edit", "dev", "--target", "https://vault.azure.net"}, "NAME=RESOURCE_OR_SCOPE"},
		{[]string{"profiles", "edit", "dev", "--remove-target", "Key Vault"}, `no extra target "Key Vault"; it has Microsoft Graph, My API`},
	} {
		code, _, stderr := w.run("", tt.args...)
		if code == ExitOK || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, %s; want an error saying %q", tt.args, code, stderr, tt.want)
		}
	}

	if code, _, stderr := w.run("", "profiles", "edit", "dev", "--remove-target", "my api", "--target", "Microsoft Graph=https://graph.microsoft.com/.default"); code != ExitOK {
		t.Fatalf("remove and replace: exit %d: %s", code, stderr)
	}
	_, out, _ = w.run("", "profiles", "show", "dev", "--format", "json")
	_ = json.Unmarshal([]byte(out), &d)
	if len(d.Targets) != 2 || d.Targets[1].Scope != "https://graph.microsoft.com/.default" {
		t.Errorf("after removing My API and replacing Graph: %+v", d.Targets)
	}
	if got := w.complete("token", "-p", "dev", "--target", "M"); !slices.Equal(got, []string{"Microsoft Graph"}) {
		t.Errorf("completion of --target offers %q", got)
	}
}
