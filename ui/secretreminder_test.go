package ui

import (
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
		secret := row.(*fyne.Container).Objects[1].(*fyne.Container).Objects[2].(*widget.Label)
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
