// Package ui is aztoken's window: a thin Fyne layer over the tokens and
// profiles packages. Only this package (and main) imports Fyne.
package ui

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/clipboard"
	"github.com/aztoken/aztoken/tokens/sharedcache"
	// Before Fyne initialises: keeps it from logging about C.UTF-8, in
	// the window, the command line and these tests alike.
	_ "github.com/aztoken/aztoken/ui/locale"
)

// AppID identifies aztoken to Fyne (preferences, notifications) and to
// the desktop.
const AppID = "io.github.aztoken"

// Deps are everything the window reaches outside itself. Run passes the
// real ones; tests pass a temporary store, an in-memory secret store, a
// client pointed at the emulator, a fake clipboard and a clock they move.
type Deps struct {
	// OpenStore opens the profiles file; it is called again after the user
	// moves a corrupt file aside.
	OpenStore func() (*profiles.Store, error)
	// Secrets keeps client secrets: SecretStores outside tests.
	Secrets profiles.SecretStore
	// SecretStores, when set, is Secrets: the keyring or the encrypted
	// file, as chosen, which Settings can switch. Tests and the demo
	// leave it nil.
	SecretStores *profiles.ChosenStore
	// passphrase asks for the encrypted file's passphrase over the window.
	passphrase *passphrasePrompt
	// Fetcher gets tokens and calls Resource Manager (the test call, the
	// setup check): tokens.NewClient() outside tests.
	Fetcher *tokens.Client
	// Clipboard receives every copy: outside tests a clipboard.Guard, which
	// clears a copied token again after a while.
	Clipboard clipboard.Clipboard
	// Tokens shares tokens with the command line, serve and other
	// windows (sharedcache outside tests); nil keeps them in this window,
	// as the demo does.
	Tokens tokens.Shelf
	// Now is the clock that every countdown reads. Its times' zone is the
	// zone the window shows local times in.
	Now func() time.Time
	// Demo is set for the offline demo: the window says so at its top,
	// offers no demo of its own, names itself so in the tray and quits when
	// it closes, since its profiles go with it.
	Demo bool
	// AutoRefresh are profiles whose tokens auto-refresh from the start,
	// as the demo's short-lived one does.
	AutoRefresh []profiles.ID
}

// Run builds the main window and runs the app until it quits.
func Run(a fyne.App) { runWindow(a, systemDeps()) }

// runWindow shows the main window on d and runs the app until it quits.
func runWindow(a fyne.App, d Deps) {
	// aztoken stays resident all day, so it collects garbage when the heap
	// has grown by half rather than doubled: about 5 MiB less resident for
	// a few more collections of a small heap. GOGC, when set, still decides.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	// The tray probe runs while the window is built. Its answer must be in
	// before a.Run, which is the only place Fyne starts a tray; the wait is
	// bounded by trayProbeTimeout.
	probed := make(chan trayHost, 1)
	go func() { probed <- probeTrayHostWithin(trayProbeTimeout) }()
	w := newMainWindow(a, d, fyne.Do)
	if d.passphrase != nil {
		d.passphrase.attach(w.win, fyne.Do)
	}
	w.win.SetMaster()
	w.show()
	// The tray's own hidden window costs tens of milliseconds; set it up
	// after the main window is shown, still before Run (the only place Fyne
	// starts a tray), so it does not delay the first frame.
	host := <-probed
	fyne.Do(func() { w.applyTray(host) }) // before Run: runs at once
	a.Run()
}

// systemDeps are the real profiles file, chosen secret store, network and
// clipboard.
func systemDeps() Deps {
	stores, prompt := systemSecretStores()
	d := Deps{
		OpenStore:    openDefaultStore,
		Secrets:      stores,
		SecretStores: stores,
		passphrase:   prompt,
		Fetcher:      tokens.NewClient(),
		Clipboard:    clipboard.NewGuard(clipboard.System{}, clipboard.DefaultClearAfter),
		Now:          time.Now,
	}
	if shared := sharedcache.OpenDefault(d.Secrets, d.Now); shared != nil {
		d.Tokens = shared // a nil *Cache in the interface would not be nil
	}
	return d
}

// systemSecretStores are the keyring and secrets.age, chosen by
// AZTOKEN_SECRET_STORE or the saved choice, the file's passphrase asked in
// a dialog.
func systemSecretStores() (*profiles.ChosenStore, *passphrasePrompt) {
	prompt := newPassphrasePrompt()
	path, err := profiles.DefaultSecretsPath()
	stores := &profiles.ChosenStore{Keyring: profiles.NewKeyring(), File: profiles.NewFileStore(path, prompt.ask), Getenv: os.Getenv}
	if err == nil {
		stores.Dir = filepath.Dir(path)
	}
	return stores, prompt
}

func openDefaultStore() (*profiles.Store, error) {
	path, err := profiles.DefaultPath()
	if err != nil {
		return nil, err
	}
	return profiles.Open(path)
}
