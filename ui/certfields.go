package ui

import (
	"context"
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
)

// certFields are the editor's rows for a certificate credential: the file
// with Browse, a PFX file's password, and once the file loads the
// certificate as the portal lists it (subject, thumbprints, expiry). The
// file is read when the user leaves a field, presses Enter or Check, or
// saves: never on every keystroke. Like the client secret, the stored
// password is never shown: an empty entry keeps it.
type certFields struct {
	ctrl certController
	win  fyne.Window
	// onChange tells the editor the form changed.
	onChange func()

	file, password                 *field
	fileEntry, passwordEntry       *leaveEntry
	browse, check                  *formButton
	subject, sha1, sha256, expires *widget.Label
	warning                        *widget.Label
	info                           *fyne.Container
	fileCell, passwordCell         fyne.CanvasObject

	// loaded is the profile the editor shows: its stored password may be
	// tried only if it already was a certificate profile.
	loaded   profiles.Profile
	checking bool
	result   *certResult
}

// certController is what the certificate fields ask of the controller:
// a background check, the secret store the PFX password is kept in, and
// the time certificates are judged at.
type certController interface {
	run(what string, work func(ctx context.Context) (apply func())) context.CancelFunc
	secretStore() profiles.SecretStore
	now() time.Time
}

func newCertFields(ctrl certController, win fyne.Window, onChange func()) *certFields {
	return &certFields{ctrl: ctrl, win: win, onChange: onChange}
}

// build makes the rows' cells; the editor puts them in its form.
func (c *certFields) build() {
	c.fileEntry, c.passwordEntry = newLeaveEntry(false, c.checkIfChanged), newLeaveEntry(true, c.checkIfChanged)
	c.file = newField(profiles.FieldCertificateFile, &c.fileEntry.formEntry, c.fileProblem, c.changed)
	c.file.entry.SetPlaceHolder("The .pfx, .p12 or .pem file with the private key")
	c.password = newField(profiles.FieldCertificatePassword, &c.passwordEntry.formEntry, c.passwordProblem, c.changed)
	c.password.warn = c.passwordWarning
	for _, e := range []*widget.Entry{c.file.entry, c.password.entry} {
		e.OnSubmitted = func(string) { c.checkIfChanged() }
	}
	c.browse = newFormButton("Browse…", theme.FolderOpenIcon(), c.chooseFile)
	c.check = newFormButton("Check", theme.ConfirmIcon(), c.run)
	label := func() *widget.Label { return &widget.Label{Selectable: true, Wrapping: fyne.TextWrapBreak} }
	c.subject, c.sha1, c.sha256, c.expires = label(), label(), label(), label()
	c.warning = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	c.info = container.New(layout.NewFormLayout(),
		widget.NewLabel("Subject"), c.subject, widget.NewLabel("Thumbprint (SHA-1)"), c.sha1,
		widget.NewLabel("SHA-256"), c.sha256, widget.NewLabel("Expires"), c.expires)
	// The form must hold the leaveEntry itself, not the Entry inside it,
	// or leaving it would go unnoticed.
	c.fileCell = container.NewBorder(nil, nil, nil, c.browse, container.NewVBox(c.file.withWheel(c.fileEntry), c.file.message))
	c.passwordCell = container.NewVBox(
		container.NewBorder(nil, nil, nil, c.check, container.NewVBox(c.password.withWheel(c.passwordEntry), c.password.message)),
		c.info, c.warning)
	c.render()
}

// load shows p's file. It is read when the user asks (Check, Enter,
// leaving a field) or saves: loading a profile starts no work, since the
// window redraws right after.
func (c *certFields) load(p profiles.Profile) {
	prev, kept := c.loaded, c.result
	c.loaded, c.result = p, nil
	c.file.set(p.CertificateFile)
	c.password.set("")
	placeholder := "Only for a PFX file"
	if p.ID != "" && p.Credential == profiles.CertificateCredential {
		placeholder = "Leave empty to keep the stored password"
	}
	c.password.entry.SetPlaceHolder(placeholder)
	// After a save the file still loads as checked, with the password
	// now stored.
	if r := kept; r != nil && r.err == nil && p.Credential == profiles.CertificateCredential &&
		r.path == p.CertificateFile && (prev.ID == "" || prev.ID == p.ID) {
		r.password = ""
		if r.opened == openedTyped {
			r.opened = openedStored
		}
		c.result = r
	}
	c.render()
}

func (c *certFields) changed() {
	c.render()
	c.onChange()
}

// current is the last check if it was of what the form holds now.
func (c *certFields) current() *certResult {
	r := c.result
	if r == nil || r.path != c.file.entry.Text || r.password != c.password.entry.Text {
		return nil
	}
	return r
}

