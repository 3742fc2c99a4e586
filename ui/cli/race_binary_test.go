//go:build keyring

package cli

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aztoken/aztoken/profiles"
)

// TestRemoveRacingAnEditNeverBringsTheProfileBack runs `profiles rm dev`
// and `profiles edit dev` as two real processes at once, again and again.
// Whatever order they meet in, a profile rm reported deleted stays deleted,
// with no secret left behind, and an edit that lost the race says so and
// exits non-zero. Before saves carried revisions, the edit brought dev
// back within a few tries.
//
// The edit replaces the secret from stdin. In every other try stdin stays
// empty until rm has finished, so that an edit which has read dev by then
// is certain to save after the removal: the case that used to bring it
// back. In the other tries the two simply race.
func TestRemoveRacingAnEditNeverBringsTheProfileBack(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 100 processes")
	}
	p := &process{t: t, bin: binary(t), config: t.TempDir()}
	path := filepath.Join(p.config, "aztoken", "profiles.json")
	const tries = 50
	stale, late := 0, 0
	for i := range tries {
		store, err := profiles.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		dev, err := store.Save(profiles.Profile{Name: "dev", Tenant: "contoso.onmicrosoft.com",
			ClientID: "66666666-7777-4888-9999-aaaaaaaaaaaa"})
		if err != nil {
			t.Fatal(err)
		}
		stdin, typing := io.Pipe()
		edit := p.start(stdin, "profiles", "edit", "dev", "--notes", "edited", "--secret-stdin")
		holdStdin := i%2 == 1
		if !holdStdin {
			io.WriteString(typing, "new-secret\n")
			typing.Close()
		}
		rmCode, _, rmStderr := p.run("", "profiles", "rm", "dev", "--yes")
		if holdStdin {
			io.WriteString(typing, "new-secret\n")
			typing.Close()
		}
		editCode, editStderr := edit()
		if err := store.Reload(); err != nil {
			t.Fatal(err)
		}
		back, ok := store.ByName("dev")
		switch {
		case rmCode != 0:
			t.Fatalf("try %d: rm failed: %s", i, rmStderr)
		case ok:
			t.Fatalf("try %d: rm said %q, but dev is back (%+v); edit said %q (exit %d)",
				i, strings.TrimSpace(rmStderr), back, strings.TrimSpace(editStderr), editCode)
		case secretLeft(t, dev.ID):
			t.Fatalf("try %d: dev is deleted but its secret is still in the keyring; edit said %q", i, editStderr)
		case strings.Contains(editStderr, `profile "dev" was removed meanwhile`) && editCode != 0:
			stale++
		case strings.Contains(editStderr, `no profile named "dev"`) && editCode != 0:
			late++
		case editCode != 0:
			t.Fatalf("try %d: edit failed for another reason: %s", i, editStderr)
		}
	}
	// The stale edits are the ones that used to bring dev back.
	t.Logf("of %d tries, the edit read dev before rm and was refused %d times, and came too late to find it %d times", tries, stale, late)
	if stale == 0 {
		t.Error("no edit read dev before rm removed it: the race was never run")
	}
}

// start runs the binary in the background with stdin, as run does, and
// returns how to wait for its exit code and standard error.
func (p *process) start(stdin io.Reader, args ...string) (wait func() (int, string)) {
	p.t.Helper()
	cmd := exec.Command(p.bin, args...)
	cmd.Env = append(withoutDisplay(os.Environ()), "XDG_CONFIG_HOME="+p.config, "LANG=en_US.UTF-8")
	cmd.Stdin = stdin
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		p.t.Fatal(err)
	}
	return func() (int, string) {
		err := cmd.Wait()
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			p.t.Fatal(err)
		}
		return cmd.ProcessState.ExitCode(), stderr.String()
	}
}

// secretLeft reports whether the keyring holds a secret for id.
func secretLeft(t *testing.T, id profiles.ID) bool {
	t.Helper()
	_, err := profiles.NewKeyring().Get(t.Context(), id)
	if err != nil && !errors.Is(err, profiles.ErrSecretNotFound) {
		t.Fatal(err)
	}
	return err == nil
}
