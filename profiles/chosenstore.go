package profiles

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// ChosenStore is the SecretStore the user chose, keyring or file, for
// both front ends. It decides at first use (after the command line has
// told it --secret-store) rather than when built, because the shared token
// cache needs a store before the flags are parsed; and Use switches it,
// secrets and all, while the window runs.
type ChosenStore struct {
	// Dir is the config folder: the saved choice and secrets.age.
	Dir string
	// Keyring and File are the two stores.
	Keyring, File SecretStore
	// Getenv reads SecretStoreEnv.
	Getenv func(string) string

	mu     sync.Mutex
	flag   string
	choice *SecretChoice
}

// UseFlag records --secret-store as given ("" when not), before a command
// runs, and checks the flag's own value. The rest of the choice (the
// variable, the saved choice) is read at the first secret a command needs,
// so commands that need none, such as version, never read it.
func (s *ChosenStore) UseFlag(flag string) error {
	if flag != "" {
		if _, err := ParseSecretBackend(flag); err != nil {
			return fmt.Errorf("--secret-store: %w", err)
		}
	}
	s.mu.Lock()
	s.flag, s.choice = flag, nil
	s.mu.Unlock()
	return nil
}

// Current is the chosen store and what chose it.
func (s *ChosenStore) Current() (SecretStore, SecretChoice, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.choice == nil {
		env := ""
		if s.Getenv != nil {
			env = s.Getenv(SecretStoreEnv)
		}
		c, err := ChooseSecretBackend(s.flag, env, s.Dir)
		if err != nil {
			return nil, c, err
		}
		if c.Backend == FileBackend && s.Dir == "" {
			// Never a secrets.age (and its lock) in the working folder.
			return nil, c, errors.New("no config folder to keep secrets.age in: set HOME or XDG_CONFIG_HOME")
		}
		s.choice = &c
	}
	return s.Store(s.choice.Backend), *s.choice, nil
}

// Store is the store of backend b.
func (s *ChosenStore) Store(b SecretBackend) SecretStore {
	if b == FileBackend {
		return s.File
	}
	return s.Keyring
}

// Use moves the secrets of items from the current store to backend to
// (see MoveSecrets), saves the choice, and uses the new store from then
// on. With leave, it changes only the choice. It returns how many secrets
// moved.
func (s *ChosenStore) Use(ctx context.Context, to SecretBackend, items []SecretItem, leave bool) (int, error) {
	from, c, err := s.Current()
	if err != nil {
		return 0, err
	}
	commit := func() error {
		if err := SaveSecretChoice(s.Dir, to); err != nil {
			return err
		}
		s.mu.Lock()
		s.choice = nil // decided again: a flag or the variable still overrides
		s.mu.Unlock()
		return nil
	}
	if to == c.Backend || leave {
		return 0, commit()
	}
	return MoveSecrets(ctx, from, s.Store(to), items, commit)
}

// Get reads a secret from the chosen store.
func (s *ChosenStore) Get(ctx context.Context, id ID) (string, error) {
	store, _, err := s.Current()
	if err != nil {
		return "", err
	}
	return store.Get(ctx, id)
}

// Set saves a secret in the chosen store.
func (s *ChosenStore) Set(ctx context.Context, id ID, secret string) error {
	store, _, err := s.Current()
	if err != nil {
		return err
	}
	return store.Set(ctx, id, secret)
}

// Delete removes a secret from the chosen store.
func (s *ChosenStore) Delete(ctx context.Context, id ID) error {
	store, _, err := s.Current()
	if err != nil {
		return err
	}
	return store.Delete(ctx, id)
}

// Unlock lets the chosen store ask the user for what it needs (the file
// store's passphrase) before a save takes the profiles lock.
func (s *ChosenStore) Unlock(ctx context.Context) error {
	store, _, err := s.Current()
	if err != nil {
		return err
	}
	return UnlockSecrets(ctx, store)
}

// UnlockSecrets asks a store that needs something from the user (the file
// store's passphrase) for it now, so that a save does not wait for the
// user while it holds the profiles lock, which other aztoken processes
// give up on after a few seconds. Other stores need nothing.
func UnlockSecrets(ctx context.Context, s SecretStore) error {
	if u, ok := s.(interface{ Unlock(context.Context) error }); ok {
		return u.Unlock(ctx)
	}
	return nil
}
