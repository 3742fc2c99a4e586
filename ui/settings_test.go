package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/arm"
	"github.com/aztoken/aztoken/tokens/clipboard"
	"github.com/aztoken/aztoken/ui/version"
)

func TestSettingChecks(t *testing.T) {
	for _, tc := range []struct {
		check func(string) error
		in    string
		err   error
	}{
		{func(s string) error { _, err := checkClearAfter(s); return err }, "60", nil},
		{func(s string) error { _, err := checkClearAfter(s); return err }, " 0 ", nil},
		{func(s string) error { _, err := checkClearAfter(s); return err }, "3600", nil},
		{func(s string) error { _, err := checkClearAfter(s); return err }, "3601", errClearAfter},
		{func(s string) error { _, err := checkClearAfter(s); return err }, "-1", errClearAfter},
		{func(s string) error { _, err := checkClearAfter(s); return err }, "1.5", errClearAfter},
		{func(s string) error { _, err := checkClearAfter(s); return err }, "", errClearAfter},
		{func(s string) error { _, err := checkMargin(s); return err }, "1", nil},
		{func(s string) error { _, err := checkMargin(s); return err }, "30", nil},
		{func(s string) error { _, err := checkMargin(s); return err }, "0", errMargin},
		{func(s string) error { _, err := checkMargin(s); return err }, "31", errMargin},
		{func(s string) error { _, err := checkMargin(s); return err }, "five", errMargin},
		{func(s string) error { _, err := checkARMVersion(s); return err }, "", nil},
		{func(s string) error { _, err := checkARMVersion(s); return err }, "2021-04-01", nil},
		{func(s string) error { _, err := checkARMVersion(s); return err }, "2024-03-01-preview", nil},
		{func(s string) error { _, err := checkARMVersion(s); return err }, "2024-13-01", errAPIVersion},
		{func(s string) error { _, err := checkARMVersion(s); return err }, "2024-02-30", errAPIVersion},
		{func(s string) error { _, err := checkARMVersion(s); return err }, "2024-03-01-beta", errAPIVersion},
		{func(s string) error { _, err := checkARMVersion(s); return err }, "21-04-01", errAPIVersion},
	} {
		if err := tc.check(tc.in); err != tc.err {
			t.Errorf("%q: %v, want %v", tc.in, err, tc.err)
		}
	}
}

func TestSettingsFallBackOnValuesOutOfRange(t *testing.T) {
	a := test.NewTempApp(t)
	p := a.Preferences()
	p.SetInt(settingClearAfter, 99999)
	p.SetInt(settingMargin, 0)
	p.SetString(settingARMAPIVersion, "latest")
	s := loadSettings(p)
	if s.clearAfter != clipboard.DefaultClearAfter || s.margin != tokens.DefaultMargin || s.armAPIVersion != "" {
		t.Errorf("settings %+v, want the defaults", s)
	}
	if !s.notifyCopy || !s.notifyRefresh || s.notifyExpiry {
		t.Errorf("notification defaults %+v", s)
	}
}

