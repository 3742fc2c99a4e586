package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens/emulator"
)

// cliStore is another aztoken process's view of the window's profiles
// file, such as `aztoken profiles rm` in a terminal.
func (f *fixture) cliStore() *profiles.Store {
	f.t.Helper()
	s, err := profiles.Open(f.path)
	if err != nil {
		f.t.Fatal(err)
	}
	return s
}

func TestEditingAProfileTheCLIRemovedSaysSoAndKeepsTheForm(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	dev, _ := w.ctrl.selectedProfile()
	test.Type(w.editor.notes.entry, "typed in the window")
	if err := f.cliStore().Delete(t.Context(), dev.ID, f.secrets); err != nil {
		t.Fatal(err)
	}
	test.Tap(w.editor.save)
	f.wait()
	if ps := f.cliStore().List(); len(ps) != 0 {
		t.Fatalf("the removed profile came back: %v", ps)
	}
	if !w.editor.problem.Visible() || !strings.Contains(w.editor.problem.Text, `profile "dev" was removed meanwhile`) {
		t.Errorf("the form says %q", w.editor.problem.Text)
	}
	if w.editor.notes.entry.Text != "typed in the window" || !w.editor.dirty() {
		t.Error("the form lost what the user typed")
	}
}

func TestEditingAProfileTheCLIChangedNeverUndoesThatChange(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	test.Type(w.editor.notes.entry, "from the window")
	cli := f.cliStore()
	dev, _ := cli.ByName("dev")
	dev.ClientID = emulator.SampleNoRoleApp
	if _, err := cli.Save(dev); err != nil {
		t.Fatal(err)
	}
	test.Tap(w.editor.save)
	f.wait()
	if now, _ := f.cliStore().ByName("dev"); now.ClientID != emulator.SampleNoRoleApp || now.Notes != "" {
		t.Errorf("stored %+v; want the CLI's change alone", now)
	}
	if !strings.Contains(w.editor.problem.Text, `profile "dev" was changed meanwhile`) || w.editor.notes.entry.Text != "from the window" {
		t.Errorf("the form says %q and holds %q", w.editor.problem.Text, w.editor.notes.entry.Text)
	}
}
