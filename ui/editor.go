package ui

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
)

// profileEditor edits every field of one profile, checks each as the user
// types, and saves the profile to the store and its secret (or its PFX
// file's password) to the secret store. The secret is never read back: the
// entry starts empty and a new value replaces the stored one.
type profileEditor struct {
	ctrl editorController
	win  fyne.Window
	// onSaved tells the window which profile was stored, to select it.
	onSaved func(profiles.Profile)

	heading *widget.Label
	// secretLine says under the heading when the secret expires.
	secretLine                      *widget.Label
	name, tenant, clientID, secret  *field
	authority, arm, resource, scope *field
	subscription, expires, notes    *field
	cloud                           *formSelect
	kind                            *widget.RadioGroup
	cert                            *certFields
	targets                         *targetFields
	// secretRows and certRows are the form's rows (labels and cells) for
	// each credential kind; only the chosen kind's show.
	secretRows, certRows []fyne.CanvasObject
	save, revert         *widget.Button
	problem              *widget.Label
	// savedNote confirms the last save until the form changes.
	savedNote *widget.Label
	keyring   *fyne.Container
	// scroll holds the form above the footer.
	scroll       *container.Scroll
	keyringCause *widget.Label
	keepInMemory *widget.Button

	// loaded is the profile as stored, without an ID while the editor
	// holds a new one.
	loaded profiles.Profile
	// pendingID is the ID a new profile was given by a save the keyring
	// refused, kept for the retry.
	pendingID profiles.ID
	saving    bool
}

// The choices of the credential field, in the portal's words.
const (
	secretKind      = "Client secret"
	certificateKind = "Certificate"
)

// editorController is what the profile editor asks of the controller:
// whether and how to save, and where a profile's secret lives.
type editorController interface {
	certController
	// readOnly is why profiles cannot be changed now, or nil; hasStore
	// is false while the profiles file cannot be opened at all.
	readOnly() error
	hasStore() bool
	save(p profiles.Profile, prepare func(context.Context) (profiles.SecretChange, error), done func(saveResult))
	// secretKept reports a secret kept in memory for the session;
	// keepSecretInMemory moves one there, when the keyring cannot have it.
	secretKept(profiles.ID) bool
	keepSecretInMemory(profiles.ID)
	// now is the time, to word the secret's expiry.
	now() time.Time
}

func newProfileEditor(ctrl editorController, win fyne.Window, onSaved func(profiles.Profile)) *profileEditor {
	return &profileEditor{ctrl: ctrl, win: win, onSaved: onSaved}
}

