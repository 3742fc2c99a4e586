package ui

import (
	"context"
	"errors"
	"path/filepath"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// passphrasePrompt asks for the file store's passphrase in a password
// dialog over the main window, the first time a secret is needed. The
// secret stores are called only from background work, so ask may wait for
// the user; the answer stays in the FileStore's memory for the session,
// never in a file or the preferences.
type passphrasePrompt struct {
	// attached is closed once win and post are set: work started while
	// the window is built (restoring the last profile) waits for it.
	attached chan struct{}
	once     sync.Once
	win      fyne.Window
	post     poster
}

func newPassphrasePrompt() *passphrasePrompt {
	return &passphrasePrompt{attached: make(chan struct{})}
}

// attach gives the prompt its window, once it exists.
func (p *passphrasePrompt) attach(win fyne.Window, post poster) {
	p.once.Do(func() {
		p.win, p.post = win, post
		close(p.attached)
	})
}

// errNoPassphrase is a passphrase dialog the user cancelled.
var errNoPassphrase = errors.New("no passphrase was entered, so the encrypted secrets file stays locked")

// ask shows the dialog and waits for the answer or for ctx; it is a
// profiles.Passphrase.
func (p *passphrasePrompt) ask(ctx context.Context, path string, create bool) (string, error) {
	select {
	case <-p.attached:
	case <-ctx.Done():
		return "", ctx.Err()
	}
	win, post := p.win, p.post
	type answer struct {
		passphrase string
		err        error
	}
	answers := make(chan answer, 1) // buffered: an answer after ctx ended must not block
	var d dialog.Dialog
	post(func() {
		win.Show() // hidden to the tray, a tray copy may be what needs the secret
		d = showPassphraseDialog(win, path, create, func(pw string, ok bool) {
			if !ok {
				answers <- answer{err: errNoPassphrase}
				return
			}
			answers <- answer{passphrase: pw}
		})
	})
	select {
	case a := <-answers:
		return a.passphrase, a.err
	case <-ctx.Done():
		post(func() {
			if d != nil {
				d.Hide()
			}
		})
		return "", ctx.Err()
	}
}

// showPassphraseDialog asks for the passphrase of path, twice when create
// says it is being chosen, and calls done with it, or with ok false.
func showPassphraseDialog(win fyne.Window, path string, create bool, done func(passphrase string, ok bool)) dialog.Dialog {
	entry, again := widget.NewPasswordEntry(), widget.NewPasswordEntry()
	entry.Validator = func(s string) error {
		if s == "" {
			return errors.New("type the passphrase")
		}
		return nil
	}
	items := []*widget.FormItem{{Text: "Passphrase", Widget: entry}}
	title, confirm := "Unlock "+filepath.Base(path), "Unlock"
	if create {
		title, confirm = "Choose a passphrase for "+filepath.Base(path), "Save"
		again.Validator = func(s string) error {
			if s != entry.Text {
				return errors.New("the two passphrases differ")
			}
			return nil
		}
		items = append(items, &widget.FormItem{Text: "Again", Widget: again, HintText: "A lost passphrase cannot be recovered"})
	}
	items[0].HintText = "Client secrets are kept in " + path
	d := dialog.NewForm(title, confirm, "Cancel", items, func(ok bool) { done(entry.Text, ok) }, win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
	win.Canvas().Focus(entry)
	return d
}
