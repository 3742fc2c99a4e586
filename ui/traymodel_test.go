package ui

import (
	"fmt"
	"runtime"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
)

// The tray menu as a model: labels and states for each kind of token,
// without a display or a bus.

func tokenFor(now time.Time, left time.Duration) tokens.Token {
	return tokens.Token{AccessToken: "eyJ.x.y", Type: "Bearer", ObtainedAt: now.Add(left - time.Hour), ExpiresOn: now.Add(left)}
}

func TestTrayMenuWordsEachTokenState(t *testing.T) {
	now := testStart
	margin := tokens.DefaultMargin
	for _, tc := range []struct {
		name    string
		state   trayState
		label   string
		enabled bool
	}{
		{"no token", trayState{}, "Copy header · dev (no token yet)", true},
		{"valid", trayState{token: tokenFor(now, 42*time.Minute+10*time.Second), has: true}, "Copy header · dev (42 min left)", true},
		{"expiring soon", trayState{token: tokenFor(now, 3*time.Minute+20*time.Second), has: true}, "Copy header · dev (expiring, 4 min left)", true},
		{"last seconds", trayState{token: tokenFor(now, 20*time.Second), has: true}, "Copy header · dev (expiring, 1 min left)", true},
		{"expired", trayState{token: tokenFor(now, -time.Minute), has: true}, "Copy header · dev (expired)", true},
		{"error", trayState{token: tokenFor(now, 42*time.Minute), has: true, failed: true}, "Copy header · dev (last attempt failed)", true},
		{"fetching", trayState{fetching: true}, "Copy header · dev (getting token…)", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps := []profiles.Profile{{ID: "p1", Name: "dev"}}
			items := trayMenu("aztoken", ps, map[tokenKey]trayState{{id: "p1"}: tc.state}, now, margin)
			want := trayItem{kind: trayCopy, label: tc.label, enabled: tc.enabled, profile: "p1"}
			if items[0] != want {
				t.Errorf("got %+v\nwant %+v", items[0], want)
			}
		})
	}
}

func TestTrayMenuAlwaysEndsWithShowAndQuit(t *testing.T) {
	items := trayMenu("aztoken", nil, nil, testStart, tokens.DefaultMargin)
	want := []trayItem{
		{kind: trayNote, label: "No profiles yet"},
		{kind: traySeparator},
		{kind: trayShow, label: "Show aztoken", enabled: true},
		{kind: traySeparator},
		{kind: trayQuit, label: "Quit", enabled: true},
	}
	if !slices.Equal(items, want) {
		t.Errorf("without profiles:\n%+v\nwant\n%+v", items, want)
	}
}

func TestTrayMenuKeepsTheProfilesOrderAndCapsALongList(t *testing.T) {
	var ps []profiles.Profile
	for i := range 20 {
		ps = append(ps, profiles.Profile{ID: profiles.ID(fmt.Sprint("id", i)), Name: fmt.Sprintf("p%02d", i)})
	}
	items := trayMenu("aztoken", ps, nil, testStart, tokens.DefaultMargin)
	for i := range trayMaxProfiles {
		if want := "Copy header · " + ps[i].Name + " (no token yet)"; items[i].label != want || items[i].profile != ps[i].ID {
			t.Fatalf("item %d is %+v, want %q in the profiles' order", i, items[i], want)
		}
	}
	more := items[trayMaxProfiles]
	if more.kind != trayShow || more.label != "5 more profiles…" || !more.enabled {
		t.Errorf("after %d profiles: %+v, want a way to the window for the other 5", trayMaxProfiles, more)
	}
	if last := items[len(items)-1]; last.kind != trayQuit || last.label != "Quit" {
		t.Errorf("last item %+v", last)
	}
	if len(items) != trayMaxProfiles+5 {
		t.Errorf("%d items", len(items))
	}
}

func TestTrayMenuItemsCarryTheActions(t *testing.T) {
	items := trayMenu("aztoken", []profiles.Profile{{ID: "p1", Name: "my_dev"}}, map[tokenKey]trayState{{id: "p1"}: {fetching: true}}, testStart, tokens.DefaultMargin)
	var copied profiles.ID
	var shown, quit bool
	menu := trayMenuItems(items, func(id profiles.ID, _ string) { copied = id }, func() { shown = true }, func() { quit = true })

	label := "Copy header · my_dev (getting token…)"
	if runtime.GOOS == "linux" {
		label = "Copy header · my__dev (getting token…)" // dbusmenu's "_" is an access key
	}
	if menu[0].Label != label || !menu[0].Disabled {
		t.Errorf("first item %q, disabled %v", menu[0].Label, menu[0].Disabled)
	}
	menu[0].Action()
	byLabel := map[string]*fyne.MenuItem{}
	for _, mi := range menu {
		byLabel[mi.Label] = mi
	}
	byLabel["Show aztoken"].Action()
	byLabel["Quit"].Action()
	if copied != "p1" || !shown || !quit {
		t.Errorf("actions: copied %q, shown %v, quit %v", copied, shown, quit)
	}
	if !byLabel["Quit"].IsQuit || !menu[len(menu)-1].IsQuit {
		t.Error("Quit must be last and marked, or Fyne appends a second one")
	}
	if !menu[1].IsSeparator {
		t.Error("a separator should part the profiles from Show")
	}
}
