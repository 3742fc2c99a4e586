package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"github.com/aztoken/aztoken/tokens/emulator"
)

func TestKeyboardShortcutsReachTheActions(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()

	f.shortcut(fyne.KeyR, false)
	f.wait()
	tok := f.currentToken()
	f.shortcut(fyne.KeyC, true)
	if f.clip.text != tok.AuthorizationHeader() {
		t.Error("Ctrl+Shift+C should copy the header")
	}
	f.shortcut(fyne.KeyA, true)
	if f.clip.text != tok.AccessToken {
		t.Error("Ctrl+Shift+A should copy the token")
	}
	f.shortcut(fyne.KeyN, false)
	if !w.ctrl.creating || w.win.Canvas().Focused() != w.editor.name.input {
		t.Error("Ctrl+N should start a new profile with the cursor in its name")
	}

	menu := w.win.MainMenu()
	if menu == nil || len(menu.Items) != 4 {
		t.Fatal("the window should have the Profile, Token, View and Help menus")
	}
	shown := map[string]string{}
	for _, m := range menu.Items {
		for _, item := range m.Items {
			if item.Shortcut != nil {
				shown[item.Label] = item.Shortcut.ShortcutName()
			}
		}
	}
	for label, key := range map[string]string{"New profile": "N", "Get token": "R", "Copy header": "C", "Filter profiles": "F"} {
		if name := shown[label]; len(name) == 0 || name[len(name)-1:] != key {
			t.Errorf("menu item %q shows shortcut %q, want Ctrl+…%s", label, name, key)
		}
	}
}

func TestTheWindowRemembersItsSizeAndProfile(t *testing.T) {
	f := newFixture(t)
	f.seed(f.sample("alpha", emulator.SampleApp), emulator.SampleSecret)
	beta := f.seed(f.sample("beta", emulator.SampleApp), emulator.SampleSecret)
	w := f.open()
	w.list.list.Select(1)
	if w.win.Title() != "aztoken — beta" {
		t.Errorf("title %q", w.win.Title())
	}
	w.win.Resize(fyne.NewSize(700, 500))
	w.close()

	again := f.open()
	if again.ctrl.selected != beta.ID {
		t.Error("the last selected profile should be selected again")
	}
	if size := again.win.Canvas().Size(); size.Width != 700 || size.Height != 500 {
		t.Errorf("size %v, want the size the window closed with", size)
	}
	if got := f.app.Preferences().String(prefLastProfile); got != string(beta.ID) {
		t.Errorf("preferences hold %q", got)
	}
}

func TestTheMenuMarksOnlyQuitAsQuit(t *testing.T) {
	f := newFixture(t)
	w := f.open()
	var quits []string
	for _, m := range w.win.MainMenu().Items {
		for _, item := range m.Items {
			if item.IsQuit {
				quits = append(quits, item.Label)
			}
		}
	}
	if len(quits) != 1 || quits[0] != "Quit" {
		t.Errorf("items marked IsQuit: %q, want only Quit, so Fyne adds no second one", quits)
	}
}
