package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
	"github.com/aztoken/aztoken/tokens/emulator/emulatortest"
)

// fakeClipboard remembers what was copied.
type fakeClipboard struct {
	mu   sync.Mutex
	text string
}

func (c *fakeClipboard) WriteAll(s string) error { c.mu.Lock(); c.text = s; c.mu.Unlock(); return nil }
func (c *fakeClipboard) ReadAll() (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.text, nil
}

// world is a command line wired to the emulator, a temporary profiles
// file and an in-memory keyring.
type world struct {
	t         *testing.T
	srv       *emulator.Server
	env       *Env
	dir       string
	secrets   *profiles.Memory
	clipboard *fakeClipboard
}

func newWorld(t *testing.T) *world {
	t.Helper()
	return newWorldWith(t, nil)
}

// newWorldWith is newWorld with the sample world changed by edit.
func newWorldWith(t *testing.T, edit func(*emulator.Config)) *world {
	t.Helper()
	cfg := emulator.Sample()
	if edit != nil {
		edit(&cfg)
	}
	srv := emulatortest.Start(t, cfg)
	dir := t.TempDir()
	client := tokens.NewClient()
	client.Retry.Sleep = func(context.Context, time.Duration) error { return nil }
	w := &world{t: t, srv: srv, dir: dir, secrets: profiles.NewMemory(), clipboard: &fakeClipboard{}}
	w.env = &Env{
		Getenv:    func(string) string { return "" },
		OpenStore: func() (*profiles.Store, error) { return profiles.Open(filepath.Join(dir, "profiles.json")) },
		Secrets:   w.secrets,
		Client:    client,
		Clipboard: w.clipboard,
	}
	return w
}

// run executes a command line with stdin and returns what it printed.
func (w *world) run(stdin string, args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	w.env.Stdin, w.env.Stdout, w.env.Stderr = strings.NewReader(stdin), &out, &errOut
	code = Run(context.Background(), args, w.env)
	return code, out.String(), errOut.String()
}

// addProfile adds a profile for clientID on the emulator, the secret on
// stdin.
func (w *world) addProfile(name, clientID, secret string) {
	w.t.Helper()
	code, _, stderr := w.run(secret+"\n", "profiles", "add", "--name", name,
		"--tenant", emulator.SampleTenant, "--client-id", clientID, "--cloud", "custom",
		"--authority-host", w.srv.URL(), "--arm-endpoint", w.srv.URL(),
		"--resource", "https://management.azure.com/", "--subscription", emulator.SampleSubscription,
		"--secret-stdin")
	if code != ExitOK {
		w.t.Fatalf("profiles add: exit %d: %s", code, stderr)
	}
}
