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

// CacheKey identifies a cached token: whose it is and what it is for.
type CacheKey struct {
	Profile string
	Target  Target
}

// Cache keeps tokens in memory, reusing one while more than Margin of it
// remains, and makes a single request when many callers want the same
// token at once (the window, the tray and a countdown's auto-refresh).
type Cache struct {
	fetcher Fetcher
	now     func() time.Time

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
			c.fly(ctx, key, r, f)
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

// Refresh fetches a new token for key even when the cached one is fresh.
func (c *Cache) Refresh(ctx context.Context, key CacheKey, r Request) (Token, error) {
	c.Forget(key)
	return c.Token(ctx, key, r)
}

// fly runs one fetch and publishes its result to every waiter.
func (c *Cache) fly(ctx context.Context, key CacheKey, r Request, f *flight) {
	f.tok, f.err = c.fetcher.Token(ctx, r)
	c.mu.Lock()
	if f.err == nil && !f.stale {
		c.tokens[key] = f.tok
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

// Forget drops the cached token for key, for example after the profile's
// credential changed; a fetch already under way is not cached either.
func (c *Cache) Forget(key CacheKey) {
	c.mu.Lock()
	c.drop(key)
	c.mu.Unlock()
}

// ForgetProfile drops every token of a profile, and any being fetched.
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