func (e *profileEditor) build() fyne.CanvasObject {
	endpoint := func(f profiles.Field) fyne.StringValidator {
		return func(s string) error { _, err := profiles.CheckEndpoint(f, s); return err }
	}
	e.name = newField(profiles.FieldName, placeholderEntry("dev, prod-reader, …"), validator(profiles.CheckName), e.changed)
	e.tenant = newField(profiles.FieldTenant, placeholderEntry("Directory (tenant) ID or contoso.onmicrosoft.com"), validator(profiles.CheckTenant), e.changed)
	e.clientID = newField(profiles.FieldClientID, placeholderEntry("Application (client) ID"), validator(profiles.CheckClientID), e.changed)
	e.secret = newField(profiles.FieldSecret, newFormEntry(passwordLine, ""), checkNewSecret, e.changed)
	e.secret.warn = secretWarning
	e.cloud = newFormSelect(cloudLabels(), "", func(string) { e.cloudChanged() })
	e.authority = newField(profiles.FieldAuthorityHost, newFormEntry(singleLine, ""), endpoint(profiles.FieldAuthorityHost), e.changed)
	e.arm = newField(profiles.FieldARMEndpoint, newFormEntry(singleLine, ""), endpoint(profiles.FieldARMEndpoint), e.changed)
	e.resource = newField(profiles.FieldResource, newFormEntry(singleLine, ""), validator(profiles.CheckResource), e.changed)
	e.scope = newField(profiles.FieldScope, placeholderEntry("Instead of a resource: https://management.azure.com/.default"), validator(profiles.CheckScope), e.changed)
	e.subscription = newField(profiles.FieldSubscription, placeholderEntry("Optional, for Copy as curl"), validator(profiles.CheckSubscription), e.changed)
	e.expires = newField(profiles.FieldSecretExpires, placeholderEntry("YYYY-MM-DD, optional"), validator(profiles.CheckDate), e.changed)
	e.notes = newField(profiles.FieldNotes, newFormEntry(multiLine, ""), validator(profiles.CheckNotes), e.changed)
	e.kind = &widget.RadioGroup{Options: []string{secretKind, certificateKind}, Horizontal: true, Required: true, OnChanged: func(string) { e.kindChanged() }}
	e.cert = newCertFields(e.ctrl, e.win, e.changed)
	e.cert.build()
	e.targets = newTargetFields(e.changed, e.defaultTarget)

	// The rows are gathered first: adding them to the form one by one
	// would lay it out again after each.
	var rows []fyne.CanvasObject
	row := func(label string, cell fyne.CanvasObject) []fyne.CanvasObject {
		pair := []fyne.CanvasObject{widget.NewLabel(label), cell}
		rows = append(rows, pair...)
		return pair
	}
	for _, f := range []*field{e.name, e.tenant, e.clientID} {
		row(f.id.Label(), f.cell())
	}
	row(profiles.FieldCredential.Label(), e.kind)
	e.secretRows = row(e.secret.id.Label(), e.secret.cell())
	e.certRows = append(row(e.cert.file.id.Label(), e.cert.fileCell), row(e.cert.password.id.Label(), e.cert.passwordCell)...)
	row(profiles.FieldCloud.Label(), e.cloud)
	for _, f := range []*field{e.authority, e.arm, e.resource, e.scope} {
		row(f.id.Label(), f.cell())
	}
	row("Other targets", e.targets.build())
	row(e.subscription.id.Label(), e.subscription.cell())
	// A certificate brings its own expiry.
	e.secretRows = append(e.secretRows, row(e.expires.id.Label(), e.expires.cell())...)
	row(e.notes.id.Label(), e.notes.cell())
	form := container.New(layout.NewFormLayout(), rows...)
	e.heading = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	e.save = &widget.Button{Text: "Save", Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: func() { e.saveThen(nil) }}
	e.revert = &widget.Button{Text: "Revert", Icon: theme.ContentUndoIcon(), OnTapped: e.revertChanges}
	e.problem = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	e.problem.Hide()
	e.savedNote = &widget.Label{Importance: widget.SuccessImportance, Truncation: fyne.TextTruncateEllipsis}
	// Save stays in a footer below the scrolling form: a new user sees it
	// without scrolling, whatever the window's height.
	footer := container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, container.NewHBox(e.save, e.revert), nil, e.savedNote))
	e.secretLine = &widget.Label{}
	e.secretLine.Hide()
	e.scroll = formScroll(container.NewVBox(e.heading, e.secretLine, e.buildKeyringOffer(), form, e.problem))
	e.targets.wire = func(o fyne.CanvasObject) { wireScroll(e.scroll, o) }
	return container.NewBorder(nil, footer, nil, nil, e.scroll)
}

// cloudChanged says which endpoints the chosen cloud needs.
func (e *profileEditor) cloudChanged() {
	authority, arm, resource := endpointHints(cloudName(e.cloud.Selected))
	e.authority.entry.SetPlaceHolder(authority)
	e.arm.entry.SetPlaceHolder(arm)
	e.resource.entry.SetPlaceHolder(resource)
	e.changed()
}

// fields are the checked entries the form shows, in its order: the
// chosen credential kind's only.
func (e *profileEditor) fields() []*field {
	fs := []*field{e.name, e.tenant, e.clientID}
	if e.kindOf() == profiles.CertificateCredential {
		fs = append(fs, e.cert.file, e.cert.password, e.authority, e.arm, e.resource, e.scope)
		return append(append(fs, e.targets.fields()...), e.subscription, e.notes)
	}
	fs = append(fs, e.secret, e.authority, e.arm, e.resource, e.scope)
	return append(append(fs, e.targets.fields()...), e.subscription, e.expires, e.notes)
}

// kindOf is the credential kind chosen.
func (e *profileEditor) kindOf() profiles.CredentialKind {
	if e.kind.Selected == certificateKind {
		return profiles.CertificateCredential
	}
	return profiles.SecretCredential
}

// kindChanged shows the chosen kind's rows.
func (e *profileEditor) kindChanged() {
	cert := e.kindOf() == profiles.CertificateCredential
	for _, o := range e.secretRows {
		setShown(o, !cert)
	}
	for _, o := range e.certRows {
		setShown(o, cert)
	}
	e.changed()
}

// typedSecret is what the chosen kind's secret entry holds: the client
// secret, or the PFX file's password.
func (e *profileEditor) typedSecret() string {
	if e.kindOf() == profiles.CertificateCredential {
		return e.cert.password.entry.Text
	}
	return e.secret.entry.Text
}

