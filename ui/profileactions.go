package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
)

// profileActions are what the user does to the profiles as a whole:
// choose one, add, duplicate, delete, import and export (importexport.go).
// Each asks about the editor's unsaved changes first. The list's toolbar,
// the empty state and the menu share them.
type profileActions struct {
	ctrl  profileOps
	form  profileForm
	win   fyne.Window
	prefs fyne.Preferences
	// redraw redraws every view; showForm brings the editor's tab to the
	// front.
	redraw, showForm func()
}

// profileOps is what the profile actions ask of the controller.
type profileOps interface {
	readOnly() error
	profiles() []profiles.Profile
	profile(profiles.ID) (profiles.Profile, bool)
	selectedProfile() (profiles.Profile, bool)
	choose(profiles.ID)
	startNew()
	showing(profiles.ID) bool
	remove(profiles.Profile, func(error))
	duplicate(profiles.Profile, bool, func(profiles.Profile, error))
	importPlan(*profiles.Import) []profiles.Clash
	applyImport(*profiles.Import, map[int]profiles.Decision, func([]profiles.Profile, error))
}

// profileForm is the editor as the profile actions use it.
type profileForm interface {
	// guard runs next once unsaved changes are saved or dropped, or stay
	// if the user stays.
	guard(next, stay func())
	load(profiles.Profile)
	focusName()
}

// selectProfile is a click in the list: it asks about unsaved changes
// before it switches, and puts the list back if the user stays.
func (a *profileActions) selectProfile(id profiles.ID) {
	if a.ctrl.showing(id) {
		return
	}
	a.form.guard(func() { a.open(id) }, a.redraw)
}

// open shows profile id, or nothing when id is empty or gone.
func (a *profileActions) open(id profiles.ID) {
	p, ok := a.ctrl.profile(id)
	if !ok {
		p = profiles.Profile{}
	}
	a.ctrl.choose(p.ID)
	a.form.load(p)
	if ok {
		a.prefs.SetString(prefLastProfile, string(p.ID))
	}
	a.redraw()
}

// openLast shows the profile selected when aztoken last closed, or the
// first one if that is gone.
func (a *profileActions) openLast() {
	id := profiles.ID(a.prefs.String(prefLastProfile))
	if _, ok := a.ctrl.profile(id); !ok {
		id = a.first()
	}
	a.open(id)
}

// first is the profile to show when the chosen one is gone.
func (a *profileActions) first() profiles.ID {
	if ps := a.ctrl.profiles(); len(ps) > 0 {
		return ps[0].ID
	}
	return ""
}

// newProfile shows an empty editor for a profile to add.
func (a *profileActions) newProfile() {
	if a.ctrl.readOnly() != nil {
		return
	}
	a.form.guard(func() {
		a.ctrl.startNew()
		a.form.load(profiles.Profile{})
		a.showForm()
		a.redraw()
		a.form.focusName()
	}, nil)
}

// saved follows the editor to the profile it stored.
func (a *profileActions) saved(p profiles.Profile) {
	a.ctrl.choose(p.ID)
	a.prefs.SetString(prefLastProfile, string(p.ID))
	a.redraw()
}

// remove deletes the selected profile and its secret, once confirmed.
func (a *profileActions) remove() {
	p, ok := a.ctrl.selectedProfile()
	if !ok || a.ctrl.readOnly() != nil {
		return
	}
	d := dialog.NewConfirm("Delete profile",
		"Delete "+p.Name+"? Its client secret is removed from the keyring too. This cannot be undone.",
		func(yes bool) {
			if yes {
				a.ctrl.remove(p, func(err error) {
					a.open(a.first())
					if err != nil {
						a.showError(err)
					}
				})
			}
		}, a.win)
	d.SetConfirmText("Delete")
	d.SetConfirmImportance(widget.DangerImportance)
	answerKeys(a.win, d, d.Confirm, d.Dismiss)
	d.Show()
}

// duplicate stores a copy of the selected profile, asking whether its
// secret goes with it.
func (a *profileActions) duplicate() {
	p, ok := a.ctrl.selectedProfile()
	if !ok || a.ctrl.readOnly() != nil {
		return
	}
	a.form.guard(func() {
		msg := widget.NewLabel("Copy the client secret of " + p.Name + " to the duplicate as well?")
		d := dialog.NewCustomWithoutButtons("Duplicate profile", msg, a.win)
		copyWith := func(withSecret bool) func() {
			return func() {
				d.Hide()
				a.ctrl.duplicate(p, withSecret, func(dup profiles.Profile, err error) {
					if dup.ID != "" {
						a.open(dup.ID)
					}
					if err != nil {
						a.showError(err)
					}
				})
			}
		}
		// Cancel, so that Esc can leave without making a copy.
		with := &widget.Button{Text: "With the secret", Importance: widget.HighImportance, OnTapped: copyWith(true)}
		d.SetButtons([]fyne.CanvasObject{
			&widget.Button{Text: "Cancel", OnTapped: d.Hide},
			&widget.Button{Text: "Without", OnTapped: copyWith(false)},
			with,
		})
		answerKeys(a.win, d, tapper(with), d.Hide)
		d.Show()
	}, nil)
}

// movedAside starts afresh after the user moved a corrupt profiles file
// aside.
func (a *profileActions) movedAside() { a.open("") }

func (a *profileActions) showError(err error) { showError(a.win, err) }

// showError explains, in a dialog over win, a failure that has no place
// in a view, with its fix.
func showError(win fyne.Window, err error) {
	text := err.Error()
	if fix := tokens.Fix(err); fix != "" {
		text += "\n\n" + fix
	}
	d := dialog.NewError(errors.New(text), win)
	answerKeys(win, d, d.Hide, d.Hide)
	d.Show()
}
