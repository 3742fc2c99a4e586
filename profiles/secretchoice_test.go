package profiles

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTheSecretStoreIsChosenExplicitly(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	choose := func(flag, env string) SecretChoice {
		t.Helper()
		c, err := ChooseSecretBackend(flag, env, dir)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	if c := choose("", ""); c != (SecretChoice{KeyringBackend, "default"}) {
		t.Errorf("with no choice: %+v; want the keyring", c)
	}
	if err := SaveSecretChoice(dir, FileBackend); err != nil {
		t.Fatal(err)
	}
	if c := choose("", ""); c.Backend != FileBackend || c.By != filepath.Join(dir, "secret-store") {
		t.Errorf("after saving file: %+v", c)
	}
	if c := choose("", "keyring"); c != (SecretChoice{KeyringBackend, SecretStoreEnv}) {
		t.Errorf("the variable should beat the saved choice: %+v", c)
	}
	if c := choose("FILE", "keyring"); c != (SecretChoice{FileBackend, "--secret-store"}) {
		t.Errorf("the flag should beat the variable: %+v", c)
	}
	for _, bad := range [][2]string{{"files", ""}, {"", "vault"}} {
		_, err := ChooseSecretBackend(bad[0], bad[1], dir)
		if err == nil || !strings.Contains(err.Error(), "choose keyring or file") {
			t.Errorf("%q: %v", bad, err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "secret-store"), []byte("plaintext\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ChooseSecretBackend("", "", dir); err == nil || !strings.Contains(err.Error(), "secret-store") {
		t.Errorf("a bad saved choice: %v", err)
	}
}

func TestAnUnavailableKeyringNamesTheFileStore(t *testing.T) {
	t.Parallel()
	for _, p := range []KeyringProblem{KeyringNoSession, KeyringNoSecretService, KeyringLocked} {
		msg := (&KeyringError{Op: "save", Problem: p}).Error()
		if !strings.Contains(msg, "--secret-store file") || !strings.Contains(msg, "aztoken secrets use file") {
			t.Errorf("problem %d does not name the file store: %s", p, msg)
		}
	}
}

func TestMovingSecretsBetweenStores(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	from := NewMemory()
	_ = from.Set(ctx, "dev", "dev-secret")
	_ = from.Set(ctx, "token-cache-key", "key")
	to, _ := newFileStore(t, filepath.Join(t.TempDir(), SecretsFileName), "pass")
	items := []SecretItem{{"dev", "profile dev"}, {"cert", "profile cert"}, {"token-cache-key", "the token cache key"}}

	committed := false
	n, err := MoveSecrets(ctx, from, to, items, func() error { committed = true; return nil })
	if err != nil || n != 2 || !committed {
		t.Fatalf("moved %d, committed %v: %v", n, committed, err)
	}
	for id, want := range map[ID]string{"dev": "dev-secret", "token-cache-key": "key"} {
		if got, err := to.Get(ctx, id); got != want || err != nil {
			t.Errorf("%s in the new store: %q, %v", id, got, err)
		}
		if _, err := from.Get(ctx, id); !errors.Is(err, ErrSecretNotFound) {
			t.Errorf("%s left in the old store: %v", id, err)
		}
	}

	// A source that cannot be read: nothing is written, nothing recorded.
	locked := &Keyring{backend: &fakeBackend{err: errors.New("org.freedesktop.Secret.Error.IsLocked")}}
	empty := NewMemory()
	_, err = MoveSecrets(ctx, locked, empty, items, func() error { t.Error("the choice was recorded"); return nil })
	if err == nil || !strings.Contains(err.Error(), "profile dev") || !strings.Contains(err.Error(), "nothing was moved") {
		t.Errorf("an unreadable source: %v", err)
	}
	if _, err := empty.Get(ctx, "dev"); !errors.Is(err, ErrSecretNotFound) {
		t.Error("a refused move wrote to the new store")
	}
}

func TestAChosenStoreSwitchesWhileRunning(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	dir := t.TempDir()
	file, _ := newFileStore(t, filepath.Join(dir, SecretsFileName), "pass")
	keyring := NewMemory()
	s := &ChosenStore{Dir: dir, Keyring: keyring, File: file}
	if err := s.Set(ctx, "dev", "dev-secret"); err != nil {
		t.Fatal(err)
	}
	n, err := s.Use(ctx, FileBackend, []SecretItem{{"dev", "profile dev"}}, false)
	if err != nil || n != 1 {
		t.Fatalf("moved %d: %v", n, err)
	}
	if _, c, _ := s.Current(); c.Backend != FileBackend {
		t.Errorf("still using %+v", c)
	}
	if got, err := s.Get(ctx, "dev"); got != "dev-secret" || err != nil {
		t.Errorf("after the switch: %q, %v", got, err)
	}
	if _, err := keyring.Get(ctx, "dev"); !errors.Is(err, ErrSecretNotFound) {
		t.Errorf("left in the keyring: %v", err)
	}
	// A new process reads the saved choice.
	if _, c, _ := (&ChosenStore{Dir: dir}).Current(); c.Backend != FileBackend {
		t.Errorf("a new process uses %+v", c)
	}
}

func TestTheFileStoreNeedsAConfigFolder(t *testing.T) {
	s := &ChosenStore{File: NewMemory(), Getenv: func(string) string { return "file" }}
	if _, _, err := s.Current(); err == nil || !strings.Contains(err.Error(), "no config folder") {
		t.Errorf("file store without a config folder: %v, want it refused", err)
	}
}
