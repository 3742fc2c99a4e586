package profiles

import (
	"context"
	"errors"
	"fmt"
	"net"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zalando/go-keyring"
)

// fakeBackend stands in for go-keyring: a map, a fixed error, a call that
// never returns, or a panic.
type fakeBackend struct {
	mu      sync.Mutex
	items   map[string]string
	err     error
	block   chan struct{} // when set, calls wait on it
	panicky bool
}

func (f *fakeBackend) do(key string, set *string, del bool) (string, error) {
	if f.block != nil {
		<-f.block
	}
	if f.panicky {
		var m map[string]int
		m["boom"]++ // the kind of bug that panics inside a library
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return "", f.err
	}
	if f.items == nil {
		f.items = map[string]string{}
	}
	v, ok := f.items[key]
	switch {
	case set != nil:
		f.items[key] = *set
		return "", nil
	case !ok:
		return "", keyring.ErrNotFound
	case del:
		delete(f.items, key)
	}
	return v, nil
}

func (f *fakeBackend) Get(service, user string) (string, error) {
	return f.do(service+"/"+user, nil, false)
}
func (f *fakeBackend) Set(service, user, pw string) error {
	_, err := f.do(service+"/"+user, &pw, false)
	return err
}
func (f *fakeBackend) Delete(service, user string) error {
	_, err := f.do(service+"/"+user, nil, true)
	return err
}

// testStores runs the SecretStore contract against every implementation
// that needs no real keyring.
func TestSecretStoreContract(t *testing.T) {
	t.Parallel()
	stores := map[string]SecretStore{
		"memory":       NewMemory(),
		"zero memory":  &Memory{},
		"keyring/fake": &Keyring{backend: &fakeBackend{}},
	}
	for name, s := range stores {
		t.Run(name, func(t *testing.T) {
			secretStoreContract(t, s)
		})
	}
}

// secretStoreContract is what every SecretStore must do; the keyring-tagged
// tests run it against the real Secret Service too.
func secretStoreContract(t *testing.T, s SecretStore) {
	ctx := t.Context()
	id := NewID()
	if _, err := s.Get(ctx, id); !errors.Is(err, ErrSecretNotFound) {
		t.Errorf("Get missing: %v; want ErrSecretNotFound", err)
	}
	if err := s.Set(ctx, id, "first"); err != nil {
		t.Fatal(err)
	}
	if err := s.Set(ctx, id, "sécond ✓"); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Get(ctx, id); err != nil || got != "sécond ✓" {
		t.Errorf("Get after overwrite = %q, %v", got, err)
	}
	other := NewID()
	if _, err := s.Get(ctx, other); !errors.Is(err, ErrSecretNotFound) {
		t.Errorf("another ID sees the secret: %v", err)
	}
	if err := s.Delete(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ctx, id); !errors.Is(err, ErrSecretNotFound) {
		t.Errorf("Get after Delete: %v", err)
	}
	if err := s.Delete(ctx, id); err != nil {
		t.Errorf("Delete missing: %v; want nil", err)
	}
}

func TestMemoryIsSafeForConcurrentUse(t *testing.T) {
	t.Parallel()
	m := NewMemory()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			id := ID(fmt.Sprint(i))
			for range 100 {
				_ = m.Set(t.Context(), id, "v")
				_, _ = m.Get(t.Context(), id)
				_ = m.Delete(t.Context(), id)
			}
		})
	}
	wg.Wait()
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := m.Set(ctx, "x", "v"); !errors.Is(err, context.Canceled) {
		t.Errorf("Set after cancel: %v", err)
	}
}

func TestKeyringErrorsInPlainWords(t *testing.T) {
	t.Parallel()
	const op = "cannot save the secret in the keyring: "
	cases := []struct {
		name        string
		cause       error
		problem     KeyringProblem
		message     string
		unavailable bool
	}{
		{"no bus socket", &net.OpError{Op: "dial", Net: "unix", Err: errors.New("connect: no such file or directory")},
			KeyringNoSession, "there is no D-Bus session bus to reach a keyring through, as in an SSH login", true},
		{"no bus address", errors.New("dbus: couldn't determine address of session bus"),
			KeyringNoSession, "there is no D-Bus session bus to reach a keyring through, as in an SSH login", true},
		{"no provider", errors.New("The name org.freedesktop.secrets was not provided by any .service files"),
			KeyringNoSecretService, "no Secret Service answers on the session bus. Install and start one: gnome-keyring", true},
		{"locked", errors.New("failed to unlock correct collection '/org/freedesktop/secrets/collection/login'"),
			KeyringLocked, "the keyring is locked, and no login unlocked it or its unlock prompt was dismissed. Unlock it", true},
		{"too big", keyring.ErrSetDataTooBig,
			KeyringTooBig, "secret too large for the keyring (Windows allows about 2.5 KB)", false},
		{"unsupported", keyring.ErrUnsupportedPlatform,
			KeyringUnsupported, "this system has no keyring aztoken can use", true},
		{"other", errors.New("access denied by policy"),
			KeyringFailed, "access denied by policy", true},
	}
	for _, c := range cases {
		k := &Keyring{backend: &fakeBackend{err: c.cause}}
		err := k.Set(t.Context(), "id", "v")
		var ke *KeyringError
		if !errors.As(err, &ke) {
			t.Errorf("%s: got %v; want a KeyringError", c.name, err)
			continue
		}
		if ke.Problem != c.problem || !strings.HasPrefix(err.Error(), op+c.message) || ke.Unavailable() != c.unavailable {
			t.Errorf("%s: got %d %q unavailable=%v; want %d %q", c.name, ke.Problem, err, ke.Unavailable(), c.problem, op+c.message)
		}
		if !errors.Is(err, c.cause) {
			t.Errorf("%s: the cause is lost", c.name)
		}
	}
}

