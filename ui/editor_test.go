package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
)

// fillEmulatorProfile types a working profile for the sample app into the
// editor, as a user would.
func fillEmulatorProfile(f *fixture, name string) {
	e := f.w.editor
	test.Type(e.name.entry, name)
	test.Type(e.tenant.entry, emulator.SampleTenant)
	test.Type(e.clientID.entry, emulator.SampleApp)
	test.Type(e.secret.entry, emulator.SampleSecret)
	e.cloud.SetSelected(cloudLabel(tokens.CustomCloud))
	test.Type(e.authority.entry, f.srv.URL())
	test.Type(e.arm.entry, f.srv.URL())
	test.Type(e.resource.entry, "https://management.azure.com/")
	test.Type(e.subscription.entry, emulator.SampleSubscription)
}

func TestAddProfileThroughTheForm(t *testing.T) {
	f := newFixture(t)
	w := f.open()
	if !w.emptyPane.Visible() || !w.empty.add.Visible() {
		t.Fatal("a first start should show the empty state with Add profile")
	}

	test.Tap(w.empty.add)
	if w.win.Canvas().Focused() != w.editor.name.input {
		t.Error("Add profile should put the cursor in the name field")
	}
	fillEmulatorProfile(f, "dev")
	if w.editor.save.Disabled() {
		t.Fatal("Save is disabled for a valid profile")
	}
	test.Tap(w.editor.save)
	f.wait()

	stored := w.ctrl.store.List()
	if len(stored) != 1 || stored[0].Name != "dev" || stored[0].ClientID != emulator.SampleApp || stored[0].Cloud != tokens.CustomCloud {
		t.Fatalf("the store holds %+v, want the profile dev", stored)
	}
	if secret, err := f.secrets.Get(context.Background(), stored[0].ID); err != nil || secret != emulator.SampleSecret {
		t.Errorf("the secret store holds %q, %v; want the secret typed", secret, err)
	}
	if w.win.Title() != "aztoken — dev" {
		t.Errorf("title %q, want it to name the profile", w.win.Title())
	}
	if len(w.list.shown) != 1 || w.ctrl.selected != stored[0].ID {
		t.Error("the new profile should be listed and selected")
	}
	if w.editor.secret.entry.Text != "" || w.editor.dirty() {
		t.Error("after saving, the secret entry is empty again and nothing is unsaved")
	}
}

func TestInvalidInputShowsTheFieldsMessageAndSavesNothing(t *testing.T) {
	f := newFixture(t)
	w := f.open()
	test.Tap(w.empty.add)
	fillEmulatorProfile(f, "dev")
	tenant := w.editor.tenant
	tenant.entry.SetText("")
	test.Type(tenant.entry, "https://login.microsoftonline.com/"+emulator.SampleTenant+"/oauth2/v2.0/token")

	if !tenant.message.Visible() || tenant.message.Text != "This is a URL; the tenant is "+emulator.SampleTenant {
		t.Errorf("tenant message %q (shown %v), want the URL explained", tenant.message.Text, tenant.message.Visible())
	}
	if !tenant.suggest.Visible() || tenant.suggest.Text != "Use "+emulator.SampleTenant {
		t.Errorf("suggestion button %q, want to offer the tenant found in the URL", tenant.suggest.Text)
	}
	if !w.editor.save.Disabled() {
		t.Error("Save should be disabled while a field is invalid")
	}
	test.Tap(w.editor.save)
	f.shortcut(fyne.KeyS, false)
	f.wait()
	if len(w.ctrl.store.List()) != 0 {
		t.Fatalf("an invalid profile was saved: %v", w.ctrl.store.List())
	}

	test.Tap(tenant.suggest)
	if tenant.entry.Text != emulator.SampleTenant || tenant.message.Visible() || w.editor.save.Disabled() {
		t.Errorf("using the suggestion should fix the field: %q, message %q", tenant.entry.Text, tenant.message.Text)
	}
}

func TestSaveShowsTheStoresProblemsAtTheField(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	f.shortcut(fyne.KeyN, false)
	fillEmulatorProfile(f, "DEV")
	test.Tap(w.editor.save)
	f.wait()

	name := w.editor.name
	if !strings.HasPrefix(name.message.Text, "Another profile is already called") || name.suggest.Text != "Use DEV (2)" {
		t.Errorf("name message %q, suggestion %q; want the clash and a free name", name.message.Text, name.suggest.Text)
	}
	if n := len(w.ctrl.store.List()); n != 1 {
		t.Fatalf("%d profiles stored, want only the first", n)
	}
	test.Tap(name.suggest)
	test.Tap(w.editor.save)
	f.wait()
	if n := len(w.ctrl.store.List()); n != 2 {
		t.Errorf("%d profiles stored after taking the suggestion, want 2", n)
	}
}

func TestSecretIDInsteadOfValueIsWarnedAbout(t *testing.T) {
	f := newFixture(t)
	w := f.open()
	test.Tap(w.empty.add)
	test.Type(w.editor.secret.entry, emulator.SampleSecretID)
	msg := w.editor.secret.message
	if !msg.Visible() || !strings.Contains(msg.Text, "paste its Value") {
		t.Errorf("secret message %q, want the Secret ID warning", msg.Text)
	}
	if !w.editor.secret.entry.Password {
		t.Error("the secret entry must mask what is typed")
	}
}

func TestLeavingUnsavedChangesAsksFirst(t *testing.T) {
	f := newFixture(t)
	a := f.seed(f.sample("alpha", emulator.SampleApp), emulator.SampleSecret)
	b := f.seed(f.sample("beta", emulator.SampleApp), emulator.SampleSecret)
	w := f.open()
	if w.ctrl.selected != a.ID {
		t.Fatalf("the first profile should be selected at start")
	}
	test.Type(w.editor.notes.entry, "changed")

	w.list.list.Select(1)
	if !strings.Contains(f.dialogText(), "Save the changes to alpha") {
		t.Fatalf("switching with unsaved changes should ask; dialog says %q", f.dialogText())
	}
	f.tapDialogButton("Cancel")
	if w.ctrl.selected != a.ID || w.editor.notes.entry.Text != "changed" {
		t.Fatal("Cancel should stay on the edited profile with the edit")
	}

	w.list.list.Select(1)
	f.tapDialogButton("Discard")
	if w.ctrl.selected != b.ID || w.editor.name.entry.Text != "beta" {
		t.Fatal("Discard should switch to the chosen profile")
	}
	if p, _ := w.ctrl.profile(a.ID); p.Notes != "" {
		t.Error("Discard must not save the edit")
	}

	test.Type(w.editor.notes.entry, "kept")
	w.requestClose()
	f.tapDialogButton("Save")
	f.wait()
	if p, _ := w.ctrl.profile(b.ID); p.Notes != "kept" {
		t.Errorf("Save in the close dialog should store the edit, notes %q", p.Notes)
	}
}
