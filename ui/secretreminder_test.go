package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens/emulator"
)

// day is the calendar day d days after the fixture's start.
func day(d int) profiles.Date {
	t := testStart.AddDate(0, 0, d)
	return profiles.NewDate(t.Year(), t.Month(), t.Day())
}

// TestTheListSaysWhenASecretExpiresSoon: the row of a profile whose secret
// ends within 30 days says so in a warning colour, in danger once it has
// ended, and nothing for one far off.
func TestTheListSaysWhenASecretExpiresSoon(t *testing.T) {
	f := newFixture(t)
	soon := f.sample("soon", emulator.SampleApp)
	soon.SecretExpires = day(12)
	f.seed(soon, emulator.SampleSecret)
	gone := f.sample("gone", emulator.SampleApp)
	gone.SecretExpires = day(-3)
	f.seed(gone, emulator.SampleSecret)
	far := f.sample("far", emulator.SampleApp)
	far.SecretExpires = day(90)
	f.seed(far, emulator.SampleSecret)
	w := f.open()

	want := map[string]struct {
		text       string
		importance widget.Importance
	}{
		"soon": {"secret expires in 12 days", widget.WarningImportance},
		"gone": {"secret expired 3 days ago", widget.DangerImportance},
		"far":  {"", widget.LowImportance},
	}
	for i, p := range w.list.shown {
		row := newProfileRow()
		w.list.updateRow(i, row)
		secret := row.(*fyne.Container).Objects[0].(*fyne.Container).Objects[1].(*widget.Label)
		if w := want[p.Name]; secret.Text != w.text || secret.Importance != w.importance {
			t.Errorf("%s: %q (importance %d), want %q (%d)", p.Name, secret.Text, secret.Importance, w.text, w.importance)
		}
	}
}

func TestTheTrayItemSaysWhenASecretExpiresSoon(t *testing.T) {
	ps := []profiles.Profile{{ID: "p1", Name: "dev", SecretExpires: day(12)}}
	items := trayMenu("aztoken", ps, nil, testStart, time.Minute)
	if items[0].label != "Copy header · dev (no token yet, secret expires in 12 days)" {
		t.Errorf("tray item %q", items[0].label)
	}
}

// secretNotes are the secret reminders among the notifications sent.
func secretNotes(sent *sentNotifications) []string {
	var out []string
	for _, n := range sent.all() {
		if n.Title == "Client secret expiring" {
			out = append(out, n.Content)
		}
	}
	return out
}

// TestASecretExpiringSoonIsRemindedOnceADay: within the days Settings
// says (14 by default), one notification a day names the profile, the
// day and what to do; restarting the window the same day sends no other.
func TestASecretExpiringSoonIsRemindedOnceADay(t *testing.T) {
	f := newFixture(t)
	soon := f.sample("soon", emulator.SampleApp)
	soon.SecretExpires = day(12)
	f.seed(soon, emulator.SampleSecret)
	later := f.sample("later", emulator.SampleApp)
	later.SecretExpires = day(20) // in the list's 30 days, not the reminder's 14
	f.seed(later, emulator.SampleSecret)

	w, sent := f.openWithTray(true)
	w.refresh()
	w.refresh()
	want := "The secret expires in 12 days for soon (" + day(12).String() + "): create a new one under App registrations › Certificates & secrets."
	if got := secretNotes(sent); len(got) != 1 || got[0] != want {
		t.Fatalf("reminders %q, want once %q", got, want)
	}

	f.clock.Add(24 * time.Hour)
	w.minute(f.clock.Now())
	if got := secretNotes(sent); len(got) != 2 || !strings.Contains(got[1], "expires in 11 days for soon") {
		t.Errorf("next day: %q", got)
	}

	f.app.Preferences().SetInt(settingSecretDays, 0)
	f.clock.Add(24 * time.Hour)
	w.minute(f.clock.Now())
	if got := secretNotes(sent); len(got) != 2 {
		t.Errorf("with reminders off: %q", got)
	}
}

// TestTheProfileHeaderSaysWhenItsSecretExpires: under the profile's name
// the form says when its secret ends, in the list's colours, and nothing
// when no date is set.
func TestTheProfileHeaderSaysWhenItsSecretExpires(t *testing.T) {
	f := newFixture(t)
	ids := map[string]profiles.ID{}
	for name, d := range map[string]int{"soon": 12, "gone": -3, "far": 90, "none": 0} {
		p := f.sample(name, emulator.SampleApp)
		if d != 0 {
			p.SecretExpires = day(d)
		}
		ids[name] = f.seed(p, emulator.SampleSecret).ID
	}
	w := f.open()
	for _, c := range []struct {
		name, want string
		importance widget.Importance
	}{
		{"soon", "Secret expires in 12 days (" + day(12).String() + ")", widget.WarningImportance},
		{"gone", "Secret expired 3 days ago (" + day(-3).String() + ")", widget.DangerImportance},
		{"far", "Secret expires in 90 days (" + day(90).String() + ")", widget.LowImportance},
		{"none", "", widget.MediumImportance},
	} {
		w.acts.selectProfile(ids[c.name])
		line := w.editor.secretLine
		if got := line.Text; got != c.want || line.Visible() != (c.want != "") {
			t.Errorf("%s: the header says %q (shown: %v), want %q", c.name, got, line.Visible(), c.want)
		}
		if c.want != "" && line.Importance != c.importance {
			t.Errorf("%s: the header's colour is %v, want %v", c.name, line.Importance, c.importance)
		}
	}
}
