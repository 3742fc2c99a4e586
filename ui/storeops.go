package ui

import (
	"context"

	"github.com/aztoken/aztoken/profiles"
)

// The controller's changes to profiles and secrets. Every one runs in the
// background: the store may wait for another aztoken process's lock and the
// keyring for an unlock prompt.

// saveResult is what saving a profile and its secret came to: both were
// stored, or neither was (err), by profiles.Store.SaveWithSecret's rule.
type saveResult struct {
	// profile is as stored; after a failure, as it was tried, with the ID
	// a new profile was given, so that a retry keeps it.
	profile profiles.Profile
	change  profiles.SecretChange
	err     error
}

// save stores p together with what prepare says of its secret; an error
// from prepare stores nothing. Tokens got with the old credential are
// forgotten, and a token endpoint serving them stops.
func (c *controller) save(p profiles.Profile, prepare func(context.Context) (profiles.SecretChange, error), done func(saveResult)) {
	old, _ := c.profile(p.ID)
	store, secrets := c.store, c.secrets
	c.run("Saving "+p.Name, func(ctx context.Context) func() {
		var r saveResult
		r.change, r.err = prepare(ctx)
		if r.err == nil {
			r.profile, r.err = store.SaveWithSecret(ctx, p, r.change, secrets)
		}
		return func() {
			if r.err == nil && credentialChanged(old, r.profile, r.change) {
				c.forgetTokens(r.profile.ID)
				c.stopServer(r.profile.ID, errServerOutdated)
			}
			done(r)
		}
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
			c.dropStates(p.ID)
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
