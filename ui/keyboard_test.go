package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/aztoken/aztoken/tokens/emulator"
)

// threeProfiles is a window over alpha, beta and norole, in list order,
// with alpha selected.
func threeProfiles(t *testing.T) (*fixture, *mainWindow) {
	f := newFixture(t)
	for _, name := range []string{"alpha", "beta"} {
		f.seed(f.sample(name, emulator.SampleApp), emulator.SampleSecret)
	}
	f.seed(f.sample("norole", emulator.SampleNoRoleApp), emulator.SampleSecret)
	w := f.open()
	if got := selectedName(w); got != "alpha" {
		t.Fatalf("the window opened on %q, want alpha", got)
	}
	return f, w
}

// key presses name where the keyboard focus is, as the window would pass
// it on.
func (f *fixture) key(name fyne.KeyName) {
	f.t.Helper()
	focused := f.w.win.Canvas().Focused()
	if focused == nil {
		f.t.Fatalf("%s pressed with nothing focused", name)
	}
	focused.TypedKey(&fyne.KeyEvent{Name: name})
}

func selectedName(w *mainWindow) string {
	p, _ := w.ctrl.selectedProfile()
	return p.Name
}

func TestUpAndDownInTheListSelectProfiles(t *testing.T) {
	f, w := threeProfiles(t)
	w.win.Canvas().Focus(w.list.list)

	for _, step := range []struct {
		key  fyne.KeyName
		want string
	}{{fyne.KeyDown, "beta"}, {fyne.KeyDown, "norole"}, {fyne.KeyDown, "norole"}, {fyne.KeyUp, "beta"}} {
		f.key(step.key)
		if got := selectedName(w); got != step.want {
			t.Errorf("after %s the selection is %q, want %q", step.key, got, step.want)
		}
	}
	f.shortcut(fyne.KeyUp, false)
	if got := selectedName(w); got != "alpha" {
		t.Errorf("Ctrl+Up (Previous profile) selects %q, want alpha", got)
	}
	f.shortcut(fyne.KeyDown, false)
	if got := selectedName(w); got != "beta" {
		t.Errorf("Ctrl+Down (Next profile) selects %q, want beta", got)
	}
}

func TestDownOrEnterInTheFilterMovesToItsMatches(t *testing.T) {
	for _, key := range []fyne.KeyName{fyne.KeyDown, fyne.KeyReturn} {
		t.Run(string(key), func(t *testing.T) {
			f, w := threeProfiles(t)
			f.shortcut(fyne.KeyF, false)
			test.Type(w.list.filter, "nor")
			f.key(key)
			if got := selectedName(w); got != "norole" {
				t.Errorf("%s in the filter selects %q, want its match norole", key, got)
			}
			if w.win.Canvas().Focused() != w.list.list {
				t.Errorf("%s should give the list the keyboard, focus is on %T", key, w.win.Canvas().Focused())
			}
		})
	}
}

func TestActionsNeverApplyToAProfileTheFilterHides(t *testing.T) {
	f, w := threeProfiles(t)
	f.shortcut(fyne.KeyF, false)
	test.Type(w.list.filter, "norole") // alpha stays selected, out of sight

	f.shortcut(fyne.KeyR, false) // Get token
	f.shortcut(fyne.KeyT, false) // Run test call
	f.shortcut(fyne.KeyT, true)  // Run setup check
	f.shortcut(fyne.KeyD, false) // Duplicate
	f.wait()
	if n := f.srv.Requests(emulator.AnyEndpoint); n != 0 {
		t.Errorf("%d requests reached Azure for a profile the filter hides", n)
	}
	if n := len(w.ctrl.profiles()); n != 3 {
		t.Errorf("%d profiles: Duplicate copied the hidden one", n)
	}
	if !w.list.duplicate.Disabled() || !w.list.remove.Disabled() {
		t.Error("Duplicate and Delete should be off while the selection is hidden")
	}

	f.key(fyne.KeyReturn) // to the match, norole
	f.shortcut(fyne.KeyR, false)
	f.wait()
	if !hasToken(w, "norole") {
		t.Errorf("once norole is chosen, Ctrl+R should get its token; %q is selected", selectedName(w))
	}
}

func TestTabShortcutsAreInTheMenu(t *testing.T) {
	f, w := threeProfiles(t)
	for i, item := range []*lazyTab{nil, nil, w.callTab, w.checkTab, w.serveTab, w.decodeTab} {
		key := fyne.KeyName(string(rune('1' + i)))
		f.shortcut(key, false)
		if w.tabs.SelectedIndex() != i {
			t.Errorf("Ctrl+%s shows tab %d, want %d", key, w.tabs.SelectedIndex(), i)
		}
		if item != nil && !item.built {
			t.Errorf("Ctrl+%s shows tab %d unbuilt", key, i)
		}
	}
	shortcuts := map[string]bool{}
	for _, m := range w.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil {
				shortcuts[it.Label] = true
			}
		}
	}
	for _, label := range []string{"Next profile", "Previous profile", "Profile tab", "Claims tab", "Test call tab", "Setup check tab", "Serve tab", "Decode tab"} {
		if !shortcuts[label] {
			t.Errorf("the menu shows no shortcut for %q", label)
		}
	}
}
