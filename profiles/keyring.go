package profiles

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/zalando/go-keyring"
)

// Keyring is a SecretStore in the operating system's keyring (Secret
// Service on Linux, Keychain on macOS, Credential Manager on Windows),
// with service Service and account = profile ID.
//
// go-keyring can block forever on an unlock prompt and can panic when its
// D-Bus connection drops, so every call runs in its own goroutine and gives
// up after Timeout or when ctx ends, returning a *KeyringError. A call that
// never returns leaves its goroutine behind; nothing else can be done.
// The zero value uses service "aztoken" and a 5 second timeout.
type Keyring struct {
	Service string
	Timeout time.Duration

	// backend is go-keyring unless a test replaces it; go-keyring's own
	// mock is a global, unsynchronised map and must not be used here.
	backend keyringBackend
}

// keyringBackend is the part of go-keyring aztoken uses.
type keyringBackend interface {
	Get(service, user string) (string, error)
	Set(service, user, password string) error
	Delete(service, user string) error
}

// goKeyring calls the real go-keyring package.
type goKeyring struct{}

func (goKeyring) Get(service, user string) (string, error) { return keyring.Get(service, user) }
func (goKeyring) Set(service, user, pw string) error       { return keyring.Set(service, user, pw) }
func (goKeyring) Delete(service, user string) error        { return keyring.Delete(service, user) }

// NewKeyring returns the keyring store aztoken uses: service "aztoken",
// 5 second timeout.
func NewKeyring() *Keyring {
	return &Keyring{Service: "aztoken", Timeout: 5 * time.Second}
}

// Get reads the secret of profile id, or returns ErrSecretNotFound.
func (k *Keyring) Get(ctx context.Context, id ID) (string, error) {
	secret, err := call(ctx, k.timeout(), func() (string, error) {
		return k.api().Get(k.service(), string(id))
	})
	switch {
	case err == nil:
		return secret, nil
	case errors.Is(err, keyring.ErrNotFound):
		return "", ErrSecretNotFound
	}
	return "", newKeyringError("read", err)
}

// Set stores or replaces the secret of profile id.
func (k *Keyring) Set(ctx context.Context, id ID, secret string) error {
	_, err := call(ctx, k.timeout(), func() (struct{}, error) {
		return struct{}{}, k.api().Set(k.service(), string(id), secret)
	})
	if err == nil {
		return nil
	}
	ke := newKeyringError("save", err)
	ke.Cause = redact(ke.Cause, secret)
	return ke
}

// Delete removes the secret of profile id; a missing secret is not an
// error.
func (k *Keyring) Delete(ctx context.Context, id ID) error {
	_, err := call(ctx, k.timeout(), func() (struct{}, error) {
		return struct{}{}, k.api().Delete(k.service(), string(id))
	})
	if err == nil || errors.Is(err, keyring.ErrNotFound) {
		return nil
	}
	return newKeyringError("delete", err)
}

func (k *Keyring) service() string {
	if k.Service == "" {
		return "aztoken"
	}
	return k.Service
}

func (k *Keyring) timeout() time.Duration {
	if k.Timeout <= 0 {
		return 5 * time.Second
	}
	return k.Timeout
}

func (k *Keyring) api() keyringBackend {
	switch {
	case k.backend != nil:
		return k.backend
	case sessionBusMissing():
		return failingBackend{errNoSessionBus}
	}
	return goKeyring{}
}

// failingBackend answers every call with err, without trying.
type failingBackend struct{ err error }

func (b failingBackend) Get(string, string) (string, error) { return "", b.err }
func (b failingBackend) Set(string, string, string) error   { return b.err }
func (b failingBackend) Delete(string, string) error        { return b.err }

// errPanicked stands for a panic inside go-keyring.
var errPanicked = errors.New("go-keyring panicked")

// call runs fn in its own goroutine and waits for it, for ctx or for the
// timeout, whichever comes first. A panic in fn becomes errPanicked.
func call[T any](ctx context.Context, timeout time.Duration, fn func() (T, error)) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1) // buffered: a late answer must not block
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{err: fmt.Errorf("%w: %v", errPanicked, r)}
			}
		}()
		v, err := fn()
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}

// redact hides secret in err's message, in case a backend echoes it. A
// secret of a few characters would match ordinary words and reveals
// little, so it is left alone.
func redact(err error, secret string) error {
	if len(secret) < 4 || !strings.Contains(err.Error(), secret) {
		return err
	}
	return errors.New(strings.ReplaceAll(err.Error(), secret, "••••••"))
}
