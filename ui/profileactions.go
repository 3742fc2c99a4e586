package ui

import (
	"errors"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
)

// selectProfile is a click in the list: it asks about unsaved changes
// before it switches, and puts the list back if the user stays.
func (w *mainWindow) selectProfile(id profiles.ID) {
	if id == w.ctrl.selected && !w.ctrl.creating {
		return
	}
	w.editor.guard(func() { w.open(id) }, w.refresh)
}

// open shows profile id, or nothing when id is empty or gone.
func (w *mainWindow) open(id profiles.ID) {
	p, ok := w.ctrl.profile(id)
	if !ok {
		p = profiles.Profile{}
	}
	w.ctrl.selected, w.ctrl.creating = p.ID, false
	w.editor.load(p)
	if ok {
		w.app.Preferences().SetString(prefLastProfile, string(p.ID))
	}
	w.refresh()
}

// newProfile shows an empty editor for a profile to add.
func (w *mainWindow) newProfile() {
	if w.ctrl.readOnly() != nil {
		return
	}
	w.editor.guard(func() {
		w.ctrl.selected, w.ctrl.creating = "", true
		w.editor.load(profiles.Profile{})
		w.tabs.SelectIndex(0)
		w.refresh()
		w.win.Canvas().Focus(w.editor.name.entry)
	}, nil)
}

// saved follows the editor to the profile it stored.
func (w *mainWindow) saved(p profiles.Profile) {
	w.ctrl.selected, w.ctrl.creating = p.ID, false
	w.app.Preferences().SetString(prefLastProfile, string(p.ID))
	w.refresh()
}

// remove deletes the selected profile and its secret, once confirmed.
func (w *mainWindow) remove() {
	p, ok := w.ctrl.selectedProfile()
	if !ok || w.ctrl.readOnly() != nil {
		return
	}
	d := dialog.NewConfirm("Delete profile",
		"Delete "+p.Name+"? Its client secret is removed from the keyring too. This cannot be undone.",
		func(yes bool) {
			if yes {
				w.ctrl.remove(p, func(err error) {
					w.open(w.firstProfile())
					if err != nil {
						w.showError(err)
					}
				})
			}
		}, w.win)
	d.SetConfirmText("Delete")
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

// duplicate stores a copy of the selected profile, asking whether its
// secret goes with it.
func (w *mainWindow) duplicate() {
	p, ok := w.ctrl.selectedProfile()
	if !ok || w.ctrl.readOnly() != nil {
		return
	}
	w.editor.guard(func() {
		d := dialog.NewConfirm("Duplicate profile", "Copy the client secret of "+p.Name+" to the duplicate as well?",
			func(withSecret bool) {
				w.ctrl.duplicate(p, withSecret, func(dup profiles.Profile, err error) {
					if dup.ID != "" {
						w.open(dup.ID)
					}
					if err != nil {
						w.showError(err)
					}
				})
			}, w.win)
		d.SetConfirmText("With the secret")
		d.SetDismissText("Without")
		d.Show()
	}, nil)
}

// movedAside starts afresh after the user moved a corrupt profiles file
// aside.
func (w *mainWindow) movedAside() { w.open("") }

// showError explains a failure that has no place in a view, with its fix.
func (w *mainWindow) showError(err error) {
	text := err.Error()
	if fix := tokens.Fix(err); fix != "" {
		text += "\n\n" + fix
	}
	dialog.ShowError(errors.New(text), w.win)
}
