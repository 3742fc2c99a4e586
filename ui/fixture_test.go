package ui

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
	"github.com/aztoken/aztoken/tokens/emulator/emulatortest"
)

// The window tests run against the emulator's sample world with a clock
// they move by hand. The clock's zone is one hour east of UTC, so local
// and UTC times differ in every string the tests read.
var (
	testZone  = time.FixedZone("CET", 3600)
	testStart = time.Date(2025, 3, 14, 14, 0, 0, 0, time.UTC).In(testZone)
)

// fixture is one user's world: an emulator, a profiles file in a temporary
// folder, secrets in memory, a fake clipboard and clock, and the window.
type fixture struct {
	t       *testing.T
	app     fyne.App
	srv     *emulator.Server
	clock   *emulator.Clock
	clip    *fakeClipboard
	secrets profiles.SecretStore
	path    string
	// posts is the window's main goroutine: the test runs what background
	// work posts when it waits.
	posts *postQueue
	// shelf, when set before open, is the token cache the window shares
	// with other aztoken processes.
	shelf tokens.Shelf
	w     *mainWindow
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	return newFixtureWith(t, func(*emulator.Config) {})
}

// newDevFixture is a fixture holding one working profile, dev, for the
// emulator's sample app with its secret: where most window tests start.
func newDevFixture(t *testing.T) *fixture {
	t.Helper()
	f := newFixture(t)
	f.seed(f.sample("dev", emulator.SampleApp), emulator.SampleSecret)
	return f
}

// newFixtureWith lets world change the sample world before the emulator
// starts: pages, certificates.
func newFixtureWith(t *testing.T, world func(*emulator.Config)) *fixture {
	t.Helper()
	f := &fixture{t: t, clock: emulator.NewClock(testStart), clip: &fakeClipboard{}, secrets: profiles.NewMemory(), posts: newPostQueue()}
	cfg := emulator.Sample()
	cfg.Now = f.clock.Now
	world(&cfg)
	f.srv = emulatortest.Start(t, cfg)
	f.path = filepath.Join(t.TempDir(), "aztoken", "profiles.json")
	f.app = reusedApp(t)
	return f
}

// open builds and shows the window. Its ticker and copy flashes are slowed
// to an hour: tests call tick themselves, and nothing may fire on its own
// goroutine while they look.
func (f *fixture) open() *mainWindow {
	f.t.Helper()
	client := &tokens.Client{HTTP: tokens.NewHTTPClient(), Retry: tokens.DefaultRetry(), Now: f.clock.Now}
	f.w = newMainWindow(f.app, Deps{
		OpenStore: func() (*profiles.Store, error) { return profiles.Open(f.path) },
		Secrets:   f.secrets,
		Fetcher:   client,
		Clipboard: f.clip,
		Tokens:    f.shelf,
		Now:       f.clock.Now,
	}, f.posts.post)
	f.w.ticker.every = time.Hour
	f.w.copier.flashFor = time.Hour
	f.w.show()
	w := f.w
	f.t.Cleanup(func() {
		f.posts.settle(f.t, func() bool { return w.ctrl.busy() != "" })
		w.close()
	})
	return f.w
}

// sample is a profile for app in the emulator's sample tenant.
func (f *fixture) sample(name, app string) profiles.Profile {
	return profiles.Profile{
		Name: name, Tenant: emulator.SampleTenant, ClientID: app,
		Cloud: tokens.CustomCloud, AuthorityHost: f.srv.URL(), ARMEndpoint: f.srv.URL(),
		Resource: "https://management.azure.com/", Subscription: emulator.SampleSubscription,
	}
}

// seed stores a profile and its secret before the window opens, as an
// earlier session would have.
func (f *fixture) seed(p profiles.Profile, secret string) profiles.Profile {
	f.t.Helper()
	store, err := profiles.Open(f.path)
	if err != nil {
		f.t.Fatal(err)
	}
	p, err = store.Save(p)
	if err != nil {
		f.t.Fatal(err)
	}
	if secret != "" {
		if err := f.secrets.Set(context.Background(), p.ID, secret); err != nil {
			f.t.Fatal(err)
		}
	}
	return p
}

// wait lets background work finish and runs what it posted, on the
// test's goroutine as the app runs it on the main goroutine.
func (f *fixture) wait() {
	f.t.Helper()
	f.posts.settle(f.t, func() bool { return f.w.ctrl.busy() != "" })
}

// openTab clicks a tab, as the user opens it.
func (f *fixture) openTab(t *lazyTab) { f.w.tabs.Select(t.item) }

// getToken presses Get token and waits for the answer.
func (f *fixture) getToken() {
	f.t.Helper()
	test.Tap(f.w.token.get)
	f.wait()
}

// shortcut types Ctrl (Cmd) + key, with Shift when shift is set.
func (f *fixture) shortcut(key fyne.KeyName, shift bool) {
	mod := fyne.KeyModifierShortcutDefault
	if shift {
		mod |= fyne.KeyModifierShift
	}
	f.w.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: mod})
}

// currentToken is the token the window holds for the selected profile.
func (f *fixture) currentToken() tokens.Token {
	f.t.Helper()
	p, ok := f.w.ctrl.selectedProfile()
	if !ok {
		f.t.Fatal("no profile selected")
	}
	tok, ok := f.w.ctrl.token(p)
	if !ok {
		f.t.Fatal("no token")
	}
	return tok
}

// tapDialogButton taps the button labelled text in the dialog on top.
func (f *fixture) tapDialogButton(text string) {
	f.t.Helper()
	top := f.w.win.Canvas().Overlays().Top()
	if top == nil {
		f.t.Fatalf("no dialog open to tap %q in", text)
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			test.Tap(b)
			return
		}
	}
	f.t.Fatalf("the dialog has no button %q", text)
}

// dialogText is every label's text in the dialog on top.
func (f *fixture) dialogText() string {
	top := f.w.win.Canvas().Overlays().Top()
	text := ""
	for _, o := range test.LaidOutObjects(top) {
		switch l := o.(type) {
		case *widget.Label:
			text += l.Text + "\n"
		case *widget.RichText:
			text += l.String() + "\n"
		}
	}
	return text
}

// fakeClipboard keeps what was copied.
type fakeClipboard struct {
	mu   sync.Mutex
	text string
}

func (c *fakeClipboard) WriteAll(text string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.text = text
	return nil
}

func (c *fakeClipboard) ReadAll() (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.text, nil
}

// lockedKeyring is a keyring that is locked with no way to unlock it.
type lockedKeyring struct{}

func (lockedKeyring) err(op string) error {
	return &profiles.KeyringError{Op: op, Problem: profiles.KeyringLocked, Cause: errors.New("collection is locked")}
}
func (k lockedKeyring) Get(context.Context, profiles.ID) (string, error) { return "", k.err("read") }
func (k lockedKeyring) Set(context.Context, profiles.ID, string) error   { return k.err("save") }
func (k lockedKeyring) Delete(context.Context, profiles.ID) error        { return k.err("delete") }
