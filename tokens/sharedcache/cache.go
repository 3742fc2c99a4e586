package sharedcache

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
)

// KeySource holds the cache's encryption key: 32 bytes, made once and
// kept in the OS keyring.
type KeySource interface {
	// Key returns the key, creating and storing a new one when there is
	// none yet.
	Key(ctx context.Context) ([]byte, error)
}

// Cache is the shared token cache in one folder. Its methods never fail a
// caller's fetch: a Get that cannot read is a miss, and Put and Drop
// report errors only for tests and logs.
type Cache struct {
	dir  string
	keys KeySource
	now  func() time.Time

	once sync.Once
	aead cipher.AEAD // nil when the key could not be had: the cache is off
	mac  []byte      // derives file names, so they give nothing away
}

// Open returns the cache kept in dir, sealed under the key from keys.
// Nothing is read until the first call.
func Open(dir string, keys KeySource, now func() time.Time) *Cache {
	return &Cache{dir: dir, keys: keys, now: now}
}

// DefaultDir is where aztoken keeps the cache: a tokens folder in the
// user's cache folder (~/.cache/aztoken/tokens on Linux).
func DefaultDir() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "aztoken", "tokens"), nil
}

// ready loads the key once. Errors leave the cache off for this process.
func (c *Cache) ready(ctx context.Context) bool {
	c.once.Do(func() {
		key, err := c.keys.Key(ctx)
		if err != nil || len(key) != 32 {
			return
		}
		block, err := aes.NewCipher(key)
		if err != nil {
			return
		}
		if c.aead, err = cipher.NewGCM(block); err != nil {
			return
		}
		m := hmac.New(sha256.New, key)
		m.Write([]byte("aztoken token cache file names"))
		c.mac = m.Sum(nil) // not the sealing key itself: one key, one use
	})
	return c.aead != nil
}

// name is the file an entry lives in: a digest of its profile, so Forget
// can find all of a profile's entries without the key (and without the
// keyring, which may wait on an unlock prompt), then a keyed digest of the
// whole key. Profile IDs are random, so the first says nothing; the second
// hides the tenant, app and API a token is for.
func (c *Cache) name(k tokens.CacheKey) string {
	m := hmac.New(sha256.New, c.mac)
	m.Write([]byte(k.Profile + "\x00" + k.Identity + "\x00" + k.Target.String()))
	return profilePrefix(k.Profile) + hex.EncodeToString(m.Sum(nil)[:12])
}

func profilePrefix(profile string) string {
	sum := sha256.Sum256([]byte("aztoken token cache profile\x00" + profile))
	return hex.EncodeToString(sum[:12]) + "-"
}

// entry is what a file holds once opened.
type entry struct {
	Profile     string    `json:"profile"`
	Identity    string    `json:"identity"`
	AccessToken string    `json:"accessToken"`
	Type        string    `json:"type"`
	Target      string    `json:"target"`
	Scope       bool      `json:"scope"`
	NotBefore   time.Time `json:"notBefore"`
	ExpiresOn   time.Time `json:"expiresOn"`
	ObtainedAt  time.Time `json:"obtainedAt"`
}

// Get returns the cached token for k if there is one that has not
// expired; the caller decides whether it is fresh enough.
func (c *Cache) Get(ctx context.Context, k tokens.CacheKey) (tokens.Token, bool) {
	if !c.ready(ctx) {
		return tokens.Token{}, false
	}
	name := c.name(k)
	path := filepath.Join(c.dir, name)
	sealed, err := os.ReadFile(path)
	if err != nil {
		return tokens.Token{}, false
	}
	e, ok := c.open(name, sealed)
	if !ok || e.Profile != k.Profile || e.Identity != k.Identity || e.token().Target != k.Target {
		os.Remove(path)
		return tokens.Token{}, false
	}
	tok := e.token()
	if tok.Expired(c.now()) {
		os.Remove(path)
		return tokens.Token{}, false
	}
	return tok, true
}

