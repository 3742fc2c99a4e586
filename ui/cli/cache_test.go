package cli

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens/emulator"
	"github.com/aztoken/aztoken/tokens/sharedcache"
)

// withSharedCache gives w the shared token cache, keyed in its keyring,
// on a clock the test moves.
func (w *world) withSharedCache() *time.Duration {
	var ahead time.Duration
	w.env.Client.Now = func() time.Time { return time.Now().Add(ahead) }
	w.env.Tokens = sharedcache.Open(filepath.Join(w.dir, "tokens"), sharedcache.KeyringKey{Secrets: w.secrets}, w.env.Client.Now)
	return &ahead
}

func (w *world) token(args ...string) string {
	w.t.Helper()
	code, out, stderr := w.run("", append([]string{"token"}, args...)...)
	if code != ExitOK {
		w.t.Fatalf("token %v: exit %d: %s", args, code, stderr)
	}
	return out
}

func TestTokenCallsShareOneTokenUntilFresh(t *testing.T) {
	w := newWorld(t)
	w.withSharedCache()
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)

	first := w.token("-p", "dev")
	for range 4 {
		if again := w.token("-p", "dev", "--format", "raw"); again != first {
			t.Fatal("a later call printed another token")
		}
	}
	if n := w.srv.Requests(emulator.TokenEndpoint); n != 1 {
		t.Errorf("five calls made %d token requests, want 1", n)
	}
	if fresh := w.token("-p", "dev", "--fresh"); fresh == first || w.srv.Requests(emulator.TokenEndpoint) != 2 {
		t.Error("--fresh did not get a new token")
	}
	if code, _, stderr := w.run("", "cache", "clear", "--yes"); code != ExitOK || !strings.Contains(stderr, "Cleared the token cache") {
		t.Fatalf("cache clear: exit %d: %s", code, stderr)
	}
	w.token("-p", "dev")
	if n := w.srv.Requests(emulator.TokenEndpoint); n != 3 {
		t.Errorf("after cache clear, %d token requests in all, want 3", n)
	}
}

func TestACachedTokenInsideItsMarginOutlivesAnEntraHiccup(t *testing.T) {
	w := newWorld(t)
	ahead := w.withSharedCache()
	w.addProfile("short", emulator.SampleShortApp, emulator.SampleSecret) // five-minute tokens
	first := w.token("-p", "short")

	*ahead = 3 * time.Minute // inside the refresh margin, two minutes left
	w.srv.Inject(emulator.TokenEndpoint, emulator.ServerError(503), emulator.ServerError(503),
		emulator.ServerError(503), emulator.ServerError(503), emulator.ServerError(503))
	code, out, stderr := w.run("", "token", "-p", "short")
	if code != ExitOK || out != first {
		t.Fatalf("exit %d, a new token %v; want the cached one\n%s", code, out != first, stderr)
	}
	if !strings.Contains(stderr, "warning: could not refresh the token for short, so this is the cached one, valid for 1m") {
		t.Errorf("stderr = %q", stderr)
	}

	*ahead = 6 * time.Minute // expired: nothing to fall back on
	w.srv.Inject(emulator.TokenEndpoint, emulator.ServerError(503), emulator.ServerError(503),
		emulator.ServerError(503), emulator.ServerError(503), emulator.ServerError(503))
	if code, _, _ := w.run("", "token", "-p", "short"); code == ExitOK {
		t.Error("an expired cached token was handed out")
	}
}

func TestANewSecretOrRemovalDropsTheProfilesTokens(t *testing.T) {
	w := newWorld(t)
	w.withSharedCache()
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	w.token("-p", "dev")

	w.run("", "profiles", "edit", "dev", "--notes", "the team's")
	w.token("-p", "dev")
	if n := w.srv.Requests(emulator.TokenEndpoint); n != 1 {
		t.Errorf("editing the notes dropped the token: %d requests", n)
	}

	if code, _, stderr := w.run(emulator.SampleSecret+"\n", "profiles", "edit", "dev", "--secret-stdin"); code != ExitOK {
		t.Fatalf("edit: %s", stderr)
	}
	w.token("-p", "dev")
	if n := w.srv.Requests(emulator.TokenEndpoint); n != 2 {
		t.Errorf("a new secret kept the old token: %d requests", n)
	}

	if code, _, stderr := w.run("", "profiles", "rm", "dev", "--yes"); code != ExitOK {
		t.Fatalf("rm: %s", stderr)
	}
	if files, _ := filepath.Glob(filepath.Join(w.dir, "tokens", "*")); len(files) != 0 {
		t.Errorf("the removed profile left %d token files", len(files))
	}
}
