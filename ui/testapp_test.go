package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// reusedApp is the test app the process already runs, with its
// preferences emptied, for a test to use alone. test.NewTempApp starts a
// new app, and with it throws away Fyne's font faces and text metrics,
// which every window test then measures again: a third of the package's
// time under -race. The theme, scale and fonts never change between the
// window tests, so what the caches hold stays true; the preferences are
// the only state a test leaves in the app, and they are emptied before
// and after it.
func reusedApp(t testing.TB) fyne.App {
	t.Helper()
	a := fyne.CurrentApp()
	clearPreferences(t, a)
	t.Cleanup(func() { clearPreferences(t, a) })
	return a
}

// clearPreferences forgets every preference a test set.
func clearPreferences(t testing.TB, a fyne.App) {
	t.Helper()
	prefs, ok := a.Preferences().(interface{ WriteValues(func(map[string]any)) })
	if !ok {
		t.Fatalf("the test app's preferences (%T) cannot be emptied", a.Preferences())
	}
	prefs.WriteValues(func(values map[string]any) { clear(values) })
}