// Put stores tok for k, replacing what was there.
func (c *Cache) Put(ctx context.Context, k tokens.CacheKey, tok tokens.Token) error {
	if !c.ready(ctx) {
		return errOff
	}
	e := entry{
		Profile: k.Profile, Identity: k.Identity, AccessToken: tok.AccessToken, Type: tok.Type,
		Target: tok.Target.Value(), Scope: tok.Target.IsScope(),
		NotBefore: tok.NotBefore, ExpiresOn: tok.ExpiresOn, ObtainedAt: tok.ObtainedAt,
	}
	plain, err := json.Marshal(e)
	if err != nil {
		return err
	}
	name := c.name(k)
	nonce := make([]byte, c.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return err
	}
	// The file's name is sealed in with it, so a file copied over another
	// entry's does not open.
	sealed := c.aead.Seal(nonce, nonce, plain, []byte(name))
	if err := os.MkdirAll(c.dir, 0o700); err != nil {
		return err
	}
	c.sweep()
	return replace(filepath.Join(c.dir, name), sealed)
}

// open unseals a file's content, or reports false.
func (c *Cache) open(name string, sealed []byte) (entry, bool) {
	n := c.aead.NonceSize()
	if len(sealed) < n {
		return entry{}, false
	}
	plain, err := c.aead.Open(nil, sealed[:n], sealed[n:], []byte(name))
	if err != nil {
		return entry{}, false
	}
	var e entry
	return e, json.Unmarshal(plain, &e) == nil
}

func (e entry) token() tokens.Token {
	target := tokens.ResourceTarget(e.Target)
	if e.Scope {
		target = tokens.ScopeTarget(e.Target)
	}
	return tokens.Token{AccessToken: e.AccessToken, Type: e.Type, Target: target,
		NotBefore: e.NotBefore, ExpiresOn: e.ExpiresOn, ObtainedAt: e.ObtainedAt}
}

// Forget removes every token of a profile: its credential or settings
// changed, or it was removed. It needs no key, so it never waits for the
// keyring.
func (c *Cache) Forget(_ context.Context, profile string) error {
	prefix := profilePrefix(profile)
	return c.removeWhere(func(name string) bool { return strings.HasPrefix(name, prefix) })
}

// Clear removes every cached token, and the files of other keys too.
func (c *Cache) Clear() error {
	return c.removeWhere(func(string) bool { return true })
}

// maxLifetime is longer than any token Entra issues (a day, with
// continuous access evaluation), so older files are dead.
const maxLifetime = 25 * time.Hour

// sweep removes files no token can still be alive in, so entries of
// profiles deleted elsewhere do not pile up.
func (c *Cache) sweep() {
	cutoff := c.now().Add(-maxLifetime)
	entries, _ := os.ReadDir(c.dir)
	for _, d := range entries {
		if info, err := d.Info(); err == nil && info.ModTime().Before(cutoff) {
			os.Remove(filepath.Join(c.dir, d.Name()))
		}
	}
}

func (c *Cache) removeWhere(match func(string) bool) error {
	entries, err := os.ReadDir(c.dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var first error
	for _, d := range entries {
		if match(d.Name()) {
			if err := os.Remove(filepath.Join(c.dir, d.Name())); err != nil && first == nil && !errors.Is(err, fs.ErrNotExist) {
				first = err
			}
		}
	}
	return first
}

// errOff is what Put says when the keyring gave no key.
var errOff = errors.New("the token cache is off: the keyring holds no key for it")

// replace writes data to a new file beside path and renames it over path,
// so a reader sees the old entry or the new one, never half of either.
func replace(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		os.Remove(f.Name())
		return err
	}
	return nil
}

// Cache is the shelf tokens.Cache shares tokens through.
var _ tokens.Shelf = (*Cache)(nil)

// OpenDefault is the cache every aztoken process shares: in DefaultDir,
// its key kept in secrets (the OS keyring). It is nil, and tokens stay in
// each process, when the system has no cache folder.
func OpenDefault(secrets profiles.SecretStore, now func() time.Time) *Cache {
	dir, err := DefaultDir()
	if err != nil {
		return nil
	}
	return Open(dir, KeyringKey{Secrets: secrets}, now)
}
