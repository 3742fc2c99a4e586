package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aztoken/aztoken/tokens/emulator"
)

// inATerminal makes the world's stdin look like a terminal, as the real
// Env does when ReadPassword is set.
func (w *world) inATerminal() {
	w.env.ReadPassword = func(string) (string, error) {
		w.t.Fatal("a confirmation must not be read as a password")
		return "", nil
	}
}

func (w *world) profileCount() int {
	w.t.Helper()
	store, err := w.env.OpenStore()
	if err != nil {
		w.t.Fatal(err)
	}
	return len(store.List())
}

func TestRemoveWithoutATerminalNeedsYes(t *testing.T) {
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	code, _, stderr := w.run("y\n", "profiles", "rm", "dev")
	if code != ExitUsage || !strings.Contains(stderr, "profiles rm: no terminal") || !strings.Contains(stderr, "--yes") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if w.profileCount() != 1 {
		t.Error("the profile was deleted without --yes")
	}
}

func TestRemoveInATerminalAsksFirst(t *testing.T) {
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	w.inATerminal()
	code, _, stderr := w.run("n\n", "profiles", "rm", "dev")
	if code != ExitFailure || !strings.Contains(stderr, "Delete profile dev and its client secret? [y/N]") || !strings.Contains(stderr, "nothing was changed") {
		t.Errorf("answered no: exit %d: %s", code, stderr)
	}
	if w.profileCount() != 1 {
		t.Fatal("the profile was deleted after a no")
	}
	if code, _, stderr := w.run("yes\n", "profiles", "rm", "dev"); code != ExitOK || w.profileCount() != 0 {
		t.Errorf("answered yes: exit %d: %s", code, stderr)
	}
}

func TestCacheClearWithoutATerminalNeedsYes(t *testing.T) {
	w := newWorld(t)
	w.withSharedCache()
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	first := w.token("-p", "dev")
	code, _, stderr := w.run("", "cache", "clear")
	if code != ExitUsage || !strings.Contains(stderr, "cache clear: no terminal") || !strings.Contains(stderr, "--yes") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if w.token("-p", "dev") != first {
		t.Error("the cache was cleared without --yes")
	}
}

func TestExportAsksBeforeReplacingAFile(t *testing.T) {
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	file := filepath.Join(t.TempDir(), "team.json")
	if err := os.WriteFile(file, []byte("last week's export"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := w.run("", "profiles", "export", file)
	if code != ExitUsage || !strings.Contains(stderr, "profiles export: no terminal to ask whether to replace "+file) {
		t.Errorf("exit %d: %s", code, stderr)
	}
	w.inATerminal()
	if code, _, stderr := w.run("n\n", "profiles", "export", file); code != ExitFailure || !strings.Contains(stderr, "Replace "+file+"? [y/N]") {
		t.Errorf("answered no: exit %d: %s", code, stderr)
	}
	if data, _ := os.ReadFile(file); string(data) != "last week's export" {
		t.Fatalf("the file was replaced without a yes: %q", data)
	}
	if code, _, stderr := w.run("", "profiles", "export", file, "--yes"); code != ExitOK {
		t.Fatalf("--yes: exit %d: %s", code, stderr)
	}
	if data, _ := os.ReadFile(file); !strings.Contains(string(data), emulator.SampleApp) {
		t.Errorf("--yes did not write the export: %q", data)
	}
}
