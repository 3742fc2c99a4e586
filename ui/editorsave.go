package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
)

// buildKeyringOffer is shown when the keyring refused the secret, so that
// nothing was saved: the cause, and the one alternative that writes no
// file.
func (e *profileEditor) buildKeyringOffer() fyne.CanvasObject {
	e.keyringCause = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	e.keepInMemory = &widget.Button{Text: "Keep in memory for this session", Icon: theme.StorageIcon(), OnTapped: e.keepSecretInMemory}
	e.keyring = container.NewVBox(e.keyringCause, container.NewHBox(e.keepInMemory))
	e.keyring.Hide()
	return e.keyring
}

// saveThen stores the form and, once it is stored, runs then (which may
// be nil). While a field is invalid nothing is saved: every message is
// shown instead. A certificate file not checked yet is read first, in the
// background with the save, and nothing is saved unless it loads.
func (e *profileEditor) saveThen(then func()) {
	if e.saving || e.ctrl.readOnly() != nil || !e.ctrl.hasStore() {
		return
	}
	if !e.valid() {
		for _, f := range e.fields() {
			f.show(f.entry.Validator(f.entry.Text))
		}
		return
	}
	change, check := e.secretToSave()
	var checked *certResult // written by the save's work, read once it is done
	prepare := func(ctx context.Context) (profiles.SecretChange, error) {
		if check == nil {
			return change, nil
		}
		r := check(ctx)
		checked = &r
		return r.item(), r.err
	}
	p := e.profile()
	if p.ID == "" {
		// A new profile whose secret the keyring refused keeps the ID it
		// was given, so that Keep in memory stores the secret under it.
		p.ID = e.pendingID
	}
	e.saving = true
	e.problem.Hide()
	e.keyring.Hide()
	e.changed()
	e.ctrl.save(p, prepare, func(r saveResult) {
		if checked != nil {
			e.cert.take(checked)
		}
		e.saved(r, then)
	})
}

// secretToSave is what saving does to the item kept beside the profile;
// or, for a certificate file not checked yet, the check that will say.
func (e *profileEditor) secretToSave() (profiles.SecretChange, func(context.Context) certResult) {
	switch {
	case e.kindOf() == profiles.SecretCredential && e.secret.entry.Text != "":
		secret, _, _ := profiles.CheckSecret(e.secret.entry.Text)
		return profiles.SetSecret(secret), nil
	case e.kindOf() == profiles.SecretCredential && e.loaded.Credential == profiles.CertificateCredential:
		// The stored item is a certificate's password, no client secret.
		return profiles.RemoveSecret(), nil
	case e.kindOf() == profiles.SecretCredential:
		return profiles.KeepSecret(), nil
	case e.cert.checked():
		return e.cert.current().item(), nil
	}
	return profiles.KeepSecret(), e.cert.checker()
}

// saved shows what saving came to. A failed save changes nothing in the
// form, so that nothing typed is lost: the user fixes what the message
// says and saves again, or, after a conflict, opens the profile again.
func (e *profileEditor) saved(r saveResult, then func()) {
	e.saving = false
	var verr *profiles.ValidationError
	var ferr *profiles.FieldError
	var kerr *profiles.KeyringError
	switch {
	case errors.As(r.err, &verr):
		e.showProblems(verr)
		e.changed()
		return
	case errors.As(r.err, &ferr) && e.fieldFor(ferr.Field) != nil:
		e.fieldFor(ferr.Field).show(r.err)
		e.changed()
		return
	case errors.As(r.err, &kerr) && kerr.Unavailable():
		e.pendingID = r.profile.ID
		e.keyringCause.SetText("Nothing is saved yet: " + kerr.Error() + ".")
		e.keyring.Show()
		e.changed()
		return
	case r.err != nil:
		e.showProblem(r.err)
		e.changed()
		return
	}
	e.onSaved(r.profile)
	e.load(r.profile)
	e.savedNote.SetText("Saved " + r.profile.Name + " at " + e.ctrl.now().Format("15:04:05"))
	if then != nil {
		then()
	}
}

// showProblems marks each field the store refused, and says the rest
// below the form.
func (e *profileEditor) showProblems(verr *profiles.ValidationError) {
	var rest []error
	for _, fe := range verr.Problems {
		if f := e.fieldFor(fe.Field); f != nil {
			f.show(fe)
		} else {
			rest = append(rest, fe)
		}
	}
	if len(rest) > 0 {
		e.showProblem(errors.Join(rest...))
	}
}

func (e *profileEditor) fieldFor(id profiles.Field) *field {
	for _, f := range e.fields() {
		if f.id == id {
			return f
		}
	}
	return nil
}

// showProblem says why saving failed, with the fix when there is one.
func (e *profileEditor) showProblem(err error) {
	text := err.Error()
	if fix := tokens.Fix(err); fix != "" {
		text += "\n" + fix
	}
	e.problem.SetText(text)
	e.problem.Show()
}

// keepSecretInMemory saves again, with the secret the keyring refused
// kept in memory for the rest of the session.
func (e *profileEditor) keepSecretInMemory() {
	id := e.loaded.ID
	if id == "" {
		id = e.pendingID
	}
	if id == "" || e.typedSecret() == "" {
		return
	}
	e.ctrl.keepSecretInMemory(id)
	e.saveThen(nil)
}

// guard runs next unless the form has unsaved changes; then it asks
// first: Save runs next once saved, Discard drops the changes, Cancel
// stays (and runs stay, which may be nil).
func (e *profileEditor) guard(next, stay func()) {
	if !e.dirty() {
		next()
		return
	}
	name := e.name.entry.Text
	if name == "" {
		name = "the new profile"
	}
	msg := widget.NewLabel("Save the changes to " + name + " before you go on?")
	d := dialog.NewCustomWithoutButtons("Unsaved changes", msg, e.win)
	answer := func(f func()) func() {
		return func() {
			d.Hide()
			if f != nil {
				f()
			}
		}
	}
	cancel := &widget.Button{Text: "Cancel", OnTapped: answer(stay)}
	save := &widget.Button{Text: "Save", Importance: widget.HighImportance, OnTapped: answer(func() { e.saveThen(next) })}
	d.SetButtons([]fyne.CanvasObject{
		cancel,
		&widget.Button{Text: "Discard", Importance: widget.DangerImportance, OnTapped: answer(func() { e.revertChanges(); next() })},
		save,
	})
	answerKeys(e.win, d, tapper(save), tapper(cancel))
	d.Show()
}
