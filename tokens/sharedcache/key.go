package sharedcache

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"

	"github.com/aztoken/aztoken/profiles"
)

// keyItem is the keyring account the key is kept under, beside the
// profiles' secrets. Profile IDs are random hex, so it can be no one's.
const keyItem profiles.ID = "token-cache-key"

// KeyID is the ID the cache key is stored under, for moving it with the
// profiles' secrets to another store.
const KeyID = keyItem

// KeyringKey keeps the cache key in a profiles.SecretStore: the OS keyring
// for real, memory in tests and the demo.
type KeyringKey struct {
	Secrets profiles.SecretStore
}

// Key returns the stored key, making one the first time. Two processes
// making one at once both store theirs; the keyring keeps the last, and
// the entries the other sealed meanwhile are ignored once, as foreign.
func (k KeyringKey) Key(ctx context.Context) ([]byte, error) {
	stored, err := k.Secrets.Get(ctx, keyItem)
	if errors.Is(err, profiles.ErrSecretNotFound) {
		key := make([]byte, 32)
		if _, err := rand.Read(key); err != nil {
			return nil, err
		}
		stored = base64.StdEncoding.EncodeToString(key)
		err = k.Secrets.Set(ctx, keyItem, stored)
	}
	if err != nil {
		return nil, err
	}
	key, err := base64.StdEncoding.DecodeString(stored)
	if err != nil || len(key) != 32 {
		return nil, fmt.Errorf("the keyring's token cache key is damaged")
	}
	return key, nil
}

// Forget removes the key, which makes every cached token unreadable:
// aztoken cache clear does it after removing the files.
func (k KeyringKey) Forget(ctx context.Context) error {
	return k.Secrets.Delete(ctx, keyItem)
}
