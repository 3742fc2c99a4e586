package ui

import (
	"context"
	"sync"

	"github.com/aztoken/aztoken/profiles"
)

// sessionSecrets is the secret store the window uses: the keyring, except
// for the profiles whose user chose "Keep in memory for this session"
// because the keyring was unavailable. Those secrets live in memory until
// the app quits; none is ever written to a file. Background work calls it,
// so it locks.
type sessionSecrets struct {
	keyring profiles.SecretStore
	memory  profiles.Memory

	mu       sync.Mutex
	inMemory map[profiles.ID]bool
}

func newSessionSecrets(keyring profiles.SecretStore) *sessionSecrets {
	return &sessionSecrets{keyring: keyring, inMemory: map[profiles.ID]bool{}}
}

// keepInMemory moves profile id's secret to memory for the app's life.
func (s *sessionSecrets) keepInMemory(id profiles.ID) {
	s.mu.Lock()
	s.inMemory[id] = true
	s.mu.Unlock()
}

// kept reports whether profile id's secret lives in memory.
func (s *sessionSecrets) kept(id profiles.ID) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.inMemory[id]
}

func (s *sessionSecrets) storeFor(id profiles.ID) profiles.SecretStore {
	if s.kept(id) {
		return &s.memory
	}
	return s.keyring
}

// Get reads the secret of profile id.
func (s *sessionSecrets) Get(ctx context.Context, id profiles.ID) (string, error) {
	return s.storeFor(id).Get(ctx, id)
}

// Set stores the secret of profile id.
func (s *sessionSecrets) Set(ctx context.Context, id profiles.ID, secret string) error {
	return s.storeFor(id).Set(ctx, id, secret)
}

// Delete removes the secret of profile id.
func (s *sessionSecrets) Delete(ctx context.Context, id profiles.ID) error {
	return s.storeFor(id).Delete(ctx, id)
}

// Unlock lets the chosen store ask for its passphrase before a save takes
// the profiles lock; secrets kept in memory need none.
func (s *sessionSecrets) Unlock(ctx context.Context) error {
	return profiles.UnlockSecrets(ctx, s.keyring)
}

// secretStore is where profiles' secrets are read and written: the
// keyring, or memory for those the user chose to keep there.
func (c *controller) secretStore() profiles.SecretStore { return c.secrets }

// secretKept reports whether profile id's secret lives in memory.
func (c *controller) secretKept(id profiles.ID) bool { return c.secrets.kept(id) }

// keepSecretInMemory moves profile id's secret to memory for the session.
func (c *controller) keepSecretInMemory(id profiles.ID) { c.secrets.keepInMemory(id) }