// checked reports whether the form's file loads.
func (c *certFields) checked() bool {
	r := c.current()
	return r != nil && r.err == nil
}

// fileProblem is the file entry's check: the path as typed, then what
// loading it said.
func (c *certFields) fileProblem(s string) error {
	if err := pathProblem(s); err != nil {
		return err
	}
	return c.problemAt(profiles.FieldCertificateFile)
}

// pathProblem checks a path as typed, without reading the disk.
func pathProblem(s string) error {
	if strings.TrimSpace(s) == "" {
		// Without a path CheckCertificateFile reads nothing and says
		// what to choose.
		_, _, err := profiles.CheckCertificateFile("", "", time.Time{})
		return err
	}
	_, err := profiles.CheckCertificatePath(s)
	return err
}

func (c *certFields) passwordProblem(string) error {
	return c.problemAt(profiles.FieldCertificatePassword)
}

// problemAt is the current check's error if it belongs to field f.
func (c *certFields) problemAt(f profiles.Field) error {
	r := c.current()
	if r == nil || r.err == nil {
		return nil
	}
	at := profiles.FieldCertificateFile
	var fe *profiles.FieldError
	if errors.As(r.err, &fe) {
		at = fe.Field
	}
	if at != f {
		return nil
	}
	return r.err
}

func (c *certFields) passwordWarning(s string) string {
	if r := c.current(); r != nil && r.err == nil && r.opened == openedWithout && s != "" {
		return "This file needs no password, so none is kept"
	}
	return ""
}

// checkIfChanged checks the file when the user leaves a field or presses
// Enter, unless nothing changed since the last check.
func (c *certFields) checkIfChanged() {
	if c.current() == nil && !c.checking && strings.TrimSpace(c.file.entry.Text) != "" {
		c.run()
	}
}

// run checks the form's file in the background and shows what it holds.
func (c *certFields) run() {
	if err := pathProblem(c.file.entry.Text); err != nil {
		c.file.show(err)
		return
	}
	c.checking = true
	check := c.checker()
	c.ctrl.run("Checking the certificate", func(ctx context.Context) func() {
		r := check(ctx)
		return func() {
			c.checking = false
			c.take(&r)
		}
	})
}

// checker is the check of what the form holds now, to run off the main
// goroutine.
func (c *certFields) checker() func(context.Context) certResult {
	path, typed := c.file.entry.Text, c.password.entry.Text
	var stored profiles.ID
	if c.loaded.Credential == profiles.CertificateCredential {
		stored = c.loaded.ID
	}
	secrets, now := c.ctrl.secretStore(), c.ctrl.now()
	return func(ctx context.Context) certResult {
		return checkCertificate(ctx, secrets, stored, path, typed, now)
	}
}

// take shows a check's result at the fields, unless the user changed
// them meanwhile.
func (c *certFields) take(r *certResult) {
	if r.path != c.file.entry.Text || r.password != c.password.entry.Text {
		return
	}
	c.result = r
	c.file.show(c.fileProblem(r.path))
	c.password.show(c.passwordProblem(r.password))
	c.changed()
}

// render shows what the current check found.
func (c *certFields) render() {
	r := c.current()
	ok := r != nil && r.err == nil
	setShown(c.info, ok)
	c.warning.SetText("")
	if ok {
		tp := r.cert.Thumbprints()
		c.subject.SetText(r.cert.Subject())
		c.sha1.SetText(tp.SHA1)
		c.sha256.SetText(tp.SHA256)
		c.expires.SetText(expiryText(r.cert.NotAfter(), c.ctrl.now()))
		c.warning.SetText(r.warning)
	}
	setShown(c.warning, c.warning.Text != "")
}

// enable lets the user change the rows, or not while the profile cannot
// be changed.
func (c *certFields) enable(editable bool) {
	enable(c.file.entry, editable)
	enable(c.password.entry, editable)
	enable(c.browse, editable)
	enable(c.check, editable && !c.checking)
}

// chooseFile is Browse: the chosen file is checked at once.
func (c *certFields) chooseFile() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			return
		}
		path := rc.URI().Path()
		rc.Close()
		c.file.entry.SetText(path)
		c.run()
	}, c.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pfx", ".p12", ".pem"}))
	d.Show()
}

// leaveEntry is an entry that says when the user leaves it, where a
// certificate is read rather than on every keystroke.
type leaveEntry struct {
	formEntry
	onLeave func()
}

func newLeaveEntry(password bool, onLeave func()) *leaveEntry {
	e := &leaveEntry{onLeave: onLeave}
	kind := singleLine
	if password {
		kind = passwordLine
	}
	e.setUp(e, kind)
	return e
}

// FocusLost tells the owner once the entry has let go.
func (e *leaveEntry) FocusLost() {
	e.Entry.FocusLost()
	e.onLeave()
}
