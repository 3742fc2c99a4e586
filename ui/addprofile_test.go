package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/aztoken/aztoken/tokens"
)

func TestANewProfileCanBeSavedWithoutScrollingAndSaysItWas(t *testing.T) {
	f := newFixture(t)
	w := f.open()
	w.win.Resize(fyne.NewSize(760, 480)) // the smallest the window goes
	test.Tap(w.empty.add)
	fillEmulatorProfile(f, "dev")
	w.win.Content().Refresh()

	at := f.app.Driver().AbsolutePositionForObject(w.editor.save)
	if bottom := at.Y + w.editor.save.Size().Height; bottom > w.win.Canvas().Size().Height {
		t.Errorf("Save ends at y=%v, below the window's %v: the user would have to scroll to it", bottom, w.win.Canvas().Size().Height)
	}
	if w.editor.savedNote.Text != "" {
		t.Errorf("before saving the editor says %q", w.editor.savedNote.Text)
	}
	test.Tap(w.editor.save)
	f.wait()
	if !strings.HasPrefix(w.editor.savedNote.Text, "Saved dev at ") {
		t.Errorf("after saving the editor says %q, want it confirmed", w.editor.savedNote.Text)
	}
	test.Type(w.editor.notes.entry, "x")
	if w.editor.savedNote.Text != "" {
		t.Errorf("once changed again the editor still says %q", w.editor.savedNote.Text)
	}
}

func TestTheCloudFieldSpeaksWordsAndSaysWhatEachCloudNeeds(t *testing.T) {
	f := newFixture(t)
	w := f.open()
	test.Tap(w.empty.add)
	e := w.editor

	want := []string{"Azure (public)", "Azure US Government", "Azure China (21Vianet)", "Custom, e.g. Azure Stack Hub"}
	if strings.Join(e.cloud.Options, "|") != strings.Join(want, "|") {
		t.Errorf("the cloud choices are %q, want %q", e.cloud.Options, want)
	}
	if e.cloud.Selected != "Azure (public)" {
		t.Errorf("a new profile's cloud is %q, want Azure (public)", e.cloud.Selected)
	}
	for _, entry := range []string{e.authority.entry.PlaceHolder, e.arm.entry.PlaceHolder, e.resource.entry.PlaceHolder} {
		if !strings.HasPrefix(entry, "Optional; default https://") {
			t.Errorf("for the public cloud the hint %q should say optional and name the default", entry)
		}
	}
	if !strings.Contains(e.authority.entry.PlaceHolder, tokens.AzurePublic.AuthorityHost) {
		t.Errorf("the authority hint %q should name the public cloud's host", e.authority.entry.PlaceHolder)
	}

	e.cloud.SetSelected("Custom, e.g. Azure Stack Hub")
	for _, entry := range []string{e.authority.entry.PlaceHolder, e.arm.entry.PlaceHolder, e.resource.entry.PlaceHolder} {
		if !strings.HasPrefix(entry, "Required") {
			t.Errorf("for a custom cloud the hint %q should say the field is required", entry)
		}
	}
	if got := e.profile().Cloud; got != tokens.CustomCloud {
		t.Errorf("the profile stores cloud %q, want %q", got, tokens.CustomCloud)
	}
}
