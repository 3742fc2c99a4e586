package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/aztoken/aztoken/tokens"
)

func TestAddingAPresetAndATypedTargetInTheEditor(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	e := w.editor
	// dev asks for Resource Manager already, in a custom cloud: Graph is
	// no preset there, so it is typed, and Resource Manager is not offered.
	if slices.Contains(e.targets.add.Options, tokens.PresetResourceManager) {
		t.Errorf("the default target is offered again: %q", e.targets.add.Options)
	}
	e.targets.add.SetSelected(typeTarget)
	if len(e.targets.rows) != 1 || !e.save.Disabled() {
		t.Fatalf("%d rows, Save enabled %v; want one empty row and nothing to save yet", len(e.targets.rows), !e.save.Disabled())
	}
	row := e.targets.rows[0]
	test.Type(row.name.entry, "Microsoft Graph")
	test.Type(row.value.entry, "graph.microsoft.com")
	if !row.value.message.Visible() || !strings.Contains(row.value.message.Text, "Expected a URI") || !e.save.Disabled() {
		t.Errorf("a bare host says %q under the entry", row.value.message.Text)
	}
	row.value.entry.SetText(graphURI + ".default")
	if row.value.message.Visible() || e.save.Disabled() {
		t.Fatalf("a Graph scope is refused: %q", row.value.message.Text)
	}
	test.Tap(e.save)
	f.wait()
	dev, _ := w.ctrl.selectedProfile()
	if got := dev.Targets.All(); len(got) != 1 || got[0].Scope != "https://graph.microsoft.com/.default" || got[0].Name != "Microsoft Graph" {
		t.Fatalf("stored targets %+v", got)
	}
	if !w.token.targetBox.Visible() || !slices.Contains(w.token.target.Options, "Microsoft Graph") {
		t.Error("the token panel does not offer the new target")
	}

	// Removing it saves the profile with its default target alone.
	test.Tap(e.targets.rows[0].remove)
	test.Tap(e.save)
	f.wait()
	if dev, _ := w.ctrl.selectedProfile(); !dev.Targets.IsZero() || w.token.targetBox.Visible() {
		t.Errorf("after removing it the profile holds %+v", dev.Targets.All())
	}
}

func TestAPublicProfileOffersItsCloudsPresetsAndShowsADuplicateAtItsRow(t *testing.T) {
	f := newFixture(t)
	p := f.sample("pub", "66666666-7777-4888-9999-aaaaaaaaaaaa")
	p.Cloud, p.AuthorityHost, p.ARMEndpoint, p.Resource = "public", "", "", ""
	f.seed(p, "")
	w := f.open()
	e := w.editor
	want := []string{tokens.PresetGraph, tokens.PresetKeyVault, tokens.PresetStorage, tokens.PresetSQL, tokens.PresetLogAnalytics, typeTarget}
	if !slices.Equal(e.targets.add.Options, want) {
		t.Fatalf("offered %q, want %q", e.targets.add.Options, want)
	}
	e.targets.add.SetSelected(tokens.PresetKeyVault)
	if r := e.targets.rows[0]; r.name.entry.Text != tokens.PresetKeyVault || r.value.entry.Text != "https://vault.azure.net" {
		t.Errorf("the preset filled %q = %q", r.name.entry.Text, r.value.entry.Text)
	}
	if slices.Contains(e.targets.add.Options, tokens.PresetKeyVault) {
		t.Error("Key Vault is offered twice")
	}
	e.targets.add.SetSelected(typeTarget)
	test.Type(e.targets.rows[1].name.entry, "key vault")
	test.Type(e.targets.rows[1].value.entry, "https://vault.azure.net/")
	if e.save.Disabled() {
		t.Fatalf("Save is disabled: each row passes on its own, the store judges them together; the form says %q", e.problem.Text)
	}
	test.Tap(e.save)
	f.wait()
	if msg := e.targets.rows[1].name.message.Text; !strings.Contains(msg, "Another target is called Key Vault") {
		t.Errorf("the second row's name says %q", msg)
	}
	if msg := e.targets.rows[1].value.message.Text; !strings.Contains(msg, "Target Key Vault is for this API already") {
		t.Errorf("the second row's value says %q", msg)
	}
	if dev, _ := w.ctrl.selectedProfile(); !dev.Targets.IsZero() {
		t.Errorf("a refused profile was stored: %+v", dev.Targets.All())
	}
}
