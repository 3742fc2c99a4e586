package tokens

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens/emulator"
)

// memoryShelf stands in for the shared cache on disk.
type memoryShelf struct {
	mu     sync.Mutex
	tokens map[CacheKey]Token
	forgot []string
}

func (s *memoryShelf) Get(_ context.Context, k CacheKey) (Token, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	tok, ok := s.tokens[k]
	return tok, ok
}

func (s *memoryShelf) Put(_ context.Context, k CacheKey, tok Token) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.tokens == nil {
		s.tokens = map[CacheKey]Token{}
	}
	s.tokens[k] = tok
	return nil
}

func (s *memoryShelf) Forget(_ context.Context, profile string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.forgot = append(s.forgot, profile)
	for k := range s.tokens {
		if k.Profile == profile {
			delete(s.tokens, k)
		}
	}
	return nil
}

// failingFetcher fails every request, as Entra ID in an outage.
type failingFetcher struct{ err error }

func (f failingFetcher) Token(context.Context, Request) (Token, error) { return Token{}, f.err }

func TestAnotherProcessTakesTheTokenFromTheShelf(t *testing.T) {
	clock := emulator.NewClock(time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC))
	shelf := &memoryShelf{}
	window := &countingFetcher{now: clock.Now, lifetime: time.Hour}
	first, _ := NewCache(window, clock.Now).WithShelf(shelf).Token(context.Background(), key, Request{})

	cli := &countingFetcher{now: clock.Now, lifetime: time.Hour}
	built := 0
	request := func(context.Context) (Request, error) { built++; return Request{}, nil }
	got, err := NewCache(cli, clock.Now).WithShelf(shelf).Obtain(context.Background(), key, request)
	if err != nil || got.AccessToken != first.AccessToken || cli.calls.Load() != 0 || built != 0 {
		t.Fatalf("got %q, %v after %d fetches and %d requests built; want the window's token without either",
			got.AccessToken, err, cli.calls.Load(), built)
	}

	clock.Add(time.Minute)
	fresh, _ := NewCache(cli, clock.Now).WithShelf(shelf).Refresh(context.Background(), key, Request{})
	if fresh.ObtainedAt.Equal(first.ObtainedAt) || cli.calls.Load() != 1 {
		t.Error("Refresh took the shelf's token")
	}
	if onShelf, _ := shelf.Get(context.Background(), key); onShelf != fresh {
		t.Error("the refreshed token did not go on the shelf")
	}
}

func TestARefreshThatFailsInsideTheMarginServesTheValidToken(t *testing.T) {
	clock := emulator.NewClock(time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC))
	shelf := &memoryShelf{}
	held, _ := NewCache(&countingFetcher{now: clock.Now, lifetime: time.Hour}, clock.Now).WithShelf(shelf).Token(context.Background(), key, Request{})

	clock.Add(57 * time.Minute) // three minutes left: due for a refresh
	outage := errors.New("503 from Entra ID")
	c := NewCache(failingFetcher{outage}, clock.Now).WithShelf(shelf)
	tok, err := c.Token(context.Background(), key, Request{})
	var soft *RefreshError
	if !errors.As(err, &soft) || !errors.Is(err, outage) || tok != held || soft.Token != held {
		t.Fatalf("got %v, %v; want the held token and a RefreshError wrapping the outage", tok, err)
	}

	if _, err := c.Refresh(context.Background(), key, Request{}); errors.As(err, &soft) || !errors.Is(err, outage) {
		t.Errorf("a forced refresh failed soft: %v", err)
	}

	clock.Add(3 * time.Minute) // expired: nothing to fall back on
	if _, err := c.Token(context.Background(), key, Request{}); errors.As(err, &soft) || !errors.Is(err, outage) {
		t.Errorf("an expired token was served: %v", err)
	}
}

func TestForgettingAProfileEmptiesTheShelfToo(t *testing.T) {
	clock := emulator.NewClock(time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC))
	shelf := &memoryShelf{}
	c := NewCache(&countingFetcher{now: clock.Now, lifetime: time.Hour}, clock.Now).WithShelf(shelf)
	c.Token(context.Background(), key, Request{})
	c.ForgetProfile(key.Profile)
	if _, ok := shelf.Get(context.Background(), key); ok || len(shelf.forgot) != 1 {
		t.Errorf("the shelf kept the forgotten profile's token (forgot %v)", shelf.forgot)
	}
}
