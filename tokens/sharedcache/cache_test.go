package sharedcache

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
)

var now = time.Date(2026, 12, 4, 15, 0, 0, 0, time.UTC)

func clock() time.Time { return now }

// sample is a token of the size Entra issues, or larger when pad is set.
func sample(pad int) tokens.Token {
	return tokens.Token{
		AccessToken: "eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQuYXp1cmUuY29tLyJ9." + strings.Repeat("s", 342+pad),
		Type:        "Bearer", Target: tokens.ResourceTarget("https://management.azure.com/"),
		NotBefore: now.Add(-5 * time.Minute), ExpiresOn: now.Add(time.Hour), ObtainedAt: now,
	}
}

var dev = tokens.CacheKey{Profile: "a1b2", Identity: "tenant|app", Target: tokens.ResourceTarget("https://management.azure.com/")}

func newCache(t *testing.T, secrets profiles.SecretStore) (*Cache, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "tokens")
	return Open(dir, KeyringKey{Secrets: secrets}, clock), dir
}

func TestAnotherProcessReusesTheToken(t *testing.T) {
	t.Parallel()
	secrets := profiles.NewMemory()
	window, dir := newCache(t, secrets)
	if err := window.Put(context.Background(), dev, sample(0)); err != nil {
		t.Fatal(err)
	}
	cli := Open(dir, KeyringKey{Secrets: secrets}, clock) // same keyring, same folder
	got, ok := cli.Get(context.Background(), dev)
	if !ok || got != sample(0) {
		t.Fatalf("Get = %v, %v; want the window's token", got, ok)
	}
	if _, ok := cli.Get(context.Background(), tokens.CacheKey{Profile: dev.Profile, Identity: dev.Identity + "x", Target: dev.Target}); ok {
		t.Error("a changed profile got the old token")
	}
}

func TestTokensAtRestAreNeverPlainText(t *testing.T) {
	t.Parallel()
	secrets := profiles.NewMemory()
	c, dir := newCache(t, secrets)
	tok := sample(4000) // larger than Windows' 2,560-byte keyring item
	if err := c.Put(context.Background(), dev, tok); err != nil {
		t.Fatal(err)
	}
	if got, ok := c.Get(context.Background(), dev); !ok || got.AccessToken != tok.AccessToken {
		t.Fatal("a 4 KB token did not round-trip")
	}
	files, _ := os.ReadDir(dir)
	if len(files) != 1 {
		t.Fatalf("%d files, want 1", len(files))
	}
	info, _ := files[0].Info()
	data, _ := os.ReadFile(filepath.Join(dir, files[0].Name()))
	for _, leak := range []string{tok.AccessToken[:40], "eyJ", dev.Profile, "management.azure.com", "Bearer"} {
		if bytes.Contains(data, []byte(leak)) || strings.Contains(files[0].Name(), leak) {
			t.Errorf("the cache file or its name holds %q", leak)
		}
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v, want 0600", info.Mode().Perm())
	}
	if st, _ := os.Stat(dir); st.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v, want 0700", st.Mode().Perm())
	}
	key, _ := secrets.Get(context.Background(), keyItem)
	if len(key) != 44 {
		t.Errorf("the keyring item is %d bytes, want a 32-byte key in base64", len(key))
	}
}

