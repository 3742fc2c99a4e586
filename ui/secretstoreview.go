package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens/sharedcache"
)

// secretStoreView is the Settings row that says where client secrets are
// kept, the OS keyring or the passphrase-encrypted file, and moves them
// from one to the other on request: never on its own.
type secretStoreView struct {
	ctrl   *controller
	win    fyne.Window
	stores *profiles.ChosenStore

	where *widget.Label
	move  *widget.Button
}

func newSecretStoreView(ctrl *controller, win fyne.Window, stores *profiles.ChosenStore) *secretStoreView {
	return &secretStoreView{ctrl: ctrl, win: win, stores: stores}
}

// build makes the row's widgets, showing the store in use.
func (v *secretStoreView) build() fyne.CanvasObject {
	v.where = &widget.Label{Wrapping: fyne.TextWrapWord}
	v.move = &widget.Button{OnTapped: v.onMove}
	v.refresh()
	return container.NewVBox(v.where, v.move)
}

// refresh shows the store in use and offers the other one.
func (v *secretStoreView) refresh() {
	_, c, err := v.stores.Current()
	if err != nil {
		v.where.SetText(err.Error())
		v.move.Hide()
		return
	}
	v.where.SetText(storeWords(c))
	v.move.SetText("Move secrets to the " + storeName(otherBackend(c.Backend)) + "…")
	v.move.Show()
	enable(v.move, c.By != profiles.SecretStoreEnv)
}

// onMove asks, then moves every secret to the other store in the
// background and keeps them there.
func (v *secretStoreView) onMove() {
	_, c, err := v.stores.Current()
	if err != nil {
		showError(v.win, err)
		return
	}
	to := otherBackend(c.Backend)
	msg := fmt.Sprintf("Move every profile's client secret from the %s to the %s, and keep them there from now on, in the window and on the command line?",
		storeName(c.Backend), storeName(to))
	if to == profiles.FileBackend {
		msg += "\n\nThe file is protected only by its passphrase: choose a long one. It is asked once per session and never stored."
	}
	dialog.ShowConfirm("Move client secrets", msg, func(ok bool) {
		if ok {
			v.start(to)
		}
	}, v.win)
}

// start runs the move off the main goroutine: the keyring may wait for an
// unlock prompt and the file for its passphrase.
func (v *secretStoreView) start(to profiles.SecretBackend) {
	items := profiles.MoveItems(v.ctrl.profiles(), profiles.SecretItem{ID: sharedcache.KeyID, Label: "the token cache key"})
	enable(v.move, false)
	v.ctrl.run("Moving client secrets", func(ctx context.Context) func() {
		n, err := v.stores.Use(ctx, to, items, false)
		return func() {
			v.refresh()
			if err != nil {
				showError(v.win, err)
				return
			}
			dialog.ShowInformation("Client secrets moved", fmt.Sprintf("%d secrets are now kept in the %s.", n, storeName(to)), v.win)
		}
	})
}

// storeWords say where secrets are kept and what chose it.
func storeWords(c profiles.SecretChoice) string {
	s := "Kept in the " + storeName(c.Backend)
	if c.By == profiles.SecretStoreEnv {
		s += ", as " + profiles.SecretStoreEnv + " says (unset it to choose here)"
	}
	return s + "."
}

func storeName(b profiles.SecretBackend) string {
	if b == profiles.FileBackend {
		return "encrypted file (" + profiles.SecretsFileName + ")"
	}
	return "OS keyring"
}

func otherBackend(b profiles.SecretBackend) profiles.SecretBackend {
	if b == profiles.FileBackend {
		return profiles.KeyringBackend
	}
	return profiles.FileBackend
}
