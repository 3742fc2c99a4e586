package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/aztoken/aztoken/tokens/emulator"
)

// press types key on the window with no widget holding the keyboard, as
// when a dialog has just opened.
func (f *fixture) press(key fyne.KeyName) {
	f.t.Helper()
	handler := f.w.win.Canvas().OnTypedKey()
	if handler == nil {
		f.t.Fatalf("%s pressed, but nothing in the window takes keys", key)
	}
	handler(&fyne.KeyEvent{Name: key})
}

// dialogOpen reports whether a dialog is over the window.
func (f *fixture) dialogOpen() bool { return f.w.win.Canvas().Overlays().Top() != nil }

func TestEscAndEnterAnswerTheDeleteDialog(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()

	test.Tap(w.list.remove)
	f.press(fyne.KeyEscape)
	f.wait()
	if f.dialogOpen() || len(w.ctrl.profiles()) != 1 {
		t.Fatalf("Esc should close the dialog and keep the profile: open %v, %d profiles", f.dialogOpen(), len(w.ctrl.profiles()))
	}
	if w.win.Canvas().OnTypedKey() != nil {
		t.Error("once the dialog closed, Enter and Esc should no longer answer it")
	}

	test.Tap(w.list.remove)
	f.press(fyne.KeyReturn)
	f.wait()
	if f.dialogOpen() || len(w.ctrl.profiles()) != 0 {
		t.Errorf("Enter should delete the profile: open %v, %d profiles", f.dialogOpen(), len(w.ctrl.profiles()))
	}
}

func TestEscAndEnterAnswerTheDuplicateDialog(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()

	test.Tap(w.list.duplicate)
	f.press(fyne.KeyEscape)
	f.wait()
	if f.dialogOpen() || len(w.ctrl.profiles()) != 1 {
		t.Fatalf("Esc should leave without a copy: open %v, %d profiles", f.dialogOpen(), len(w.ctrl.profiles()))
	}

	test.Tap(w.list.duplicate)
	f.press(fyne.KeyEnter)
	f.wait()
	if len(w.ctrl.profiles()) != 2 {
		t.Fatalf("Enter should duplicate the profile, %d profiles", len(w.ctrl.profiles()))
	}
	dup, _ := w.ctrl.selectedProfile()
	if secret, err := f.secrets.Get(t.Context(), dup.ID); err != nil || secret != emulator.SampleSecret {
		t.Errorf("Enter means With the secret; the copy's secret is %q, %v", secret, err)
	}
}

func TestEscClosesSettingsAndAbout(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	for name, open := range map[string]func(){"Settings": w.settings.open, "About": func() { showAbout(w.win) }} {
		open()
		if !f.dialogOpen() {
			t.Fatalf("%s did not open", name)
		}
		f.press(fyne.KeyEscape)
		if f.dialogOpen() {
			t.Errorf("Esc should close %s", name)
		}
	}
}

func TestHelpListsEveryShortcut(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	showShortcuts(w.win, w.menus())
	text := f.dialogText()
	for _, want := range []string{"Ctrl+R\n", "Get token\n", "Ctrl+Shift+T\n", "Run setup check\n", "Ctrl+Down\n", "Next profile\n", "Ctrl+3\n", "Test call tab\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("the shortcuts dialog lacks %q:\n%s", want, text)
		}
	}
	f.press(fyne.KeyEscape)
	if f.dialogOpen() {
		t.Error("Esc should close the shortcuts")
	}
}

func TestEscClosesSettingsWhileAFieldHasTheKeyboard(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	w.settings.open()
	c := w.win.Canvas()
	field := w.settings.apiVersion.input
	c.Focus(field)
	if c.Focused() != field {
		t.Fatalf("the field did not take the keyboard; focus is on %T", c.Focused())
	}
	field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if f.dialogOpen() {
		t.Error("Esc in a focused field should close Settings")
	}
	if w.win.Canvas().OnTypedKey() != nil {
		t.Error("once Settings closed, Esc should no longer answer it")
	}
}

func TestEnterPressesAFocusedFormButtonUnlessDisabled(t *testing.T) {
	f := newDevFixture(t)
	f.open()
	pressed := 0
	b := newFormButton("Save to profile", nil, func() { pressed++ })
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	b.Disable()
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnter})
	if pressed != 1 {
		t.Errorf("pressed %d times, want once: Enter presses an enabled button only", pressed)
	}
}