// load shows p; a profile without an ID is a new one.
func (e *profileEditor) load(p profiles.Profile) {
	e.loaded, e.pendingID = p, ""
	for f, v := range map[*field]string{
		e.name: p.Name, e.tenant: p.Tenant, e.clientID: p.ClientID, e.secret: "",
		e.authority: p.AuthorityHost, e.arm: p.ARMEndpoint, e.resource: p.Resource, e.scope: p.Scope,
		e.subscription: p.Subscription, e.expires: p.SecretExpires.String(), e.notes: p.Notes,
	} {
		f.set(v)
	}
	e.cloud.SetSelected(cloudLabel(cloudOf(p)))
	e.cert.load(p)
	e.targets.load(p.Targets.All())
	kind := secretKind
	if p.Credential == profiles.CertificateCredential {
		kind = certificateKind
	}
	e.kind.SetSelected(kind)
	e.kindChanged()
	switch {
	case p.ID == "":
		e.heading.SetText("New profile")
		e.secret.entry.SetPlaceHolder("The secret's Value, not its Secret ID")
	case e.ctrl.secretKept(p.ID):
		e.heading.SetText(p.Name)
		e.secret.entry.SetPlaceHolder("Kept in memory for this session; type a new Value to replace it")
	default:
		e.heading.SetText(p.Name)
		e.secret.entry.SetPlaceHolder("Leave empty to keep the stored secret")
	}
	e.keyring.Hide()
	e.problem.Hide()
	e.savedNote.SetText("")
	e.changed()
}

// profile is what the form holds, unchecked: the store cleans and checks
// it on save.
func (e *profileEditor) profile() profiles.Profile {
	expires, _ := profiles.CheckDate(e.expires.entry.Text)
	file := ""
	if e.kindOf() == profiles.CertificateCredential {
		file = e.cert.file.entry.Text
	}
	return profiles.Profile{
		ID: e.loaded.ID, Revision: e.loaded.Revision, Credential: e.kindOf(), CertificateFile: file,
		Name: e.name.entry.Text, Tenant: e.tenant.entry.Text, ClientID: e.clientID.entry.Text,
		Cloud: cloudName(e.cloud.Selected), AuthorityHost: e.authority.entry.Text, ARMEndpoint: e.arm.entry.Text,
		Resource: e.resource.entry.Text, Scope: e.scope.entry.Text, Subscription: e.subscription.entry.Text,
		SecretExpires: expires, Notes: e.notes.entry.Text, Targets: e.targets.targets(),
	}
}

// dirty reports whether the form differs from the stored profile.
func (e *profileEditor) dirty() bool {
	base := e.loaded
	base.Cloud = cloudOf(base)
	base.Credential, _ = profiles.CheckCredential(base.Credential)
	return e.profile() != base || e.expires.entry.Text != base.SecretExpires.String() || e.typedSecret() != ""
}

// valid reports whether every field passes its check.
func (e *profileEditor) valid() bool {
	for _, f := range e.fields() {
		if !f.valid() {
			return false
		}
	}
	return true
}

// changed keeps the buttons in step with the form.
func (e *profileEditor) changed() {
	if e.save == nil {
		return // still building
	}
	editable := e.ctrl.readOnly() == nil && !e.saving
	e.targets.refresh(editable)
	dirty := e.dirty()
	enable(e.save, editable && dirty && e.valid())
	if dirty {
		e.savedNote.SetText("")
	}
	enable(e.revert, dirty && !e.saving)
	e.showSecretHeadline()
	for _, f := range e.fields() {
		enable(f.entry, editable)
	}
	enable(e.cloud, editable)
	enable(e.kind, editable)
	e.cert.enable(editable)
}

func (e *profileEditor) revertChanges() { e.load(e.loaded) }

// focusName puts the cursor in the name, where a new profile starts.
func (e *profileEditor) focusName() { e.win.Canvas().Focus(e.name.input) }

// cloudOf is the cloud the form shows for p: public when unset.
func cloudOf(p profiles.Profile) string {
	if p.Cloud == "" {
		return tokens.AzurePublic.Name
	}
	return p.Cloud
}

// checkNewSecret allows an empty secret (keep the stored one, or add it
// later) and otherwise checks it.
func checkNewSecret(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	_, _, err := profiles.CheckSecret(s)
	return err
}

// secretWarning is CheckSecret's warning, such as a Secret ID pasted
// instead of the Value.
func secretWarning(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	_, warning, _ := profiles.CheckSecret(s)
	return warning
}

// errSecretRefused marks the secret field when Entra refused the stored
// secret; the fix above the tabs says why.
var errSecretRefused = errors.New("Entra ID refused the stored secret: type the secret's Value here and save")

// fetched marks the secret field when a fetch of the loaded profile's
// token failed because of its secret, and clears the mark once a fetch
// succeeds.
func (e *profileEditor) fetched(end fetchEnd) {
	if e.loaded.ID == "" || end.profile.ID != e.loaded.ID || e.secret.entry.Text != "" {
		return
	}
	switch {
	case slices.Contains(tokens.FieldsToCheck(end.err), tokens.FieldSecret):
		e.secret.show(errSecretRefused)
	case end.err == nil:
		e.secret.show(nil)
	}
}
