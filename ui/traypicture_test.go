//go:build screenshots

package ui

import (
	"image/png"
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
)

// TestTrayMenuPicture draws the tray menu's items, as the tray model
// builds them for the demo's profiles, into docs/tray.png for the README.
// A desktop's tray host draws the real menu in its own style; no host that
// can be screenshotted exists under Xvfb, so this is the honest substitute.
// scripts/screenshots.sh runs it.
func TestTrayMenuPicture(t *testing.T) {
	test.NewTempApp(t)
	test.ApplyTheme(t, theme.DefaultTheme())
	now := time.Date(2026, 11, 24, 14, 0, 0, 0, time.Local)
	var ps []profiles.Profile
	states := map[profiles.ID]trayState{}
	for i, s := range []struct {
		name string
		left time.Duration
		has  bool
	}{
		{"Contoso dev", 42 * time.Minute, true},
		{"No role", 0, false},
		{"Secret expires soon", 3 * time.Minute, true},
		{"Short-lived tokens", 4 * time.Minute, true},
	} {
		id := profiles.ID(rune('a' + i))
		ps = append(ps, profiles.Profile{ID: id, Name: s.name})
		if s.has {
			states[id] = trayState{has: true, token: tokens.Token{ObtainedAt: now.Add(-time.Hour), ExpiresOn: now.Add(s.left)}}
		}
	}
	items := trayMenuItems(trayMenu(ps, states, now, tokens.DefaultMargin), func(profiles.ID) {}, func() {}, func() {})
	menu := widget.NewMenu(fyne.NewMenu("", items...))
	w := test.NewTempWindow(t, menu)
	w.Resize(menu.MinSize().Add(fyne.NewSize(0, theme.Padding()*2)))
	f, err := os.Create("../docs/tray.png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}
