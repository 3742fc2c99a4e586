package tokens

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/aztoken/aztoken/tokens/emulator"
)

// countingFetcher issues tokens living an hour and counts its calls; it can
// hold every call until release is closed.
type countingFetcher struct {
	calls    atomic.Int32
	now      func() time.Time
	lifetime time.Duration
	release  chan struct{}
}

func (f *countingFetcher) Token(ctx context.Context, r Request) (Token, error) {
	n := f.calls.Add(1)
	if f.release != nil {
		select {
		case <-f.release:
		case <-ctx.Done():
			return Token{}, ctx.Err()
		}
	}
	now := f.now()
	return Token{AccessToken: string(rune('a' + n - 1)), ObtainedAt: now, ExpiresOn: now.Add(f.lifetime), Target: r.Target}, nil
}

var key = CacheKey{Profile: "dev", Target: ResourceTarget("https://management.azure.com/")}

func TestCacheReusesATokenUntilTheMargin(t *testing.T) {
	t.Parallel()
	clock := emulator.NewClock(time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC))
	f := &countingFetcher{now: clock.Now, lifetime: time.Hour}
	c := NewCache(f, clock.Now)
	ctx := context.Background()

	first, _ := c.Token(ctx, key, Request{})
	clock.Add(54 * time.Minute) // 6 minutes left: still fresh
	again, _ := c.Token(ctx, key, Request{})
	if again.AccessToken != first.AccessToken || f.calls.Load() != 1 {
		t.Fatalf("token not reused: %q then %q, %d calls", first.AccessToken, again.AccessToken, f.calls.Load())
	}
	clock.Add(2 * time.Minute) // 4 minutes left: inside the 5-minute margin
	renewed, _ := c.Token(ctx, key, Request{})
	if renewed.AccessToken == first.AccessToken || f.calls.Load() != 2 {
		t.Fatalf("token not renewed inside the margin: %d calls", f.calls.Load())
	}

	c.SetMargin(30 * time.Minute)
	clock.Add(31 * time.Minute) // 29 minutes left of the new token
	if tok, _ := c.Token(ctx, key, Request{}); tok.AccessToken == renewed.AccessToken {
		t.Error("a wider margin did not renew the token")
	}
}

func TestCacheKeepsShortLivedTokensForHalfTheirLife(t *testing.T) {
	t.Parallel()
	clock := emulator.NewClock(time.Unix(0, 0))
	f := &countingFetcher{now: clock.Now, lifetime: 3 * time.Minute}
	c := NewCache(f, clock.Now)
	c.Token(context.Background(), key, Request{})
	clock.Add(time.Minute)
	c.Token(context.Background(), key, Request{})
	if f.calls.Load() != 1 {
		t.Errorf("a 3-minute token was fetched again after 1 minute (%d calls)", f.calls.Load())
	}
}

func TestCacheMakesOneCallForManyConcurrentCallers(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		clock := emulator.NewClock(time.Unix(0, 0))
		f := &countingFetcher{now: clock.Now, lifetime: time.Hour, release: make(chan struct{})}
		c := NewCache(f, clock.Now)
		var wg sync.WaitGroup
		got := make([]string, 50)
		for i := range got {
			wg.Go(func() {
				tok, err := c.Token(context.Background(), key, Request{})
				if err != nil {
					t.Error(err)
				}
				got[i] = tok.AccessToken
			})
		}
		synctest.Wait() // the fetch has started and holds every caller
		close(f.release)
		wg.Wait()
		if n := f.calls.Load(); n != 1 {
			t.Errorf("%d fetches for 50 callers", n)
		}
		for i, s := range got {
			if s != got[0] {
				t.Fatalf("caller %d got %q, caller 0 got %q", i, s, got[0])
			}
		}
	})
}

func TestCacheCallerGivingUpDoesNotFailTheOthers(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		clock := emulator.NewClock(time.Unix(0, 0))
		f := &countingFetcher{now: clock.Now, lifetime: time.Hour, release: make(chan struct{})}
		c := NewCache(f, clock.Now)
		leaderCtx, cancel := context.WithCancel(context.Background())
		leaderErr := make(chan error)
		go func() {
			_, err := c.Token(leaderCtx, key, Request{})
			leaderErr <- err
		}()
		synctest.Wait() // the leader's fetch has started
		follower := make(chan error)
		go func() {
			_, err := c.Token(context.Background(), key, Request{})
			follower <- err
		}()
		// The follower has joined the leader's fetch: were it late, it would
		// start its own and the test would prove nothing.
		synctest.Wait()
		if n := f.calls.Load(); n != 1 {
			t.Fatalf("%d fetches: the follower did not join the leader's", n)
		}
		cancel()
		if err := <-leaderErr; !errors.Is(err, context.Canceled) {
			t.Errorf("leader err = %v, want canceled", err)
		}
		close(f.release)
		if err := <-follower; err != nil {
			t.Errorf("follower failed with %v after the leader cancelled", err)
		}
	})
}

func TestCacheForgetsAProfile(t *testing.T) {
	t.Parallel()
	clock := emulator.NewClock(time.Unix(0, 0))
	f := &countingFetcher{now: clock.Now, lifetime: time.Hour}
	c := NewCache(f, clock.Now)
	c.Token(context.Background(), key, Request{})
	if _, ok := c.Peek(key); !ok {
		t.Fatal("nothing cached")
	}
	c.ForgetProfile("dev")
	if _, ok := c.Peek(key); ok {
		t.Error("token still cached after ForgetProfile")
	}
}

// fetcherByCredential issues a token named after the secret it was given,
// holding the first call until release is closed.
type fetcherByCredential struct {
	calls   atomic.Int32
	release chan struct{}
}

func (f *fetcherByCredential) Token(ctx context.Context, r Request) (Token, error) {
	if f.calls.Add(1) == 1 {
		<-f.release
	}
	now := time.Now()
	return Token{AccessToken: string(r.Credential.(ClientSecret)), ObtainedAt: now, ExpiresOn: now.Add(time.Hour)}, nil
}

func TestForgetDuringAFetchNeverCachesTheOldCredentialsToken(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		f := &fetcherByCredential{release: make(chan struct{})}
		c := NewCache(f, time.Now)
		old := make(chan Token)
		go func() {
			tok, _ := c.Token(context.Background(), key, Request{Credential: ClientSecret("old")})
			old <- tok
		}()
		synctest.Wait() // the old fetch has started
		// The user saves a new secret while the old fetch is still running.
		c.ForgetProfile(key.Profile)
		fresh, err := c.Refresh(context.Background(), key, Request{Credential: ClientSecret("new")})
		if err != nil || fresh.AccessToken != "new" {
			t.Fatalf("refresh after the change got %q, %v", fresh.AccessToken, err)
		}
		close(f.release)
		if tok := <-old; tok.AccessToken != "old" {
			t.Errorf("the caller of the old fetch got %q", tok.AccessToken)
		}
		if tok, _ := c.Peek(key); tok.AccessToken != "new" {
			t.Errorf("the cache holds %q after the old fetch finished, want the new token", tok.AccessToken)
		}
	})
}
