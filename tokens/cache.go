package tokens

import (
	"context"
	"errors"
	"sync"
	"time"
)

// DefaultMargin is how long before expiry a cached token stops being handed
// out: long enough for a request started now to finish with it.
const DefaultMargin = 5 * time.Minute

// Fetcher gets a fresh token; *Client is one.
type Fetcher interface {
	Token(ctx context.Context, r Request) (Token, error)
}

// CacheKey identifies a cached token: whose it is, what it is for, and
// everything else that decides which token Entra issues (Identity, such
// as profiles.Profile.TokenIdentity), so that a token kept by another
// process for an older version of the profile is never taken for its own.
type CacheKey struct {
	Profile  string
	Target   Target
	Identity string
}

// Shelf keeps tokens beyond this process, for the others to reuse;
// sharedcache.Cache is one. It is best-effort: a Get that cannot read is a
// miss, and the cache ignores what Put and Forget report.
type Shelf interface {
	Get(ctx context.Context, key CacheKey) (Token, bool)
	Put(ctx context.Context, key CacheKey, tok Token) error
	// Forget drops every token of a profile.
	Forget(ctx context.Context, profile string) error
}

// RequestFunc builds a token request when one is needed: a cache hit
// never reads the keyring for the secret.
type RequestFunc func(ctx context.Context) (Request, error)

// RefreshError is what a cache answers when a token needed refreshing,
// the refresh failed, and the cached token is still valid: the token
// comes back with it, for the caller to use while telling the user.
type RefreshError struct {
	// Token is the cached token, valid until Token.ExpiresOn.
	Token Token
	Err   error
}

func (e *RefreshError) Error() string {
	return "the token could not be refreshed; the cached one is still valid: " + e.Err.Error()
}

func (e *RefreshError) Unwrap() error { return e.Err }

// Cache keeps tokens in memory, and on a Shelf when it has one, reusing
// one while more than Margin of it remains. It makes a single request when
// many callers want the same token at once (the window, the tray and a
// countdown's auto-refresh), and fails soft: a refresh that fails while
// the cached token is still valid answers a *RefreshError carrying it.
type Cache struct {
	fetcher Fetcher
	now     func() time.Time
	shelf   Shelf

	mu       sync.Mutex
	margin   time.Duration
	tokens   map[CacheKey]Token
	inflight map[CacheKey]*flight
}

// flight is one fetch that several callers wait for.
type flight struct {
	done chan struct{}
	tok  Token
	err  error
	// stale is set (under the cache's mu) when the key was forgotten while
	// the fetch ran: its token may come from a credential since replaced,
	// so it is handed to those already waiting but never cached.
	stale bool
}

// NewCache returns an empty cache that fetches with f and reads the time
// from now.
func NewCache(f Fetcher, now func() time.Time) *Cache {
	return &Cache{
		fetcher:  f,
		now:      now,
		margin:   DefaultMargin,
		tokens:   map[CacheKey]Token{},
		inflight: map[CacheKey]*flight{},
	}
}

// WithShelf makes the cache share its tokens through s, and returns it.
func (c *Cache) WithShelf(s Shelf) *Cache {
	c.shelf = s
	return c
}

// SetMargin changes how early tokens are refreshed.
func (c *Cache) SetMargin(d time.Duration) {
	c.mu.Lock()
	c.margin = d
	c.mu.Unlock()
}

// Margin is how early tokens are refreshed.
func (c *Cache) Margin() time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.margin
}

// Token returns the cached token for key while more than the margin of it
// remains, and otherwise fetches one with r.
func (c *Cache) Token(ctx context.Context, key CacheKey, r Request) (Token, error) {
	return c.Obtain(ctx, key, fixed(r))
}

// Refresh fetches a new token for key even when a cached one is fresh,
// here or on the shelf; it does not fail soft.
func (c *Cache) Refresh(ctx context.Context, key CacheKey, r Request) (Token, error) {
	return c.ObtainNew(ctx, key, fixed(r))
}

func fixed(r Request) RequestFunc {
	return func(context.Context) (Request, error) { return r, nil }
}

// Obtain is Token with the request built only when a fetch is needed.
func (c *Cache) Obtain(ctx context.Context, key CacheKey, req RequestFunc) (Token, error) {
	return c.obtain(ctx, key, req, false)
}

// ObtainNew is Refresh with the request built only when it is needed.
func (c *Cache) ObtainNew(ctx context.Context, key CacheKey, req RequestFunc) (Token, error) {
	c.Forget(key)
	return c.obtain(ctx, key, req, true)
}

