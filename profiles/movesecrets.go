package profiles

import (
	"context"
	"errors"
	"fmt"
	"strconv"
)

// SecretItem is one secret to move: its ID, and how the user knows it.
type SecretItem struct {
	ID    ID
	Label string
}

// batchSetter and batchDeleter are stores that change many secrets at
// once: FileStore, where each change costs an encryption.
type (
	batchSetter interface {
		SetAll(context.Context, map[ID]string) error
	}
	batchDeleter interface {
		DeleteAll(context.Context, []ID) error
	}
)

// MoveSecrets copies the secrets of items from one store to another, then
// runs commit (which records the new choice), then removes them from the
// old store. It reads every secret before writing any, and refuses, with
// nothing changed, when one cannot be read; an item with no secret is
// skipped. A failure to remove the old copies is reported after the move
// has taken effect. It returns how many secrets moved.
func MoveSecrets(ctx context.Context, from, to SecretStore, items []SecretItem, commit func() error) (int, error) {
	found := map[ID]string{}
	for _, it := range items {
		s, err := from.Get(ctx, it.ID)
		switch {
		case errors.Is(err, ErrSecretNotFound):
			continue
		case err != nil:
			return 0, &UnreadableSecretError{Label: it.Label, Err: err}
		}
		found[it.ID] = s
	}
	if err := setAll(ctx, to, found); err != nil {
		return 0, fmt.Errorf("cannot write the secrets to the new store; the current store still holds them all: %w", err)
	}
	if err := commit(); err != nil {
		return 0, fmt.Errorf("the secrets were copied, but the choice was not saved, so the current store stays in use: %w", err)
	}
	ids := make([]ID, 0, len(found))
	for id := range found {
		ids = append(ids, id)
	}
	if err := deleteAll(ctx, from, ids); err != nil {
		return len(found), fmt.Errorf("the secrets were moved, but copies remain in the old store: %w", err)
	}
	return len(found), nil
}

// MoveItems are the secrets a move carries: every profile's, then extra
// (the token cache's key). With no profile there is none, which lets a
// machine whose keyring cannot be reached switch at once: the cache's key
// is made anew in the new store, and the old one only unlocked cached
// tokens.
func MoveItems(ps []Profile, extra ...SecretItem) []SecretItem {
	if len(ps) == 0 {
		return nil
	}
	items := make([]SecretItem, 0, len(ps)+len(extra))
	for _, p := range ps {
		items = append(items, SecretItem{ID: p.ID, Label: "profile " + strconv.Quote(p.Name)})
	}
	return append(items, extra...)
}

func setAll(ctx context.Context, s SecretStore, secrets map[ID]string) error {
	if len(secrets) == 0 {
		return nil // and a new file store asks for no passphrase
	}
	if b, ok := s.(batchSetter); ok {
		return b.SetAll(ctx, secrets)
	}
	for id, secret := range secrets {
		if err := s.Set(ctx, id, secret); err != nil {
			return err
		}
	}
	return nil
}

func deleteAll(ctx context.Context, s SecretStore, ids []ID) error {
	if len(ids) == 0 {
		return nil
	}
	if b, ok := s.(batchDeleter); ok {
		return b.DeleteAll(ctx, ids)
	}
	var errs []error
	for _, id := range ids {
		errs = append(errs, s.Delete(ctx, id))
	}
	return errors.Join(errs...)
}

// UnreadableSecretError is a move refused because the current store could
// not give one of the secrets: nothing was moved.
type UnreadableSecretError struct {
	// Label names the secret, such as `profile "dev"`.
	Label string
	Err   error
}

// Error names the secret and why it could not be read.
func (e *UnreadableSecretError) Error() string {
	return fmt.Sprintf("cannot read the secret of %s from the current store, so nothing was moved: %v", e.Label, e.Err)
}

// Unwrap returns the store's error.
func (e *UnreadableSecretError) Unwrap() error { return e.Err }
