package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
)

// profileEditor edits every field of one profile, checks each as the user
// types, and saves the profile to the store and its secret to the secret
// store. The secret is never read back: the entry starts empty and a new
// value replaces the stored one.
type profileEditor struct {
	ctrl *controller
	win  fyne.Window
	// onSaved tells the window which profile was stored, to select it.
	onSaved func(profiles.Profile)

	heading                         *widget.Label
	name, tenant, clientID, secret  *field
	authority, arm, resource, scope *field
	subscription, expires, notes    *field
	cloud                           *widget.Select
	save, revert                    *widget.Button
	problem                         *widget.Label
	keyring                         *fyne.Container
	keyringCause                    *widget.Label
	keepInMemory                    *widget.Button

	// loaded is the profile as stored, without an ID while the editor
	// holds a new one.
	loaded profiles.Profile
	saving bool
}

// clouds are the choices of the cloud field, by short name.
var clouds = []string{tokens.AzurePublic.Name, tokens.AzureUSGovernment.Name, tokens.AzureChina.Name, tokens.CustomCloud}

func newProfileEditor(ctrl *controller, win fyne.Window, onSaved func(profiles.Profile)) *profileEditor {
	return &profileEditor{ctrl: ctrl, win: win, onSaved: onSaved}
}

func (e *profileEditor) build() fyne.CanvasObject {
	entry := func(placeholder string) *widget.Entry {
		en := widget.NewEntry()
		en.SetPlaceHolder(placeholder)
		return en
	}
	endpoint := func(f profiles.Field) fyne.StringValidator {
		return func(s string) error { _, err := profiles.CheckEndpoint(f, s); return err }
	}
	e.name = newField(profiles.FieldName, entry("dev, prod-reader, …"), validator(profiles.CheckName), e.changed)
	e.tenant = newField(profiles.FieldTenant, entry("Directory (tenant) ID or contoso.onmicrosoft.com"), validator(profiles.CheckTenant), e.changed)
	e.clientID = newField(profiles.FieldClientID, entry("Application (client) ID"), validator(profiles.CheckClientID), e.changed)
	e.secret = newField(profiles.FieldSecret, widget.NewPasswordEntry(), checkNewSecret, e.changed)
	e.secret.warn = secretWarning
	e.cloud = widget.NewSelect(clouds, func(string) { e.changed() })
	e.authority = newField(profiles.FieldAuthorityHost, entry("The cloud's own"), endpoint(profiles.FieldAuthorityHost), e.changed)
	e.arm = newField(profiles.FieldARMEndpoint, entry("The cloud's own"), endpoint(profiles.FieldARMEndpoint), e.changed)
	e.resource = newField(profiles.FieldResource, entry("The cloud's Resource Manager"), validator(profiles.CheckResource), e.changed)
	e.scope = newField(profiles.FieldScope, entry("Instead of a resource: https://management.azure.com/.default"), validator(profiles.CheckScope), e.changed)
	e.subscription = newField(profiles.FieldSubscription, entry("Optional, for Copy as curl"), validator(profiles.CheckSubscription), e.changed)
	e.expires = newField(profiles.FieldSecretExpires, entry("YYYY-MM-DD, optional"), validator(profiles.CheckDate), e.changed)
	e.notes = newField(profiles.FieldNotes, widget.NewMultiLineEntry(), validator(profiles.CheckNotes), e.changed)

	form := container.New(layout.NewFormLayout())
	for _, f := range e.fields() {
		form.Add(widget.NewLabel(f.id.Label()))
		form.Add(f.cell())
		if f == e.secret {
			form.Add(widget.NewLabel(profiles.FieldCloud.Label()))
			form.Add(e.cloud)
		}
	}
	e.heading = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	e.save = &widget.Button{Text: "Save", Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: func() { e.saveThen(nil) }}
	e.revert = &widget.Button{Text: "Revert", Icon: theme.ContentUndoIcon(), OnTapped: e.revertChanges}
	e.problem = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	e.problem.Hide()
	return container.NewVScroll(container.NewVBox(
		e.heading, e.buildKeyringOffer(), form, e.problem, container.NewHBox(e.save, e.revert),
	))
}

// fields are the checked entries in the order the form shows them.
func (e *profileEditor) fields() []*field {
	return []*field{e.name, e.tenant, e.clientID, e.secret, e.authority, e.arm, e.resource, e.scope, e.subscription, e.expires, e.notes}
}

// load shows p; a profile without an ID is a new one.
func (e *profileEditor) load(p profiles.Profile) {
	e.loaded = p
	for f, v := range map[*field]string{
		e.name: p.Name, e.tenant: p.Tenant, e.clientID: p.ClientID, e.secret: "",
		e.authority: p.AuthorityHost, e.arm: p.ARMEndpoint, e.resource: p.Resource, e.scope: p.Scope,
		e.subscription: p.Subscription, e.expires: p.SecretExpires.String(), e.notes: p.Notes,
	} {
		f.set(v)
	}
	e.cloud.SetSelected(cloudOf(p))
	switch {
	case p.ID == "":
		e.heading.SetText("New profile")
		e.secret.entry.SetPlaceHolder("The secret's Value, not its Secret ID")
	case e.ctrl.secrets.kept(p.ID):
		e.heading.SetText(p.Name)
		e.secret.entry.SetPlaceHolder("Kept in memory for this session; type a new Value to replace it")
	default:
		e.heading.SetText(p.Name)
		e.secret.entry.SetPlaceHolder("Leave empty to keep the stored secret")
	}
	e.keyring.Hide()
	e.problem.Hide()
	e.changed()
}

// profile is what the form holds, unchecked: the store cleans and checks
// it on save.
func (e *profileEditor) profile() profiles.Profile {
	expires, _ := profiles.CheckDate(e.expires.entry.Text)
	return profiles.Profile{
		ID: e.loaded.ID, Credential: e.loaded.Credential,
		Name: e.name.entry.Text, Tenant: e.tenant.entry.Text, ClientID: e.clientID.entry.Text,
		Cloud: e.cloud.Selected, AuthorityHost: e.authority.entry.Text, ARMEndpoint: e.arm.entry.Text,
		Resource: e.resource.entry.Text, Scope: e.scope.entry.Text, Subscription: e.subscription.entry.Text,
		SecretExpires: expires, Notes: e.notes.entry.Text,
	}
}

// dirty reports whether the form differs from the stored profile.
func (e *profileEditor) dirty() bool {
	base := e.loaded
	base.Cloud = cloudOf(base)
	return e.profile() != base || e.expires.entry.Text != base.SecretExpires.String() || e.secret.entry.Text != ""
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
	dirty := e.dirty()
	enable(e.save, editable && dirty && e.valid())
	enable(e.revert, dirty && !e.saving)
	for _, f := range e.fields() {
		enable(f.entry, editable)
	}
	enable(e.cloud, editable)
}

func (e *profileEditor) revertChanges() { e.load(e.loaded) }

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
