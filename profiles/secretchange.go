package profiles

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/aztoken/aztoken/tokens"
)

// SecretChange is what saving a profile does to the item kept beside it in
// a SecretStore: its client secret, or its PFX file's password. The zero
// value keeps the item as it is.
type SecretChange struct {
	op    secretOp
	value string
}

type secretOp int

const (
	keepSecret secretOp = iota
	setSecret
	removeSecret
)

// KeepSecret leaves the stored item as it is: the profile's fields change,
// its credential does not.
func KeepSecret() SecretChange { return SecretChange{} }

// SetSecret stores value as the profile's item. An empty value removes the
// item instead, as a PEM file's missing password does: an empty secret
// proves nothing.
func SetSecret(value string) SecretChange {
	if value == "" {
		return RemoveSecret()
	}
	return SecretChange{op: setSecret, value: value}
}

// RemoveSecret deletes the stored item: a certificate profile turned into
// a secret one holds a password that is no client secret, and a PEM file
// needs none.
func RemoveSecret() SecretChange { return SecretChange{op: removeSecret} }

// Keeps reports whether the change leaves the stored item as it is.
func (c SecretChange) Keeps() bool { return c.op == keepSecret }

// Value is the item the change stores, or "" when it keeps or removes it.
func (c SecretChange) Value() string { return c.value }

// String says what the change does with the value masked, so that
// printing a change never shows a secret.
func (c SecretChange) String() string {
	switch c.op {
	case setSecret:
		return "set " + tokens.Mask(c.value)
	case removeSecret:
		return "remove"
	}
	return "keep"
}

// GoString is String, for %#v.
func (c SecretChange) GoString() string { return c.String() }

// SaveWithSecret saves p as Save does, together with change to its item in
// secrets (which may be nil when change keeps the item). Every front end
// saves through it, under one rule: the profile and its item change
// together or not at all, so that a secret is never left without its
// profile and a profile never loses a secret it had.
//
// The order: under the profiles lock, and once p's revision is checked,
// the old item is read, the new one stored (or the old one removed), and
// only then the file written. If the keyring refuses, nothing is saved
// and the error wraps the *KeyringError, for the caller to offer keeping
// the secret in memory and saving again. If the file cannot be written,
// the old item is put back (or the new one deleted, for a new profile)
// before the lock is released.
//
// A new profile (no ID, or an ID with Revision 0) gets its ID before its
// secret is stored; the returned profile carries it even when the save
// failed, so that a retry stores the secret under the same ID.
func (s *Store) SaveWithSecret(ctx context.Context, p Profile, change SecretChange, secrets SecretStore) (Profile, error) {
	p, err := p.Validate()
	if err != nil {
		return p, err
	}
	if p.ID == "" {
		p.ID = NewID()
	}
	if !change.Keeps() && secrets == nil {
		return p, errors.New("saving a secret needs a secret store")
	}
	if !change.Keeps() {
		if err := UnlockSecrets(ctx, secrets); err != nil {
			return p, fmt.Errorf("nothing was saved for profile %s: %w", strconv.Quote(p.Name), err)
		}
	}
	saved := p
	var undo func() error
	err = s.mutate(func(ps []Profile) ([]Profile, error) {
		next, existed, err := place(ps, &saved)
		if err != nil {
			return nil, err
		}
		if change.Keeps() {
			return next, nil
		}
		if undo, err = change.apply(ctx, secrets, p.ID, existed); err != nil {
			return nil, fmt.Errorf("nothing was saved for profile %s: %w", strconv.Quote(p.Name), err)
		}
		return next, nil
	}, func() error {
		if undo == nil {
			return nil
		}
		return undo()
	})
	if err != nil {
		return p, err
	}
	return saved, nil
}

// apply makes the change to profile id's item and returns how to put the
// item back as it was. existed says the profile is stored, so that it may
// have an item to keep for the undo; a new profile has none.
func (c SecretChange) apply(ctx context.Context, secrets SecretStore, id ID, existed bool) (undo func() error, err error) {
	old, hadOld := "", false
	if existed {
		v, err := secrets.Get(ctx, id)
		switch {
		case err == nil:
			old, hadOld = v, true
		case !errors.Is(err, ErrSecretNotFound):
			return nil, err
		}
	}
	if c.op == setSecret {
		err = secrets.Set(ctx, id, c.value)
	} else {
		err = secrets.Delete(ctx, id)
	}
	if err != nil {
		return nil, err
	}
	return func() error {
		// Even if ctx has ended: the item must match the file again.
		ctx := context.WithoutCancel(ctx)
		var err error
		if hadOld {
			err = secrets.Set(ctx, id, old)
		} else {
			err = secrets.Delete(ctx, id)
		}
		if err != nil {
			return fmt.Errorf("putting the profile's previous secret back failed too: %w", err)
		}
		return nil
	}, nil
}
