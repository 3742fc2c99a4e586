package ui

import (
	"fmt"
	"time"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
)

// The tray menu as data. trayMenu is a pure function of the profiles and
// their token states, so what the tray offers is tested without a display
// or a bus; tray.go turns the items into a *fyne.Menu with actions.

// trayKind is what a tray item does when clicked.
type trayKind int

const (
	trayCopy trayKind = iota
	trayShow
	trayQuit
	traySeparator
	// trayNote is a line to read, never clicked.
	trayNote
)

// trayItem is one line of the tray menu. It is comparable, so the window
// rebuilds the menu only when an item really changed: every rebuild
// replaces the whole menu on the bus.
type trayItem struct {
	kind    trayKind
	label   string
	enabled bool
	// profile is whose header a trayCopy item copies, and target the name
	// of the profile's target it is for ("" for the default).
	profile profiles.ID
	target  string
}

// trayState is what the tray knows of the token of one target of a
// profile.
type trayState struct {
	token    tokens.Token
	has      bool
	fetching bool
	failed   bool
}

// trayMaxProfiles keeps the menu on a screen; the rest are in the window.
const trayMaxProfiles = 15

// Labels the tray, its tests and the end-to-end test share.
const (
	trayCopyPrefix = "Copy header · "
	// trayTargetSeparator parts a profile's name from its target's.
	trayTargetSeparator = " — "
	// trayQuitLabel is exactly Fyne's own, so Fyne appends no second Quit.
	trayQuitLabel = "Quit"
)

// trayMenu lists a copy item per profile and target, in the order given
// (the store's, by name; a profile's default target first), then Show app
// and Quit, which are always there. A profile with one target keeps one
// item under its name alone.
func trayMenu(app string, ps []profiles.Profile, states map[tokenKey]trayState, now time.Time, margin time.Duration) []trayItem {
	var items []trayItem
	for i, p := range ps {
		if i == trayMaxProfiles {
			items = append(items, trayItem{kind: trayShow, label: fmt.Sprintf("%d more profiles…", len(ps)-i), enabled: true})
			break
		}
		reminder, _ := p.SecretReminder(now)
		names := p.TargetNames()
		for j, name := range names {
			target, label := "", p.Name
			if j > 0 {
				target = name
			}
			if len(names) > 1 {
				label += trayTargetSeparator + name
			}
			st := states[tokenKey{id: p.ID, target: target}]
			status := trayStatus(st, now, margin)
			if reminder != "" {
				status += ", " + reminder
			}
			items = append(items, trayItem{
				kind:    trayCopy,
				label:   trayCopyPrefix + label + " (" + status + ")",
				enabled: !st.fetching,
				profile: p.ID,
				target:  target,
			})
		}
	}
	if len(ps) == 0 {
		items = append(items, trayItem{kind: trayNote, label: "No profiles yet"})
	}
	return append(items,
		trayItem{kind: traySeparator},
		trayItem{kind: trayShow, label: "Show " + app, enabled: true},
		trayItem{kind: traySeparator},
		trayItem{kind: trayQuit, label: trayQuitLabel, enabled: true},
	)
}

// trayStatus words a token in whole minutes: the menu is rebuilt at most
// once a minute for time alone, so seconds would only be wrong.
func trayStatus(st trayState, now time.Time, margin time.Duration) string {
	left := st.token.Remaining(now)
	switch {
	case st.fetching:
		return "getting token…"
	case st.failed:
		return "last attempt failed"
	case !st.has:
		return "no token yet"
	case st.token.Expired(now):
		return "expired"
	case left <= margin:
		// The cache no longer hands this token out: a click gets a new one.
		return fmt.Sprintf("expiring, %d min left", (left+time.Minute-1)/time.Minute)
	}
	return minutesLeft(left)
}