func TestDamagedOrForeignEntriesAreIgnoredAndRebuilt(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	other := tokens.CacheKey{Profile: "c3d4", Identity: "tenant|other", Target: dev.Target}
	damage := map[string]func(t *testing.T, dir string, c *Cache){
		"a flipped byte": func(t *testing.T, dir string, c *Cache) {
			path := filepath.Join(dir, c.name(dev))
			data, _ := os.ReadFile(path)
			data[len(data)-1] ^= 1
			os.WriteFile(path, data, 0o600)
		},
		"cut short": func(t *testing.T, dir string, c *Cache) {
			os.WriteFile(filepath.Join(dir, c.name(dev)), []byte("abc"), 0o600)
		},
		"another entry copied over it": func(t *testing.T, dir string, c *Cache) {
			c.Put(ctx, other, sample(1))
			data, _ := os.ReadFile(filepath.Join(dir, c.name(other)))
			os.WriteFile(filepath.Join(dir, c.name(dev)), data, 0o600)
		},
		"sealed under another key": func(t *testing.T, dir string, c *Cache) {
			stranger := Open(dir, KeyringKey{Secrets: profiles.NewMemory()}, clock)
			stranger.Put(ctx, dev, sample(2))
			data, _ := os.ReadFile(filepath.Join(dir, stranger.name(dev)))
			os.WriteFile(filepath.Join(dir, c.name(dev)), data, 0o600)
		},
	}
	for name, spoil := range damage {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c, dir := newCache(t, profiles.NewMemory())
			if err := c.Put(ctx, dev, sample(0)); err != nil {
				t.Fatal(err)
			}
			spoil(t, dir, c)
			if got, ok := c.Get(ctx, dev); ok {
				t.Fatalf("a damaged entry was served: %v", got)
			}
			if _, err := os.Stat(filepath.Join(dir, c.name(dev))); !errors.Is(err, os.ErrNotExist) {
				t.Error("the damaged entry was kept")
			}
			if err := c.Put(ctx, dev, sample(0)); err != nil {
				t.Fatal(err)
			}
			if _, ok := c.Get(ctx, dev); !ok {
				t.Error("the cache did not rebuild the entry")
			}
		})
	}
}

func TestExpiredTokensAreNeverServed(t *testing.T) {
	t.Parallel()
	c, _ := newCache(t, profiles.NewMemory())
	tok := sample(0)
	tok.ExpiresOn = now
	c.Put(context.Background(), dev, tok)
	if _, ok := c.Get(context.Background(), dev); ok {
		t.Error("an expired token was served")
	}
}

func TestForgetRemovesOneProfilesTokensAndClearRemovesAll(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, dir := newCache(t, profiles.NewMemory())
	graph := tokens.CacheKey{Profile: dev.Profile, Identity: dev.Identity, Target: tokens.ScopeTarget("https://graph.microsoft.com/.default")}
	prod := tokens.CacheKey{Profile: "e5f6", Identity: "tenant|prod", Target: dev.Target}
	for _, k := range []tokens.CacheKey{dev, graph, prod} {
		c.Put(ctx, k, sample(0))
	}
	if err := c.Forget(ctx, dev.Profile); err != nil {
		t.Fatal(err)
	}
	_, devOK := c.Get(ctx, dev)
	_, graphOK := c.Get(ctx, graph)
	_, prodOK := c.Get(ctx, prod)
	if devOK || graphOK || !prodOK {
		t.Errorf("after Forget: dev %v, graph %v, prod %v; want only prod", devOK, graphOK, prodOK)
	}
	if err := c.Clear(); err != nil {
		t.Fatal(err)
	}
	if files, _ := os.ReadDir(dir); len(files) != 0 {
		t.Errorf("Clear left %d files", len(files))
	}
}

// brokenKeyring fails every call, as a locked keyring or a missing Secret
// Service does.
type brokenKeyring struct{ *profiles.Memory }

func (*brokenKeyring) Get(context.Context, profiles.ID) (string, error) {
	return "", errors.New("no Secret Service")
}

func TestWithoutAKeyringTheCacheIsOff(t *testing.T) {
	t.Parallel()
	c, dir := newCache(t, &brokenKeyring{profiles.NewMemory()})
	if err := c.Put(context.Background(), dev, sample(0)); err == nil {
		t.Error("Put without a key succeeded")
	}
	if _, ok := c.Get(context.Background(), dev); ok {
		t.Error("Get without a key hit")
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Error("the cache wrote files without a key")
	}
}
