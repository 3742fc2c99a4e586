package profiles

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// ErrSecretNotFound means no secret is stored for a profile.
var ErrSecretNotFound = errors.New("no client secret is stored for this profile")

// SecretStore keeps client secrets, one per profile ID. Keeping them by ID
// rather than by name means renaming a profile never orphans its secret.
// Implementations never put a secret into an error.
type SecretStore interface {
	// Get returns the secret, or ErrSecretNotFound.
	Get(ctx context.Context, id ID) (string, error)
	// Set stores or replaces the secret.
	Set(ctx context.Context, id ID, secret string) error
	// Delete removes the secret; deleting a missing one is not an error.
	Delete(ctx context.Context, id ID) error
}

// Memory is a SecretStore that lives only as long as the process: for the
// user who chose "keep the secret in memory for this session" when no
// keyring is available, and for tests. It is safe for concurrent use; the
// zero value is ready.
type Memory struct {
	mu      sync.Mutex
	secrets map[ID]string
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory { return &Memory{} }

// Get returns the secret kept for id.
func (m *Memory) Get(ctx context.Context, id ID) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.secrets[id]
	if !ok {
		return "", ErrSecretNotFound
	}
	return s, nil
}

// Set keeps secret for id.
func (m *Memory) Set(ctx context.Context, id ID, secret string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.secrets == nil {
		m.secrets = make(map[ID]string)
	}
	m.secrets[id] = secret
	return nil
}

// Delete forgets the secret kept for id.
func (m *Memory) Delete(ctx context.Context, id ID) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.secrets, id)
	return nil
}

// String says how many secrets are kept, never what they are, in case a
// Memory ends up in a log line.
func (m *Memory) String() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return fmt.Sprintf("profiles.Memory{%d secrets}", len(m.secrets))
}

// GoString is String, for %#v.
func (m *Memory) GoString() string { return m.String() }

// CopySecret copies the secret of profile from to profile to, for a
// duplicated profile whose user chose to keep the secret. It returns an
// error wrapping ErrSecretNotFound when from has none.
func CopySecret(ctx context.Context, secrets SecretStore, from, to ID) error {
	s, err := secrets.Get(ctx, from)
	if err != nil {
		return fmt.Errorf("reading the original's secret: %w", err)
	}
	if err := secrets.Set(ctx, to, s); err != nil {
		return fmt.Errorf("saving the copy's secret: %w", err)
	}
	return nil
}
