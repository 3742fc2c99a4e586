package ui

import (
	"bytes"
	"strings"
	"testing"

	"github.com/aztoken/aztoken/tokens/emulator"
)

func TestImportAsksToRenameOrSkipATakenName(t *testing.T) {
	f := newDevFixture(t)
	f.seed(f.sample("prod", emulator.SampleApp), emulator.SampleSecret)
	w := f.open()
	var export bytes.Buffer
	if err := w.profileActions.export(&export); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(export.String(), emulator.SampleSecret) {
		t.Fatal("an export must not hold a secret")
	}

	w.profileActions.importData(export.Bytes(), "team.json")
	if !strings.Contains(f.dialogText(), `A profile named "dev" exists already`) {
		t.Fatalf("dialog %q", f.dialogText())
	}
	f.tapDialogButton("Rename")
	if !strings.Contains(f.dialogText(), `"prod"`) {
		t.Fatalf("the second clash should be asked next: %q", f.dialogText())
	}
	f.tapDialogButton("Skip")
	f.wait()

	var names []string
	for _, p := range w.ctrl.store.List() {
		names = append(names, p.Name)
	}
	if strings.Join(names, ",") != "dev,dev (2),prod" {
		t.Errorf("profiles after import: %v", names)
	}
	if !strings.Contains(f.dialogText(), "Imported 1 of 2 profile(s)") {
		t.Errorf("summary %q", f.dialogText())
	}
}

func TestImportOfABrokenFileSaysWhy(t *testing.T) {
	f := newFixture(t)
	w := f.open()
	w.profileActions.importData([]byte(`{"values": 3}`), "env.json")
	if text := f.dialogText(); !strings.Contains(text, "env.json") {
		t.Errorf("the error should name the file: %q", text)
	}
	if len(w.ctrl.store.List()) != 0 {
		t.Error("nothing is imported from a broken file")
	}
}
