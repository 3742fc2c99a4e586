package ui

import (
	"context"
	"errors"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/ui/clipboard"
)

// notifier tells the user, through the desktop's notifications, what
// happened while the window was perhaps hidden: a tray copy, an automatic
// refresh that failed, a token that expired. Each is switched in Settings.
// A notification names the profile and a time, never a token or a secret.
type notifier struct {
	ctrl  *controller
	prefs fyne.Preferences
	// send delivers a notification. Fyne's waits on D-Bus, so the real one
	// runs on its own goroutine; tests record instead.
	send func(*fyne.Notification)
	// on is set when the probe found a session bus: on Linux Fyne's
	// notifications would otherwise start a bus that outlives aztoken.
	on bool
	// unseen shows a failure in the window when notifications are off, so
	// no tray copy ever fails silently.
	unseen func(error)

	// mu guards what follows: in tests a task reports on its own
	// goroutine while the test's goes on.
	mu sync.Mutex
	// told is, per profile, the expiry of the token whose end was told:
	// once per token.
	told map[profiles.ID]time.Time
	// refreshing are the fetches auto-refresh started, watched to their
	// end. While it starts them, before holds which profiles were already
	// fetching; it is nil otherwise.
	refreshing map[profiles.ID]bool
	before     map[profiles.ID]bool
}

func newNotifier(ctrl *controller, a fyne.App) *notifier {
	return &notifier{
		ctrl:       ctrl,
		prefs:      a.Preferences(),
		send:       func(n *fyne.Notification) { go a.SendNotification(n) },
		unseen:     func(error) {},
		told:       map[profiles.ID]time.Time{},
		refreshing: map[profiles.ID]bool{},
	}
}

func (n *notifier) notify(title, content string) {
	if n.on {
		n.send(&fyne.Notification{Title: title, Content: content})
	}
}

// copied tells how a tray copy went. The expiry is a local time, in the
// zone of the controller's clock.
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
		n.notify("Copy failed", "Could not copy the header for "+p.Name+": "+notifyReason(err))
		return
	}
	at := tok.ExpiresOn.In(n.ctrl.now().Location()).Format("15:04")
	n.notify("Header copied", "Copied header for "+p.Name+" (expires "+at+")")
}

// autoRefresh runs the controller's auto-refresh and remembers which
// fetches it started, to tell if one fails. The controller's run redraws
// (and so calls observe) as each fetch starts, before its goroutine.
func (w *mainWindow) autoRefresh(now time.Time) {
	n := w.notes
	before := map[profiles.ID]bool{}
	for id, st := range w.ctrl.states {
		before[id] = st.fetching
	}
	n.mu.Lock()
	n.before = before
	n.mu.Unlock()
	w.ctrl.autoRefresh(now)
	n.mu.Lock()
	n.before = nil
	n.mu.Unlock()
}

// observe notices, on every redraw and tick, an auto-refresh that ended
// in an error and a token that ran out.
func (n *notifier) observe(now time.Time) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.before != nil {
		for id, st := range n.ctrl.states {
			if st.fetching && !n.before[id] {
				n.refreshing[id] = true
			}
		}
		return
	}
	for id := range n.refreshing {
		st, ok := n.ctrl.states[id]
		if ok && st.fetching {
			continue
		}
		delete(n.refreshing, id)
		p, found := n.ctrl.profile(id)
		if ok && found && st.err != nil && loadSettings(n.prefs).notifyRefresh {
			n.notify("Auto-refresh failed", "Could not refresh the token for "+p.Name+": "+notifyReason(st.err))
		}
	}
	for _, p := range n.ctrl.profiles() {
		tok, ok := n.ctrl.token(p)
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
