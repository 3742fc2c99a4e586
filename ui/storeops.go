package ui

import (
	"context"

	"github.com/aztoken/aztoken/profiles"
)

// The controller's changes to profiles and secrets. Every one runs in the
// background: the store may wait for another aztoken process's lock and the
// keyring for an unlock prompt.

// saveResult is what saving a profile and its secret came to. The profile
// may be stored while its secret is not, when the keyring fails.
type saveResult struct {
	profile   profiles.Profile
	item      secretItem
	err       error // the profile was not stored
	secretErr error // the profile was stored, its new secret was not
}

// secretItem is what saving does to the item kept beside a profile in the
// secret store: its client secret or its PFX file's password.
type secretItem struct {
	// value replaces the stored item when not empty.
	value string
	// remove deletes the stored item: a PEM file needs no password, and a
	// certificate's password is no client secret.
	remove bool
}

// store applies the item to profile id's entry in secrets.
func (s secretItem) store(ctx context.Context, secrets profiles.SecretStore, id profiles.ID) error {
	switch {
	case s.value != "":
		return secrets.Set(ctx, id, s.value)
	case s.remove:
		return secrets.Delete(ctx, id)
	}
	return nil
}

// save stores p and then what prepare says of its secret; an error from
// prepare stores nothing. Tokens got with the old credential are
// forgotten, and a token endpoint serving them stops.
func (c *controller) save(p profiles.Profile, prepare func(context.Context) (secretItem, error), done func(saveResult)) {
	old, _ := c.profile(p.ID)
	store, secrets := c.store, c.secrets
	c.run("Saving "+p.Name, func(ctx context.Context) func() {
		var r saveResult
		r.item, r.err = prepare(ctx)
		if r.err == nil {
			r.profile, r.err = store.Save(p)
		}
		if r.err == nil {
			r.secretErr = r.item.store(ctx, secrets, r.profile.ID)
		}
		return func() {
			if r.err == nil && credentialChanged(old, r.profile, r.item) {
				c.forgetTokens(r.profile.ID)
				c.stopServer(r.profile.ID, errServerOutdated)
			}
			done(r)
		}
	})
}

// setSecret stores a profile's secret on its own, after the user chose to
// keep it in memory.
func (c *controller) setSecret(id profiles.ID, secret string, done func(error)) {
	secrets := c.secrets
	c.run("Saving the secret", func(ctx context.Context) func() {
		err := secrets.Set(ctx, id, secret)
		return func() { done(err) }
	})
}

// remove deletes a profile and then its secret.
func (c *controller) remove(p profiles.Profile, done func(error)) {
	store, secrets := c.store, c.secrets
	c.run("Deleting "+p.Name, func(ctx context.Context) func() {
		err := store.Delete(ctx, p.ID, secrets)
		return func() {
			c.cache.ForgetProfile(string(p.ID))
			c.stopServer(p.ID, nil)
			delete(c.states, p.ID)
			if c.selected == p.ID {
				c.selected = ""
			}
			done(err)
		}
	})
}

// duplicate stores a copy of p under a free name, with a copy of its
// secret when withSecret.
func (c *controller) duplicate(p profiles.Profile, withSecret bool, done func(profiles.Profile, error)) {
	store, secrets := c.store, c.secrets
	c.run("Duplicating "+p.Name, func(ctx context.Context) func() {
		dup, err := store.Duplicate(p.ID, "")
		if err == nil && withSecret {
			err = profiles.CopySecret(ctx, secrets, p.ID, dup.ID)
		}
		return func() { done(dup, err) }
	})
}

// applyImport adds what the user chose from an import.
func (c *controller) applyImport(imp *profiles.Import, decisions map[int]profiles.Decision, done func([]profiles.Profile, error)) {
	store, secrets := c.store, c.secrets
	c.run("Importing profiles", func(ctx context.Context) func() {
		added, err := store.ApplyImport(ctx, imp, decisions, secrets)
		return func() { done(added, err) }
	})
}