func TestKeyringGetDeleteMapNotFound(t *testing.T) {
	t.Parallel()
	k := &Keyring{backend: &fakeBackend{err: keyring.ErrNotFound}}
	if _, err := k.Get(t.Context(), "id"); err != ErrSecretNotFound {
		t.Errorf("Get: %v", err)
	}
	if err := k.Delete(t.Context(), "id"); err != nil {
		t.Errorf("Delete: %v", err)
	}
	k = &Keyring{backend: &fakeBackend{err: errors.New("org.freedesktop.Secret.Error.IsLocked: locked")}}
	if _, err := k.Get(t.Context(), "id"); err == nil || !strings.HasPrefix(err.Error(), "cannot read the secret in the keyring: the keyring is locked") {
		t.Errorf("Get locked: %v", err)
	}
	if err := k.Delete(t.Context(), "id"); err == nil || !strings.HasPrefix(err.Error(), "cannot delete") {
		t.Errorf("Delete locked: %v", err)
	}
}

func TestKeyringGivesUpOnAStuckPrompt(t *testing.T) {
	t.Parallel()
	block := make(chan struct{})
	defer close(block) // let the stuck goroutine go at the end
	k := &Keyring{Timeout: 50 * time.Millisecond, backend: &fakeBackend{block: block}}
	start := time.Now()
	_, err := k.Get(t.Context(), "id")
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("took %v", took)
	}
	var ke *KeyringError
	if !errors.As(err, &ke) || ke.Problem != KeyringTimedOut ||
		err.Error() != "cannot read the secret in the keyring: timed out waiting for the keyring: an unlock prompt may be open" {
		t.Errorf("got %v", err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	err = k.Set(ctx, "id", "v")
	if !errors.As(err, &ke) || ke.Problem != KeyringCancelled || ke.Unavailable() {
		t.Errorf("cancelled: %v", err)
	}
}

func TestKeyringRecoversFromAPanic(t *testing.T) {
	t.Parallel()
	k := &Keyring{backend: &fakeBackend{panicky: true}}
	err := k.Set(t.Context(), "id", "v")
	var ke *KeyringError
	if !errors.As(err, &ke) || ke.Problem != KeyringCrashed ||
		err.Error() != "cannot save the secret in the keyring: the keyring library failed unexpectedly" {
		t.Errorf("got %v", err)
	}
}

func TestKeyringNeverEchoesTheSecret(t *testing.T) {
	t.Parallel()
	const secret = "hunter2-is-my-secret"
	k := &Keyring{backend: &fakeBackend{err: errors.New("backend refused value " + secret)}}
	err := k.Set(t.Context(), "id", secret)
	if err == nil || strings.Contains(err.Error(), secret) || strings.Contains(fmt.Sprintf("%+v %#v", err, err), secret) {
		t.Errorf("the secret leaked: %v", err)
	}
	if !strings.Contains(err.Error(), "backend refused value ••••••") {
		t.Errorf("the cause is lost: %v", err)
	}
}

func TestNewKeyringDefaults(t *testing.T) {
	t.Parallel()
	k := NewKeyring()
	if k.Service != "aztoken" || k.Timeout != 5*time.Second {
		t.Errorf("NewKeyring() = %+v", k)
	}
	var zero Keyring
	if zero.service() != "aztoken" || zero.timeout() != 5*time.Second {
		t.Errorf("zero Keyring uses %q, %v", zero.service(), zero.timeout())
	}
}

// TestKeyringWithoutAnyBusAsksNoOne: with no bus address and no systemd
// user bus (an SSH login to a server, a container), the keyring says so at
// once, instead of letting godbus start dbus-launch and gnome-keyring on
// the user's real, locked keyring, daemons that outlive aztoken.
func TestKeyringWithoutAnyBusAsksNoOne(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("D-Bus is the Linux keyring's road")
	}
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	t.Setenv("PATH", t.TempDir()) // a dbus-launch run would fail differently
	err := NewKeyring().Set(t.Context(), "id", "v")
	var ke *KeyringError
	if !errors.As(err, &ke) || ke.Problem != KeyringNoSession || !strings.Contains(err.Error(), "dbus-run-session --") ||
		!strings.Contains(err.Error(), "AZURE_CLIENT_SECRET with --env") {
		t.Errorf("got %v; want the missing session bus, with what to do", err)
	}
}