func (c *Cache) obtain(ctx context.Context, key CacheKey, req RequestFunc, force bool) (Token, error) {
	for {
		c.mu.Lock()
		if tok, ok := c.tokens[key]; ok && c.fresh(tok) {
			c.mu.Unlock()
			return tok, nil
		}
		f, waiting := c.inflight[key]
		if !waiting {
			f = &flight{done: make(chan struct{})}
			c.inflight[key] = f
		}
		c.mu.Unlock()

		if !waiting {
			c.fly(ctx, key, req, f, force)
		}
		select {
		case <-ctx.Done():
			return Token{}, ctx.Err()
		case <-f.done:
		}
		// The caller that started the fetch may have given up or run out of
		// time; that is no reason for the others to fail, so they try again
		// themselves.
		if (errors.Is(f.err, context.Canceled) || errors.Is(f.err, context.DeadlineExceeded)) && ctx.Err() == nil {
			continue
		}
		return f.tok, f.err
	}
}

// fresh reports whether tok may still be handed out. Callers hold mu.
func (c *Cache) fresh(tok Token) bool {
	return tok.Fresh(c.now(), c.margin)
}

// fly finds or fetches one token and publishes it to every waiter: the
// shelf's when another process left a fresh one there (unless forced),
// else a new one, which goes on the shelf; the cached one, with a
// *RefreshError, when the fetch fails before it expires.
func (c *Cache) fly(ctx context.Context, key CacheKey, req RequestFunc, f *flight, force bool) {
	c.mu.Lock()
	prev, hasPrev := c.tokens[key]
	c.mu.Unlock()
	if c.shelf != nil && !force {
		if tok, ok := c.shelf.Get(ctx, key); ok {
			c.mu.Lock()
			fresh := c.fresh(tok)
			c.mu.Unlock()
			if fresh {
				c.land(key, f, tok, nil)
				return
			}
			if !hasPrev || tok.ExpiresOn.After(prev.ExpiresOn) {
				prev, hasPrev = tok, true
			}
		}
	}
	tok, err := c.fetch(ctx, req)
	switch {
	case err == nil && c.shelf != nil:
		_ = c.shelf.Put(ctx, key, tok)
	case err != nil && hasPrev && !force && !prev.Expired(c.now()) && ctx.Err() == nil:
		tok, err = prev, &RefreshError{Token: prev, Err: err}
	}
	c.land(key, f, tok, err)
}

func (c *Cache) fetch(ctx context.Context, req RequestFunc) (Token, error) {
	r, err := req(ctx)
	if err != nil {
		return Token{}, err
	}
	return c.fetcher.Token(ctx, r)
}

// land publishes a flight's result, keeping a new token in memory.
func (c *Cache) land(key CacheKey, f *flight, tok Token, err error) {
	f.tok, f.err = tok, err
	c.mu.Lock()
	if err == nil && !f.stale {
		c.tokens[key] = tok
	}
	if c.inflight[key] == f {
		delete(c.inflight, key)
	}
	c.mu.Unlock()
	close(f.done)
}

// Peek returns the cached token for key without fetching, even an expired
// one, so a view can show what it has.
func (c *Cache) Peek(key CacheKey) (Token, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	tok, ok := c.tokens[key]
	return tok, ok
}

// Forget drops the cached token for key from memory, for example before
// a forced refresh; a fetch already under way is not cached either.
func (c *Cache) Forget(key CacheKey) {
	c.mu.Lock()
	c.drop(key)
	c.mu.Unlock()
}

// ForgetProfile drops every token of a profile, and any being fetched,
// here and on the shelf: its credential or settings changed, or it is
// gone.
func (c *Cache) ForgetProfile(profile string) {
	c.mu.Lock()
	for k := range c.tokens {
		if k.Profile == profile {
			c.drop(k)
		}
	}
	for k := range c.inflight {
		if k.Profile == profile {
			c.drop(k)
		}
	}
	c.mu.Unlock()
	if c.shelf != nil {
		_ = c.shelf.Forget(context.Background(), profile)
	}
}

// drop forgets key's token and detaches its fetch, so the next caller
// starts a new one. Callers hold mu.
func (c *Cache) drop(key CacheKey) {
	delete(c.tokens, key)
	if f, ok := c.inflight[key]; ok {
		f.stale = true
		delete(c.inflight, key)
	}
}
