package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/aztoken/aztoken/tokens/emulator"
)

func TestAnUnavailableKeyringOffersToKeepTheSecretInMemory(t *testing.T) {
	f := newFixture(t)
	f.secrets = lockedKeyring{}
	w := f.open()
	test.Tap(w.empty.add)
	fillEmulatorProfile(f, "dev")
	test.Tap(w.editor.save)
	f.wait()

	// A profile and its secret are saved together or not at all.
	if ps := w.ctrl.profiles(); len(ps) != 0 {
		t.Fatalf("the profile is saved even though its secret is not: %v", ps)
	}
	cause := w.editor.keyringCause.Text
	if !w.editor.keyring.Visible() || !strings.Contains(cause, "Nothing is saved yet") || !strings.Contains(cause, "the keyring is locked") {
		t.Fatalf("the editor should say why nothing was saved: %q", cause)
	}
	if strings.Contains(cause, emulator.SampleSecret) {
		t.Fatal("the message shows the secret")
	}
	if w.editor.name.entry.Text != "dev" || w.editor.secret.entry.Text != emulator.SampleSecret || !w.editor.dirty() {
		t.Fatal("the form lost what the user typed")
	}

	test.Tap(w.editor.keepInMemory)
	f.wait()
	p, ok := w.ctrl.selectedProfile()
	if !ok || p.Name != "dev" {
		t.Fatal("Keep in memory did not save the profile")
	}
	if !w.ctrl.secrets.kept(p.ID) || w.editor.keyring.Visible() || w.editor.dirty() {
		t.Fatal("after Keep in memory the secret is stored for the session and nothing is unsaved")
	}
	if s, err := w.ctrl.secrets.Get(context.Background(), p.ID); err != nil || s != emulator.SampleSecret {
		t.Fatalf("the session holds %q, %v", s, err)
	}
	f.getToken()
	if _, ok := w.ctrl.token(p); !ok {
		t.Errorf("a token should come with the secret kept in memory: %s", w.errors.message.Text)
	}
}