func TestSettingsViewChecksAsYouTypeAndSaves(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	guard := clipboard.NewGuard(f.clip, clipboard.DefaultClearAfter)
	w.settings.clearer = guard

	f.shortcut(fyne.KeyComma, false)
	v := w.settings
	if v.dialog == nil || f.w.win.Canvas().Overlays().Top() == nil {
		t.Fatal("Ctrl+, should open Settings")
	}
	if v.clearAfter.entry.Text != "60" || v.margin.entry.Text != "5" || v.maxWait.entry.Text != "60" || v.apiVersion.entry.Text != "" {
		t.Errorf("defaults shown: %q %q %q", v.clearAfter.entry.Text, v.margin.entry.Text, v.apiVersion.entry.Text)
	}

	for _, tc := range []struct {
		e    *settingEntry
		text string
		msg  string
	}{
		{v.clearAfter, "3601", string(errClearAfter)},
		{v.margin, "31", string(errMargin)},
		{v.maxWait, "0", string(errMaxWait)},
		{v.secretDays, "91", string(errSecretDays)},
		{v.apiVersion, "2024-13-01", string(errAPIVersion)},
	} {
		tc.e.entry.SetText(tc.text)
		if !tc.e.message.Visible() || tc.e.message.Text != tc.msg {
			t.Errorf("%q: message %q (shown %v), want %q", tc.text, tc.e.message.Text, tc.e.message.Visible(), tc.msg)
		}
		if !v.save.Disabled() {
			t.Errorf("Save should be off while %q is wrong", tc.text)
		}
	}

	v.clearAfter.entry.SetText("0")
	v.margin.entry.SetText("10")
	v.maxWait.entry.SetText("15")
	v.secretDays.entry.SetText("0")
	v.apiVersion.entry.SetText("2024-03-01-preview")
	test.Tap(v.notifyExpiry)
	if v.clearAfter.message.Visible() || v.save.Disabled() {
		t.Fatal("every value is right: the messages go and Save is on")
	}
	test.Tap(v.save)

	prefs := f.app.Preferences()
	if prefs.Int(settingClearAfter) != 0 || prefs.Int(settingMargin) != 10 || !prefs.Bool(settingNotifyExpiry) ||
		prefs.String(settingARMAPIVersion) != "2024-03-01-preview" {
		t.Errorf("preferences not saved: %v %v %v %q", prefs.Int(settingClearAfter), prefs.Int(settingMargin), prefs.Bool(settingNotifyExpiry), prefs.String(settingARMAPIVersion))
	}
	if guard.ClearAfter() != 0 {
		t.Errorf("the clipboard Guard clears after %v, want never", guard.ClearAfter())
	}
	if w.ctrl.cache.Margin() != 10*time.Minute {
		t.Errorf("the cache's margin is %v", w.ctrl.cache.Margin())
	}
	if prefs.Int(settingSecretDays) != 0 {
		t.Errorf("secret reminders saved as %d days, want 0 (never)", prefs.Int(settingSecretDays))
	}
	if prefs.Int(settingMaxWait) != 15 || w.ctrl.client.Retry.MaxRetryAfter != 15*time.Second {
		t.Errorf("the longest wait is saved as %d s and used as %v, want 15 s", prefs.Int(settingMaxWait), w.ctrl.client.Retry.MaxRetryAfter)
	}

	// An empty api-version removes the key, so readers fall back.
	w.settings.open()
	if w.settings.apiVersion.entry.Text != "2024-03-01-preview" {
		t.Errorf("Settings reopens with %q", w.settings.apiVersion.entry.Text)
	}
	w.settings.apiVersion.entry.SetText("")
	test.Tap(w.settings.save)
	if got := prefs.StringWithFallback(settingARMAPIVersion, arm.ResourceGroupsAPIVersion); got != arm.ResourceGroupsAPIVersion {
		t.Errorf("after clearing, readers get %q", got)
	}
}

func TestSettingsAreAppliedAtStart(t *testing.T) {
	f := newFixture(t)
	f.app.Preferences().SetInt(settingMargin, 20)
	w := f.open()
	if w.ctrl.cache.Margin() != 20*time.Minute {
		t.Errorf("margin %v, want the saved 20 min", w.ctrl.cache.Margin())
	}
}

func TestTheMarginSettingMovesTheExpiringWarning(t *testing.T) {
	f := newDevFixture(t)
	w, _ := f.openWithTray(true)
	f.getToken()
	f.clock.Add(45 * time.Minute) // 15 minutes left
	w.tray.tick()
	if got := f.trayItem("Copy header").Label; got != "Copy header · dev (15 min left)" {
		t.Errorf("with the default margin: %q", got)
	}
	w.settings.open()
	w.settings.margin.entry.SetText("20")
	test.Tap(w.settings.save)
	if got := f.trayItem("Copy header").Label; got != "Copy header · dev (expiring, 15 min left)" {
		t.Errorf("with a 20 minute margin: %q", got)
	}
}

func TestAboutShowsTheVersion(t *testing.T) {
	f := newFixture(t)
	w := f.open()
	var about *fyne.MenuItem
	for _, m := range w.win.MainMenu().Items {
		for _, item := range m.Items {
			if m.Label == "Help" && item.Label == "About" {
				about = item
			}
		}
	}
	if about == nil {
		t.Fatal("no Help › About")
	}
	about.Action()
	if text := f.dialogText(); !strings.Contains(text, version.Line()) {
		t.Errorf("About says %q", text)
	}
}
