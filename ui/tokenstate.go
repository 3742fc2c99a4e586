package ui

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
)

// phase is where a profile's token stands, as the list and the token
// panel show it.
type phase int

const (
	phaseNone phase = iota
	phaseFetching
	phaseValid
	phaseSoon
	phaseExpired
	phaseError
)

// cacheKey files a profile's tokens as every aztoken process does, so
// that a changed target or credential never hands out an old token.
func cacheKey(p profiles.Profile) tokens.CacheKey { return p.CacheKey() }

// token is the profile's cached token, even an expired one.
func (c *controller) token(p profiles.Profile) (tokens.Token, bool) {
	return c.cache.Peek(cacheKey(p))
}

// phaseOf says where p's token stands at now. The warning starts when the
// cache stops handing the token out, so "expiring soon" means the next
// request gets a new one.
func (c *controller) phaseOf(p profiles.Profile, now time.Time) phase {
	st := c.state(p)
	tok, ok := c.token(p)
	switch {
	case st.fetching:
		return phaseFetching
	case st.err != nil:
		return phaseError
	case !ok:
		return phaseNone
	case tok.Expired(now):
		return phaseExpired
	case tok.Remaining(now) <= c.cache.Margin():
		return phaseSoon
	}
	return phaseValid
}

// fetchOrigin is who asked for a token. A fetch ends by telling the
// controller's fetched hook its origin, so that whoever cares hears of it
// (the notifier, of a failed auto-refresh) rather than guessing from the
// states.
type fetchOrigin int

const (
	// fetchManual is Get token. It asks Entra for a new token even if the
	// cached one is fresh: perhaps the app's roles changed.
	fetchManual fetchOrigin = iota
	// fetchAuto is auto-refresh, shortly before a token expires.
	fetchAuto
	// fetchTray is a copy from the tray menu.
	fetchTray
	// fetchServe is a token endpoint's first token, got as it starts.
	fetchServe
)

// fetchEnd is how one fetch ended, on the main goroutine.
type fetchEnd struct {
	profile profiles.Profile
	origin  fetchOrigin
	// err is why there is no new token; nil when the cache holds one.
	err error
}

// fetchState is where a fetch of the token of p's target stands:
// running, and why the last one failed.
func (c *controller) fetchState(p profiles.Profile) (fetching bool, err error) {
	st, ok := c.states[keyOf(p)]
	if !ok {
		return false, nil
	}
	return st.fetching, st.err
}

// autoRefreshes reports whether the token of p's target is fetched again
// shortly before it expires.
func (c *controller) autoRefreshes(p profiles.Profile) bool {
	st, ok := c.states[keyOf(p)]
	return ok && st.auto
}

// setAutoRefresh switches auto-refresh for p's target.
func (c *controller) setAutoRefresh(p profiles.Profile, on bool) { c.state(p).auto = on }

// margin is how long before expiry the cache gets a new token.
func (c *controller) margin() time.Duration { return c.cache.Margin() }

// fetch gets a token for p's target in the background, one fetch per
// target at a time.
func (c *controller) fetch(p profiles.Profile, from fetchOrigin) {
	st := c.state(p)
	if st.fetching {
		return
	}
	st.fetching, st.err = true, nil
	cache, secrets := c.cache, c.secrets
	c.run("Getting a token for "+p.Name, func(ctx context.Context) func() {
		_, err := fetchToken(ctx, cache, secrets, p, from == fetchManual)
		return func() {
			st.fetching = false
			c.ended(st, p, from, err)
		}
	})
}

// ended tells the fetched hook how a fetch of p's token went, and keeps
// its error in st for the window unless st is nil. A cancelled fetch
// leaves the last error standing and tells no one: the user cancelled it.
func (c *controller) ended(st *profileState, p profiles.Profile, from fetchOrigin, err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	if st != nil {
		st.err = err
	}
	c.fetched(fetchEnd{profile: p, origin: from, err: err})
}

// fetchToken asks the cache for p's token, loading the profile's
// credential only when a new token is needed, so a token another process
// left in the shared cache costs no keyring read. It runs off the main
// goroutine.
func fetchToken(ctx context.Context, cache *tokens.Cache, secrets profiles.SecretStore, p profiles.Profile, force bool) (tokens.Token, error) {
	request := func(ctx context.Context) (tokens.Request, error) {
		cred, err := loadCredential(ctx, secrets, p)
		return p.Request(cred), err
	}
	if force {
		return cache.ObtainNew(ctx, cacheKey(p), request)
	}
	return cache.Obtain(ctx, cacheKey(p), request)
}

// loadCredential is what proves p's app, for either kind: its client
// secret, or its certificate opened with the PFX password kept beside the
// profile. It reads the secret store and the disk, so it runs off the main
// goroutine.
func loadCredential(ctx context.Context, secrets profiles.SecretStore, p profiles.Profile) (tokens.Credential, error) {
	cred, err := p.LoadCredential(ctx, secrets)
	if errors.Is(err, profiles.ErrSecretNotFound) {
		// tokens.Fix knows what to say about ErrNoSecret.
		return nil, fmt.Errorf("%w: %w", tokens.ErrNoSecret, err)
	}
	return cred, err
}

// autoRefresh fetches a new token for every profile whose switch is on
// once its token is no longer fresh. Client credentials have no refresh
// token, so this authenticates again with the stored secret. A failed
// attempt is not repeated every second: the error stays until the user
// acts.
func (c *controller) autoRefresh(now time.Time) {
	var due []profiles.Profile
	for k, st := range c.states {
		if !st.auto || st.fetching || st.err != nil {
			continue
		}
		p, ok := c.profile(k.id)
		if ok {
			p, ok = p.WithTarget(k.target)
		}
		if !ok {
			continue // the profile or this target of it is gone
		}
		if tok, ok := c.token(p); ok && tok.Remaining(now) <= c.refreshWithin(tok) {
			due = append(due, p)
		}
	}
	for _, p := range due {
		c.fetch(p, fetchAuto)
	}
}

// refreshWithin is how long before expiry a token is replaced: the
// cache's margin, or half the life of a token that lives less than twice
// that. It matches the cache's own idea of fresh, so the fetch it starts
// really asks Entra and a short-lived token is not fetched in a loop.
func (c *controller) refreshWithin(tok tokens.Token) time.Duration {
	return min(c.cache.Margin(), tok.Lifetime()/2)
}

// counting reports whether any cached token is still running down, the
// only time the window needs its ticker.
func (c *controller) counting(now time.Time) bool {
	for _, p := range c.profiles() {
		for _, name := range p.TargetNames() {
			p, _ := p.WithTarget(name)
			if tok, ok := c.token(p); ok && !tok.Expired(now) {
				return true
			}
		}
	}
	return false
}

// credentialChanged reports whether saving old as saved changes what a
// token request sends (the app, how it proves itself, what for), so that
// the tokens got with the old one must go. A new Notes or subscription
// keeps them.
func credentialChanged(old, saved profiles.Profile, change profiles.SecretChange) bool {
	kind := func(p profiles.Profile) profiles.CredentialKind {
		k, _ := profiles.CheckCredential(p.Credential)
		return k
	}
	return !change.Keeps() || old.Targets != saved.Targets ||
		old.Request(nil) != saved.Request(nil) || kind(old) != kind(saved) || old.CertificateFile != saved.CertificateFile
}

// forgetTokens drops the tokens and errors of all a profile's targets
// after its credential, targets or existence changed.
func (c *controller) forgetTokens(id profiles.ID) {
	c.cache.ForgetProfile(string(id))
	for k, st := range c.states {
		if k.id == id {
			st.err = nil
		}
	}
}
