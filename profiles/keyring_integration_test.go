//go:build keyring

package profiles

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// These tests use the real Secret Service. Run them inside
// scripts/with-session.sh, which starts a private D-Bus session with an
// unlocked gnome-keyring in a throwaway HOME:
//
//	scripts/with-session.sh go test -race -tags keyring -run Keyring ./profiles/

// realKeyring is a Keyring on the session's Secret Service, under a service
// name of its own so that nothing else's secrets are touched.
func realKeyring(t *testing.T) *Keyring {
	t.Helper()
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		// Without an explicit bus godbus would autolaunch one and reach
		// the user's own keyring.
		t.Fatal("no DBUS_SESSION_BUS_ADDRESS: run inside scripts/with-session.sh")
	}
	return &Keyring{Service: "aztoken-test-" + string(NewID()), Timeout: 10 * time.Second}
}

func TestKeyringRealSecretService(t *testing.T) {
	k := realKeyring(t)
	secretStoreContract(t, k)

	// Stored under service and account = profile ID, where other tools
	// (secret-tool, Seahorse) find it.
	id := NewID()
	if err := k.Set(t.Context(), id, "visible to secret-tool"); err != nil {
		t.Fatal(err)
	}
	defer k.Delete(t.Context(), id)
	if _, err := exec.LookPath("secret-tool"); err == nil {
		out, err := exec.CommandContext(t.Context(), "secret-tool", "lookup", "service", k.Service, "username", string(id)).Output()
		if err != nil || string(out) != "visible to secret-tool" {
			t.Errorf("secret-tool lookup: %q, %v", out, err)
		}
	}
	// Deleting the profile deletes its secret from the real keyring.
	s := newStore(t)
	p := mustSave(t, s, sample("with a secret"))
	if err := k.Set(t.Context(), p.ID, "v"); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(t.Context(), p.ID, k); err != nil {
		t.Fatal(err)
	}
	if _, err := k.Get(t.Context(), p.ID); !errors.Is(err, ErrSecretNotFound) {
		t.Errorf("after deleting the profile: %v", err)
	}
}

// keyringHelper runs TestKeyringHelperProcess with the given D-Bus address
// and returns what it printed: the error of one Set.
func keyringHelper(t *testing.T, bus string) string {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), os.Args[0], "-test.run=^TestKeyringHelperProcess$")
	cmd.Env = append(os.Environ(), "AZTOKEN_KEYRING_HELPER=1", "DBUS_SESSION_BUS_ADDRESS="+bus)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("helper: %v\n%s", err, out)
	}
	if took := time.Since(start); took > 8*time.Second {
		t.Errorf("the keyring call took %v", took)
	}
	return strings.TrimSpace(strings.SplitN(string(out), "\n", 2)[0])
}

// TestKeyringHelperProcess is not a test: it is a process of its own for
// the tests below, since godbus keeps one session bus per process.
func TestKeyringHelperProcess(t *testing.T) {
	if os.Getenv("AZTOKEN_KEYRING_HELPER") == "" {
		t.Skip("started by other tests")
	}
	err := (&Keyring{Service: "aztoken-test", Timeout: 3 * time.Second}).Set(t.Context(), "id", "v")
	var ke *KeyringError
	if errors.As(err, &ke) {
		os.Stdout.WriteString(err.Error() + "\n")
	} else {
		os.Stdout.WriteString("not a KeyringError: " + errors.Join(err, errors.New("")).Error() + "\n")
	}
	os.Exit(0)
}

func TestKeyringWithoutDBusSession(t *testing.T) {
	realKeyring(t)
	got := keyringHelper(t, "unix:path="+filepath.Join(t.TempDir(), "no-such-bus"))
	want := "cannot save the secret in the keyring: there is no D-Bus session bus to reach a keyring through"
	if !strings.HasPrefix(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestKeyringWithoutSecretService starts a D-Bus session bus that has no
// Secret Service to activate, as on a desktop without gnome-keyring.
func TestKeyringWithoutSecretService(t *testing.T) {
	realKeyring(t)
	if _, err := exec.LookPath("dbus-daemon"); err != nil {
		t.Skip("no dbus-daemon")
	}
	dir := t.TempDir()
	config := filepath.Join(dir, "session.conf")
	err := os.WriteFile(config, []byte(`<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=`+filepath.Join(dir, "bus")+`</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`), 0o600)
	if err != nil {
		t.Fatal(err)
	}
	daemon := exec.Command("dbus-daemon", "--config-file="+config, "--nofork", "--print-address")
	stdout, _ := daemon.StdoutPipe()
	if err := daemon.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		_ = daemon.Process.Kill()
		_ = daemon.Wait()
	}()
	address, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	got := keyringHelper(t, strings.TrimSpace(address))
	want := "cannot save the secret in the keyring: no Secret Service answers on the session bus. Install and start one"
	if !strings.HasPrefix(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
