package ui

import (
	"context"
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens/emulator"
)

func TestDeleteRemovesTheProfileAndItsSecret(t *testing.T) {
	f := newFixture(t)
	p := f.seed(f.sample("dev", emulator.SampleApp), emulator.SampleSecret)
	w := f.open()

	test.Tap(w.list.remove)
	if text := f.dialogText(); !strings.Contains(text, "Delete dev?") || !strings.Contains(text, "client secret is removed") {
		t.Fatalf("delete should ask first, and say the secret goes too: %q", text)
	}
	f.tapDialogButton("Delete")
	f.wait()

	if n := len(w.ctrl.store.List()); n != 0 {
		t.Fatalf("%d profiles left", n)
	}
	if _, err := f.secrets.Get(context.Background(), p.ID); !errors.Is(err, profiles.ErrSecretNotFound) {
		t.Errorf("the secret is still stored: %v", err)
	}
	if !w.emptyPane.Visible() || w.win.Title() != "aztoken" {
		t.Error("with no profile left the window shows the empty state")
	}
}

func TestDeleteCanBeCancelled(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	test.Tap(w.list.remove)
	f.tapDialogButton("No")
	f.wait()
	if n := len(w.ctrl.store.List()); n != 1 {
		t.Fatalf("%d profiles after saying no", n)
	}
}

func TestFilterNarrowsTheList(t *testing.T) {
	f := newFixture(t)
	f.seed(f.sample("prod-reader", emulator.SampleApp), emulator.SampleSecret)
	f.seed(f.sample("dev", emulator.SampleNoRoleApp), emulator.SampleSecret)
	w := f.open()
	if len(w.list.shown) != 2 || w.list.shown[0].Name != "dev" {
		t.Fatalf("list %v, want both by name", w.list.shown)
	}

	f.shortcut(fyne.KeyF, false)
	if w.win.Canvas().Focused() != w.list.filter {
		t.Fatal("Ctrl+F should put the cursor in the filter")
	}
	test.Type(w.list.filter, "PROD")
	if len(w.list.shown) != 1 || w.list.shown[0].Name != "prod-reader" {
		t.Errorf("filtered list %v", w.list.shown)
	}
	w.list.filter.SetText(emulator.SampleNoRoleApp[:8])
	if len(w.list.shown) != 1 || w.list.shown[0].Name != "dev" {
		t.Errorf("a client ID should filter too: %v", w.list.shown)
	}
	if shortTenant(emulator.SampleTenant) != "72f988bf…" {
		t.Errorf("short tenant %q", shortTenant(emulator.SampleTenant))
	}
}

func TestDuplicateCopiesTheSecretWhenAsked(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()

	test.Tap(w.list.duplicate)
	f.tapDialogButton("With the secret")
	f.wait()
	dup, ok := w.ctrl.selectedProfile()
	if !ok || dup.Name != "dev (copy)" {
		t.Fatalf("the duplicate should be selected, got %q", dup.Name)
	}
	if s, _ := f.secrets.Get(context.Background(), dup.ID); s != emulator.SampleSecret {
		t.Error("the secret should have been copied")
	}
	f.getToken()
	if w.errors.box.Visible() {
		t.Errorf("the duplicate should get a token: %s", w.errors.message.Text)
	}
}
