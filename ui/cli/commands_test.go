package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/aztoken/aztoken/tokens/emulator"
	"github.com/aztoken/aztoken/ui/version"
)

func TestATypoIsAUsageErrorWithTheNearestCommand(t *testing.T) {
	w := newWorld(t)
	code, _, stderr := w.run("", "tokne", "-p", "dev")
	if code != ExitUsage || !strings.Contains(stderr, `unknown command "tokne"; did you mean token?`) {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if code, _, stderr := w.run("", "help", "tokne"); code != ExitUsage || !strings.Contains(stderr, `no command "tokne"`) {
		t.Errorf("help tokne: exit %d: %s", code, stderr)
	}
	code, stdout, _ := w.run("", "help", "profiles", "rm")
	if code != ExitOK || !strings.HasPrefix(stdout, "Usage: aztoken profiles rm NAME") || !strings.Contains(stdout, "--yes") {
		t.Errorf("help profiles rm: exit %d:\n%s", code, stdout)
	}
}

func TestAUsageErrorPointsToItsCommandsHelp(t *testing.T) {
	w := newWorld(t)
	if _, _, stderr := w.run("", "profiles", "rm"); !strings.Contains(stderr, "Run 'aztoken profiles rm -h' for usage.") {
		t.Errorf("stderr: %s", stderr)
	}
}

func TestVersionAsJSON(t *testing.T) {
	w := newWorld(t)
	var got struct{ Version, Commit string }
	code, stdout, _ := w.run("", "version", "--format", "json")
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || code != ExitOK || got.Version != version.Release || got.Commit != version.Commit() {
		t.Errorf("exit %d, %v: %s", code, err, stdout)
	}
}

func TestResourceGroupsAsJSON(t *testing.T) {
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	code, stdout, stderr := w.run("", "test", "--format", "json", "-p", "dev")
	var groups []struct{ Name, Location, ManagedBy string }
	if err := json.Unmarshal([]byte(stdout), &groups); err != nil || code != ExitOK {
		t.Fatalf("exit %d, %v: %s %s", code, err, stdout, stderr)
	}
	found := false
	for _, g := range groups {
		found = found || g.Name == "rg-app" && g.Location == "westeurope"
	}
	if !found {
		t.Errorf("no rg-app in westeurope: %+v", groups)
	}
}
