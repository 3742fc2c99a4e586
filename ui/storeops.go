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
	err       error // the profile was not stored
	secretErr error // the profile was stored, its new secret was not
}

// save stores p and, when secret is not empty, its new secret.
func (c *controller) save(p profiles.Profile, secret string, done func(saveResult)) {
	store, secrets := c.store, c.secrets
	c.run("Saving "+p.Name, func(ctx context.Context) func() {
		var r saveResult
		r.profile, r.err = store.Save(p)
		if r.err == nil && secret != "" {
			r.secretErr = secrets.Set(ctx, r.profile.ID, secret)
		}
		return func() {
			if r.err == nil {
				// The credential or target may have changed.
				c.forgetTokens(r.profile.ID)
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
