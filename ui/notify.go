package ui

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/clipboard"
)

// notifier tells the user, through the desktop's notifications, what
// happened while the window was perhaps hidden: a tray copy, an automatic
// refresh that failed, a token that expired. Each is switched in Settings.
// A notification names the profile and a time, never a token or a secret.
type notifier struct {
	tokens tokenReader
	prefs  fyne.Preferences
	// now is the clock whose zone a notification's times are in.
	now func() time.Time
	// send delivers a notification. Fyne's waits on D-Bus, so the real one
	// runs on its own goroutine; tests record instead.
	send func(*fyne.Notification)
	// on is set when the probe found a session bus: on Linux Fyne's
	// notifications would otherwise start a bus that outlives aztoken.
	on bool
	// unseen shows a failure in the window when notifications are off, so
	// no tray copy ever fails silently.
	unseen func(error)
	// told is, per profile, the expiry of the token whose end was told:
	// once per token.
	told map[profiles.ID]time.Time
}

// tokenReader is what the notifier and the tray read of the controller:
// the profiles and their cached tokens.
type tokenReader interface {
	profiles() []profiles.Profile
	profile(profiles.ID) (profiles.Profile, bool)
	token(profiles.Profile) (tokens.Token, bool)
}

func newNotifier(tr tokenReader, a fyne.App, now func() time.Time) *notifier {
	return &notifier{
		tokens: tr,
		prefs:  a.Preferences(),
		now:    now,
		send:   func(n *fyne.Notification) { go a.SendNotification(n) },
		unseen: func(error) {},
		told:   map[profiles.ID]time.Time{},
	}
}

func (n *notifier) notify(title, content string) {
	if n.on {
		n.send(&fyne.Notification{Title: title, Content: content})
	}
}

// copied tells how a tray copy went. The expiry is a local time, in the
// zone of the clock.
func (n *notifier) copied(p profiles.Profile, tok tokens.Token, err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	if !loadSettings(n.prefs).notifyCopy || !n.on {
		if err != nil {
			n.unseen(err)
		}
		return
	}
	if err != nil {
		n.notify("Copy failed", "Could not copy the header for "+whose(p)+": "+notifyReason(err))
		return
	}
	at := tok.ExpiresOn.In(n.now().Location()).Format("15:04")
	n.notify("Header copied", "Copied header for "+whose(p)+" (expires "+at+")")
}

// fetched tells of an automatic refresh that failed, for a profile that
// still exists. Every other fetch the user started and sees end: in the
// window, or in copied's notification.
func (n *notifier) fetched(e fetchEnd) {
	if e.origin != fetchAuto || e.err == nil || !loadSettings(n.prefs).notifyRefresh {
		return
	}
	if p, ok := n.tokens.profile(e.profile.ID); ok {
		if p, ok = p.WithTarget(e.profile.Picked()); ok {
			n.notify("Auto-refresh failed", "Could not refresh the token for "+whose(p)+": "+notifyReason(e.err))
		}
	}
}

// checkExpiry tells, once per token, of a token that ran out; the window
// calls it on every redraw and tick.
func (n *notifier) checkExpiry(now time.Time) {
	for _, p := range n.tokens.profiles() {
		tok, ok := n.tokens.token(p)
		if !ok || !tok.Expired(now) || n.told[p.ID].Equal(tok.ExpiresOn) {
			continue
		}
		n.told[p.ID] = tok.ExpiresOn
		if loadSettings(n.prefs).notifyExpiry {
			at := tok.ExpiresOn.In(now.Location()).Format("15:04")
			n.notify("Token expired", "The token for "+p.Name+" expired at "+at+".")
		}
	}
}

// notifyReason is the one line a notification has for a failure: what to
// install for a missing clipboard tool, else the fix, else the error.
func notifyReason(err error) string {
	if errors.Is(err, clipboard.ErrNoTool) {
		return clipboard.ErrNoTool.Error()
	}
	if fix := tokens.Fix(err); fix != "" {
		return fix
	}
	return err.Error()
}

// checkSecrets reminds, once a day (across restarts), of every client
// secret that expires within the days Settings says, or has expired.
func (n *notifier) checkSecrets(now time.Time) {
	days := loadSettings(n.prefs).secretDays
	if days == 0 || !n.on {
		return // a reminder no one could see must not count as told
	}
	today := now.Format("2006-01-02")
	for _, p := range n.tokens.profiles() {
		reminder, warning := p.SecretReminder(now)
		if warning == profiles.SecretFine || p.SecretExpires.DaysFrom(now) > days {
			continue
		}
		key := settingSecretToldOn + string(p.ID)
		if n.prefs.String(key) == today {
			continue
		}
		n.prefs.SetString(key, today)
		n.notify("Client secret expiring", "The "+reminder+" for "+p.Name+" ("+p.SecretExpires.String()+"): create a new one under App registrations › Certificates & secrets.")
	}
}
