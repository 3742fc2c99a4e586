package cli

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens/emulator"
)

func TestAddRefusesANameWithADirectionMark(t *testing.T) {
	w := newWorld(t)
	code, _, stderr := w.run("s3cret-value\n", "profiles", "add", "--name", "dev\u202eodrp", "--tenant", emulator.SampleTenant,
		"--client-id", emulator.SampleApp, "--secret-stdin")
	if code != ExitUsage || !strings.Contains(stderr, "Name: Contains an invisible direction or zero-width mark") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if strings.Contains(stderr, "\u202e") {
		t.Errorf("the mark reached the terminal: %q", stderr)
	}
}

func TestNamesFromTheFileNeverReachTheTerminalRaw(t *testing.T) {
	w := newWorld(t)
	// Written by another program: nothing checked these names.
	file := `{"schema": 1, "profiles": [{"id": "0123456789abcdef", "name": "evil\u001b[2J\nforged", "tenant": "` +
		emulator.SampleTenant + `", "clientId": "` + emulator.SampleApp + `", "notes": "\u202eton"}]}`
	if err := os.WriteFile(filepath.Join(w.dir, "profiles.json"), []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}
	_, list, _ := w.run("", "profiles", "list")
	_, show, _ := w.run("", "profiles", "show", "evil\x1b[2J\nforged")
	_, _, rm := w.run("", "profiles", "rm", "evil\x1b[2J\nforged", "--yes")
	for what, out := range map[string]string{"list": list, "show": show, "rm": rm} {
		if strings.ContainsAny(out, "\x1b\u202e") || !strings.Contains(out, `evil\u001b[2J\u000aforged`) {
			t.Errorf("%s printed %q", what, out)
		}
	}
}

// refusingKeyring is a locked keyring: every change fails.
type refusingKeyring struct{ profiles.Memory }

func (*refusingKeyring) Set(context.Context, profiles.ID, string) error {
	return &profiles.KeyringError{Op: "save", Problem: profiles.KeyringLocked, Cause: errors.New("locked")}
}

func TestAKeyringFailureSavesNoProfile(t *testing.T) {
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	w.env.Secrets = &refusingKeyring{}
	code, _, stderr := w.run("s3cret-value\n", "profiles", "add", "--name", "new", "--tenant", emulator.SampleTenant,
		"--client-id", emulator.SampleApp, "--secret-stdin")
	if code == ExitOK || !strings.Contains(stderr, "the keyring is locked") || !strings.Contains(stderr, `nothing was saved for profile "new"`) {
		t.Errorf("add: exit %d: %s", code, stderr)
	}
	code, _, stderr = w.run("s3cret-value\n", "profiles", "edit", "dev", "--notes", "changed", "--secret-stdin")
	if code == ExitOK || !strings.Contains(stderr, `nothing was saved for profile "dev"`) {
		t.Errorf("edit: exit %d: %s", code, stderr)
	}
	store, _ := w.env.OpenStore()
	if dev, _ := store.ByName("dev"); len(store.List()) != 1 || dev.Notes != "" {
		t.Errorf("stored %+v", store.List())
	}
}

func TestExportRefusesASymlinkedTarget(t *testing.T) {
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	dir := t.TempDir()
	victim := filepath.Join(dir, "bashrc")
	if err := os.WriteFile(victim, []byte("# mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "team.json")
	if err := os.Symlink(victim, link); err != nil {
		t.Skip("cannot make a symbolic link here:", err)
	}
	code, _, stderr := w.run("", "profiles", "export", link)
	if code == ExitOK || !strings.Contains(stderr, "is a symbolic link, and aztoken does not write through links") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
	if data, _ := os.ReadFile(victim); string(data) != "# mine\n" {
		t.Errorf("the link's target changed: %q", data)
	}
}
