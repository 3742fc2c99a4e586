package ui

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
)

// fileStoreWorld is a fixture whose secrets go through the chosen store:
// an in-memory keyring or secrets.age, the passphrase asked in the window.
type fileStoreWorld struct {
	*fixture
	stores  *profiles.ChosenStore
	keyring *profiles.Memory
	prompt  *passphrasePrompt
}

func newFileStoreWorld(t *testing.T) *fileStoreWorld {
	t.Helper()
	f := newFixture(t)
	dir := filepath.Dir(f.path)
	w := &fileStoreWorld{fixture: f, keyring: profiles.NewMemory(), prompt: newPassphrasePrompt()}
	file := &profiles.FileStore{Path: filepath.Join(dir, profiles.SecretsFileName), Ask: w.prompt.ask, WorkFactor: 10}
	w.stores = &profiles.ChosenStore{Dir: dir, Keyring: w.keyring, File: file}
	f.secrets = w.stores
	return w
}

// open is fixture.open with the choice of store and the passphrase dialog.
func (w *fileStoreWorld) open() *mainWindow {
	f := w.fixture
	client := &tokens.Client{HTTP: tokens.NewHTTPClient(), Retry: tokens.DefaultRetry(), Now: f.clock.Now}
	f.w = newMainWindow(f.app, Deps{
		OpenStore:    func() (*profiles.Store, error) { return profiles.Open(f.path) },
		Secrets:      w.stores,
		SecretStores: w.stores,
		passphrase:   w.prompt,
		Fetcher:      client,
		Clipboard:    f.clip,
		Now:          f.clock.Now,
	}, f.posts.post)
	w.prompt.attach(f.w.win, f.posts.post)
	f.w.ticker.every = time.Hour
	f.w.show()
	win := f.w
	f.t.Cleanup(func() {
		f.posts.settle(f.t, func() bool { return win.ctrl.busy() != "" })
		win.close()
	})
	return f.w
}

// untilPassphraseAsked runs what background work posts until the
// passphrase dialog is up, and returns its password entries.
func (w *fileStoreWorld) untilPassphraseAsked() []*widget.Entry {
	w.t.Helper()
	limit := time.After(settleWithin)
	for {
		if run, ok := w.posts.next(); ok {
			run()
			continue
		}
		if top := w.w.win.Canvas().Overlays().Top(); top != nil {
			var entries []*widget.Entry
			for _, o := range test.LaidOutObjects(top) {
				if e, ok := o.(*widget.Entry); ok && e.Password {
					entries = append(entries, e)
				}
			}
			if len(entries) > 0 {
				return entries
			}
		}
		select {
		case <-w.posts.ready:
		case <-limit:
			w.t.Fatalf("no passphrase dialog within %v", settleWithin)
		}
	}
}

func TestMovingSecretsToTheEncryptedFileFromSettings(t *testing.T) {
	w := newFileStoreWorld(t)
	dev := w.seed(w.sample("dev", emulator.SampleApp), emulator.SampleSecret)
	win := w.open()

	win.settings.open()
	view := win.settings.secretStore
	if view.where.Text != "Kept in the OS keyring." || view.move.Text != "Move secrets to the encrypted file (secrets.age)…" {
		t.Fatalf("Settings shows %q and %q", view.where.Text, view.move.Text)
	}
	test.Tap(view.move)
	w.tapDialogButton("Yes")
	entries := w.untilPassphraseAsked()
	if len(entries) != 2 || !strings.Contains(w.dialogText(), "Choose a passphrase for secrets.age") {
		t.Fatalf("a new file should ask for its passphrase twice: %d entries, %q", len(entries), w.dialogText())
	}
	test.Type(entries[0], "a long passphrase")
	test.Type(entries[1], "a long passphrase")
	w.tapDialogButton("Save")
	w.wait()
	if !strings.Contains(w.dialogText(), "1 secrets are now kept in the encrypted file") {
		t.Errorf("after the move: %q", w.dialogText())
	}
	if view.where.Text != "Kept in the encrypted file (secrets.age)." {
		t.Errorf("Settings shows %q", view.where.Text)
	}
	if _, err := w.keyring.Get(context.Background(), dev.ID); !errors.Is(err, profiles.ErrSecretNotFound) {
		t.Errorf("the secret stayed in the keyring: %v", err)
	}

	// The passphrase is kept for the session: the token needs no question.
	win.list.list.Select(0)
	w.getToken()
	if _, ok := win.ctrl.token(dev); !ok {
		t.Fatalf("no token from the file store: %s", win.errors.message.Text)
	}
}

func TestANewSessionAsksForThePassphraseAtFirstNeed(t *testing.T) {
	w := newFileStoreWorld(t)
	dev := w.seed(w.sample("dev", emulator.SampleApp), "")
	dir := filepath.Dir(w.path)
	earlier := &profiles.FileStore{Path: filepath.Join(dir, profiles.SecretsFileName), WorkFactor: 10,
		Ask: func(context.Context, string, bool) (string, error) { return "the right one", nil }}
	if err := earlier.Set(context.Background(), dev.ID, emulator.SampleSecret); err != nil {
		t.Fatal(err)
	}
	if err := profiles.SaveSecretChoice(dir, profiles.FileBackend); err != nil {
		t.Fatal(err)
	}
	win := w.open()
	win.list.list.Select(0)

	test.Tap(win.token.get)
	entries := w.untilPassphraseAsked()
	if len(entries) != 1 || !strings.Contains(w.dialogText(), "Unlock secrets.age") {
		t.Fatalf("an existing file should ask once: %d entries, %q", len(entries), w.dialogText())
	}
	test.Type(entries[0], "a wrong one")
	w.tapDialogButton("Unlock")
	w.wait()
	if msg := win.errors.message.Text; !strings.Contains(msg, "the passphrase does not open") {
		t.Errorf("a wrong passphrase shows %q", msg)
	}

	test.Tap(win.token.get)
	entries = w.untilPassphraseAsked()
	test.Type(entries[0], "the right one")
	w.tapDialogButton("Unlock")
	w.wait()
	if _, ok := win.ctrl.token(dev); !ok {
		t.Fatalf("no token after the right passphrase: %s", win.errors.message.Text)
	}
}
